package com.bourse.simulator.agents;

import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.simulator.scenario.AgentKind;
import com.bourse.simulator.scenario.Params;

/**
 * Trades toward its noisy estimate of the fundamental: when the ask is {@code threshold_ticks} below it, buys every
 * offer up to that distance below it (at least its usual size), and sells every bid as far above it likewise,
 * immediate-or-cancel, within {@code max_position} of where it started. What pulls a mispriced market (after a fat
 * finger, a halt, or quotes left behind by a moving value) back.
 */
public final class ValueTrader extends Agent {
    private final FundamentalPath fundamental;
    private final double meanMillis;
    private final long thresholdTicks;
    private final double size;
    private final double noiseTicks;
    private final long maxPosition;

    public ValueTrader(AgentSeat seat, Params params, FundamentalPath fundamental) {
        super(AgentKind.VALUE, seat, 1);
        this.fundamental = fundamental;
        this.meanMillis = params.real("interval_s", 30) * 1000;
        this.thresholdTicks = params.whole("threshold_ticks", 4);
        this.size = params.real("size", 100);
        this.noiseTicks = params.real("noise_ticks", 3);
        this.maxPosition = params.whole("max_position", 5_000);
    }

    @Override
    public long wake(Orders orders) {
        long now = orders.now();
        if (book.halted()) {
            return after(now, meanMillis);
        }
        double estimate = fundamental.value() / tick + noiseTicks * gaussian();
        long quantity = lots(size * (0.5 + random.nextDouble()));
        long ask = book.bestAsk();
        long bid = book.bestBid();
        // It takes every offer still mispriced by the threshold, not just the best one: orders left behind when the
        // value moved would otherwise hold the mid back for minutes, and returns would trend (autocorrelate).
        long buyUpTo = inBand((long) StrictMath.floor(estimate - thresholdTicks) * tick);
        long sellDownTo = inBand((long) StrictMath.ceil(estimate + thresholdTicks) * tick);
        if (ask > 0 && buyUpTo >= ask && inventory() + quantity <= maxPosition) {
            long mispriced = Math.max(quantity, shown(Side.SELL, ask, buyUpTo));
            placeLimit(orders, Side.BUY, buyUpTo, Math.min(mispriced, (maxPosition - inventory()) / lot * lot),
                    TimeInForce.IOC, false);
        } else if (bid > 0 && sellDownTo > 0 && bid >= sellDownTo && -inventory() + quantity <= maxPosition
                && available() >= quantity) {
            long mispriced = Math.max(quantity, shown(Side.BUY, sellDownTo, bid));
            long room = Math.min(available(), maxPosition + inventory()) / lot * lot;
            placeLimit(orders, Side.SELL, sellDownTo, Math.min(mispriced, room), TimeInForce.IOC, false);
        }
        return after(now, meanMillis);
    }

    /** The quantity shown on {@code side} from {@code low} to {@code high}, both included. */
    private long shown(Side side, long low, long high) {
        long total = 0;
        for (long price = low; price <= high; price += tick) {
            total += book.quantityAt(side, price);
        }
        return total;
    }
}
