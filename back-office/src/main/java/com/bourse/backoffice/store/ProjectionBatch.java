package com.bourse.backoffice.store;

import com.bourse.protocol.RiskLimits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one batch of commands changes, coalesced: an order accepted and filled within the batch is written
 * once in its final state. Append-only tables get every row. Filled by the {@link Projector}, written by the
 * {@link ProjectionWriter}'s thread; not thread-safe.
 */
final class ProjectionBatch {
    // ---- mutable projections: one state object per row, written if dirty ----------------------------------

    static final class OrderRow {
        final long entrySeq;
        final long orderId;
        final long accountId;
        final long instrumentId;
        final long userId;
        final String side;
        final String orderType;
        final String timeInForce;
        long price;
        final long stopPrice;
        long quantity;
        final long displayQuantity;
        final boolean postOnly;
        OrderStatus status;
        long leaves;
        long filled;
        String reason;
        final long enteredAt;
        final LocalDate tradeDate;
        long updatedAt;
        // The order's first step (ACCEPTED or REJECTED) lives on this row, not as an order_events row.
        final String entryKind;
        final long entryEventId;
        final long entryPrice;
        final long entryQuantity;
        boolean persisted;
        boolean dirty;

        OrderRow(long entrySeq, long orderId, long accountId, long instrumentId, long userId, String side,
                 String orderType, String timeInForce, long price, long stopPrice, long quantity, long displayQuantity,
                 boolean postOnly, OrderStatus status, long leaves, long enteredAt, LocalDate tradeDate,
                 String entryKind, long entryEventId) {
            this.entrySeq = entrySeq;
            this.orderId = orderId;
            this.accountId = accountId;
            this.instrumentId = instrumentId;
            this.userId = userId;
            this.side = side;
            this.orderType = orderType;
            this.timeInForce = timeInForce;
            this.price = price;
            this.stopPrice = stopPrice;
            this.quantity = quantity;
            this.displayQuantity = displayQuantity;
            this.postOnly = postOnly;
            this.status = status;
            this.leaves = leaves;
            this.enteredAt = enteredAt;
            this.tradeDate = tradeDate;
            this.updatedAt = enteredAt;
            this.entryKind = entryKind;
            this.entryEventId = entryEventId;
            this.entryPrice = price;
            this.entryQuantity = quantity;
        }
    }

    static final class BalanceRow {
        final long accountId;
        final String asset;
        final boolean security;
        long balance;
        long held;
        long updatedAt;
        long lastSeq;
        boolean persisted;
        boolean dirty;

        BalanceRow(long accountId, String asset, boolean security) {
            this.accountId = accountId;
            this.asset = asset;
            this.security = security;
        }
    }

    static final class TransferRow {
        final long transferId;
        final String kind;
        final long fromAccountId;
        final long toAccountId;
        final String asset;
        final long amount;
        String state;
        String reason;
        final long requestedBy;
        final long requestedAt;
        long updatedAt;
        /** A payment's fee and reference, set once when its row is made; 0 and "" for other kinds. */
        long fee;
        String reference = "";
        boolean persisted;
        boolean dirty;

        TransferRow(long transferId, String kind, long fromAccountId, long toAccountId, String asset, long amount,
                    long requestedBy, long requestedAt) {
            this.transferId = transferId;
            this.kind = kind;
            this.fromAccountId = fromAccountId;
            this.toAccountId = toAccountId;
            this.asset = asset;
            this.amount = amount;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
            this.updatedAt = requestedAt;
        }
    }

    static final class AlertRow {
        final long alertId;
        final long seq;
        final String subject;
        final long subjectId;
        final long accountId;
        final int scoreBps;
        final int amountBps;
        final int frequencyBps;
        final int patternBps;
        final String reason;
        final long raisedAt;
        /** Names of the surveillance rules that fired, comma-separated; empty when none did. */
        final String rules;
        AlertDecision decision = AlertDecision.PENDING;
        Long decidedBy;
        Long decidedAt;
        String note;
        boolean persisted;
        boolean dirty;

        AlertRow(long alertId, long seq, String subject, long subjectId, long accountId, int scoreBps, int amountBps,
                 int frequencyBps, int patternBps, String reason, long raisedAt, String rules) {
            this.alertId = alertId;
            this.seq = seq;
            this.subject = subject;
            this.subjectId = subjectId;
            this.accountId = accountId;
            this.scoreBps = scoreBps;
            this.amountBps = amountBps;
            this.frequencyBps = frequencyBps;
            this.patternBps = patternBps;
            this.reason = reason;
            this.raisedAt = raisedAt;
            this.rules = rules;
        }
    }

    static final class ControlsRow {
        final long accountId;
        final long ownerUserId;
        final String baseCurrency;
        final String selfTradePrevention;
        boolean killSwitch;
        Long killSwitchBy;
        RiskLimits limits;
        final long openedAt;
        long updatedAt;
        boolean persisted;
        boolean dirty;

        ControlsRow(long accountId, long ownerUserId, String baseCurrency, String selfTradePrevention,
                    RiskLimits limits, long openedAt) {
            this.accountId = accountId;
            this.ownerUserId = ownerUserId;
            this.baseCurrency = baseCurrency;
            this.selfTradePrevention = selfTradePrevention;
            this.limits = limits;
            this.openedAt = openedAt;
            this.updatedAt = openedAt;
        }
    }

    // ---- append-only rows ---------------------------------------------------------------------------------

    /** {@code stopPrice}: an amendment's stop trigger after it (0 for every other step, and for other orders). */
    record OrderEventRow(long eventId, long seq, long entrySeq, long orderId, long accountId, String kind, long price,
                         long stopPrice, long quantity, long leaves, String reason, long tradeId, long actingUserId,
                         long at) {
    }

    /** A trade and the FILL step it is for each side's order (event id and leaves after it). */
    record TradeRow(long tradeId, long seq, long instrumentId, long price, long quantity, String takerSide,
                    long makerOrderId, long takerOrderId, long makerAccountId, long takerAccountId, long executedAt,
                    LocalDate tradeDate, long makerEntrySeq, long makerEventId, long makerLeaves, long takerEntrySeq,
                    long takerEventId, long takerLeaves, long actingUserId, long buyerAccountId,
                    long sellerAccountId, Settlement settlement) {
    }

    /**
     * A trade's ledger legs when they have the usual shape (see the trades table), kept on its row instead of
     * as postings rows; null on a trade whose legs went to postings. The cash balances are meaningless when
     * {@code cash} is 0 (no cash legs were posted).
     */
    record Settlement(long journalId, long firstPostingId, String currency, String security, long cash,
                      long buyerCashAfter, long sellerCashAfter, long buyerPositionAfter, long sellerPositionAfter) {
    }

    record PostingRow(long postingId, long seq, long journalId, long accountId, String asset, long delta, long balanceAfter,
                      String refKind, long refId, long postedAt) {
    }

    /** One line of the compliance log: the {@code n}th violation the command at {@code seq} caused. */
    record ComplianceRow(long seq, int n, long accountId, long userId, String kind, long subjectId, String reason,
                         long at) {
    }

    record TransferEventRow(long eventId, long seq, long transferId, String state, String reason, long actingUserId,
                            long at) {
    }

    record EodRow(LocalDate tradeDate, long accountId, String asset, long quantity, long closedAt) {
    }

    final List<OrderRow> orders = new ArrayList<>();
    final List<BalanceRow> balances = new ArrayList<>();
    final List<TransferRow> transfers = new ArrayList<>();
    final List<AlertRow> alerts = new ArrayList<>();
    final List<ControlsRow> controls = new ArrayList<>();
    final List<OrderEventRow> orderEvents = new ArrayList<>();
    final List<TradeRow> trades = new ArrayList<>();
    final List<PostingRow> postings = new ArrayList<>();
    final List<TransferEventRow> transferEvents = new ArrayList<>();
    final List<ComplianceRow> compliance = new ArrayList<>();
    /** End-of-day snapshots by date; a second close of the same date replaces the first. */
    final Map<LocalDate, List<EodRow>> endOfDay = new LinkedHashMap<>();
    long firstSeq;
    long lastSeq;
    int commands;

    void touch(OrderRow row) {
        if (!row.dirty) {
            row.dirty = true;
            orders.add(row);
        }
    }

    void touch(BalanceRow row) {
        if (!row.dirty) {
            row.dirty = true;
            balances.add(row);
        }
    }

    void touch(TransferRow row) {
        if (!row.dirty) {
            row.dirty = true;
            transfers.add(row);
        }
    }

    void touch(AlertRow row) {
        if (!row.dirty) {
            row.dirty = true;
            alerts.add(row);
        }
    }

    void touch(ControlsRow row) {
        if (!row.dirty) {
            row.dirty = true;
            controls.add(row);
        }
    }

    boolean isEmpty() {
        return commands == 0;
    }

    /** After a commit (or when replaying what is already stored): the dirty rows now exist as they are. */
    void markPersisted() {
        for (OrderRow row : orders) {
            row.persisted = true;
            row.dirty = false;
        }
        for (BalanceRow row : balances) {
            row.persisted = true;
            row.dirty = false;
        }
        for (TransferRow row : transfers) {
            row.persisted = true;
            row.dirty = false;
        }
        for (AlertRow row : alerts) {
            row.persisted = true;
            row.dirty = false;
        }
        for (ControlsRow row : controls) {
            row.persisted = true;
            row.dirty = false;
        }
        clear();
    }

    private void clear() {
        orders.clear();
        balances.clear();
        transfers.clear();
        alerts.clear();
        controls.clear();
        orderEvents.clear();
        trades.clear();
        postings.clear();
        transferEvents.clear();
        compliance.clear();
        endOfDay.clear();
        firstSeq = 0;
        lastSeq = 0;
        commands = 0;
    }
}
