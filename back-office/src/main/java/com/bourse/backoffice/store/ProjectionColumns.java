package com.bourse.backoffice.store;

import com.bourse.backoffice.store.ProjectionBatch.AlertRow;
import com.bourse.backoffice.store.ProjectionBatch.BalanceRow;
import com.bourse.backoffice.store.ProjectionBatch.ComplianceRow;
import com.bourse.backoffice.store.ProjectionBatch.ControlsRow;
import com.bourse.backoffice.store.ProjectionBatch.EodRow;
import com.bourse.backoffice.store.ProjectionBatch.OrderEventRow;
import com.bourse.backoffice.store.ProjectionBatch.OrderRow;
import com.bourse.backoffice.store.ProjectionBatch.PostingRow;
import com.bourse.backoffice.store.ProjectionBatch.Settlement;
import com.bourse.backoffice.store.ProjectionBatch.TradeRow;
import com.bourse.backoffice.store.ProjectionBatch.TransferEventRow;
import com.bourse.backoffice.store.ProjectionBatch.TransferRow;

import java.util.List;
import java.util.function.Function;

import static com.bourse.backoffice.store.Column.flag;
import static com.bourse.backoffice.store.Column.ints;
import static com.bourse.backoffice.store.Column.longs;
import static com.bourse.backoffice.store.Column.value;
import static com.bourse.backoffice.store.schema.Tables.ACCOUNT_CONTROLS;
import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static com.bourse.backoffice.store.schema.Tables.COMPLIANCE_VIOLATIONS;
import static com.bourse.backoffice.store.schema.Tables.EOD_POSITIONS;
import static com.bourse.backoffice.store.schema.Tables.ORDERS;
import static com.bourse.backoffice.store.schema.Tables.ORDER_EVENTS;
import static com.bourse.backoffice.store.schema.Tables.POSTINGS;
import static com.bourse.backoffice.store.schema.Tables.RISK_ALERTS;
import static com.bourse.backoffice.store.schema.Tables.TRADES;
import static com.bourse.backoffice.store.schema.Tables.TRANSFERS;
import static com.bourse.backoffice.store.schema.Tables.TRANSFER_EVENTS;

/**
 * Where each projection column's value comes from in a {@link ProjectionBatch} row: every column of a table,
 * named by its generated field (any order; {@link TableWriter} checks none is missing).
 */
final class ProjectionColumns {
    static final List<Column<OrderRow>> ORDER = List.of(
            longs(ORDERS.ENTRY_SEQ, o -> o.entrySeq),
            longs(ORDERS.ORDER_ID, o -> o.orderId),
            longs(ORDERS.ACCOUNT_ID, o -> o.accountId),
            longs(ORDERS.INSTRUMENT_ID, o -> o.instrumentId),
            longs(ORDERS.USER_ID, o -> o.userId),
            value(ORDERS.SIDE, o -> o.side),
            value(ORDERS.ORDER_TYPE, o -> o.orderType),
            value(ORDERS.TIME_IN_FORCE, o -> o.timeInForce),
            longs(ORDERS.PRICE, o -> o.price),
            longs(ORDERS.STOP_PRICE, o -> o.stopPrice),
            longs(ORDERS.QUANTITY, o -> o.quantity),
            longs(ORDERS.DISPLAY_QUANTITY, o -> o.displayQuantity),
            flag(ORDERS.POST_ONLY, o -> o.postOnly),
            value(ORDERS.STATUS, o -> o.status.name()),
            longs(ORDERS.LEAVES, o -> o.leaves),
            longs(ORDERS.FILLED_QUANTITY, o -> o.filled),
            value(ORDERS.REASON, o -> o.reason),
            longs(ORDERS.ENTERED_AT, o -> o.enteredAt),
            value(ORDERS.TRADE_DATE, o -> o.tradeDate),
            longs(ORDERS.UPDATED_AT, o -> o.updatedAt),
            value(ORDERS.ENTRY_KIND, o -> o.entryKind),
            longs(ORDERS.ENTRY_EVENT_ID, o -> o.entryEventId),
            longs(ORDERS.ENTRY_PRICE, o -> o.entryPrice),
            longs(ORDERS.ENTRY_QUANTITY, o -> o.entryQuantity));

    static final List<Column<OrderEventRow>> ORDER_EVENT = List.of(
            longs(ORDER_EVENTS.EVENT_ID, OrderEventRow::eventId),
            longs(ORDER_EVENTS.SEQ, OrderEventRow::seq),
            longs(ORDER_EVENTS.ENTRY_SEQ, OrderEventRow::entrySeq),
            longs(ORDER_EVENTS.ORDER_ID, OrderEventRow::orderId),
            longs(ORDER_EVENTS.ACCOUNT_ID, OrderEventRow::accountId),
            value(ORDER_EVENTS.KIND, OrderEventRow::kind),
            longs(ORDER_EVENTS.PRICE, OrderEventRow::price),
            // Only an amendment of a stop order has one; 0 is "none" in the batch and null in the table.
            value(ORDER_EVENTS.STOP_PRICE, e -> e.stopPrice() == 0 ? null : e.stopPrice()),
            longs(ORDER_EVENTS.QUANTITY, OrderEventRow::quantity),
            longs(ORDER_EVENTS.LEAVES, OrderEventRow::leaves),
            value(ORDER_EVENTS.REASON, OrderEventRow::reason),
            // Only a fill has a trade; 0 is "none" in the batch and null in the table.
            value(ORDER_EVENTS.TRADE_ID, e -> e.tradeId() == 0 ? null : e.tradeId()),
            longs(ORDER_EVENTS.ACTING_USER_ID, OrderEventRow::actingUserId),
            longs(ORDER_EVENTS.AT, OrderEventRow::at));

    static final List<Column<TradeRow>> TRADE = List.of(
            longs(TRADES.TRADE_ID, TradeRow::tradeId),
            longs(TRADES.SEQ, TradeRow::seq),
            longs(TRADES.INSTRUMENT_ID, TradeRow::instrumentId),
            longs(TRADES.PRICE, TradeRow::price),
            longs(TRADES.QUANTITY, TradeRow::quantity),
            value(TRADES.TAKER_SIDE, TradeRow::takerSide),
            longs(TRADES.MAKER_ORDER_ID, TradeRow::makerOrderId),
            longs(TRADES.TAKER_ORDER_ID, TradeRow::takerOrderId),
            longs(TRADES.MAKER_ACCOUNT_ID, TradeRow::makerAccountId),
            longs(TRADES.TAKER_ACCOUNT_ID, TradeRow::takerAccountId),
            longs(TRADES.EXECUTED_AT, TradeRow::executedAt),
            value(TRADES.TRADE_DATE, TradeRow::tradeDate),
            longs(TRADES.MAKER_ENTRY_SEQ, TradeRow::makerEntrySeq),
            longs(TRADES.MAKER_EVENT_ID, TradeRow::makerEventId),
            longs(TRADES.MAKER_LEAVES, TradeRow::makerLeaves),
            longs(TRADES.TAKER_ENTRY_SEQ, TradeRow::takerEntrySeq),
            longs(TRADES.TAKER_EVENT_ID, TradeRow::takerEventId),
            longs(TRADES.TAKER_LEAVES, TradeRow::takerLeaves),
            longs(TRADES.ACTING_USER_ID, TradeRow::actingUserId),
            longs(TRADES.BUYER_ACCOUNT_ID, TradeRow::buyerAccountId),
            longs(TRADES.SELLER_ACCOUNT_ID, TradeRow::sellerAccountId),
            // Legs of another shape went to postings: the settlement columns are null.
            value(TRADES.JOURNAL_ID, legs(Settlement::journalId)),
            value(TRADES.FIRST_POSTING_ID, legs(Settlement::firstPostingId)),
            value(TRADES.CURRENCY, legs(Settlement::currency)),
            value(TRADES.SECURITY, legs(Settlement::security)),
            value(TRADES.CASH, legs(Settlement::cash)),
            // No cash legs were posted when cash is 0: there is no cash balance after them.
            value(TRADES.BUYER_CASH_AFTER, legs(s -> s.cash() == 0 ? null : s.buyerCashAfter())),
            value(TRADES.SELLER_CASH_AFTER, legs(s -> s.cash() == 0 ? null : s.sellerCashAfter())),
            value(TRADES.BUYER_POSITION_AFTER, legs(Settlement::buyerPositionAfter)),
            value(TRADES.SELLER_POSITION_AFTER, legs(Settlement::sellerPositionAfter)));

    static final List<Column<PostingRow>> POSTING = List.of(
            longs(POSTINGS.POSTING_ID, PostingRow::postingId),
            longs(POSTINGS.SEQ, PostingRow::seq),
            longs(POSTINGS.JOURNAL_ID, PostingRow::journalId),
            longs(POSTINGS.ACCOUNT_ID, PostingRow::accountId),
            value(POSTINGS.ASSET, PostingRow::asset),
            longs(POSTINGS.DELTA, PostingRow::delta),
            longs(POSTINGS.BALANCE_AFTER, PostingRow::balanceAfter),
            value(POSTINGS.REF_KIND, PostingRow::refKind),
            longs(POSTINGS.REF_ID, PostingRow::refId),
            longs(POSTINGS.POSTED_AT, PostingRow::postedAt));

    static final List<Column<BalanceRow>> BALANCE = List.of(
            longs(BALANCES.ACCOUNT_ID, b -> b.accountId),
            value(BALANCES.ASSET, b -> b.asset),
            flag(BALANCES.IS_SECURITY, b -> b.security),
            longs(BALANCES.BALANCE, b -> b.balance),
            longs(BALANCES.HELD, b -> b.held),
            longs(BALANCES.UPDATED_AT, b -> b.updatedAt),
            longs(BALANCES.LAST_SEQ, b -> b.lastSeq));

    static final List<Column<TransferRow>> TRANSFER = List.of(
            longs(TRANSFERS.TRANSFER_ID, t -> t.transferId),
            value(TRANSFERS.KIND, t -> t.kind),
            longs(TRANSFERS.FROM_ACCOUNT_ID, t -> t.fromAccountId),
            longs(TRANSFERS.TO_ACCOUNT_ID, t -> t.toAccountId),
            value(TRANSFERS.ASSET, t -> t.asset),
            longs(TRANSFERS.AMOUNT, t -> t.amount),
            value(TRANSFERS.STATE, t -> t.state),
            value(TRANSFERS.REASON, t -> t.reason),
            longs(TRANSFERS.REQUESTED_BY, t -> t.requestedBy),
            longs(TRANSFERS.REQUESTED_AT, t -> t.requestedAt),
            longs(TRANSFERS.UPDATED_AT, t -> t.updatedAt),
            longs(TRANSFERS.FEE, t -> t.fee),
            value(TRANSFERS.REFERENCE, t -> t.reference));

    static final List<Column<ComplianceRow>> COMPLIANCE = List.of(
            longs(COMPLIANCE_VIOLATIONS.SEQ, ComplianceRow::seq),
            ints(COMPLIANCE_VIOLATIONS.N, ComplianceRow::n),
            longs(COMPLIANCE_VIOLATIONS.ACCOUNT_ID, ComplianceRow::accountId),
            longs(COMPLIANCE_VIOLATIONS.USER_ID, ComplianceRow::userId),
            value(COMPLIANCE_VIOLATIONS.KIND, ComplianceRow::kind),
            longs(COMPLIANCE_VIOLATIONS.SUBJECT_ID, ComplianceRow::subjectId),
            value(COMPLIANCE_VIOLATIONS.REASON, ComplianceRow::reason),
            longs(COMPLIANCE_VIOLATIONS.AT, ComplianceRow::at));

    static final List<Column<TransferEventRow>> TRANSFER_EVENT = List.of(
            longs(TRANSFER_EVENTS.EVENT_ID, TransferEventRow::eventId),
            longs(TRANSFER_EVENTS.SEQ, TransferEventRow::seq),
            longs(TRANSFER_EVENTS.TRANSFER_ID, TransferEventRow::transferId),
            value(TRANSFER_EVENTS.STATE, TransferEventRow::state),
            value(TRANSFER_EVENTS.REASON, TransferEventRow::reason),
            longs(TRANSFER_EVENTS.ACTING_USER_ID, TransferEventRow::actingUserId),
            longs(TRANSFER_EVENTS.AT, TransferEventRow::at));

    static final List<Column<AlertRow>> ALERT = List.of(
            longs(RISK_ALERTS.ALERT_ID, a -> a.alertId),
            longs(RISK_ALERTS.SEQ, a -> a.seq),
            value(RISK_ALERTS.SUBJECT, a -> a.subject),
            longs(RISK_ALERTS.SUBJECT_ID, a -> a.subjectId),
            longs(RISK_ALERTS.ACCOUNT_ID, a -> a.accountId),
            ints(RISK_ALERTS.SCORE_BPS, a -> a.scoreBps),
            ints(RISK_ALERTS.AMOUNT_BPS, a -> a.amountBps),
            ints(RISK_ALERTS.FREQUENCY_BPS, a -> a.frequencyBps),
            ints(RISK_ALERTS.PATTERN_BPS, a -> a.patternBps),
            value(RISK_ALERTS.REASON, a -> a.reason),
            value(RISK_ALERTS.RULES, a -> a.rules),
            longs(RISK_ALERTS.RAISED_AT, a -> a.raisedAt),
            value(RISK_ALERTS.DECISION, a -> a.decision.name()),
            value(RISK_ALERTS.DECIDED_BY, a -> a.decidedBy),
            value(RISK_ALERTS.DECIDED_AT, a -> a.decidedAt),
            value(RISK_ALERTS.DECISION_NOTE, a -> a.note));

    static final List<Column<ControlsRow>> CONTROLS = List.of(
            longs(ACCOUNT_CONTROLS.ACCOUNT_ID, c -> c.accountId),
            longs(ACCOUNT_CONTROLS.OWNER_USER_ID, c -> c.ownerUserId),
            value(ACCOUNT_CONTROLS.BASE_CURRENCY, c -> c.baseCurrency),
            value(ACCOUNT_CONTROLS.SELF_TRADE_PREVENTION, c -> c.selfTradePrevention),
            flag(ACCOUNT_CONTROLS.KILL_SWITCH, c -> c.killSwitch),
            value(ACCOUNT_CONTROLS.KILL_SWITCH_BY, c -> c.killSwitchBy),
            longs(ACCOUNT_CONTROLS.MAX_ORDER_QUANTITY, c -> c.limits.maxOrderQuantity()),
            longs(ACCOUNT_CONTROLS.MAX_ORDER_NOTIONAL, c -> c.limits.maxOrderNotional()),
            longs(ACCOUNT_CONTROLS.MAX_POSITION, c -> c.limits.maxPosition()),
            ints(ACCOUNT_CONTROLS.MAX_ORDERS_PER_WINDOW, c -> c.limits.maxOrdersPerWindow()),
            longs(ACCOUNT_CONTROLS.THROTTLE_WINDOW_MILLIS, c -> c.limits.throttleWindowMillis()),
            ints(ACCOUNT_CONTROLS.PRICE_BAND_BPS, c -> c.limits.priceBandBps()),
            ints(ACCOUNT_CONTROLS.REVIEW_THRESHOLD_BPS, c -> c.limits.reviewThresholdBps()),
            longs(ACCOUNT_CONTROLS.OPENED_AT, c -> c.openedAt),
            longs(ACCOUNT_CONTROLS.UPDATED_AT, c -> c.updatedAt));

    static final List<Column<EodRow>> END_OF_DAY = List.of(
            value(EOD_POSITIONS.TRADE_DATE, EodRow::tradeDate),
            longs(EOD_POSITIONS.ACCOUNT_ID, EodRow::accountId),
            value(EOD_POSITIONS.ASSET, EodRow::asset),
            longs(EOD_POSITIONS.QUANTITY, EodRow::quantity),
            longs(EOD_POSITIONS.CLOSED_AT, EodRow::closedAt));

    private ProjectionColumns() {
    }

    /** A settlement value of a trade, null when its legs went to postings. */
    private static <V> Function<TradeRow, V> legs(Function<Settlement, V> value) {
        return t -> t.settlement() == null ? null : value.apply(t.settlement());
    }
}
