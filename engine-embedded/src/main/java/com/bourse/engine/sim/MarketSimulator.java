package com.bourse.engine.sim;

import com.bourse.protocol.Command;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Replays the sample price histories as a live market: each minute bar, the simulated market makers
 * re-quote a ladder of bids and asks around the bar's close and simulated order flow trades against it,
 * so the book, the last price and volume follow the history. Makers and flow are two accounts of the
 * simulator user, so they never self-trade. Seeded: the same seed gives the same market.
 * Not thread-safe; one simulation clock drives it.
 */
public final class MarketSimulator {
    public static final long FLOW_ACCOUNT = 9002;
    private static final int LEVELS = 5;

    private final SampleData data;
    private final long makerUser;
    private final SplittableRandom random;
    private long makerOrderId;
    private long flowOrderId;
    private int barIndex;

    public MarketSimulator(SampleData data, long seed) {
        this.data = data;
        this.makerUser = data.userIdOf("market");
        this.random = new SplittableRandom(seed);
        this.makerOrderId = 1_000_000_000L;
        this.flowOrderId = 2_000_000_000L;
    }

    /** Minutes of history left to replay. */
    public boolean hasNextBar() {
        for (List<SampleData.Bar> bars : data.priceHistory().values()) {
            if (barIndex < bars.size()) {
                return true;
            }
        }
        return false;
    }

    public int barIndex() {
        return barIndex;
    }

    /** Commands for the next minute of every instrument, stamped from {@code timestamp} on. */
    public List<Command> nextBar(long timestamp) {
        List<Command> commands = new ArrayList<>();
        long t = timestamp;
        for (Instrument instrument : data.instruments()) {
            List<SampleData.Bar> bars = data.priceHistory().get(instrument.symbol());
            if (bars == null || barIndex >= bars.size()) {
                continue;
            }
            SampleData.Bar bar = bars.get(barIndex);
            long makerAccount = SampleData.MARKET_MAKER_ACCOUNT;
            commands.add(new Command.MassCancel(t, makerUser, makerAccount, instrument.id()));
            long tick = instrument.tickSize();
            long mid = clampToBand(instrument, bar.close());
            for (int level = 1; level <= LEVELS; level++) {
                long bid = clampToBand(instrument, mid - level * tick);
                long ask = clampToBand(instrument, mid + level * tick);
                commands.add(quote(t, makerAccount, instrument, Side.BUY, bid));
                commands.add(quote(t, makerAccount, instrument, Side.SELL, ask));
            }
            int trades = 1 + (int) Math.min(4, bar.volume() / 500);
            for (int i = 0; i < trades; i++) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long quantity = lots(instrument, 1 + random.nextInt(20));
                commands.add(new Command.PlaceOrder(t, makerUser, ++flowOrderId, FLOW_ACCOUNT,
                        instrument.id(), side, OrderType.MARKET, TimeInForce.IOC, 0, 0, quantity, 0, false));
            }
            t++;
        }
        barIndex++;
        return commands;
    }

    private Command quote(long t, long account, Instrument instrument, Side side, long price) {
        // A quote worth more than the engine's large-amount line (100,000 currency units) would be held for a
        // risk officer and never reach the book, so dear instruments get smaller quotes.
        long belowReview = Math.max(1, 90_000 * pow10(instrument.priceScale()) / Math.max(1, price));
        long quantity = lots(instrument, Math.min(50 + random.nextInt(450), belowReview));
        return new Command.PlaceOrder(t, makerUser, ++makerOrderId, account, instrument.id(), side, OrderType.LIMIT,
                TimeInForce.DAY, price, 0, quantity, 0, false);
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    private static long lots(Instrument instrument, long units) {
        return Math.max(1, units / instrument.lotSize()) * instrument.lotSize();
    }

    private static long clampToBand(Instrument instrument, long price) {
        long tick = instrument.tickSize();
        long snapped = Math.floorDiv(price, tick) * tick;
        return Math.max(instrument.lowestPrice(), Math.min(instrument.highestPrice(), snapped));
    }
}
