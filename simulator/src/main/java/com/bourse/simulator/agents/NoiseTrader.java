package com.bourse.simulator.agents;

import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.simulator.scenario.AgentKind;
import com.bourse.simulator.scenario.Params;

/**
 * Zero-intelligence flow: at random times, cancels its oldest order now and then, and sends a buy or a sell of
 * random size: a market order ({@code market_pct} of the time) or a day limit order behind its side's best price
 * (1 to {@code offset_ticks} ticks behind), rarely improving it by a tick. It only sells what it holds.
 */
public final class NoiseTrader extends Agent {
    private final double meanMillis;
    private final double marketShare;
    private final double size;
    private final double offsetTicks;
    private final double cancelShare;

    public NoiseTrader(AgentSeat seat, Params params) {
        super(AgentKind.NOISE, seat, (int) Math.max(1, params.whole("max_orders", 4)));
        this.meanMillis = params.real("interval_s", 20) * 1000;
        this.marketShare = params.real("market_pct", 30) / 100;
        this.size = params.real("size", 50);
        this.offsetTicks = params.real("offset_ticks", 8);
        this.cancelShare = params.real("cancel_pct", 30) / 100;
    }

    @Override
    public long wake(Orders orders) {
        long now = orders.now();
        if (book.halted()) {
            return after(now, meanMillis);
        }
        if (working.size() > 0 && (working.full() || random.nextDouble() < cancelShare)) {
            cancel(orders, working.id(oldest()));
        }
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long quantity = lots(lot + size * -StrictMath.log(1 - random.nextDouble()));
        if (side == Side.SELL && available() < quantity) {
            long sellable = available() / lot * lot;
            if (sellable > 0) {
                quantity = sellable;
            } else {
                side = Side.BUY;
            }
        }
        if (random.nextDouble() < marketShare) {
            placeMarket(orders, side, quantity);
        } else if (!working.full()) {
            // Passive: behind its side's best, rarely one tick better (crossing is what market orders do); orders
            // at the touch would go stale when the value moves and make the mid lag it.
            long offset = random.nextDouble() < 0.03 ? -1 : 1 + (long) (offsetTicks * random.nextDouble());
            long price;
            if (side == Side.BUY) {
                long touch = book.bestBid() > 0 ? book.bestBid() : book.midOnTick();
                price = touch - offset * tick;
                if (book.bestAsk() > 0 && price >= book.bestAsk()) {
                    price = book.bestAsk() - tick;
                }
            } else {
                long touch = book.bestAsk() > 0 ? book.bestAsk() : book.midOnTick() + tick;
                price = touch + offset * tick;
                if (book.bestBid() > 0 && price <= book.bestBid()) {
                    price = book.bestBid() + tick;
                }
            }
            price = inBand(price);
            if (price > 0) {
                placeLimit(orders, side, price, quantity, TimeInForce.DAY, false);
            }
        }
        return after(now, meanMillis);
    }
}
