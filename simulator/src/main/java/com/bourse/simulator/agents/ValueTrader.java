package com.bourse.simulator.agents;

import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.simulator.scenario.AgentKind;
import com.bourse.simulator.scenario.Params;

/**
 * Trades toward its noisy estimate of the fundamental: buys at the ask when the ask is {@code threshold_ticks}
 * below it, sells at the bid when the bid is as far above, immediate-or-cancel, within {@code max_position} of
 * where it started. What pulls a mispriced market (after a fat finger or a halt) back.
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
        if (ask > 0 && estimate - (double) ask / tick >= thresholdTicks && inventory() + quantity <= maxPosition) {
            placeLimit(orders, Side.BUY, ask, quantity, TimeInForce.IOC, false);
        } else if (bid > 0 && (double) bid / tick - estimate >= thresholdTicks && -inventory() + quantity <= maxPosition
                && available() >= quantity) {
            placeLimit(orders, Side.SELL, bid, quantity, TimeInForce.IOC, false);
        }
        return after(now, meanMillis);
    }
}
