package com.bourse.engine.model;

import com.bourse.engine.Engine;
import com.bourse.engine.model.CommandStream.Scope;
import com.bourse.engine.model.TradingFloor.Seat;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The nightly-style long run of {@link EngineMatchesReferenceModelProperties}: millions of random commands (stops
 * elected mid-sweep, cascades, amended stops and totals, per-account ids included) through the engine and the
 * {@link ReferenceExchange}, event for event, with books and balances compared every {@value #STATE_EVERY}
 * commands and at the end of each session. Not part of the suite:
 *
 * <pre>mvn -pl engine-embedded test-compile exec:exec@reference-run [-Dreference.args="commands perSession seed"]</pre>
 *
 * Sessions are fresh floors of {@code perSession} commands each (seeds {@code seed}, {@code seed + 1}, ...), so a
 * book never grows past what a day holds. Prints what the stream exercised and the first divergence, if any (with
 * its seed and command number, which the property test reproduces); exits 1 on a divergence.
 */
public final class ReferenceModelRun {
    private static final int STATE_EVERY = 1_000;

    private ReferenceModelRun() {
    }

    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long firstSeed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Tally tally = new Tally();
        long started = System.nanoTime();
        long seed = firstSeed;
        for (long done = 0; done < total; seed++) {
            int length = (int) Math.min(perSession, total - done);
            String divergence = session(seed, length, tally);
            done += length;
            if (divergence != null) {
                System.out.println("DIVERGED " + divergence);
                tally.print(System.nanoTime() - started);
                System.exit(1);
            }
        }
        tally.print(System.nanoTime() - started);
        System.out.printf("sessions: %d (seeds %d..%d), divergences: 0%n", seed - firstSeed, firstSeed, seed - 1);
    }

    /** One fresh floor and {@code length} commands; the first divergence described, or null. */
    private static String session(long seed, int length, Tally tally) {
        TradingFloor floor = TradingFloor.forMatching(2);
        Engine engine = floor.openEngine();
        ReferenceExchange model = floor.openReferenceExchange();
        CommandStream stream = new CommandStream(seed, floor, Scope.MATCHING);
        for (int i = 0; i < length; i++) {
            Command command = stream.next();
            List<Event> actual = new ArrayList<>();
            engine.apply(command, actual::add);
            List<Event> expected = model.apply(command);
            if (!actual.equals(expected)) {
                return "seed " + seed + " command #" + i + " " + command + "\n  engine: " + actual + "\n  model:  "
                        + expected;
            }
            tally.count(command, actual);
            if (i % STATE_EVERY == STATE_EVERY - 1 || i == length - 1) {
                String state = sameState(floor, engine, model);
                if (state != null) {
                    return "seed " + seed + " command #" + i + " " + command + ": " + state;
                }
            }
        }
        return null;
    }

    private static String sameState(TradingFloor floor, Engine engine, ReferenceExchange model) {
        for (Instrument instrument : floor.instruments) {
            for (Side side : Side.values()) {
                if (!engine.depth(instrument.id(), side, Integer.MAX_VALUE).equals(model.depth(instrument.id(), side))) {
                    return side + " book of " + instrument.symbol() + " differs";
                }
            }
        }
        for (Seat seat : TradingFloor.SEATS) {
            for (String asset : floor.assets()) {
                long account = seat.accountId();
                if (engine.balance(account, asset) != model.balance(account, asset)
                        || engine.held(account, asset) != model.held(account, asset)) {
                    return "balance or hold of " + asset + " in account " + account + " differs";
                }
            }
        }
        return null;
    }

    /** What the compared streams exercised. */
    private static final class Tally {
        long commands;
        long events;
        long trades;
        long stopsAccepted;
        long stopsElected;
        long electedMidSweep;
        long commandsWithSeveralElections;
        long stopAmendments;
        long amendmentsKeepingPriority;
        final Map<ErrorCode, Long> refusals = new EnumMap<>(ErrorCode.class);
        final Map<CancelReason, Long> cancels = new EnumMap<>(CancelReason.class);

        void count(Command command, List<Event> answer) {
            commands++;
            events += answer.size();
            int elections = 0;
            long lastTradePrice = Long.MIN_VALUE;
            for (Event event : answer) {
                switch (event) {
                    case Event.Trade t -> {
                        trades++;
                        lastTradePrice = t.price();
                    }
                    case Event.OrderAccepted a when a.type() == OrderType.STOP || a.type() == OrderType.STOP_LIMIT ->
                            stopsAccepted++;
                    case Event.OrderTriggered t -> {
                        stopsElected++;
                        elections++;
                        // Elected by a trade other than the last one before it: reached in the middle of a sweep.
                        if (!Objects.equals(t.lastTradePrice(), lastTradePrice)) {
                            electedMidSweep++;
                        }
                    }
                    case Event.OrderReplaced r -> {
                        if (r.stopPrice() != 0) {
                            stopAmendments++;
                        }
                        if (r.keptPriority()) {
                            amendmentsKeepingPriority++;
                        }
                    }
                    case Event.OrderRejected r -> refusals.merge(r.reason(), 1L, Long::sum);
                    case Event.OrderCancelled c -> cancels.merge(c.reason(), 1L, Long::sum);
                    default -> {
                    }
                }
            }
            if (elections > 1) {
                commandsWithSeveralElections++;
            }
        }

        void print(long nanos) {
            double seconds = nanos / 1e9;
            System.out.printf("commands: %,d in %.1f s (%,.0f commands/s through engine and model)%n", commands,
                    seconds, commands / seconds);
            System.out.printf("events compared: %,d; trades: %,d%n", events, trades);
            System.out.printf("stops accepted: %,d; elected: %,d (mid-sweep: %,d); commands electing several "
                    + "(same trades or cascades): %,d%n", stopsAccepted, stopsElected, electedMidSweep,
                    commandsWithSeveralElections);
            System.out.printf("waiting stops amended: %,d; amendments keeping priority: %,d%n", stopAmendments,
                    amendmentsKeepingPriority);
            System.out.println("refusals: " + refusals);
            System.out.println("cancels: " + cancels);
        }
    }
}
