package com.bourse.bench.stream;

import java.util.SplittableRandom;

/**
 * Builds an {@link OrderStream}: 60% resting limit orders near the touch, 20% cancels of live orders and 20%
 * immediate-or-cancel orders that sweep one or more price levels, each on an instrument drawn uniformly.
 *
 * <p>Each instrument has a fair value that wanders one tick at a time inside a quarter of the band; resting
 * orders join an exponentially distributed number of ticks behind it (never crossing the book). The size of an
 * aggressive order is set from the book it meets: it takes a number of whole resting orders whose mean grows
 * with the book's depth relative to the target (twice the target depth, twice the take), plus part of the next
 * one, and is priced 0-2 ticks beyond the last price it needs. That feedback is what keeps the books near their
 * target depth with a fixed 60/20/20 mix. One aggressive order in ten asks for extra size and leaves an
 * unfilled remainder. When a cancel or an aggressive order is impossible (empty book), a resting order is
 * generated instead; the profile reports the mix actually produced.
 */
final class OrderStreamGenerator {
    private static final int FAIR_STEP_ODDS = 32;

    private final StreamSpec spec;
    private final SplittableRandom random;
    private final ShadowBook[] books;
    private final long[] fair;
    private final long fairLow;
    private final long fairHigh;
    private final long maxDepthTicks;

    private final byte[] kind;
    private final long[] orderIds;
    private final int[] accounts;
    private final int[] instruments;
    private final boolean[] buys;
    private final long[] prices;
    private final long[] quantities;

    private long nextOrderId = 1;
    private long adds;
    private long cancels;
    private long aggressive;
    private long trades;
    private long tradedQuantity;
    private long withRemainder;
    private long levelsCrossed;
    private int maxLevelsCrossed;
    private double liveSum;

    OrderStreamGenerator(StreamSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.books = new ShadowBook[spec.instruments()];
        this.fair = new long[spec.instruments()];
        for (int i = 0; i < books.length; i++) {
            books[i] = new ShadowBook(spec.lowestPriceTicks(), spec.highestPriceTicks());
            fair[i] = spec.referencePriceTicks();
        }
        this.fairLow = spec.referencePriceTicks() - spec.bandTicks() / 4;
        this.fairHigh = spec.referencePriceTicks() + spec.bandTicks() / 4;
        this.maxDepthTicks = spec.bandTicks() / 4 - 1;
        int n = spec.commands();
        kind = new byte[n];
        orderIds = new long[n];
        accounts = new int[n];
        instruments = new int[n];
        buys = new boolean[n];
        prices = new long[n];
        quantities = new long[n];
    }

    OrderStream generate() {
        for (int i = 0; i < spec.commands(); i++) {
            int instrument = spec.instruments() == 1 ? 0 : random.nextInt(spec.instruments());
            ShadowBook book = books[instrument];
            wanderFairValue(instrument);
            instruments[i] = instrument;
            int roll = random.nextInt(100);
            boolean done = false;
            if (roll >= 80) {
                done = aggressive(i, book);
            } else if (roll >= 60) {
                done = cancel(i, book);
            }
            if (!done) {
                add(i, instrument, book);
            }
            liveSum += book.liveCount();
        }
        long live = 0;
        for (ShadowBook book : books) {
            live += book.liveCount();
        }
        StreamProfile profile = new StreamProfile(adds, cancels, aggressive, trades, tradedQuantity, withRemainder,
                levelsCrossed, maxLevelsCrossed, liveSum / spec.commands(), live);
        return new OrderStream(spec, profile, kind, orderIds, accounts, instruments, buys, prices, quantities);
    }

    private void wanderFairValue(int instrument) {
        if (random.nextInt(FAIR_STEP_ODDS) == 0) {
            long step = random.nextBoolean() ? 1 : -1;
            fair[instrument] = clamp(fair[instrument] + step, fairLow, fairHigh);
        }
    }

    private void add(int i, int instrument, ShadowBook book) {
        boolean buy = random.nextBoolean();
        long depth = Math.min(maxDepthTicks, (long) (-Math.log(1 - random.nextDouble()) * spec.meanDepthTicks()));
        long price;
        if (buy) {
            long anchor = fair[instrument] - 1;
            if (book.hasAsks() && anchor >= book.bestAskPrice()) {
                anchor = book.bestAskPrice() - 1;
            }
            price = anchor - depth;
        } else {
            long anchor = fair[instrument] + 1;
            if (book.hasBids() && anchor <= book.bestBidPrice()) {
                anchor = book.bestBidPrice() + 1;
            }
            price = anchor + depth;
        }
        long qty = 1 + random.nextInt(spec.maxQuantity());
        int owner = random.nextInt(spec.makers());
        long id = nextOrderId++;
        book.rest(id, owner, buy, price, qty);
        record(i, OrderStream.ADD, id, owner, buy, price, qty);
        adds++;
    }

    private boolean cancel(int i, ShadowBook book) {
        if (book.liveCount() == 0) {
            return false;
        }
        int h = book.randomLive(random);
        record(i, OrderStream.CANCEL, book.orderIdOf(h), book.accountOf(h), book.isBuy(h), book.priceOf(h),
                book.quantityOf(h));
        book.cancel(h);
        cancels++;
        return true;
    }

    private boolean aggressive(int i, ShadowBook book) {
        boolean buy = random.nextBoolean();
        if (book.firstInPriority(buy) == ShadowBook.NONE) {
            buy = !buy;
            if (book.firstInPriority(buy) == ShadowBook.NONE) {
                return false;
            }
        }
        double meanTake = Math.max(0.25, Math.min(8.0, 2.0 * book.liveCount() / spec.targetLiveOrdersPerInstrument()));
        int wholeOrders = (int) (random.nextDouble() * 2 * meanTake + 0.5);
        long qty = 0;
        long lastPrice = 0;
        int h = book.firstInPriority(buy);
        for (int taken = 0; taken < wholeOrders && h != ShadowBook.NONE; taken++) {
            qty += book.quantityOf(h);
            lastPrice = book.priceOf(h);
            h = book.nextInPriority(h);
        }
        if (h != ShadowBook.NONE) {
            long part = random.nextLong(book.quantityOf(h));
            if (part > 0 || qty == 0) {
                qty += Math.max(1, part);
                lastPrice = book.priceOf(h);
            }
        }
        long slack = random.nextInt(3);
        long limit = clamp(buy ? lastPrice + slack : lastPrice - slack, spec.lowestPriceTicks(),
                spec.highestPriceTicks());
        if (random.nextInt(10) == 0) {
            qty += 1 + random.nextInt(spec.maxQuantity());
        }
        int taker = spec.makers() + random.nextInt(spec.accounts() - spec.makers());
        long id = nextOrderId++;
        long filled = book.match(buy, limit, qty);
        record(i, OrderStream.AGGRESSIVE, id, taker, buy, limit, qty);
        aggressive++;
        trades += book.lastTrades;
        tradedQuantity += filled;
        levelsCrossed += book.lastLevels;
        maxLevelsCrossed = Math.max(maxLevelsCrossed, book.lastLevels);
        if (filled < qty) {
            withRemainder++;
        }
        return true;
    }

    /** Math.clamp is Java 21; this module stays on 17 so exchange-core's JVM can load it. */
    private static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }

    private void record(int i, byte k, long id, int owner, boolean buy, long price, long qty) {
        kind[i] = k;
        orderIds[i] = id;
        accounts[i] = owner;
        buys[i] = buy;
        prices[i] = price;
        quantities[i] = qty;
    }
}
