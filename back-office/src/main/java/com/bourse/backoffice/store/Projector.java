package com.bourse.backoffice.store;

import com.bourse.backoffice.store.ProjectionBatch.AlertRow;
import com.bourse.backoffice.store.ProjectionBatch.BalanceRow;
import com.bourse.backoffice.store.ProjectionBatch.ControlsRow;
import com.bourse.backoffice.store.ProjectionBatch.EodRow;
import com.bourse.backoffice.store.ProjectionBatch.OrderEventRow;
import com.bourse.backoffice.store.ProjectionBatch.OrderRow;
import com.bourse.backoffice.store.ProjectionBatch.PostingRow;
import com.bourse.backoffice.store.ProjectionBatch.Settlement;
import com.bourse.backoffice.store.ProjectionBatch.TradeRow;
import com.bourse.backoffice.store.ProjectionBatch.TransferEventRow;
import com.bourse.backoffice.store.ProjectionBatch.TransferRow;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.SurveillanceRule;
import com.bourse.protocol.TransferState;
import org.agrona.collections.Long2ObjectHashMap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns each journaled command and its events into row changes of the back-office tables. It keeps in memory
 * what it needs to place an event (live orders by id, balances, open alerts, transfers), and stamps every row
 * with the command's business time, so the same journal always gives the same rows however it is batched.
 *
 * <p>Replaying commands that are already stored (after a restart) through {@link #apply} and discarding the
 * batch as persisted brings it back to where the tables are. So does {@link #restoreState} with what
 * {@link #saveState} gave at a sequence the tables hold: the state is saved with the engine's snapshot at the same
 * sequence, so a start replays only the commands after it. Saved, not reloaded from the tables, because the
 * projector's memory is not a query of them (row ids run over history, a live order carries its entry step, a
 * transfer its requester) and because the tables may be behind or rebuilt while the snapshot is exact.
 * Single-threaded: the writer thread owns it.
 */
public final class Projector {
    static final long EXTERNAL_ACCOUNT = -1;
    static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED_AT_ENTRY = "REJECTED";
    static final int MAX_NOTE = 4000;

    private final ZoneId zone;
    private final RiskLimits defaultLimits;
    private final Long2ObjectHashMap<OrderRow> liveOrders = new Long2ObjectHashMap<>();
    // By account, then asset: a composite key object per balance change was a tenth of this class's garbage.
    private final Long2ObjectHashMap<Map<String, BalanceRow>> balances = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<TransferRow> transfers = new Long2ObjectHashMap<>();
    /** Compliance lines the current command has caused so far: numbers its lines, never carried between commands. */
    private int violationsInCommand;
    /**
     * Orders the current command has entered so far. An order's row is keyed by its entry's journal sequence; a
     * command that enters several (an OCO pair, a bracket's legs entered by the command that ended its entry) keys
     * the first by {@code seq} and the k-th after it by {@code -(seq * 1024 + k)}: unique and deterministic, and
     * never above the journal's sequence, which the start-up's "file ahead of the journal" check reads.
     */
    private int ordersInCommand;
    private final Long2ObjectHashMap<AlertRow> openOrderAlerts = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<AlertRow> openTransferAlerts = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<ControlsRow> controls = new Long2ObjectHashMap<>();
    private final Set<String> securities = new HashSet<>();

    /** An officer's decision the current command carries. */
    private record Decision(ReviewSubject subject, long subjectId, boolean approve, String note) {
    }

    // Per command
    private ProjectionBatch batch;
    private Command.PlaceOrder placeOrder;
    /** The OCO pair or bracket the current command enters, whose refused orders get rows like a refused order. */
    private Command.PlaceOco placeOco;
    /** The transfer or payment id the current command requests, 0 when it requests none. */
    private long requestedTransferId;
    private Decision decision;
    private long seq;
    private long at;
    private long actor;
    private LocalDate date;
    // Row ids run over the whole journal, so a replay numbers rows exactly as the first pass did.
    private long lastOrderEventId;
    private long lastPostingId;
    private long lastTransferEventId;
    private long lastAlertId;
    private String refKind;
    private long refId;
    private OrderRow entered;
    private long createdTransfer;
    private boolean refused;
    // The trade whose ledger legs are being posted, and those legs so far (see settle()).
    private Event.Trade trading;
    private long makerFillEvent;
    private long takerFillEvent;
    private long makerEntrySeq;
    private long takerEntrySeq;
    // The legs are kept as the engine's events with their posting ids: nearly all end up on the trade row, so
    // building a posting row for each first was the projector's largest garbage.
    private final Event.BalanceChanged[] legs = new Event.BalanceChanged[4];
    private final long[] legPostingIds = new long[4];
    private int legCount;

    // Day of the last timestamp, to avoid a zone lookup per command.
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private LocalDate day;

    public Projector(ZoneId zone, RiskLimits defaultLimits) {
        this.zone = Objects.requireNonNull(zone);
        this.defaultLimits = Objects.requireNonNull(defaultLimits);
    }

    /** Add what {@code command} changed to {@code into}. */
    void apply(ProjectedCommand command, ProjectionBatch into) {
        begin(command, into);
        for (Event event : command.events()) {
            on(event);
        }
        settle();
        if (command.command() instanceof Command.EndOfDay && !refused) {
            closeDay();
        }
        batch = null;
        entered = null;
        placeOrder = null;
        placeOco = null;
        requestedTransferId = 0;
        decision = null;
    }

    private void begin(ProjectedCommand command, ProjectionBatch into) {
        batch = into;
        seq = command.seq();
        Command c = command.command();
        at = c.timestamp();
        actor = c.userId();
        date = dateOf(at);
        entered = null;
        createdTransfer = 0;
        violationsInCommand = 0;
        ordersInCommand = 0;
        refused = false;
        refKind = "COMMAND";
        refId = seq;
        placeOrder = c instanceof Command.PlaceOrder p ? p : null;
        placeOco = c instanceof Command.PlaceOco p ? p : null;
        requestedTransferId = switch (c) {
            case Command.RequestTransfer r -> r.transferId();
            case Command.RequestPayment r -> r.paymentId();
            default -> 0;
        };
        decision = switch (c) {
            case Command.Approve a -> new Decision(a.subject(), a.subjectId(), true, null);
            case Command.Reject r -> new Decision(r.subject(), r.subjectId(), false, r.reason());
            default -> null;
        };
        switch (c) {
            case Command.RequestTransfer t -> transferRef(t.transferId());
            case Command.RequestPayment t -> transferRef(t.paymentId());
            case Command.SettleTransfer t -> transferRef(t.transferId());
            case Command.CancelTransfer t -> transferRef(t.transferId());
            case Command.Approve a when a.subject() == ReviewSubject.TRANSFER -> transferRef(a.subjectId());
            case Command.Reject r when r.subject() == ReviewSubject.TRANSFER -> transferRef(r.subjectId());
            default -> {
            }
        }
        if (into.commands++ == 0) {
            into.firstSeq = seq;
        }
        into.lastSeq = seq;
    }

    private void transferRef(long transferId) {
        refKind = "TRANSFER";
        refId = transferId;
    }

    private void on(Event event) {
        switch (event) {
            case Event.OrderAccepted e -> accepted(e);
            case Event.OrderRejected e -> rejected(e);
            case Event.OrderHeld e -> {
                OrderRow o = live(e.orderId());
                o.status = OrderStatus.HELD;
                orderEvent(o, "HELD", o.price, o.leaves, e.reason().name(), 0);
            }
            case Event.OrderApproved e -> {
                OrderRow o = live(e.orderId());
                o.status = "STOP".equals(o.orderType) || "STOP_LIMIT".equals(o.orderType)
                        ? OrderStatus.WAITING_TRIGGER : OrderStatus.WORKING;
                orderEvent(o, "APPROVED", o.price, o.leaves, null, 0);
                decide(openOrderAlerts.remove(e.orderId()), AlertDecision.APPROVED, e.officerUserId(), null);
            }
            case Event.OrderTriggered e -> {
                OrderRow o = live(e.orderId());
                o.status = o.filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.WORKING;
                orderEvent(o, "TRIGGERED", e.lastTradePrice(), o.leaves, null, 0);
            }
            case Event.Trade e -> trade(e);
            case Event.OrderCancelled e -> ended(e.orderId(), OrderStatus.CANCELLED, "CANCELLED",
                    e.cancelledQuantity(), e.reason().name());
            case Event.OrderExpired e -> ended(e.orderId(), OrderStatus.EXPIRED, "EXPIRED", e.expiredQuantity(),
                    null);
            case Event.OrderReplaced e -> {
                OrderRow o = live(e.orderId());
                o.price = e.price();
                o.leaves = e.quantity();
                o.quantity = o.filled + e.quantity();
                orderEvent(o, e.keptPriority() ? "AMENDED" : "REPLACED", e.price(), e.stopPrice(), e.quantity(), null,
                        0);
            }
            case Event.BalanceChanged e -> balanceChanged(e);
            case Event.TransferStateChanged e -> transferChanged(e);
            case Event.RiskAlert e -> alert(e);
            case Event.PaymentProcessed e -> {
                // the payment's transfer row, COMPLETED with its fee and reference, is its projection
            }
            case Event.ComplianceViolation e -> batch.compliance.add(new ProjectionBatch.ComplianceRow(seq,
                    ++violationsInCommand, e.accountId(), e.userId(), e.kind() == null ? "UNKNOWN" : e.kind().name(),
                    e.subjectId(), e.reason() == null ? null : e.reason().name(), at));
            case Event.KillSwitchChanged e -> {
                ControlsRow c = controls.get(e.accountId());
                if (c != null) {
                    c.killSwitch = e.engaged();
                    c.killSwitchBy = e.byUserId();
                    c.updatedAt = at;
                    batch.touch(c);
                }
            }
            case Event.RiskLimitsChanged e -> {
                ControlsRow c = controls.get(e.accountId());
                if (c != null) {
                    c.limits = e.limits();
                    c.updatedAt = at;
                    batch.touch(c);
                }
            }
            case Event.AccountOpened e -> {
                ControlsRow c = new ControlsRow(e.accountId(), e.ownerUserId(), e.baseCurrency(),
                        e.selfTradePrevention().name(), defaultLimits, at);
                controls.put(e.accountId(), c);
                batch.touch(c);
            }
            case Event.InstrumentListed e -> securities.add(e.instrument().symbol());
            case Event.CommandRejected e -> refused = true;
            case Event.BookDelta e -> {
                // market data: the book is the engine's, not the back office's
            }
            case Event.OcoLinked e -> {
                // each leg's history names the other: "OCO with 12"
                OrderRow target = liveOrders.get(e.targetOrderId());
                OrderRow stop = liveOrders.get(e.stopOrderId());
                if (target != null && stop != null) {
                    orderEvent(target, "OCO_LINKED", target.price, target.leaves, "OCO with " + e.stopOrderId(), 0);
                    orderEvent(stop, "OCO_LINKED", stop.price, stop.leaves, "OCO with " + e.targetOrderId(), 0);
                }
            }
            case Event.InstrumentStatusChanged e -> {
            }
            case Event.CurrencyAdded e -> {
            }
            case Event.UserRegistered e -> {
            }
        }
    }

    // An order's entry step (ACCEPTED, or REJECTED at entry) is carried by its order row, and each FILL step by
    // its trade row: writing them again as order_events rows would store a third of all rows twice. They still
    // take their event id here, so an order's history reads exactly as if every step had its own row.

    /** The key of the next order the current command enters (see {@link #ordersInCommand}). */
    private long nextEntrySeq() {
        long entrySeq = ordersInCommand == 0 ? seq : -(seq * 1024 + ordersInCommand);
        ordersInCommand++;
        return entrySeq;
    }

    /** The command whose entry step a key names: the key itself, or decoded from a later order's. */
    static long commandSeqOf(long entrySeq) {
        return entrySeq >= 0 ? entrySeq : -entrySeq / 1024;
    }

    private void accepted(Event.OrderAccepted e) {
        OrderRow o = new OrderRow(nextEntrySeq(), e.orderId(), e.accountId(), e.instrumentId(), e.userId(), e.side().name(),
                e.type().name(), e.timeInForce().name(), e.price(), e.stopPrice(), e.quantity(), e.displayQuantity(),
                e.postOnly(), e.type().isStop() ? OrderStatus.WAITING_TRIGGER : OrderStatus.WORKING, e.quantity(),
                at, date, ACCEPTED, ++lastOrderEventId);
        entered = o;
        liveOrders.put(e.orderId(), o);
        batch.touch(o);
    }

    private void rejected(Event.OrderRejected e) {
        Command.PlaceOrder c = refusedEntry(e);
        if (c != null) {
            OrderRow o = new OrderRow(nextEntrySeq(), c.orderId(), c.accountId(), c.instrumentId(), c.userId(),
                    name(c.side()), name(c.type()), name(c.timeInForce()), c.price(), c.stopPrice(), c.quantity(),
                    c.displayQuantity(), c.postOnly(), OrderStatus.REJECTED, 0, at, date, REJECTED_AT_ENTRY,
                    ++lastOrderEventId);
            o.reason = e.reason().name();
            entered = o;
            batch.touch(o);
            return;
        }
        OrderRow o = liveOrders.get(e.orderId());
        if (o == null) {
            return; // a cancel or amend naming no working order: refused, nothing to show on an order
        }
        if (decision != null && decision.subject == ReviewSubject.ORDER && decision.subjectId == e.orderId()) {
            // Officer's decision on a held order: a rejection, or a stale approval the engine refused.
            o.status = OrderStatus.REJECTED;
            o.reason = e.reason().name();
            long leaves = o.leaves;
            o.leaves = 0;
            liveOrders.remove(e.orderId());
            orderEvent(o, "REJECTED", o.price, leaves, e.reason().name(), 0);
            AlertRow alert = openOrderAlerts.remove(e.orderId());
            if (decision.approve) {
                decide(alert, AlertDecision.APPROVED, actor, "order then rejected: " + e.reason().name());
            } else {
                decide(alert, AlertDecision.REJECTED, actor, decision.note);
            }
            return;
        }
        // A refused cancel or amend of a working order: the order is unchanged, its history says so.
        orderEvent(o, "REQUEST_REFUSED", o.price, o.leaves, e.reason().name(), 0);
    }

    /**
     * The order a refusal refuses at entry, or null: the current command's new order, or an order of the OCO pair or
     * bracket it enters that never started working (a pair refused whole for its shape, a leg the pre-trade checks
     * refused; an accepted leg is then cancelled as OCO_CANCELLED, which its own row records).
     */
    private Command.PlaceOrder refusedEntry(Event.OrderRejected e) {
        if (placeOrder != null && placeOrder.orderId() == e.orderId() && entered == null) {
            return placeOrder;
        }
        Command.PlaceOco c = placeOco;
        if (c == null || c.accountId() != e.accountId() || liveOrders.containsKey(e.orderId())) {
            return null;
        }
        if (e.orderId() == c.targetOrderId()) {
            return c.target(c.quantity());
        }
        if (e.orderId() == c.stopOrderId()) {
            return c.stop(c.quantity());
        }
        return c.isBracket() && e.orderId() == c.entryOrderId() ? c.entry() : null;
    }

    private void trade(Event.Trade e) {
        settle();
        refKind = "TRADE";
        refId = e.tradeId();
        OrderRow maker = live(e.makerOrderId());
        OrderRow taker = live(e.takerOrderId());
        makerFillEvent = fill(maker, e.quantity(), e.makerLeaves());
        takerFillEvent = fill(taker, e.quantity(), e.takerLeaves());
        makerEntrySeq = maker.entrySeq;
        takerEntrySeq = taker.entrySeq;
        trading = e;
    }

    /**
     * Write the trade being settled, with its ledger legs on its row when they have the engine's usual shape
     * (buyer's cash -c, seller's cash +c when c is not 0, buyer's position +q, seller's position -q, one journal
     * entry), else with the legs as postings rows: postings are half of all rows otherwise, and four of them
     * repeat what the trade row says. Either way each leg keeps the posting id it was given, so a statement
     * reads exactly as if every leg had its own row.
     */
    private void settle() {
        Event.Trade e = trading;
        if (e == null) {
            return;
        }
        trading = null;
        boolean buyerTakes = e.takerSide() == Side.BUY;
        long buyer = buyerTakes ? e.takerAccountId() : e.makerAccountId();
        long seller = buyerTakes ? e.makerAccountId() : e.takerAccountId();
        Settlement settlement = settlementOf(e, buyer, seller);
        if (settlement == null) {
            for (int i = 0; i < legCount; i++) {
                batch.postings.add(posting(legPostingIds[i], legs[i]));
            }
        }
        Arrays.fill(legs, null);
        legCount = 0;
        batch.trades.add(new TradeRow(e.tradeId(), seq, e.instrumentId(), e.price(), e.quantity(),
                e.takerSide().name(), e.makerOrderId(), e.takerOrderId(), e.makerAccountId(), e.takerAccountId(),
                e.timestamp(), dateOf(e.timestamp()), makerEntrySeq, makerFillEvent, e.makerLeaves(), takerEntrySeq,
                takerFillEvent, e.takerLeaves(), actor, buyer, seller, settlement));
    }

    /** The legs as a settlement on the trade row, or null when they are not of the usual shape. */
    private Settlement settlementOf(Event.Trade e, long buyer, long seller) {
        if (e.timestamp() != at || (legCount != 4 && legCount != 2)) {
            return null;
        }
        Event.BalanceChanged first = legs[0];
        long firstPostingId = legPostingIds[0];
        for (int i = 0; i < legCount; i++) {
            if (legs[i].journalId() != first.journalId() || legPostingIds[i] != firstPostingId + i) {
                return null;
            }
        }
        int p = legCount - 2;
        Event.BalanceChanged buyerPosition = legs[p];
        Event.BalanceChanged sellerPosition = legs[p + 1];
        if (!isLeg(buyerPosition, buyer, e.quantity()) || !isLeg(sellerPosition, seller, -e.quantity())
                || !buyerPosition.asset().equals(sellerPosition.asset())) {
            return null;
        }
        if (p == 0) {
            return new Settlement(first.journalId(), firstPostingId, null, buyerPosition.asset(), 0, 0, 0,
                    buyerPosition.balance(), sellerPosition.balance());
        }
        Event.BalanceChanged buyerCash = legs[0];
        Event.BalanceChanged sellerCash = legs[1];
        long cash = sellerCash.delta();
        if (cash <= 0 || !isLeg(buyerCash, buyer, -cash) || !isLeg(sellerCash, seller, cash)
                || !buyerCash.asset().equals(sellerCash.asset())
                || buyerCash.asset().equals(buyerPosition.asset())) {
            return null;
        }
        return new Settlement(first.journalId(), firstPostingId, buyerCash.asset(), buyerPosition.asset(), cash,
                buyerCash.balance(), sellerCash.balance(), buyerPosition.balance(), sellerPosition.balance());
    }

    private static boolean isLeg(Event.BalanceChanged leg, long accountId, long delta) {
        return leg.accountId() == accountId && leg.delta() == delta;
    }

    /** The postings row of a balance change, under the command's current reference (its trade, if any). */
    private PostingRow posting(long postingId, Event.BalanceChanged e) {
        return new PostingRow(postingId, seq, e.journalId(), e.accountId(), e.asset(), e.delta(), e.balance(),
                refKind, refId, at);
    }

    /** Apply a fill to its order; returns the id of the FILL step (stored on the trade row). */
    private long fill(OrderRow o, long quantity, long leaves) {
        o.filled += quantity;
        o.leaves = leaves;
        o.status = leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        o.updatedAt = at;
        batch.touch(o);
        if (leaves == 0) {
            liveOrders.remove(o.orderId);
        }
        return ++lastOrderEventId;
    }

    private void ended(long orderId, OrderStatus status, String kind, long quantity, String reason) {
        OrderRow o = live(orderId);
        boolean wasHeld = o.status == OrderStatus.HELD;
        o.status = status;
        o.reason = reason;
        o.leaves = 0;
        liveOrders.remove(orderId);
        orderEvent(o, kind, o.price, quantity, reason, 0);
        if (wasHeld) {
            decide(openOrderAlerts.remove(orderId), AlertDecision.WITHDRAWN, actor, null);
        }
    }

    private void balanceChanged(Event.BalanceChanged e) {
        Map<String, BalanceRow> assets = balances.get(e.accountId());
        if (assets == null) {
            assets = new HashMap<>();
            balances.put(e.accountId(), assets);
        }
        BalanceRow b = assets.get(e.asset());
        if (b == null) {
            b = new BalanceRow(e.accountId(), e.asset(), securities.contains(e.asset()));
            assets.put(e.asset(), b);
        }
        b.balance = e.balance();
        b.held = e.held();
        b.updatedAt = at;
        b.lastSeq = seq;
        batch.touch(b);
        if (e.delta() != 0) {
            long postingId = ++lastPostingId;
            if (trading != null && legCount < 4 && (legCount == 0 || legs[0].journalId() == e.journalId())) {
                legs[legCount] = e;
                legPostingIds[legCount++] = postingId;
            } else {
                batch.postings.add(posting(postingId, e));
            }
        }
    }

    private void transferChanged(Event.TransferStateChanged e) {
        TransferRow t = transfers.get(e.transferId());
        if (t != null && createdTransfer != e.transferId()
                && requestedTransferId != 0 && requestedTransferId == e.transferId()) {
            return; // a retried request answered with its first result: nothing changed
        }
        if (t == null) {
            t = new TransferRow(e.transferId(), e.kind().name(), e.fromAccountId(), e.toAccountId(), e.asset(),
                    e.amount(), actor, at);
            t.fee = e.fee();
            t.reference = e.reference();
            transfers.put(e.transferId(), t);
            createdTransfer = e.transferId();
        }
        TransferState previous = t.state == null ? null : TransferState.valueOf(t.state);
        t.state = e.state().name();
        t.reason = e.reason() == null ? null : e.reason().name();
        t.updatedAt = at;
        batch.touch(t);
        batch.transferEvents.add(new TransferEventRow(++lastTransferEventId, seq, e.transferId(), t.state, t.reason,
                actor, at));
        AlertRow alert = openTransferAlerts.get(e.transferId());
        if (alert != null && previous == TransferState.PENDING && e.state() != TransferState.PENDING) {
            openTransferAlerts.remove(e.transferId());
            if (decision != null && decision.subject == ReviewSubject.TRANSFER && decision.subjectId == e.transferId()) {
                decide(alert, decision.approve ? AlertDecision.APPROVED : AlertDecision.REJECTED, actor,
                        decision.note);
            } else {
                decide(alert, AlertDecision.WITHDRAWN, actor, null);
            }
        }
    }

    private void alert(Event.RiskAlert e) {
        AlertRow a = new AlertRow(++lastAlertId, seq, e.subject().name(), e.subjectId(), e.accountId(), e.scoreBps(),
                e.amountBps(), e.frequencyBps(), e.patternBps(), e.reason().name(), at, ruleNames(e));
        batch.touch(a);
        (e.subject() == ReviewSubject.ORDER ? openOrderAlerts : openTransferAlerts).put(e.subjectId(), a);
    }

    /** The rules that fired, by name in the engine's order, comma-separated: what the officer reads. */
    private static String ruleNames(Event.RiskAlert e) {
        StringJoiner names = new StringJoiner(",");
        for (SurveillanceRule rule : e.rules()) {
            names.add(rule.name());
        }
        return names.toString();
    }

    private void decide(AlertRow alert, AlertDecision decision, long officer, String note) {
        if (alert == null) {
            return;
        }
        alert.decision = decision;
        alert.decidedBy = officer;
        alert.decidedAt = at;
        alert.note = note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
        batch.touch(alert);
    }

    private void closeDay() {
        List<EodRow> rows = new ArrayList<>();
        for (Map<String, BalanceRow> assets : balances.values()) {
            for (BalanceRow b : assets.values()) {
                if (b.security && b.accountId != EXTERNAL_ACCOUNT && b.balance != 0) {
                    rows.add(new EodRow(date, b.accountId, b.asset, b.balance, at));
                }
            }
        }
        rows.sort((x, y) -> x.accountId() != y.accountId() ? Long.compare(x.accountId(), y.accountId())
                : x.asset().compareTo(y.asset()));
        batch.endOfDay.put(date, rows);
    }

    private OrderRow live(long orderId) {
        OrderRow o = liveOrders.get(orderId);
        if (o == null) {
            throw new IllegalStateException("event for order " + orderId + " that the projection does not know"
                    + " (journal seq " + seq + ")");
        }
        return o;
    }

    private void orderEvent(OrderRow o, String kind, long price, long quantity, String reason, long tradeId) {
        orderEvent(o, kind, price, 0, quantity, reason, tradeId);
    }

    private void orderEvent(OrderRow o, String kind, long price, long stopPrice, long quantity, String reason,
                            long tradeId) {
        o.updatedAt = at;
        batch.touch(o);
        batch.orderEvents.add(new OrderEventRow(++lastOrderEventId, seq, o.entrySeq, o.orderId, o.accountId, kind, price,
                stopPrice, quantity, o.leaves, reason, tradeId, actor, at));
    }

    private static final int STATE_VERSION = 4;
    /** Before an account's controls remembered its own price band and review threshold; read as none. */
    private static final int STATE_VERSION_WITHOUT_BAND = 3;
    /** Before transfers remembered a payment's fee and reference; read as none. */
    private static final int STATE_VERSION_WITHOUT_PAYMENTS = 2;
    /** Before open alerts remembered the surveillance rules that fired; read as naming none. */
    private static final int STATE_VERSION_WITHOUT_RULES = 1;

    /**
     * The projector's memory as bytes, between two commands: what {@link #restoreState} needs to go on from here
     * exactly as if it had never stopped. Order independent of hash iteration, so equal states give equal bytes.
     */
    byte[] saveState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_VERSION);
            out.writeLong(lastOrderEventId);
            out.writeLong(lastPostingId);
            out.writeLong(lastTransferEventId);
            out.writeLong(lastAlertId);
            List<String> listed = new ArrayList<>(securities);
            listed.sort(null);
            out.writeInt(listed.size());
            for (String symbol : listed) {
                out.writeUTF(symbol);
            }
            out.writeInt(liveOrders.size());
            for (long id : sortedKeys(liveOrders)) {
                writeOrder(out, liveOrders.get(id));
            }
            int balanceRows = 0;
            for (Map<String, BalanceRow> assets : balances.values()) {
                balanceRows += assets.size();
            }
            out.writeInt(balanceRows);
            for (long account : sortedKeys(balances)) {
                List<String> assets = new ArrayList<>(balances.get(account).keySet());
                assets.sort(null);
                for (String asset : assets) {
                    BalanceRow b = balances.get(account).get(asset);
                    out.writeLong(b.accountId);
                    out.writeUTF(b.asset);
                    out.writeBoolean(b.security);
                    out.writeLong(b.balance);
                    out.writeLong(b.held);
                    out.writeLong(b.updatedAt);
                    out.writeLong(b.lastSeq);
                }
            }
            out.writeInt(transfers.size());
            for (long id : sortedKeys(transfers)) {
                TransferRow t = transfers.get(id);
                out.writeLong(t.transferId);
                out.writeUTF(t.kind);
                out.writeLong(t.fromAccountId);
                out.writeLong(t.toAccountId);
                out.writeUTF(t.asset);
                out.writeLong(t.amount);
                writeNullable(out, t.state);
                writeNullable(out, t.reason);
                out.writeLong(t.requestedBy);
                out.writeLong(t.requestedAt);
                out.writeLong(t.updatedAt);
                out.writeLong(t.fee);
                out.writeUTF(t.reference);
            }
            writeAlerts(out, openOrderAlerts);
            writeAlerts(out, openTransferAlerts);
            out.writeInt(controls.size());
            for (long id : sortedKeys(controls)) {
                ControlsRow c = controls.get(id);
                out.writeLong(c.accountId);
                out.writeLong(c.ownerUserId);
                out.writeUTF(c.baseCurrency);
                out.writeUTF(c.selfTradePrevention);
                out.writeBoolean(c.killSwitch);
                out.writeBoolean(c.killSwitchBy != null);
                out.writeLong(c.killSwitchBy == null ? 0 : c.killSwitchBy);
                out.writeLong(c.limits.maxOrderQuantity());
                out.writeLong(c.limits.maxOrderNotional());
                out.writeLong(c.limits.maxPosition());
                out.writeInt(c.limits.maxOrdersPerWindow());
                out.writeLong(c.limits.throttleWindowMillis());
                out.writeInt(c.limits.priceBandBps());
                out.writeInt(c.limits.reviewThresholdBps());
                out.writeLong(c.openedAt);
                out.writeLong(c.updatedAt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Puts back the memory {@link #saveState} gave, on a fresh projector, for a sequence whose rows the tables
     * hold: every restored row counts as persisted.
     */
    void restoreState(byte[] state) {
        if (!liveOrders.isEmpty() || !balances.isEmpty() || !controls.isEmpty() || lastOrderEventId != 0) {
            throw new IllegalStateException("a projector's state is restored only into a fresh projector");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int version = in.readInt();
            if (version != STATE_VERSION && version != STATE_VERSION_WITHOUT_BAND
                    && version != STATE_VERSION_WITHOUT_PAYMENTS && version != STATE_VERSION_WITHOUT_RULES) {
                throw new IllegalStateException("projector state of version " + version + ", this build reads "
                        + STATE_VERSION);
            }
            lastOrderEventId = in.readLong();
            lastPostingId = in.readLong();
            lastTransferEventId = in.readLong();
            lastAlertId = in.readLong();
            for (int i = in.readInt(); i > 0; i--) {
                securities.add(in.readUTF());
            }
            for (int i = in.readInt(); i > 0; i--) {
                OrderRow o = readOrder(in);
                liveOrders.put(o.orderId, o);
            }
            for (int i = in.readInt(); i > 0; i--) {
                BalanceRow b = new BalanceRow(in.readLong(), in.readUTF(), in.readBoolean());
                b.balance = in.readLong();
                b.held = in.readLong();
                b.updatedAt = in.readLong();
                b.lastSeq = in.readLong();
                b.persisted = true;
                Map<String, BalanceRow> assets = balances.get(b.accountId);
                if (assets == null) {
                    assets = new HashMap<>();
                    balances.put(b.accountId, assets);
                }
                assets.put(b.asset, b);
            }
            for (int i = in.readInt(); i > 0; i--) {
                long transferId = in.readLong();
                String kind = in.readUTF();
                long from = in.readLong();
                long to = in.readLong();
                String asset = in.readUTF();
                long amount = in.readLong();
                String stateName = readNullable(in);
                String reason = readNullable(in);
                TransferRow full = new TransferRow(transferId, kind, from, to, asset, amount, in.readLong(),
                        in.readLong());
                full.state = stateName;
                full.reason = reason;
                full.updatedAt = in.readLong();
                if (version >= STATE_VERSION_WITHOUT_BAND) {
                    full.fee = in.readLong();
                    full.reference = in.readUTF();
                }
                full.persisted = true;
                transfers.put(full.transferId, full);
            }
            readAlerts(in, openOrderAlerts, version);
            readAlerts(in, openTransferAlerts, version);
            for (int i = in.readInt(); i > 0; i--) {
                long accountId = in.readLong();
                long owner = in.readLong();
                String currency = in.readUTF();
                String stp = in.readUTF();
                boolean kill = in.readBoolean();
                boolean hasBy = in.readBoolean();
                long by = in.readLong();
                RiskLimits limits = new RiskLimits(in.readLong(), in.readLong(), in.readLong(), in.readInt(),
                        in.readLong(), version >= STATE_VERSION ? in.readInt() : 0,
                        version >= STATE_VERSION ? in.readInt() : 0);
                ControlsRow c = new ControlsRow(accountId, owner, currency, stp, limits, in.readLong());
                c.killSwitch = kill;
                c.killSwitchBy = hasBy ? by : null;
                c.updatedAt = in.readLong();
                c.persisted = true;
                controls.put(accountId, c);
            }
            if (in.available() != 0) {
                throw new IllegalStateException("projector state has " + in.available() + " bytes too many");
            }
        } catch (IOException e) {
            throw new IllegalStateException("projector state cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeOrder(DataOutputStream out, OrderRow o) throws IOException {
        out.writeLong(o.entrySeq);
        out.writeLong(o.orderId);
        out.writeLong(o.accountId);
        out.writeLong(o.instrumentId);
        out.writeLong(o.userId);
        writeNullable(out, o.side);
        writeNullable(out, o.orderType);
        writeNullable(out, o.timeInForce);
        out.writeLong(o.entryPrice);
        out.writeLong(o.stopPrice);
        out.writeLong(o.entryQuantity);
        out.writeLong(o.displayQuantity);
        out.writeBoolean(o.postOnly);
        out.writeLong(o.enteredAt);
        out.writeLong(o.tradeDate.toEpochDay());
        out.writeUTF(o.entryKind);
        out.writeLong(o.entryEventId);
        out.writeLong(o.price);
        out.writeLong(o.quantity);
        out.writeUTF(o.status.name());
        out.writeLong(o.leaves);
        out.writeLong(o.filled);
        writeNullable(out, o.reason);
        out.writeLong(o.updatedAt);
    }

    private static OrderRow readOrder(DataInputStream in) throws IOException {
        long entrySeq = in.readLong();
        long orderId = in.readLong();
        long accountId = in.readLong();
        long instrumentId = in.readLong();
        long userId = in.readLong();
        String side = readNullable(in);
        String orderType = readNullable(in);
        String timeInForce = readNullable(in);
        long entryPrice = in.readLong();
        long stopPrice = in.readLong();
        long entryQuantity = in.readLong();
        long displayQuantity = in.readLong();
        boolean postOnly = in.readBoolean();
        long enteredAt = in.readLong();
        LocalDate tradeDate = LocalDate.ofEpochDay(in.readLong());
        String entryKind = in.readUTF();
        long entryEventId = in.readLong();
        OrderRow o = new OrderRow(entrySeq, orderId, accountId, instrumentId, userId, side, orderType, timeInForce,
                entryPrice, stopPrice, entryQuantity, displayQuantity, postOnly, OrderStatus.WORKING, 0, enteredAt,
                tradeDate, entryKind, entryEventId);
        o.price = in.readLong();
        o.quantity = in.readLong();
        o.status = OrderStatus.valueOf(in.readUTF());
        o.leaves = in.readLong();
        o.filled = in.readLong();
        o.reason = readNullable(in);
        o.updatedAt = in.readLong();
        o.persisted = true;
        return o;
    }

    private static void writeAlerts(DataOutputStream out, Long2ObjectHashMap<AlertRow> alerts) throws IOException {
        out.writeInt(alerts.size());
        for (long id : sortedKeys(alerts)) {
            AlertRow a = alerts.get(id);
            out.writeLong(a.alertId);
            out.writeLong(a.seq);
            out.writeUTF(a.subject);
            out.writeLong(a.subjectId);
            out.writeLong(a.accountId);
            out.writeInt(a.scoreBps);
            out.writeInt(a.amountBps);
            out.writeInt(a.frequencyBps);
            out.writeInt(a.patternBps);
            out.writeUTF(a.reason);
            out.writeLong(a.raisedAt);
            out.writeUTF(a.rules);
            out.writeUTF(a.decision.name());
            out.writeBoolean(a.decidedBy != null);
            out.writeLong(a.decidedBy == null ? 0 : a.decidedBy);
            out.writeBoolean(a.decidedAt != null);
            out.writeLong(a.decidedAt == null ? 0 : a.decidedAt);
            writeNullable(out, a.note);
        }
    }

    private static void readAlerts(DataInputStream in, Long2ObjectHashMap<AlertRow> into, int version)
            throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            AlertRow a = new AlertRow(in.readLong(), in.readLong(), in.readUTF(), in.readLong(), in.readLong(),
                    in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readUTF(), in.readLong(),
                    version >= STATE_VERSION_WITHOUT_PAYMENTS ? in.readUTF() : "");
            a.decision = AlertDecision.valueOf(in.readUTF());
            boolean hasBy = in.readBoolean();
            long by = in.readLong();
            a.decidedBy = hasBy ? by : null;
            boolean hasAt = in.readBoolean();
            long decidedAt = in.readLong();
            a.decidedAt = hasAt ? decidedAt : null;
            a.note = readNullable(in);
            a.persisted = true;
            into.put(a.subjectId, a);
        }
    }

    private static long[] sortedKeys(Long2ObjectHashMap<?> map) {
        long[] keys = new long[map.size()];
        int i = 0;
        for (Long2ObjectHashMap<?>.KeyIterator it = map.keySet().iterator(); it.hasNext(); ) {
            keys[i++] = it.nextLong();
        }
        Arrays.sort(keys);
        return keys;
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private LocalDate dateOf(long epochMillis) {
        if (epochMillis >= dayStart && epochMillis < dayEnd) {
            return day;
        }
        LocalDate d = java.time.Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
        dayStart = d.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        day = d;
        return d;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
