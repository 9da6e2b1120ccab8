package com.bourse.engine;

import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.WorkingOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * The trading engine: a deterministic state machine from commands to events. Same commands in the same
 * order give equal events on any machine; it reads no clock (time comes in the commands), does no I/O and,
 * once warmed, allocates nothing on the order path. Its stages are the {@link RiskEvaluator} (pre-trade
 * checks and scoring), the {@link Matcher} (price-time matching and settlement) and the {@link Ledger}.
 *
 * <p>Not thread-safe: one thread applies commands; hostings feed it through a queue.
 */
public final class Engine {
    private final EngineState state;
    private final OrderDesk orders;
    private final TransferDesk transfers;
    private final ReferenceData referenceData;
    private final HeldOrderExpiry heldExpiry;

    public Engine(EngineConfig config) {
        this(new EngineState(config));
    }

    Engine(EngineState state) {
        this.state = state;
        Ledger ledger = new Ledger(state);
        Matcher matcher = new Matcher(state, ledger);
        RiskEvaluator risk = new RiskEvaluator(state, matcher);
        this.orders = new OrderDesk(state, ledger, matcher, risk);
        this.transfers = new TransferDesk(state, ledger, risk.score);
        this.referenceData = new ReferenceData(state);
        this.heldExpiry = new HeldOrderExpiry(state, matcher);
    }

    /** Apply one command, reporting what happened to {@code sink} before returning. */
    public void apply(Command command, EventSink sink) {
        state.sink = sink;
        state.now = command.timestamp();
        try {
            heldExpiry.expireDue(state.now);
            switch (command) {
                case Command.PlaceOrder c -> {
                    orders.place(c);
                    heldExpiry.afterPlace(c);
                }
                case Command.PlaceOco c -> orders.placeOco(c);
                case Command.CancelOrder c -> orders.cancel(c);
                case Command.ReplaceOrder c -> orders.replace(c);
                case Command.MassCancel c -> orders.massCancel(c);
                case Command.EndOfDay c -> orders.endOfDay(c);
                case Command.HaltInstrument c -> referenceData.halt(c.userId(), c.instrumentId(), true);
                case Command.ResumeInstrument c -> referenceData.halt(c.userId(), c.instrumentId(), false);
                case Command.Approve c -> {
                    if (c.subject() == ReviewSubject.TRANSFER) {
                        transfers.approve(c);
                    } else if (c.subject() == ReviewSubject.ORDER) {
                        orders.approve(c);
                    } else {
                        rejectDecisionWithoutSubject(c.subjectId());
                    }
                }
                case Command.Reject c -> {
                    if (c.subject() == ReviewSubject.TRANSFER) {
                        transfers.reject(c);
                    } else if (c.subject() == ReviewSubject.ORDER) {
                        orders.reject(c);
                    } else {
                        rejectDecisionWithoutSubject(c.subjectId());
                    }
                }
                case Command.EngageKillSwitch c -> orders.engageKillSwitch(c);
                case Command.ReleaseKillSwitch c -> orders.releaseKillSwitch(c);
                case Command.SetRiskLimits c -> orders.setLimits(c);
                case Command.RequestTransfer c -> transfers.request(c);
                case Command.RequestPayment c -> transfers.requestPayment(c);
                case Command.SettleTransfer c -> transfers.settle(c);
                case Command.CancelTransfer c -> transfers.cancel(c);
                case Command.AddCurrency c -> referenceData.addCurrency(c);
                case Command.ListInstrument c -> referenceData.listInstrument(c);
                case Command.OpenAccount c -> referenceData.openAccount(c);
                case Command.RegisterUser c -> referenceData.registerUser(c);
            }
            orders.enterDueBrackets();
        } finally {
            state.sink = EventSink.NONE;
        }
    }

    /** A review decision that does not say whether it is about an order or a transfer decides nothing. */
    private void rejectDecisionWithoutSubject(long subjectId) {
        state.sink.onEvent(new Event.CommandRejected(subjectId, ErrorCode.NOT_HELD));
    }

    /** The whole state as bytes; {@link #restore} of them continues exactly where this engine is. */
    public byte[] snapshot() {
        return SnapshotCodec.write(state);
    }

    public static Engine restore(EngineConfig config, byte[] snapshot) {
        return new Engine(SnapshotCodec.read(config, snapshot));
    }

    public EngineConfig config() {
        return state.config;
    }

    // ---- Queries (engine thread, or after the engine has stopped) --------------------------------

    /** Best levels of one side, best first. */
    public List<BookLevel> depth(long instrumentId, Side side, int maxLevels) {
        InstrumentState instrument = state.instruments.get(instrumentId);
        List<BookLevel> levels = new ArrayList<>();
        if (instrument == null) {
            return levels;
        }
        BookSide book = instrument.side(side == Side.BUY);
        for (PriceLevel level = book.best(); level != null && levels.size() < maxLevels;
             level = book.nextAfter(level)) {
            levels.add(new BookLevel(level.price, level.visibleQuantity, level.orderCount));
        }
        return levels;
    }

    /** The bracket an order belongs to: as its entry (the legs it will enter) or as a leg (its entry, and both legs). */
    private static WorkingOrder.Bracket bracketOf(Order o) {
        if (o.bracketTargetId != 0) {
            return new WorkingOrder.Bracket(o.orderId, o.bracketTargetId, o.bracketTargetPrice, o.bracketStopId,
                    o.bracketStopPrice);
        }
        if (o.bracketEntryId == 0 || o.ocoPeer == null) {
            return WorkingOrder.Bracket.NONE;
        }
        Order target = o.type == OrderType.LIMIT ? o : o.ocoPeer;
        Order stop = target == o ? o.ocoPeer : o;
        return new WorkingOrder.Bracket(o.bracketEntryId, target.orderId, target.price, stop.orderId, stop.stopPrice);
    }

    /** Working orders of an account in entry order (all accounts when {@code accountId} is 0). */
    public List<WorkingOrder> workingOrders(long accountId) {
        List<WorkingOrder> result = new ArrayList<>();
        for (Account account : state.accountList) {
            if (accountId != 0 && account.accountId != accountId) {
                continue;
            }
            for (Order o = account.firstOrder; o != null; o = o.accountNext) {
                result.add(new WorkingOrder(o.orderId, account.accountId, o.instrument.id(), o.userId, o.side, o.type,
                        o.timeInForce, o.price, o.stopPrice, o.leaves, o.visible, o.displayQuantity, o.postOnly,
                        o.state.name(), o.ocoPeer == null ? 0 : o.ocoPeer.orderId, bracketOf(o)));
            }
        }
        return result;
    }

    /**
     * The highest client order id the account has used (0 if none): a client picks its next id above it. Ids are
     * the account's own: other accounts' orders never make an id a duplicate.
     */
    public long lastOrderId(long accountId) {
        Account account = accountOrExternal(accountId);
        return account == null ? 0 : account.lastOrderId;
    }

    public long balance(long accountId, String asset) {
        Account account = accountOrExternal(accountId);
        int index = state.assetIndex.getValue(asset);
        return account == null || index < 0 ? 0 : account.balance[index];
    }

    public long held(long accountId, String asset) {
        Account account = accountOrExternal(accountId);
        int index = state.assetIndex.getValue(asset);
        return account == null || index < 0 ? 0 : account.held[index];
    }

    /** Sum of every account's balance of an asset, the external contra account included: always zero. */
    public long ledgerTotal(String asset) {
        int index = state.assetIndex.getValue(asset);
        if (index < 0) {
            return 0;
        }
        long total = state.external.balance[index];
        for (Account account : state.accountList) {
            total += account.balance[index];
        }
        return total;
    }

    public List<String> assets() {
        return List.copyOf(state.assetCodes);
    }

    public List<Long> accountIds() {
        List<Long> ids = new ArrayList<>();
        for (Account account : state.accountList) {
            ids.add(account.accountId);
        }
        return ids;
    }

    public List<Instrument> instruments() {
        List<Instrument> list = new ArrayList<>();
        for (InstrumentState instrument : state.instrumentList) {
            list.add(instrument.spec);
        }
        return list;
    }

    public long lastTradePrice(long instrumentId) {
        InstrumentState instrument = state.instruments.get(instrumentId);
        return instrument == null ? 0 : instrument.lastTradePrice;
    }

    public boolean isHalted(long instrumentId) {
        InstrumentState instrument = state.instruments.get(instrumentId);
        return instrument != null && instrument.halted;
    }

    /** The account's limits as the engine applies them, or null for an unknown account. */
    public RiskLimits riskLimits(long accountId) {
        Account account = state.accounts.get(accountId);
        return account == null ? null : account.limits;
    }

    public boolean killSwitchEngaged(long accountId) {
        Account account = state.accounts.get(accountId);
        return account != null && account.killSwitch;
    }

    public TransferState transferState(long transferId) {
        Transfer transfer = state.transfers.get(transferId);
        return transfer == null ? null : transfer.state;
    }

    public int liveOrderCount() {
        return state.liveOrders.size();
    }

    public long tradeCount() {
        return state.tradeSeq;
    }

    private Account accountOrExternal(long accountId) {
        return accountId == EngineState.EXTERNAL_ACCOUNT_ID ? state.external : state.accounts.get(accountId);
    }

    /** The account id of the external contra account that deposits come from and withdrawals go to. */
    public static long externalAccountId() {
        return EngineState.EXTERNAL_ACCOUNT_ID;
    }
}
