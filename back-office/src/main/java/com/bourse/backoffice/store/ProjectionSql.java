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
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.bourse.backoffice.store.schema.Tables.ACCOUNT_CONTROLS;
import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static com.bourse.backoffice.store.schema.Tables.EOD_POSITIONS;
import static com.bourse.backoffice.store.schema.Tables.ORDERS;
import static com.bourse.backoffice.store.schema.Tables.ORDER_EVENTS;
import static com.bourse.backoffice.store.schema.Tables.POSTINGS;
import static com.bourse.backoffice.store.schema.Tables.PROJECTION_MARK;
import static com.bourse.backoffice.store.schema.Tables.RISK_ALERTS;
import static com.bourse.backoffice.store.schema.Tables.TRADES;
import static com.bourse.backoffice.store.schema.Tables.TRANSFERS;
import static com.bourse.backoffice.store.schema.Tables.TRANSFER_EVENTS;

/**
 * Writes a {@link ProjectionBatch} over one connection as JDBC batches and moves the projection's mark, all in
 * the caller's transaction. Statements are prepared once and reused for every batch. Writer thread only.
 */
final class ProjectionSql implements AutoCloseable {
    static final String PROJECTION = "back-office";

    private static final String INSERT_ORDER = SqlStatements.insert(ORDERS, ORDERS.ENTRY_SEQ, ORDERS.ORDER_ID,
            ORDERS.ACCOUNT_ID, ORDERS.INSTRUMENT_ID, ORDERS.USER_ID, ORDERS.SIDE, ORDERS.ORDER_TYPE,
            ORDERS.TIME_IN_FORCE, ORDERS.PRICE, ORDERS.STOP_PRICE, ORDERS.QUANTITY, ORDERS.DISPLAY_QUANTITY,
            ORDERS.POST_ONLY, ORDERS.STATUS, ORDERS.LEAVES, ORDERS.FILLED_QUANTITY, ORDERS.REASON, ORDERS.ENTERED_AT,
            ORDERS.TRADE_DATE, ORDERS.UPDATED_AT, ORDERS.ENTRY_KIND, ORDERS.ENTRY_EVENT_ID, ORDERS.ENTRY_PRICE,
            ORDERS.ENTRY_QUANTITY);
    private static final String UPDATE_ORDER = SqlStatements.update(ORDERS,
            List.<Field<?>>of(ORDERS.PRICE, ORDERS.QUANTITY, ORDERS.STATUS, ORDERS.LEAVES, ORDERS.FILLED_QUANTITY,
                    ORDERS.REASON, ORDERS.UPDATED_AT),
            List.<Field<?>>of(ORDERS.ENTRY_SEQ));
    private static final String INSERT_ORDER_EVENT = SqlStatements.insert(ORDER_EVENTS, ORDER_EVENTS.EVENT_ID,
            ORDER_EVENTS.SEQ, ORDER_EVENTS.ENTRY_SEQ, ORDER_EVENTS.ORDER_ID, ORDER_EVENTS.ACCOUNT_ID, ORDER_EVENTS.KIND,
            ORDER_EVENTS.PRICE, ORDER_EVENTS.QUANTITY, ORDER_EVENTS.LEAVES, ORDER_EVENTS.REASON, ORDER_EVENTS.TRADE_ID,
            ORDER_EVENTS.ACTING_USER_ID, ORDER_EVENTS.AT);
    private static final String INSERT_TRADE = SqlStatements.insert(TRADES, TRADES.TRADE_ID, TRADES.SEQ,
            TRADES.INSTRUMENT_ID, TRADES.PRICE, TRADES.QUANTITY, TRADES.TAKER_SIDE, TRADES.MAKER_ORDER_ID,
            TRADES.TAKER_ORDER_ID, TRADES.MAKER_ACCOUNT_ID, TRADES.TAKER_ACCOUNT_ID, TRADES.EXECUTED_AT,
            TRADES.TRADE_DATE, TRADES.MAKER_ENTRY_SEQ, TRADES.MAKER_EVENT_ID, TRADES.MAKER_LEAVES,
            TRADES.TAKER_ENTRY_SEQ, TRADES.TAKER_EVENT_ID, TRADES.TAKER_LEAVES, TRADES.ACTING_USER_ID,
            TRADES.BUYER_ACCOUNT_ID, TRADES.SELLER_ACCOUNT_ID, TRADES.JOURNAL_ID, TRADES.FIRST_POSTING_ID,
            TRADES.CURRENCY, TRADES.SECURITY, TRADES.CASH, TRADES.BUYER_CASH_AFTER, TRADES.SELLER_CASH_AFTER,
            TRADES.BUYER_POSITION_AFTER, TRADES.SELLER_POSITION_AFTER);
    private static final String INSERT_POSTING = SqlStatements.insert(POSTINGS, POSTINGS.POSTING_ID, POSTINGS.SEQ,
            POSTINGS.JOURNAL_ID, POSTINGS.ACCOUNT_ID, POSTINGS.ASSET, POSTINGS.DELTA, POSTINGS.BALANCE_AFTER,
            POSTINGS.REF_KIND, POSTINGS.REF_ID, POSTINGS.POSTED_AT);
    private static final String INSERT_BALANCE = SqlStatements.insert(BALANCES, BALANCES.ACCOUNT_ID, BALANCES.ASSET,
            BALANCES.IS_SECURITY, BALANCES.BALANCE, BALANCES.HELD, BALANCES.UPDATED_AT, BALANCES.LAST_SEQ);
    private static final String UPDATE_BALANCE = SqlStatements.update(BALANCES,
            List.<Field<?>>of(BALANCES.BALANCE, BALANCES.HELD, BALANCES.UPDATED_AT, BALANCES.LAST_SEQ),
            List.<Field<?>>of(BALANCES.ACCOUNT_ID, BALANCES.ASSET));
    private static final String INSERT_TRANSFER = SqlStatements.insert(TRANSFERS, TRANSFERS.TRANSFER_ID,
            TRANSFERS.KIND, TRANSFERS.FROM_ACCOUNT_ID, TRANSFERS.TO_ACCOUNT_ID, TRANSFERS.ASSET, TRANSFERS.AMOUNT,
            TRANSFERS.STATE, TRANSFERS.REASON, TRANSFERS.REQUESTED_BY, TRANSFERS.REQUESTED_AT, TRANSFERS.UPDATED_AT);
    private static final String UPDATE_TRANSFER = SqlStatements.update(TRANSFERS,
            List.<Field<?>>of(TRANSFERS.STATE, TRANSFERS.REASON, TRANSFERS.UPDATED_AT),
            List.<Field<?>>of(TRANSFERS.TRANSFER_ID));
    private static final String INSERT_TRANSFER_EVENT = SqlStatements.insert(TRANSFER_EVENTS,
            TRANSFER_EVENTS.EVENT_ID, TRANSFER_EVENTS.SEQ, TRANSFER_EVENTS.TRANSFER_ID, TRANSFER_EVENTS.STATE, TRANSFER_EVENTS.REASON,
            TRANSFER_EVENTS.ACTING_USER_ID, TRANSFER_EVENTS.AT);
    private static final String INSERT_ALERT = SqlStatements.insert(RISK_ALERTS, RISK_ALERTS.ALERT_ID, RISK_ALERTS.SEQ,
            RISK_ALERTS.SUBJECT, RISK_ALERTS.SUBJECT_ID, RISK_ALERTS.ACCOUNT_ID, RISK_ALERTS.SCORE_BPS,
            RISK_ALERTS.AMOUNT_BPS, RISK_ALERTS.FREQUENCY_BPS, RISK_ALERTS.PATTERN_BPS, RISK_ALERTS.REASON,
            RISK_ALERTS.RAISED_AT, RISK_ALERTS.DECISION, RISK_ALERTS.DECIDED_BY, RISK_ALERTS.DECIDED_AT,
            RISK_ALERTS.DECISION_NOTE);
    private static final String UPDATE_ALERT = SqlStatements.update(RISK_ALERTS,
            List.<Field<?>>of(RISK_ALERTS.DECISION, RISK_ALERTS.DECIDED_BY, RISK_ALERTS.DECIDED_AT,
                    RISK_ALERTS.DECISION_NOTE),
            List.<Field<?>>of(RISK_ALERTS.ALERT_ID));
    private static final String INSERT_CONTROLS = SqlStatements.insert(ACCOUNT_CONTROLS, ACCOUNT_CONTROLS.ACCOUNT_ID,
            ACCOUNT_CONTROLS.OWNER_USER_ID, ACCOUNT_CONTROLS.BASE_CURRENCY, ACCOUNT_CONTROLS.SELF_TRADE_PREVENTION,
            ACCOUNT_CONTROLS.KILL_SWITCH, ACCOUNT_CONTROLS.KILL_SWITCH_BY, ACCOUNT_CONTROLS.MAX_ORDER_QUANTITY,
            ACCOUNT_CONTROLS.MAX_ORDER_NOTIONAL, ACCOUNT_CONTROLS.MAX_POSITION, ACCOUNT_CONTROLS.MAX_ORDERS_PER_WINDOW,
            ACCOUNT_CONTROLS.THROTTLE_WINDOW_MILLIS, ACCOUNT_CONTROLS.OPENED_AT, ACCOUNT_CONTROLS.UPDATED_AT);
    private static final String UPDATE_CONTROLS = SqlStatements.update(ACCOUNT_CONTROLS,
            List.<Field<?>>of(ACCOUNT_CONTROLS.KILL_SWITCH, ACCOUNT_CONTROLS.KILL_SWITCH_BY,
                    ACCOUNT_CONTROLS.MAX_ORDER_QUANTITY, ACCOUNT_CONTROLS.MAX_ORDER_NOTIONAL,
                    ACCOUNT_CONTROLS.MAX_POSITION, ACCOUNT_CONTROLS.MAX_ORDERS_PER_WINDOW,
                    ACCOUNT_CONTROLS.THROTTLE_WINDOW_MILLIS, ACCOUNT_CONTROLS.UPDATED_AT),
            List.<Field<?>>of(ACCOUNT_CONTROLS.ACCOUNT_ID));
    private static final String DELETE_EOD = SqlStatements.deleteWhere(EOD_POSITIONS, EOD_POSITIONS.TRADE_DATE);
    private static final String INSERT_EOD = SqlStatements.insert(EOD_POSITIONS, EOD_POSITIONS.TRADE_DATE,
            EOD_POSITIONS.ACCOUNT_ID, EOD_POSITIONS.ASSET, EOD_POSITIONS.QUANTITY, EOD_POSITIONS.CLOSED_AT);
    private static final String UPDATE_MARK = SqlStatements.update(PROJECTION_MARK,
            List.<Field<?>>of(PROJECTION_MARK.LAST_SEQ), List.<Field<?>>of(PROJECTION_MARK.PROJECTION));
    private static final String INSERT_MARK = SqlStatements.insert(PROJECTION_MARK, PROJECTION_MARK.PROJECTION,
            PROJECTION_MARK.LAST_SEQ);

    private final Connection connection;
    private final List<PreparedStatement> open = new ArrayList<>();
    private final PreparedStatement insertOrder;
    private final PreparedStatement updateOrder;
    private final PreparedStatement insertOrderEvent;
    private final PreparedStatement insertTrade;
    private final PreparedStatement insertPosting;
    private final PreparedStatement insertBalance;
    private final PreparedStatement updateBalance;
    private final PreparedStatement insertTransfer;
    private final PreparedStatement updateTransfer;
    private final PreparedStatement insertTransferEvent;
    private final PreparedStatement insertAlert;
    private final PreparedStatement updateAlert;
    private final PreparedStatement insertControls;
    private final PreparedStatement updateControls;
    private final PreparedStatement deleteEod;
    private final PreparedStatement insertEod;
    private final PreparedStatement updateMark;
    // Rows of a batch nearly all share one trade date: converting it once saves a calendar per row.
    private java.time.LocalDate lastDate;
    private Date lastSqlDate;

    ProjectionSql(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        insertOrder = prepare(INSERT_ORDER);
        updateOrder = prepare(UPDATE_ORDER);
        insertOrderEvent = prepare(INSERT_ORDER_EVENT);
        insertTrade = prepare(INSERT_TRADE);
        insertPosting = prepare(INSERT_POSTING);
        insertBalance = prepare(INSERT_BALANCE);
        updateBalance = prepare(UPDATE_BALANCE);
        insertTransfer = prepare(INSERT_TRANSFER);
        updateTransfer = prepare(UPDATE_TRANSFER);
        insertTransferEvent = prepare(INSERT_TRANSFER_EVENT);
        insertAlert = prepare(INSERT_ALERT);
        updateAlert = prepare(UPDATE_ALERT);
        insertControls = prepare(INSERT_CONTROLS);
        updateControls = prepare(UPDATE_CONTROLS);
        deleteEod = prepare(DELETE_EOD);
        insertEod = prepare(INSERT_EOD);
        updateMark = prepare(UPDATE_MARK);
    }

    /** The journal sequence the stored projection covers, creating its mark at 0 on first use. */
    long mark() throws SQLException {
        DSLContext ctx = DSL.using(connection, SQLDialect.H2);
        Long mark = ctx.select(PROJECTION_MARK.LAST_SEQ).from(PROJECTION_MARK)
                .where(PROJECTION_MARK.PROJECTION.eq(PROJECTION)).fetchOne(PROJECTION_MARK.LAST_SEQ);
        if (mark == null) {
            ctx.insertInto(PROJECTION_MARK).set(PROJECTION_MARK.PROJECTION, PROJECTION)
                    .set(PROJECTION_MARK.LAST_SEQ, 0L).execute();
            connection.commit();
            return 0;
        }
        return mark;
    }

    /** Empty every projection table and put the mark back to 0, for a rebuild from the journal. */
    void clearAll() throws SQLException {
        DSLContext ctx = DSL.using(connection, SQLDialect.H2);
        try {
            for (Table<?> table : PROJECTION_TABLES) {
                ctx.deleteFrom(table).execute();
            }
            ctx.update(PROJECTION_MARK).set(PROJECTION_MARK.LAST_SEQ, 0L)
                    .where(PROJECTION_MARK.PROJECTION.eq(PROJECTION)).execute();
            connection.commit();
        } catch (RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The tables this writer derives from the journal; nothing else is touched by a rebuild. */
    static final List<Table<?>> PROJECTION_TABLES = List.of(ORDERS, ORDER_EVENTS, TRADES, BALANCES, POSTINGS,
            EOD_POSITIONS, TRANSFERS, TRANSFER_EVENTS, RISK_ALERTS, ACCOUNT_CONTROLS);

    /** Force committed pages to the disk, for OS-crash durability of each batch. */
    void checkpointSync() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(Store.CHECKPOINT_SYNC);
        }
    }

    /** Write the batch and move the mark to its last sequence, then commit. */
    void write(ProjectionBatch batch) throws SQLException {
        try {
            writeOrders(batch.orders);
            for (OrderEventRow e : batch.orderEvents) {
                bindOrderEvent(e);
            }
            run(insertOrderEvent, batch.orderEvents.size());
            for (TradeRow t : batch.trades) {
                bindTrade(t);
            }
            run(insertTrade, batch.trades.size());
            for (PostingRow p : batch.postings) {
                bindPosting(p);
            }
            run(insertPosting, batch.postings.size());
            writeBalances(batch.balances);
            writeTransfers(batch.transfers);
            for (TransferEventRow e : batch.transferEvents) {
                bindTransferEvent(e);
            }
            run(insertTransferEvent, batch.transferEvents.size());
            writeAlerts(batch.alerts);
            writeControls(batch.controls);
            writeEndOfDay(batch.endOfDay);
            updateMark.setLong(1, batch.lastSeq);
            updateMark.setString(2, PROJECTION);
            if (updateMark.executeUpdate() != 1) {
                throw new SQLException("projection mark missing");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private void writeOrders(List<OrderRow> rows) throws SQLException {
        int inserts = 0;
        int updates = 0;
        for (OrderRow o : rows) {
            if (o.persisted) {
                PreparedStatement s = updateOrder;
                s.setLong(1, o.price);
                s.setLong(2, o.quantity);
                s.setString(3, o.status.name());
                s.setLong(4, o.leaves);
                s.setLong(5, o.filled);
                s.setString(6, o.reason);
                s.setLong(7, o.updatedAt);
                s.setLong(8, o.entrySeq);
                s.addBatch();
                updates++;
            } else {
                PreparedStatement s = insertOrder;
                s.setLong(1, o.entrySeq);
                s.setLong(2, o.orderId);
                s.setLong(3, o.accountId);
                s.setLong(4, o.instrumentId);
                s.setLong(5, o.userId);
                s.setString(6, o.side);
                s.setString(7, o.orderType);
                s.setString(8, o.timeInForce);
                s.setLong(9, o.price);
                s.setLong(10, o.stopPrice);
                s.setLong(11, o.quantity);
                s.setLong(12, o.displayQuantity);
                s.setBoolean(13, o.postOnly);
                s.setString(14, o.status.name());
                s.setLong(15, o.leaves);
                s.setLong(16, o.filled);
                s.setString(17, o.reason);
                s.setLong(18, o.enteredAt);
                s.setDate(19, sqlDate(o.tradeDate));
                s.setLong(20, o.updatedAt);
                s.setString(21, o.entryKind);
                s.setLong(22, o.entryEventId);
                s.setLong(23, o.entryPrice);
                s.setLong(24, o.entryQuantity);
                s.addBatch();
                inserts++;
            }
        }
        run(insertOrder, inserts);
        run(updateOrder, updates);
    }

    private void bindOrderEvent(OrderEventRow e) throws SQLException {
        PreparedStatement s = insertOrderEvent;
        s.setLong(1, e.eventId());
        s.setLong(2, e.seq());
        s.setLong(3, e.entrySeq());
        s.setLong(4, e.orderId());
        s.setLong(5, e.accountId());
        s.setString(6, e.kind());
        s.setLong(7, e.price());
        s.setLong(8, e.quantity());
        s.setLong(9, e.leaves());
        s.setString(10, e.reason());
        if (e.tradeId() == 0) {
            s.setNull(11, Types.BIGINT);
        } else {
            s.setLong(11, e.tradeId());
        }
        s.setLong(12, e.actingUserId());
        s.setLong(13, e.at());
        s.addBatch();
    }

    private void bindTrade(TradeRow t) throws SQLException {
        PreparedStatement s = insertTrade;
        s.setLong(1, t.tradeId());
        s.setLong(2, t.seq());
        s.setLong(3, t.instrumentId());
        s.setLong(4, t.price());
        s.setLong(5, t.quantity());
        s.setString(6, t.takerSide());
        s.setLong(7, t.makerOrderId());
        s.setLong(8, t.takerOrderId());
        s.setLong(9, t.makerAccountId());
        s.setLong(10, t.takerAccountId());
        s.setLong(11, t.executedAt());
        s.setDate(12, sqlDate(t.tradeDate()));
        s.setLong(13, t.makerEntrySeq());
        s.setLong(14, t.makerEventId());
        s.setLong(15, t.makerLeaves());
        s.setLong(16, t.takerEntrySeq());
        s.setLong(17, t.takerEventId());
        s.setLong(18, t.takerLeaves());
        s.setLong(19, t.actingUserId());
        s.setLong(20, t.buyerAccountId());
        s.setLong(21, t.sellerAccountId());
        Settlement legs = t.settlement();
        if (legs == null) {
            for (int column = 22; column <= 30; column++) {
                s.setNull(column, column == 24 || column == 25 ? Types.VARCHAR : Types.BIGINT);
            }
        } else {
            s.setLong(22, legs.journalId());
            s.setLong(23, legs.firstPostingId());
            s.setString(24, legs.currency());
            s.setString(25, legs.security());
            s.setLong(26, legs.cash());
            setLongOrNull(s, 27, legs.cash() != 0, legs.buyerCashAfter());
            setLongOrNull(s, 28, legs.cash() != 0, legs.sellerCashAfter());
            s.setLong(29, legs.buyerPositionAfter());
            s.setLong(30, legs.sellerPositionAfter());
        }
        s.addBatch();
    }

    private static void setLongOrNull(PreparedStatement s, int column, boolean present, long value)
            throws SQLException {
        if (present) {
            s.setLong(column, value);
        } else {
            s.setNull(column, Types.BIGINT);
        }
    }

    private void bindPosting(PostingRow p) throws SQLException {
        PreparedStatement s = insertPosting;
        s.setLong(1, p.postingId());
        s.setLong(2, p.seq());
        s.setLong(3, p.journalId());
        s.setLong(4, p.accountId());
        s.setString(5, p.asset());
        s.setLong(6, p.delta());
        s.setLong(7, p.balanceAfter());
        s.setString(8, p.refKind());
        s.setLong(9, p.refId());
        s.setLong(10, p.postedAt());
        s.addBatch();
    }

    private void writeBalances(List<BalanceRow> rows) throws SQLException {
        int inserts = 0;
        int updates = 0;
        for (BalanceRow b : rows) {
            if (b.persisted) {
                PreparedStatement s = updateBalance;
                s.setLong(1, b.balance);
                s.setLong(2, b.held);
                s.setLong(3, b.updatedAt);
                s.setLong(4, b.lastSeq);
                s.setLong(5, b.accountId);
                s.setString(6, b.asset);
                s.addBatch();
                updates++;
            } else {
                PreparedStatement s = insertBalance;
                s.setLong(1, b.accountId);
                s.setString(2, b.asset);
                s.setBoolean(3, b.security);
                s.setLong(4, b.balance);
                s.setLong(5, b.held);
                s.setLong(6, b.updatedAt);
                s.setLong(7, b.lastSeq);
                s.addBatch();
                inserts++;
            }
        }
        run(insertBalance, inserts);
        run(updateBalance, updates);
    }

    private void writeTransfers(List<TransferRow> rows) throws SQLException {
        int inserts = 0;
        int updates = 0;
        for (TransferRow t : rows) {
            if (t.persisted) {
                PreparedStatement s = updateTransfer;
                s.setString(1, t.state);
                s.setString(2, t.reason);
                s.setLong(3, t.updatedAt);
                s.setLong(4, t.transferId);
                s.addBatch();
                updates++;
            } else {
                PreparedStatement s = insertTransfer;
                s.setLong(1, t.transferId);
                s.setString(2, t.kind);
                s.setLong(3, t.fromAccountId);
                s.setLong(4, t.toAccountId);
                s.setString(5, t.asset);
                s.setLong(6, t.amount);
                s.setString(7, t.state);
                s.setString(8, t.reason);
                s.setLong(9, t.requestedBy);
                s.setLong(10, t.requestedAt);
                s.setLong(11, t.updatedAt);
                s.addBatch();
                inserts++;
            }
        }
        run(insertTransfer, inserts);
        run(updateTransfer, updates);
    }

    private void bindTransferEvent(TransferEventRow e) throws SQLException {
        PreparedStatement s = insertTransferEvent;
        s.setLong(1, e.eventId());
        s.setLong(2, e.seq());
        s.setLong(3, e.transferId());
        s.setString(4, e.state());
        s.setString(5, e.reason());
        s.setLong(6, e.actingUserId());
        s.setLong(7, e.at());
        s.addBatch();
    }

    private void writeAlerts(List<AlertRow> rows) throws SQLException {
        int inserts = 0;
        int updates = 0;
        for (AlertRow a : rows) {
            if (a.persisted) {
                PreparedStatement s = updateAlert;
                s.setString(1, a.decision.name());
                setNullableLong(s, 2, a.decidedBy);
                setNullableLong(s, 3, a.decidedAt);
                s.setString(4, a.note);
                s.setLong(5, a.alertId);
                s.addBatch();
                updates++;
            } else {
                PreparedStatement s = insertAlert;
                s.setLong(1, a.alertId);
                s.setLong(2, a.seq);
                s.setString(3, a.subject);
                s.setLong(4, a.subjectId);
                s.setLong(5, a.accountId);
                s.setInt(6, a.scoreBps);
                s.setInt(7, a.amountBps);
                s.setInt(8, a.frequencyBps);
                s.setInt(9, a.patternBps);
                s.setString(10, a.reason);
                s.setLong(11, a.raisedAt);
                s.setString(12, a.decision.name());
                setNullableLong(s, 13, a.decidedBy);
                setNullableLong(s, 14, a.decidedAt);
                s.setString(15, a.note);
                s.addBatch();
                inserts++;
            }
        }
        run(insertAlert, inserts);
        run(updateAlert, updates);
    }

    private void writeControls(List<ControlsRow> rows) throws SQLException {
        int inserts = 0;
        int updates = 0;
        for (ControlsRow c : rows) {
            if (c.persisted) {
                PreparedStatement s = updateControls;
                s.setBoolean(1, c.killSwitch);
                setNullableLong(s, 2, c.killSwitchBy);
                s.setLong(3, c.limits.maxOrderQuantity());
                s.setLong(4, c.limits.maxOrderNotional());
                s.setLong(5, c.limits.maxPosition());
                s.setInt(6, c.limits.maxOrdersPerWindow());
                s.setLong(7, c.limits.throttleWindowMillis());
                s.setLong(8, c.updatedAt);
                s.setLong(9, c.accountId);
                s.addBatch();
                updates++;
            } else {
                PreparedStatement s = insertControls;
                s.setLong(1, c.accountId);
                s.setLong(2, c.ownerUserId);
                s.setString(3, c.baseCurrency);
                s.setString(4, c.selfTradePrevention);
                s.setBoolean(5, c.killSwitch);
                setNullableLong(s, 6, c.killSwitchBy);
                s.setLong(7, c.limits.maxOrderQuantity());
                s.setLong(8, c.limits.maxOrderNotional());
                s.setLong(9, c.limits.maxPosition());
                s.setInt(10, c.limits.maxOrdersPerWindow());
                s.setLong(11, c.limits.throttleWindowMillis());
                s.setLong(12, c.openedAt);
                s.setLong(13, c.updatedAt);
                s.addBatch();
                inserts++;
            }
        }
        run(insertControls, inserts);
        run(updateControls, updates);
    }

    private void writeEndOfDay(Map<java.time.LocalDate, List<EodRow>> days) throws SQLException {
        int rows = 0;
        for (Map.Entry<java.time.LocalDate, List<EodRow>> day : days.entrySet()) {
            deleteEod.setDate(1, Date.valueOf(day.getKey()));
            deleteEod.executeUpdate();
            for (EodRow r : day.getValue()) {
                insertEod.setDate(1, Date.valueOf(r.tradeDate()));
                insertEod.setLong(2, r.accountId());
                insertEod.setString(3, r.asset());
                insertEod.setLong(4, r.quantity());
                insertEod.setLong(5, r.closedAt());
                insertEod.addBatch();
                rows++;
            }
        }
        run(insertEod, rows);
    }

    private Date sqlDate(java.time.LocalDate date) {
        if (!date.equals(lastDate)) {
            lastSqlDate = Date.valueOf(date);
            lastDate = date;
        }
        return lastSqlDate;
    }

    private static void setNullableLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static void run(PreparedStatement statement, int rows) throws SQLException {
        if (rows > 0) {
            statement.executeBatch();
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        open.add(statement);
        return statement;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : open) {
            statement.close();
        }
        connection.close();
    }
}
