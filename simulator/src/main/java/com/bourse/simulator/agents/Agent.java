package com.bourse.simulator.agents;

import com.bourse.protocol.Command;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.simulator.scenario.AgentKind;

import java.util.SplittableRandom;

/**
 * A simulated participant: its own user and account in one instrument, a private random stream, and what its own
 * events told it (working orders, position, cash spent and received). It sees the market only through its
 * {@link BookView}; it acts when the session wakes it and says when it wants to wake next. Order ids are its
 * account id in the high 32 bits and a counter below, so they rise per account and never collide.
 * Simulation thread only.
 */
public abstract sealed class Agent permits MarketMaker, NoiseTrader, ValueTrader, MomentumTrader {
    /**
     * No simulated order is worth more than this many currency units: the engine holds orders above its
     * large-amount line (100,000 by default) and watches for amounts just under it (structuring), and simulated
     * flow that waits for a risk officer would be no flow at all.
     */
    public static final long ORDER_VALUE_CAP_UNITS = 75_000;

    protected final AgentKind kind;
    protected final long userId;
    protected final long accountId;
    protected final Instrument instrument;
    protected final BookView book;
    protected final SplittableRandom random;
    protected final long tick;
    protected final long lot;
    final WorkingOrders working;
    private final long notionalDivisor;
    private final long startPosition;
    private long position;
    private long cashDelta;
    private long sequence;
    /** The order being amended right now: a refused amendment leaves it working. */
    private long amending;

    protected Agent(AgentKind kind, AgentSeat seat, int maxWorking) {
        this.kind = kind;
        this.userId = seat.userId();
        this.accountId = seat.accountId();
        this.instrument = seat.book().instrument();
        this.book = seat.book();
        this.random = seat.random();
        this.tick = instrument.tickSize();
        this.lot = instrument.lotSize();
        this.working = new WorkingOrders(maxWorking);
        this.notionalDivisor = FixedPoint.pow10(instrument.priceScale() - seat.currencyDigits());
        this.startPosition = seat.position();
        this.position = seat.position();
    }

    /** Acts at {@code orders.now()}; returns when it wants to act next (epoch ms, later than now). */
    public abstract long wake(Orders orders);

    public AgentKind kind() {
        return kind;
    }

    public long accountId() {
        return accountId;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Units held now. */
    public long position() {
        return position;
    }

    /** Units bought minus sold today. */
    public long inventory() {
        return position - startPosition;
    }

    /** The day's result marked at {@code price}, in minor units of the instrument's currency. */
    public long pnl(long price) {
        return cashDelta + Math.multiplyExact(inventory(), price) / notionalDivisor;
    }

    // ---- What the engine said about this agent's orders -------------------------------------------------------

    public void onFill(long orderId, Side side, long price, long quantity, long leaves) {
        long cash = price * quantity / notionalDivisor;
        if (side == Side.BUY) {
            position += quantity;
            cashDelta -= cash;
        } else {
            position -= quantity;
            cashDelta += cash;
        }
        working.filled(orderId, leaves);
    }

    public void onReplaced(long orderId, long price, long quantity) {
        working.amend(orderId, price, quantity);
    }

    /** Cancelled, expired or, unless it was an amendment that was refused, rejected. */
    public void onRejected(long orderId) {
        if (orderId != amending) {
            working.done(orderId);
        }
    }

    public void onDone(long orderId) {
        working.done(orderId);
    }

    // ---- Acting -------------------------------------------------------------------------------------------------

    /** Position not promised to working sell orders. */
    protected long available() {
        return position - working.sellLeaves();
    }

    protected long placeLimit(Orders orders, Side side, long price, long quantity, TimeInForce tif,
                              boolean postOnly) {
        quantity = capped(quantity, price);
        long id = nextOrderId();
        if (tif != TimeInForce.IOC) {
            working.add(id, side, price, quantity, orders.now());
        }
        orders.send(new Command.PlaceOrder(orders.now(), userId, id, accountId, instrument.id(), side, OrderType.LIMIT,
                tif, price, 0, quantity, 0, postOnly));
        return id;
    }

    protected void placeMarket(Orders orders, Side side, long quantity) {
        orders.send(Command.PlaceOrder.market(orders.now(), userId, nextOrderId(), accountId, instrument.id(), side,
                capped(quantity, book.doubleMid() / 2)));
    }

    protected void amend(Orders orders, long orderId, long price, long quantity) {
        amending = orderId;
        orders.send(new Command.ReplaceOrder(orders.now(), userId, orderId, price, capped(quantity, price)));
        amending = 0;
    }

    protected void cancel(Orders orders, long orderId) {
        orders.send(new Command.CancelOrder(orders.now(), userId, orderId));
    }

    /** The working order entered first, or -1. */
    protected int oldest() {
        int oldest = -1;
        for (int i = 0; i < working.size(); i++) {
            if (oldest < 0 || working.entered(i) < working.entered(oldest)) {
                oldest = i;
            }
        }
        return oldest;
    }

    /** A Poisson clock: the next wake after an exponential wait of mean {@code meanMillis}. */
    protected long after(long now, double meanMillis) {
        return now + Math.max(1, (long) (-meanMillis * StrictMath.log(1 - random.nextDouble())));
    }

    /** {@code quantity}, lowered (in lots) so that at {@code price} it stays under {@link #ORDER_VALUE_CAP_UNITS}. */
    protected long capped(long quantity, long price) {
        long most = ORDER_VALUE_CAP_UNITS * FixedPoint.pow10(instrument.priceScale()) / Math.max(1, price);
        return Math.min(quantity, Math.max(lot, most / lot * lot));
    }

    /** At least one lot, rounded down to lots. */
    protected long lots(double units) {
        return Math.max(1, (long) (units / lot)) * lot;
    }

    /** {@code price} if the band allows it, else 0. */
    protected long inBand(long price) {
        return price >= instrument.lowestPrice() && price <= instrument.highestPrice() ? price : 0;
    }

    protected double gaussian() {
        double u = 1 - random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
    }

    private long nextOrderId() {
        return (accountId << 32) | ++sequence;
    }
}
