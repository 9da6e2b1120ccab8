package com.bourse.simulator;

import com.bourse.protocol.Command;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Replays price histories as a live market: each minute bar, the simulated market makers re-quote a ladder of bids
 * and asks around the bar's close (inside the instrument's price band) and simulated order flow trades against it,
 * so the book, the last price and the volume follow the history. It only produces commands; whoever runs it
 * submits them to a venue.
 *
 * <p>Deterministic: the same market, seed and first order id give the same commands. Order ids count up from just
 * above the floor it is given, one counter for both accounts, so the caller decides once where they start (above
 * any id the accounts used before) and never has to patch them. Not thread-safe: one simulation clock drives it.
 */
public final class MarketSimulator {
    private static final int LEVELS = 5;
    /**
     * A quote worth more than the engine's large-amount line (100,000 currency units) would be held for a risk
     * officer and never reach the book, so dear instruments get smaller quotes.
     */
    private static final long QUOTE_VALUE_CAP_UNITS = 90_000;

    private final SimulatedMarket market;
    private final long seed;
    private final SplittableRandom random;
    private long lastOrderId;
    private int barIndex;
    /** This day replays the history from its last minute back to its first. */
    private final boolean backwards;

    /**
     * @param market     what to replay and as whom
     * @param seed       the random choices of quote sizes and order flow
     * @param orderIdFloor every order id this simulator places is greater than this (not negative)
     */
    public MarketSimulator(SimulatedMarket market, long seed, long orderIdFloor) {
        this(market, seed, orderIdFloor, 0, new SplittableRandom(seed), false);
    }

    private MarketSimulator(SimulatedMarket market, long seed, long orderIdFloor, int barIndex,
                            SplittableRandom random, boolean backwards) {
        if (orderIdFloor < 0) {
            throw new IllegalArgumentException("orderIdFloor must not be negative, got " + orderIdFloor);
        }
        if (barIndex < 0 || barIndex > market.minutes()) {
            throw new IllegalArgumentException("barIndex must be within the day's " + market.minutes()
                    + " minutes, got " + barIndex);
        }
        this.market = market;
        this.seed = seed;
        this.random = random;
        this.lastOrderId = orderIdFloor;
        this.barIndex = barIndex;
        this.backwards = backwards;
    }

    /**
     * A day that stopped (a restart, a crash) picked up at the minute it had reached, so the prices go on from
     * there instead of jumping back to the day's open. The day's sizes and flow are drawn from a stream seeded by
     * the day's {@link #seed()} and {@code barIndex}: a resumed day is deterministic too (one resumed at its first
     * minute is the day itself), though after the first minute not the same draws as an uninterrupted one.
     *
     * @param seed      the stopped day's {@link #seed()}
     * @param barIndex  the stopped day's {@link #barIndex()}: the next minute to replay
     * @param backwards the stopped day's {@link #backwards()}
     */
    public static MarketSimulator resume(SimulatedMarket market, long seed, int barIndex, boolean backwards,
                                         long orderIdFloor) {
        return new MarketSimulator(market, seed, orderIdFloor, barIndex,
                new SplittableRandom(barIndex == 0 ? seed : seed * 31 + barIndex), backwards);
    }

    /** Whether this day walks the history from its last minute to its first (see {@link #nextDay()}). */
    public boolean backwards() {
        return backwards;
    }

    /** This day's seed: with {@link #barIndex()} it is where a stopped simulation {@link #resume}s. */
    public long seed() {
        return seed;
    }

    /** Whether any instrument has history left to replay today. */
    public boolean hasNextBar() {
        return barIndex < market.minutes();
    }

    /** Minutes replayed so far today. */
    public int barIndex() {
        return barIndex;
    }

    /** The highest order id placed so far (the floor before the first). */
    public long lastOrderId() {
        return lastOrderId;
    }

    /**
     * The next trading day over the same history: a new random stream (seeded from this day's seed and length, so
     * a restarted day does not repeat the last one) and order ids continuing above this day's. It walks the history
     * the other way, so it opens where this day closed: starting the history over would drop (or lift) every price
     * from the day's close to its open within one simulated minute, a crash no trader can tell from a real one.
     */
    public MarketSimulator nextDay() {
        return new MarketSimulator(market, seed + barIndex, lastOrderId, 0, new SplittableRandom(seed + barIndex),
                !backwards);
    }

    /**
     * Commands for the next minute of every instrument that has one: the makers' mass cancel and fresh quotes, then
     * the flow's market orders. Instruments are stamped one millisecond apart from {@code timestamp} on.
     */
    public List<Command> nextBar(long timestamp) {
        List<Command> commands = new ArrayList<>();
        long t = timestamp;
        for (Instrument instrument : market.instruments()) {
            List<PriceBar> bars = market.bars(instrument);
            if (barIndex >= bars.size()) {
                continue;
            }
            PriceBar bar = backwards ? bars.get(bars.size() - 1 - barIndex).reversed() : bars.get(barIndex);
            commands.add(new Command.MassCancel(t, market.makerUser(), market.makerAccount(), instrument.id()));
            long tick = instrument.tickSize();
            long mid = clampToBand(instrument, bar.close());
            for (int level = 1; level <= LEVELS; level++) {
                commands.add(quote(t, instrument, Side.BUY, clampToBand(instrument, mid - level * tick)));
                commands.add(quote(t, instrument, Side.SELL, clampToBand(instrument, mid + level * tick)));
            }
            int trades = 1 + (int) Math.min(4, bar.volume() / 500);
            for (int i = 0; i < trades; i++) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long quantity = lots(instrument, 1 + random.nextInt(20));
                commands.add(new Command.PlaceOrder(t, market.flowUser(), ++lastOrderId, market.flowAccount(),
                        instrument.id(), side, OrderType.MARKET, TimeInForce.IOC, 0, 0, quantity, 0, false));
            }
            t++;
        }
        barIndex++;
        return commands;
    }

    private Command quote(long t, Instrument instrument, Side side, long price) {
        long belowReview = Math.max(1,
                QUOTE_VALUE_CAP_UNITS * FixedPoint.pow10(instrument.priceScale()) / Math.max(1, price));
        long quantity = lots(instrument, Math.min(50 + random.nextInt(450), belowReview));
        return new Command.PlaceOrder(t, market.makerUser(), ++lastOrderId, market.makerAccount(), instrument.id(), side,
                OrderType.LIMIT, TimeInForce.DAY, price, 0, quantity, 0, false);
    }

    private static long lots(Instrument instrument, long units) {
        return Math.max(1, units / instrument.lotSize()) * instrument.lotSize();
    }

    private static long clampToBand(Instrument instrument, long price) {
        long snapped = Math.floorDiv(price, instrument.tickSize()) * instrument.tickSize();
        return Math.max(instrument.lowestPrice(), Math.min(instrument.highestPrice(), snapped));
    }
}
