package com.bourse.bench.engine;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamSpec;
import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.OrderType;

/**
 * The market a {@link StreamSpec} trades in, set up the way a desk would: EUR, one instrument per stream
 * instrument, a trader and an account per stream account, limits raised by a risk officer, and cash and
 * positions deposited (large deposits go through the officer's approval, then settle). Risk checks stay on
 * for every order; the limits are only high enough that the stream's orders pass them.
 */
final class BenchMarket {
    static final String CURRENCY = "EUR";
    static final long OFFICER = 2;
    /** One stream tick is one price unit: prices have two decimals, so a tick is one cent. */
    static final long TICK = 1;
    static final long CASH_PER_ACCOUNT = 10_000_000_000_000L;
    static final long POSITION_PER_ACCOUNT = 1_000_000_000L;
    /** Far above what the stream needs, so nothing is refused for size, value, position or frequency. */
    static final RiskLimits LIMITS = new RiskLimits(1_000_000, 1_000_000_000_000L, 1_000_000_000_000L, 1_000_000,
            1_000);

    private final StreamSpec spec;

    BenchMarket(StreamSpec spec) {
        this.spec = spec;
    }

    static long accountId(int account) {
        return 1 + account;
    }

    static long traderId(int account) {
        return 100_000 + account;
    }

    static long instrumentId(int instrument) {
        return 1 + instrument;
    }

    static String symbol(int instrument) {
        return "BNCH" + instrument;
    }

    EngineConfig config() {
        int live = spec.instruments() * spec.targetLiveOrdersPerInstrument();
        return EngineConfig.defaults().withExpectedLiveOrders(Math.max(1 << 12, Integer.highestOneBit(live) << 2));
    }

    /** A new engine with the market set up and funded; throws if any set-up step is refused. */
    Engine newEngine() {
        Engine engine = new Engine(config());
        EventSink strict = BenchMarket::refuseRejections;
        long ts = StreamSpec.START_MILLIS - 60_000;
        long system = Command.SYSTEM_USER;
        engine.apply(new Command.AddCurrency(ts, system, new Currency(CURRENCY, 2)), strict);
        engine.apply(new Command.RegisterUser(ts, system, OFFICER, Role.mask(Role.RISK_OFFICER)), strict);
        long band = spec.bandTicks() * 10_000 / spec.referencePriceTicks();
        for (int j = 0; j < spec.instruments(); j++) {
            engine.apply(new Command.ListInstrument(ts, system, new Instrument(instrumentId(j), symbol(j), CURRENCY, 2,
                    TICK, 1, spec.referencePriceTicks() * TICK, (int) band)), strict);
        }
        long transferId = 1;
        for (int i = 0; i < spec.accounts(); i++) {
            long account = accountId(i);
            engine.apply(new Command.RegisterUser(ts, system, traderId(i), Role.mask(Role.TRADER)), strict);
            engine.apply(new Command.OpenAccount(ts, system, account, traderId(i), CURRENCY,
                    SelfTradePrevention.CANCEL_OLDEST), strict);
            engine.apply(new Command.SetRiskLimits(ts, OFFICER, account, LIMITS), strict);
            deposit(engine, ts, transferId++, account, CURRENCY, CASH_PER_ACCOUNT);
            for (int j = 0; j < spec.instruments(); j++) {
                deposit(engine, ts, transferId++, account, symbol(j), POSITION_PER_ACCOUNT);
            }
        }
        return engine;
    }

    /** Account (and its trader) that only primes price levels; the stream never uses it. */
    static final long PRIMING_ACCOUNT = 1_000_000;
    static final long PRIMING_TRADER = 999_999;

    /**
     * Rests and cancels one lot at every price of every band on both sides, from an account of its own, so the
     * engine has created every price level it will ever need: afterwards the order path is in its steady state.
     * Order ids start at 1 again for the stream: ids only have to be unique among live orders and increasing
     * per account, and every priming order is gone before the stream starts.
     */
    void primePriceLevels(Engine engine) {
        EventSink strict = BenchMarket::refuseRejections;
        long ts = StreamSpec.START_MILLIS - 30_000;
        engine.apply(new Command.RegisterUser(ts, Command.SYSTEM_USER, PRIMING_TRADER, Role.mask(Role.TRADER)), strict);
        engine.apply(new Command.OpenAccount(ts, Command.SYSTEM_USER, PRIMING_ACCOUNT, PRIMING_TRADER, CURRENCY,
                SelfTradePrevention.CANCEL_OLDEST), strict);
        engine.apply(new Command.SetRiskLimits(ts, OFFICER, PRIMING_ACCOUNT, LIMITS), strict);
        long transferId = 1_000_000_000L;
        deposit(engine, ts, transferId++, PRIMING_ACCOUNT, CURRENCY, CASH_PER_ACCOUNT);
        long orderId = 1;
        for (int j = 0; j < spec.instruments(); j++) {
            deposit(engine, ts, transferId++, PRIMING_ACCOUNT, symbol(j), POSITION_PER_ACCOUNT);
            for (long tick = spec.lowestPriceTicks(); tick <= spec.highestPriceTicks(); tick++) {
                for (Side side : Side.values()) {
                    engine.apply(Command.PlaceOrder.limit(ts, PRIMING_TRADER, orderId, PRIMING_ACCOUNT,
                            instrumentId(j), side, tick * TICK, 1), strict);
                    engine.apply(new Command.CancelOrder(ts, PRIMING_TRADER, orderId++), strict);
                }
            }
        }
        if (engine.liveOrderCount() != 0) {
            throw new IllegalStateException("priming left " + engine.liveOrderCount() + " orders on the book");
        }
    }

    /** The stream as engine commands, built before any timing so the measured loop allocates nothing of ours. */
    static Command[] commands(OrderStream stream) {
        Command[] commands = new Command[stream.size()];
        for (int i = 0; i < commands.length; i++) {
            long ts = stream.timestamp(i);
            int account = stream.account(i);
            long user = traderId(account);
            commands[i] = switch (stream.kind(i)) {
                case OrderStream.CANCEL -> new Command.CancelOrder(ts, user, stream.orderId(i));
                case OrderStream.ADD -> new Command.PlaceOrder(ts, user, stream.orderId(i), accountId(account),
                        instrumentId(stream.instrument(i)), side(stream, i), OrderType.LIMIT, TimeInForce.GTC,
                        stream.price(i) * TICK, 0, stream.quantity(i), 0, false);
                case OrderStream.AGGRESSIVE -> new Command.PlaceOrder(ts, user, stream.orderId(i), accountId(account),
                        instrumentId(stream.instrument(i)), side(stream, i), OrderType.LIMIT, TimeInForce.IOC,
                        stream.price(i) * TICK, 0, stream.quantity(i), 0, false);
                default -> throw new IllegalArgumentException("unknown kind " + stream.kind(i));
            };
        }
        return commands;
    }

    private static Side side(OrderStream stream, int i) {
        return stream.isBuy(i) ? Side.BUY : Side.SELL;
    }

    private static void deposit(Engine engine, long ts, long transferId, long account, String asset, long amount) {
        EventSink strict = BenchMarket::refuseRejections;
        engine.apply(new Command.RequestTransfer(ts, Command.SYSTEM_USER, transferId, TransferKind.DEPOSIT, 0, account,
                asset, amount), strict);
        if (engine.transferState(transferId) == TransferState.PENDING) {
            engine.apply(new Command.Approve(ts, OFFICER, ReviewSubject.TRANSFER, transferId), strict);
        }
        engine.apply(new Command.SettleTransfer(ts, Command.SYSTEM_USER, transferId, true), strict);
        if (engine.transferState(transferId) != TransferState.COMPLETED) {
            throw new IllegalStateException("deposit " + transferId + " of " + asset + " ended "
                    + engine.transferState(transferId));
        }
    }

    private static void refuseRejections(Event event) {
        if (event instanceof Event.CommandRejected || event instanceof Event.OrderRejected) {
            throw new IllegalStateException("benchmark set-up refused: " + event);
        }
    }
}
