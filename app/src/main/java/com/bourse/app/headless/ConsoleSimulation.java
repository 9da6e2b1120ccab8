package com.bourse.app.headless;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.venue.EmbeddedVenue;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.simulator.MarketSimulator;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A trading day of the sample market in the terminal, with no window and nothing written to disk: an in-memory
 * engine seeded with the {@link SampleWorld} of {@code sample-data/}, the market simulator replaying its price
 * histories, and the market printed every simulated hour.
 * Usage: {@code ConsoleSimulation [bars] [seed]}, or {@code mvn -pl app exec:exec@console-sim -Dsim.args="120 7"}.
 */
public final class ConsoleSimulation {
    private static final long SESSION_OPEN = 1_795_683_600_000L; // 2026-11-25 09:00 CET

    private ConsoleSimulation() {
    }

    public static void main(String[] args) throws Exception {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        SampleWorld world = SampleWorld.read(SampleWorld.locate());
        AtomicLong trades = new AtomicLong();
        AtomicLong rejects = new AtomicLong();
        try (EmbeddedVenue venue = new EmbeddedVenue(new Engine(EngineConfig.defaults()))) {
            venue.subscribe(event -> {
                if (event instanceof Event.Trade) {
                    trades.incrementAndGet();
                } else if (event instanceof Event.OrderRejected || event instanceof Event.CommandRejected) {
                    rejects.incrementAndGet();
                }
            });
            for (Command command : world.seed(SESSION_OPEN)) {
                submit(venue, command);
            }
            MarketSimulator simulator = new MarketSimulator(world.simulatedMarket(), seed, 0);
            System.out.printf("Bourse simulation: %d instruments, %d accounts, seed %d%n",
                    world.instruments().size(), world.accounts().size(), seed);
            while (simulator.hasNextBar() && simulator.barIndex() < bars) {
                long minuteStart = SESSION_OPEN + simulator.barIndex() * 60_000L;
                for (Command command : simulator.nextBar(minuteStart)) {
                    submit(venue, command);
                }
                if (simulator.barIndex() % 60 == 0) {
                    printMarket(venue, world, simulator.barIndex(), trades.get());
                }
            }
            printMarket(venue, world, simulator.barIndex(), trades.get());
            List<String> unbalanced = venue.query(engine -> engine.assets().stream()
                    .filter(asset -> engine.ledgerTotal(asset) != 0).toList()).get(5, TimeUnit.SECONDS);
            System.out.printf("%d trades, %d rejected commands, ledger %s%n", trades.get(), rejects.get(),
                    unbalanced.isEmpty() ? "balanced in every asset" : "UNBALANCED in " + unbalanced);
        }
    }

    private static void submit(EmbeddedVenue venue, Command command) throws InterruptedException {
        while (!venue.submit(command)) {
            Thread.sleep(1);
        }
    }

    private static void printMarket(EmbeddedVenue venue, SampleWorld world, int minute, long trades) throws Exception {
        System.out.printf("%n%02d:%02d  trades so far %d%n", 9 + minute / 60, minute % 60, trades);
        System.out.printf("  %-6s %12s %10s %12s %10s %12s%n", "symbol", "bid qty", "bid", "ask", "ask qty", "last");
        for (Instrument instrument : world.instruments()) {
            String line = venue.query(engine -> {
                List<BookLevel> bids = engine.depth(instrument.id(), Side.BUY, 1);
                List<BookLevel> asks = engine.depth(instrument.id(), Side.SELL, 1);
                return String.format("  %-6s %12s %10s %12s %10s %12s", instrument.symbol(),
                        bids.isEmpty() ? "-" : bids.get(0).quantity(),
                        bids.isEmpty() ? "-" : price(instrument, bids.get(0).price()),
                        asks.isEmpty() ? "-" : price(instrument, asks.get(0).price()),
                        asks.isEmpty() ? "-" : asks.get(0).quantity(),
                        price(instrument, engine.lastTradePrice(instrument.id())));
            }).get(5, TimeUnit.SECONDS);
            System.out.println(line);
        }
    }

    private static String price(Instrument instrument, long price) {
        return FixedPoint.toPlainString(price, instrument.priceScale());
    }
}
