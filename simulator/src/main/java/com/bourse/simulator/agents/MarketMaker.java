package com.bourse.simulator.agents;

import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.simulator.scenario.AgentKind;
import com.bourse.simulator.scenario.Params;

/**
 * Quotes a ladder on both sides around its estimate of the fundamental. The half-spread is a floor plus a multiple
 * of the volatility it has seen in that value over the last minute or so (so it widens in a fast market); the centre leans against its
 * inventory ({@code skew_ticks} at {@code max_inventory}), and past {@code max_inventory} it stops adding to it. Quotes are post-only and re-priced by
 * amendment, so the maker never takes liquidity and never cancels-and-crosses.
 */
public final class MarketMaker extends Agent {
    private final FundamentalPath fundamental;
    private final double meanMillis;
    private final long minHalfTicks;
    private final double volSpread;
    private final int levels;
    private final long levelTicks;
    private final long size;
    private final double skewTicks;
    private final long maxInventory;
    private final double noiseTicks;
    private final long[] bidIds;
    private final long[] askIds;
    /** Variance of the value it follows, in ticks squared per second: how fast the market is. */
    private double variance;
    private double lastValue;
    private long lastWake;

    public MarketMaker(AgentSeat seat, Params params, FundamentalPath fundamental) {
        super(AgentKind.MARKET_MAKER, seat, 2 * (int) params.whole("levels", 3));
        this.fundamental = fundamental;
        this.meanMillis = params.real("interval_s", 1.5) * 1000;
        this.minHalfTicks = Math.max(1, params.whole("half_spread_ticks", 2));
        this.volSpread = params.real("vol_spread", 1);
        this.levels = (int) Math.max(1, params.whole("levels", 3));
        this.levelTicks = Math.max(1, params.whole("level_ticks", 1));
        this.size = lots(params.real("size", 200));
        this.maxInventory = Math.max(lot, params.whole("max_inventory", 20 * size));
        this.skewTicks = params.real("skew_ticks", 3);
        this.noiseTicks = params.real("noise_ticks", 1);
        this.bidIds = new long[levels];
        this.askIds = new long[levels];
    }

    /** The half-spread in ticks it quotes now. */
    public long halfSpreadTicks() {
        return minHalfTicks + StrictMath.round(volSpread * StrictMath.sqrt(variance * 60));
    }

    @Override
    public long wake(Orders orders) {
        long now = orders.now();
        double value = fundamental.value() / tick;
        if (lastWake > 0 && now > lastWake) {
            double moved = value - lastValue;
            variance = 0.95 * variance + 0.05 * moved * moved * 1000 / (now - lastWake);
        }
        lastValue = value;
        lastWake = now;
        if (book.halted()) {
            return after(now, meanMillis);
        }
        double fair = value + noiseTicks * gaussian() - skewTicks * inventory() / maxInventory;
        long half = halfSpreadTicks();
        long bidTop = ((long) StrictMath.floor(fair) - half) * tick;
        long askTop = ((long) StrictMath.ceil(fair) + half) * tick;
        for (int level = 0; level < levels; level++) {
            long offset = level * levelTicks * tick;
            if (inventory() > maxInventory) {
                withdraw(orders, bidIds, level);
            } else {
                bidIds[level] = quote(orders, Side.BUY, bidIds[level], inBand(bidTop - offset), size);
            }
            long askSize = Math.min(size, (available() + quantityOf(askIds[level])) / lot * lot);
            if (inventory() < -maxInventory || askSize <= 0) {
                withdraw(orders, askIds, level);
            } else {
                askIds[level] = quote(orders, Side.SELL, askIds[level], inBand(askTop + offset), askSize);
            }
        }
        return after(now, meanMillis);
    }

    /** Keeps one quote at {@code price}: amends the working one if it moved, or enters a new one. */
    private long quote(Orders orders, Side side, long id, long price, long quantity) {
        if (price == 0) {
            return id;
        }
        // Join the other side's best rather than cross it: post-only would refuse a crossing quote anyway.
        if (side == Side.BUY && book.bestAsk() > 0 && price >= book.bestAsk()) {
            price = book.bestAsk() - tick;
        } else if (side == Side.SELL && book.bestBid() > 0 && price <= book.bestBid()) {
            price = book.bestBid() + tick;
        }
        price = inBand(price);
        if (price == 0) {
            return id;
        }
        int i = id == 0 ? -1 : working.indexOf(id);
        if (i >= 0) {
            if (working.price(i) != price) {
                amend(orders, id, price, quantity);
            }
            return id;
        }
        return placeLimit(orders, side, price, quantity, TimeInForce.DAY, true);
    }

    private void withdraw(Orders orders, long[] ids, int level) {
        if (ids[level] != 0 && working.indexOf(ids[level]) >= 0) {
            cancel(orders, ids[level]);
        }
        ids[level] = 0;
    }

    /** Open quantity of a working sell quote (what it already promises), 0 if it is gone. */
    private long quantityOf(long askId) {
        int i = askId == 0 ? -1 : working.indexOf(askId);
        return i < 0 ? 0 : working.leaves(i);
    }
}
