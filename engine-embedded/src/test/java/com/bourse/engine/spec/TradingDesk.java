package com.bourse.engine.spec;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.WorkingOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A trading desk for specifications: an engine booted with EUR, two instruments, an admin, two risk officers,
 * and as many funded traders as a test asks for, with helpers that read like a trader's ticket.
 * Every command is stamped with the desk's clock, which moves one millisecond per command.
 *
 * <p>ACME trades in cents (price scale 2 in EUR, so cash = price × quantity cents), tick 0.01, lot 1, around
 * 100.00 with a ±10% band (90.00 to 110.00). BOND has tick 0.05 and lot 10, for tick and lot rules.
 */
final class TradingDesk {
    static final String EUR = "EUR";
    static final long ACME = 1;
    static final String ACME_SYMBOL = "ACME";
    static final long BOND = 2;
    static final long REFERENCE_PRICE = 100_00;
    static final long BAND_LOW = 90_00;
    static final long BAND_HIGH = 110_00;

    static final long ADMIN = 1;
    static final long OFFICER = 2;
    static final long SECOND_OFFICER = 3;
    /** Keeps the books: deposits, withdrawals, payments, their settlement, end of day. */
    static final long BACK_OFFICE = 4;

    /** Cash every new trader starts with: 50,000.00 EUR, well below the large-amount review threshold. */
    static final long STARTING_CASH = 5_000_000;
    /** ACME shares every new trader starts with. */
    static final long STARTING_SHARES = 500;
    static final long THROTTLE_WINDOW_MILLIS = RiskLimits.defaults().throttleWindowMillis();

    /** Who trades: the user entering orders and the account they trade for. */
    record Trader(long userId, long accountId) {
    }

    /** What one command did: the order or transfer id it carried and the events it caused, in order. */
    record Outcome(long id, List<Event> events) {

        <T extends Event> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends Event> T only(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                throw new AssertionError("expected exactly one " + type.getSimpleName() + " but got " + events);
            }
            return found.getFirst();
        }

        boolean has(Class<? extends Event> type) {
            return events.stream().anyMatch(type::isInstance);
        }

        List<Event.Trade> trades() {
            return all(Event.Trade.class);
        }

        /** The code an order or command was refused with, or null when it was not refused. */
        ErrorCode rejection() {
            for (Event event : events) {
                if (event instanceof Event.OrderRejected r) {
                    return r.reason();
                }
                if (event instanceof Event.CommandRejected r) {
                    return r.reason();
                }
            }
            return null;
        }
    }

    private final Engine engine;
    private final List<Event> journal = new ArrayList<>();
    private long now = 1_700_000_040_000L;
    private long nextUserId = 100;
    private long nextAccountId = 1_000;
    private long nextOrderId = 10_000;
    private long nextTransferId = 50_000;

    private TradingDesk(EngineConfig config) {
        this.engine = new Engine(config);
    }

    /** A desk with the engine's default rules: risk weights 0.4/0.3/0.3, default limits, review at 0.8. */
    static TradingDesk open() {
        // A small order pool keeps each desk cheap to open; it sizes memory only, never behaviour.
        return open(EngineConfig.defaults().withExpectedLiveOrders(256));
    }

    static TradingDesk open(EngineConfig config) {
        TradingDesk desk = new TradingDesk(config);
        desk.bootstrap(ts -> new Command.AddCurrency(ts, Command.SYSTEM_USER, new Currency(EUR, 2)));
        desk.bootstrap(ts -> new Command.RegisterUser(ts, Command.SYSTEM_USER, ADMIN, Role.mask(Role.ADMIN)));
        desk.bootstrap(ts -> new Command.RegisterUser(ts, Command.SYSTEM_USER, OFFICER, Role.mask(Role.RISK_OFFICER)));
        desk.bootstrap(ts -> new Command.RegisterUser(ts, Command.SYSTEM_USER, SECOND_OFFICER,
                Role.mask(Role.RISK_OFFICER)));
        desk.bootstrap(ts -> new Command.RegisterUser(ts, Command.SYSTEM_USER, BACK_OFFICE,
                Role.mask(Role.BACK_OFFICE)));
        desk.bootstrap(ts -> new Command.ListInstrument(ts, ADMIN,
                new Instrument(ACME, ACME_SYMBOL, EUR, 2, 1, 1, REFERENCE_PRICE, 1_000)));
        desk.bootstrap(ts -> new Command.ListInstrument(ts, ADMIN,
                new Instrument(BOND, "BOND", EUR, 2, 5, 10, REFERENCE_PRICE, 500)));
        desk.journal.clear();
        return desk;
    }

    Engine engine() {
        return engine;
    }

    /** Every event since the desk opened (bootstrap excluded), in order. */
    List<Event> journal() {
        return List.copyOf(journal);
    }

    // ---- People and accounts --------------------------------------------------------------------

    /** A trader with an account that cancels the resting order on self-trades (the exchange default), funded. */
    Trader trader() {
        return trader(SelfTradePrevention.CANCEL_OLDEST);
    }

    Trader trader(SelfTradePrevention selfTradePrevention) {
        Trader trader = unfundedTrader(Role.mask(Role.TRADER), selfTradePrevention);
        fund(trader, EUR, STARTING_CASH);
        fund(trader, ACME_SYMBOL, STARTING_SHARES);
        return trader;
    }

    /** A funded trader who is also a risk officer: the case the four-eyes rule exists for. */
    Trader traderWhoIsAlsoOfficer() {
        Trader trader = unfundedTrader(Role.mask(Role.TRADER, Role.RISK_OFFICER), SelfTradePrevention.CANCEL_OLDEST);
        fund(trader, EUR, STARTING_CASH);
        fund(trader, ACME_SYMBOL, STARTING_SHARES);
        return trader;
    }

    Trader unfundedTrader() {
        return unfundedTrader(Role.mask(Role.TRADER), SelfTradePrevention.CANCEL_OLDEST);
    }

    private Trader unfundedTrader(int roles, SelfTradePrevention selfTradePrevention) {
        long userId = nextUserId++;
        long accountId = nextAccountId++;
        bootstrap(ts -> new Command.RegisterUser(ts, ADMIN, userId, roles));
        bootstrap(ts -> new Command.OpenAccount(ts, ADMIN, accountId, userId, EUR, selfTradePrevention));
        return new Trader(userId, accountId);
    }

    /** Another funded account owned by the same trader: one person trading through two accounts. */
    Trader secondAccountOf(Trader trader) {
        long accountId = nextAccountId++;
        bootstrap(ts -> new Command.OpenAccount(ts, ADMIN, accountId, trader.userId(), EUR,
                SelfTradePrevention.CANCEL_OLDEST));
        Trader second = new Trader(trader.userId(), accountId);
        fund(second, EUR, STARTING_CASH);
        fund(second, ACME_SYMBOL, STARTING_SHARES);
        return second;
    }

    /** Registers a user with the given roles and returns their id. */
    long user(Role... roles) {
        long userId = nextUserId++;
        bootstrap(ts -> new Command.RegisterUser(ts, ADMIN, userId, Role.mask(roles)));
        return userId;
    }

    /**
     * Deposits {@code amount} of an asset and settles it, as the back office would; a deposit the risk layer
     * holds (a large one) is approved by a risk officer first.
     */
    void fund(Trader trader, String asset, long amount) {
        long transferId = nextTransferId++;
        bootstrap(ts -> new Command.RequestTransfer(ts, BACK_OFFICE, transferId, TransferKind.DEPOSIT, 0,
                trader.accountId(), asset, amount));
        if (engine.transferState(transferId) == TransferState.PENDING) {
            bootstrap(ts -> new Command.Approve(ts, OFFICER, ReviewSubject.TRANSFER, transferId));
        }
        bootstrap(ts -> new Command.SettleTransfer(ts, BACK_OFFICE, transferId, true));
        if (engine.transferState(transferId) != TransferState.COMPLETED) {
            throw new IllegalStateException("funding " + trader + " with " + amount + " " + asset + " did not complete");
        }
    }

    /** Lifts the order throttle so a test can enter many orders for the account within one window. */
    void allowManyOrders(Trader trader) {
        RiskLimits d = RiskLimits.defaults();
        setLimits(OFFICER, trader, new RiskLimits(d.maxOrderQuantity(), d.maxOrderNotional(), d.maxPosition(),
                10_000, d.throttleWindowMillis()));
    }

    // ---- Orders ---------------------------------------------------------------------------------

    Outcome buyLimit(Trader trader, long price, long quantity) {
        return place(limit(trader, Side.BUY, price, quantity));
    }

    Outcome sellLimit(Trader trader, long price, long quantity) {
        return place(limit(trader, Side.SELL, price, quantity));
    }

    Outcome buyMarket(Trader trader, long quantity) {
        return place(order(trader, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, quantity, 0, false));
    }

    Outcome sellMarket(Trader trader, long quantity) {
        return place(order(trader, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 0, quantity, 0, false));
    }

    Outcome buyStop(Trader trader, long stopPrice, long quantity) {
        return place(order(trader, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, stopPrice, quantity, 0, false));
    }

    Outcome sellStop(Trader trader, long stopPrice, long quantity) {
        return place(order(trader, Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, stopPrice, quantity, 0, false));
    }

    Outcome buyStopLimit(Trader trader, long stopPrice, long price, long quantity) {
        return place(order(trader, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.GTC, price, stopPrice, quantity, 0,
                false));
    }

    Outcome sellStopLimit(Trader trader, long stopPrice, long price, long quantity) {
        return place(order(trader, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.GTC, price, stopPrice, quantity, 0,
                false));
    }

    Outcome sellIceberg(Trader trader, long price, long quantity, long displayQuantity) {
        return place(order(trader, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, 0, quantity, displayQuantity,
                false));
    }

    Outcome postOnly(Trader trader, Side side, long price, long quantity) {
        return place(order(trader, side, OrderType.LIMIT, TimeInForce.GTC, price, 0, quantity, 0, true));
    }

    /** A GTC limit ticket on ACME with the next order id; change it with {@code withTimeInForce} before placing. */
    Command.PlaceOrder limit(Trader trader, Side side, long price, long quantity) {
        return order(trader, side, OrderType.LIMIT, TimeInForce.GTC, price, 0, quantity, 0, false);
    }

    /** A GTC limit ticket on another instrument with the next order id. */
    Command.PlaceOrder limit(Trader trader, long instrumentId, Side side, long price, long quantity) {
        return new Command.PlaceOrder(now, trader.userId(), nextOrderId++, trader.accountId(), instrumentId, side,
                OrderType.LIMIT, TimeInForce.GTC, price, 0, quantity, 0, false);
    }

    /** Any ACME ticket with the next order id. */
    Command.PlaceOrder order(Trader trader, Side side, OrderType type, TimeInForce timeInForce, long price,
                             long stopPrice, long quantity, long displayQuantity, boolean postOnly) {
        return new Command.PlaceOrder(now, trader.userId(), nextOrderId++, trader.accountId(), ACME, side, type,
                timeInForce, price, stopPrice, quantity, displayQuantity, postOnly);
    }

    /** What an OCO or bracket entry did, with the ids it took (entry 0 for a plain pair). */
    record OcoOutcome(long entry, long target, long stop, Outcome outcome) {
    }

    /** A GTC one-cancels-other pair on ACME: a limit at the target price and a stop, both of one side and size. */
    OcoOutcome oco(Trader trader, Side side, long quantity, long targetPrice, long stopPrice) {
        long target = nextOrderId++;
        long stop = nextOrderId++;
        Outcome outcome = apply(ts -> new Command.PlaceOco(ts, trader.userId(), trader.accountId(), ACME, side,
                TimeInForce.GTC, quantity, target, targetPrice, stop, stopPrice, 0, 0), target);
        return new OcoOutcome(0, target, stop, outcome);
    }

    /** A GTC bracket on ACME: buy {@code quantity} at the entry price, then a sell target and a sell stop. */
    OcoOutcome longBracket(Trader trader, long quantity, long entryPrice, long targetPrice, long stopPrice) {
        long entry = nextOrderId++;
        long target = nextOrderId++;
        long stop = nextOrderId++;
        Outcome outcome = apply(ts -> new Command.PlaceOco(ts, trader.userId(), trader.accountId(), ACME, Side.SELL,
                TimeInForce.GTC, quantity, target, targetPrice, stop, stopPrice, entry, entryPrice), entry);
        return new OcoOutcome(entry, target, stop, outcome);
    }

    /** Places a ticket at the desk's current time (its own timestamp is replaced). */
    Outcome place(Command.PlaceOrder t) {
        return apply(ts -> new Command.PlaceOrder(ts, t.userId(), t.orderId(), t.accountId(), t.instrumentId(),
                t.side(), t.type(), t.timeInForce(), t.price(), t.stopPrice(), t.quantity(), t.displayQuantity(),
                t.postOnly()), t.orderId());
    }

    /** Cancels the trader's order, naming the trader's account. */
    Outcome cancel(Trader trader, long orderId) {
        return apply(ts -> new Command.CancelOrder(ts, trader.userId(), orderId, trader.accountId()), orderId);
    }

    /** Amends the trader's limit order to a new price and a new <em>total</em> quantity (filled part included). */
    Outcome replace(Trader trader, long orderId, long newPrice, long newTotalQuantity) {
        return amend(trader, orderId, newPrice, 0, newTotalQuantity);
    }

    /** Amends the trader's order: limit price (0 for a stop), stop price (0 keeps it), new total quantity. */
    Outcome amend(Trader trader, long orderId, long newPrice, long newStopPrice, long newTotalQuantity) {
        return apply(ts -> new Command.ReplaceOrder(ts, trader.userId(), orderId, trader.accountId(), newPrice,
                newStopPrice, newTotalQuantity), orderId);
    }

    Outcome massCancel(long userId, long accountId, long instrumentId) {
        return apply(ts -> new Command.MassCancel(ts, userId, accountId, instrumentId));
    }

    Outcome endOfDay() {
        return apply(ts -> new Command.EndOfDay(ts, ADMIN));
    }

    Outcome halt(long userId, long instrumentId) {
        return apply(ts -> new Command.HaltInstrument(ts, userId, instrumentId));
    }

    Outcome resume(long userId, long instrumentId) {
        return apply(ts -> new Command.ResumeInstrument(ts, userId, instrumentId));
    }

    // ---- Risk officer ---------------------------------------------------------------------------

    Outcome approveOrder(long officer, long orderId) {
        return apply(ts -> new Command.Approve(ts, officer, ReviewSubject.ORDER, orderId), orderId);
    }

    Outcome rejectOrder(long officer, long orderId) {
        return apply(ts -> new Command.Reject(ts, officer, ReviewSubject.ORDER, orderId, "too large"), orderId);
    }

    Outcome approveTransfer(long officer, long transferId) {
        return apply(ts -> new Command.Approve(ts, officer, ReviewSubject.TRANSFER, transferId), transferId);
    }

    Outcome rejectTransfer(long officer, long transferId) {
        return apply(ts -> new Command.Reject(ts, officer, ReviewSubject.TRANSFER, transferId, "suspicious"),
                transferId);
    }

    Outcome engageKillSwitch(long userId, Trader trader) {
        return apply(ts -> new Command.EngageKillSwitch(ts, userId, trader.accountId()));
    }

    Outcome releaseKillSwitch(long userId, Trader trader) {
        return apply(ts -> new Command.ReleaseKillSwitch(ts, userId, trader.accountId()));
    }

    Outcome setLimits(long userId, Trader trader, RiskLimits limits) {
        return apply(ts -> new Command.SetRiskLimits(ts, userId, trader.accountId(), limits));
    }

    // ---- Transfers ------------------------------------------------------------------------------

    long nextTransferId() {
        return nextTransferId++;
    }

    Outcome deposit(long userId, long transferId, Trader to, String asset, long amount) {
        return requestTransfer(userId, transferId, TransferKind.DEPOSIT, 0, to.accountId(), asset, amount);
    }

    Outcome withdraw(long userId, long transferId, Trader from, String asset, long amount) {
        return requestTransfer(userId, transferId, TransferKind.WITHDRAWAL, from.accountId(), 0, asset, amount);
    }

    /** A payment of {@code amount} plus {@code fee} from one trader's account to another's, with a reference. */
    Outcome pay(long userId, long paymentId, Trader from, Trader to, long amount, long fee, String reference) {
        return apply(ts -> new Command.RequestPayment(ts, userId, paymentId, from.accountId(), to.accountId(), EUR,
                amount, fee, reference), paymentId);
    }

    Outcome transferBetween(long userId, long transferId, Trader from, Trader to, String asset, long amount) {
        return requestTransfer(userId, transferId, TransferKind.INTERNAL, from.accountId(), to.accountId(), asset,
                amount);
    }

    Outcome requestTransfer(long userId, long transferId, TransferKind kind, long fromAccountId, long toAccountId,
                            String asset, long amount) {
        return apply(ts -> new Command.RequestTransfer(ts, userId, transferId, kind, fromAccountId, toAccountId,
                asset, amount), transferId);
    }

    Outcome settle(long transferId, boolean settled) {
        return apply(ts -> new Command.SettleTransfer(ts, BACK_OFFICE, transferId, settled), transferId);
    }

    Outcome cancelTransfer(long userId, long transferId) {
        return apply(ts -> new Command.CancelTransfer(ts, userId, transferId), transferId);
    }

    // ---- Any command ----------------------------------------------------------------------------

    /** Applies a command built for the desk's current time and returns what it caused. */
    Outcome apply(LongFunction<Command> command) {
        return apply(command, 0);
    }

    private Outcome apply(LongFunction<Command> command, long id) {
        List<Event> events = new ArrayList<>();
        engine.apply(command.apply(now++), event -> {
            events.add(event);
            journal.add(event);
        });
        return new Outcome(id, List.copyOf(events));
    }

    private void bootstrap(LongFunction<Command> command) {
        Outcome outcome = apply(command);
        if (outcome.rejection() != null) {
            throw new IllegalStateException("desk setup was refused: " + outcome.events());
        }
    }

    // ---- Time -----------------------------------------------------------------------------------

    /** Moves the clock on by {@code millis} (every command still adds its own millisecond). */
    void later(long millis) {
        now += millis;
    }

    /** The desk's clock: the timestamp the next command will carry. */
    long now() {
        return now;
    }

    /** Moves the clock to the first millisecond of the next order-throttle window. */
    void startNextThrottleWindow() {
        now = (Math.floorDiv(now, THROTTLE_WINDOW_MILLIS) + 1) * THROTTLE_WINDOW_MILLIS;
    }

    // ---- What the desk sees ---------------------------------------------------------------------

    List<BookLevel> bids() {
        return engine.depth(ACME, Side.BUY, 100);
    }

    List<BookLevel> asks() {
        return engine.depth(ACME, Side.SELL, 100);
    }

    long cash(Trader trader) {
        return engine.balance(trader.accountId(), EUR);
    }

    long heldCash(Trader trader) {
        return engine.held(trader.accountId(), EUR);
    }

    long shares(Trader trader) {
        return engine.balance(trader.accountId(), ACME_SYMBOL);
    }

    long heldShares(Trader trader) {
        return engine.held(trader.accountId(), ACME_SYMBOL);
    }

    List<WorkingOrder> working(Trader trader) {
        return engine.workingOrders(trader.accountId());
    }

    /** This desk's engine restored from its own snapshot: what a restart continues with. */
    Engine restored() {
        return Engine.restore(engine.config(), engine.snapshot());
    }

    /** The account's working order with that id, or null when it no longer works. */
    WorkingOrder workingOrder(Trader trader, long orderId) {
        return working(trader).stream().filter(o -> o.orderId() == orderId).findFirst().orElse(null);
    }
}
