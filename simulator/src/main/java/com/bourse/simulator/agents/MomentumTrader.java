package com.bourse.simulator.agents;

import com.bourse.protocol.Side;
import com.bourse.simulator.scenario.AgentKind;
import com.bourse.simulator.scenario.Params;

/**
 * Follows the trend of the mid it sees: a fast and a slow moving average (time constants {@code fast_s} and
 * {@code slow_s}); when the fast one is {@code threshold_ticks} above the slow one it buys at the market, below it
 * sells, within {@code max_position} of where it started.
 */
public final class MomentumTrader extends Agent {
    private final double meanMillis;
    private final double fastMillis;
    private final double slowMillis;
    private final double thresholdTicks;
    private final double size;
    private final long maxPosition;
    private double fast;
    private double slow;
    private long lastWake;

    public MomentumTrader(AgentSeat seat, Params params) {
        super(AgentKind.MOMENTUM, seat, 1);
        this.meanMillis = params.real("interval_s", 15) * 1000;
        this.fastMillis = params.real("fast_s", 60) * 1000;
        this.slowMillis = params.real("slow_s", 600) * 1000;
        this.thresholdTicks = params.real("threshold_ticks", 6);
        this.size = params.real("size", 50);
        this.maxPosition = params.whole("max_position", 2_000);
    }

    @Override
    public long wake(Orders orders) {
        long now = orders.now();
        double mid = book.doubleMid() / (2.0 * tick);
        if (lastWake == 0) {
            fast = mid;
            slow = mid;
        } else {
            double dt = now - lastWake;
            fast += (1 - StrictMath.exp(-dt / fastMillis)) * (mid - fast);
            slow += (1 - StrictMath.exp(-dt / slowMillis)) * (mid - slow);
        }
        lastWake = now;
        if (book.halted()) {
            return after(now, meanMillis);
        }
        long quantity = lots(size * (0.5 + random.nextDouble()));
        double signal = fast - slow;
        if (signal >= thresholdTicks && inventory() + quantity <= maxPosition) {
            placeMarket(orders, Side.BUY, quantity);
        } else if (signal <= -thresholdTicks && -inventory() + quantity <= maxPosition && available() >= quantity) {
            placeMarket(orders, Side.SELL, quantity);
        }
        return after(now, meanMillis);
    }
}
