package com.bourse.backoffice.store;

import com.bourse.backoffice.store.ProjectionBatch.AlertRow;
import com.bourse.backoffice.store.ProjectionBatch.BalanceRow;
import com.bourse.backoffice.store.ProjectionBatch.ControlsRow;
import com.bourse.backoffice.store.ProjectionBatch.EodRow;
import com.bourse.backoffice.store.ProjectionBatch.OrderEventRow;
import com.bourse.backoffice.store.ProjectionBatch.OrderRow;
import com.bourse.backoffice.store.ProjectionBatch.PostingRow;
import com.bourse.backoffice.store.ProjectionBatch.TradeRow;
import com.bourse.backoffice.store.ProjectionBatch.TransferEventRow;
import com.bourse.backoffice.store.ProjectionBatch.TransferRow;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.bourse.backoffice.store.schema.Tables.ACCOUNT_CONTROLS;
import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static com.bourse.backoffice.store.schema.Tables.COMPLIANCE_VIOLATIONS;
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
 * Writes a {@link ProjectionBatch} over one connection and moves the projection's mark, all in one transaction:
 * a {@link TableWriter} per table binds its rows by the generated fields ({@link ProjectionColumns}) into
 * prepared JDBC batches, prepared once and reused for every batch. Writer thread only.
 */
final class ProjectionSql implements AutoCloseable {
    static final String PROJECTION = "back-office";

    /** The tables this writer derives from the journal; nothing else is touched by a rebuild. */
    static final List<Table<?>> PROJECTION_TABLES = List.of(ORDERS, ORDER_EVENTS, TRADES, BALANCES, POSTINGS,
            EOD_POSITIONS, TRANSFERS, TRANSFER_EVENTS, RISK_ALERTS, ACCOUNT_CONTROLS, COMPLIANCE_VIOLATIONS);

    private final Connection connection;
    private final DSLContext ctx;
    private final List<TableWriter<?>> open = new ArrayList<>();
    private final TableWriter<OrderRow> orders;
    private final TableWriter<OrderEventRow> orderEvents;
    private final TableWriter<TradeRow> trades;
    private final TableWriter<PostingRow> postings;
    private final TableWriter<BalanceRow> balances;
    private final TableWriter<TransferRow> transfers;
    private final TableWriter<TransferEventRow> transferEvents;
    private final TableWriter<ProjectionBatch.ComplianceRow> compliance;
    private final TableWriter<AlertRow> alerts;
    private final TableWriter<ControlsRow> controls;
    private final TableWriter<EodRow> endOfDay;
    /** Moves the mark at every commit: prepared once, not rendered by jOOQ per batch. */
    private final PreparedStatement markUpdate;

    ProjectionSql(Connection connection) throws SQLException {
        this.connection = connection;
        this.ctx = DSL.using(connection, SQLDialect.H2);
        connection.setAutoCommit(false);
        try {
            orders = open(TableWriter.upsert(connection, ORDERS, ProjectionColumns.ORDER, o -> o.persisted,
                    ORDERS.PRICE, ORDERS.QUANTITY, ORDERS.STATUS, ORDERS.LEAVES, ORDERS.FILLED_QUANTITY,
                    ORDERS.REASON, ORDERS.UPDATED_AT));
            orderEvents = open(TableWriter.append(connection, ORDER_EVENTS, ProjectionColumns.ORDER_EVENT));
            trades = open(TableWriter.append(connection, TRADES, ProjectionColumns.TRADE));
            postings = open(TableWriter.append(connection, POSTINGS, ProjectionColumns.POSTING));
            balances = open(TableWriter.upsert(connection, BALANCES, ProjectionColumns.BALANCE, b -> b.persisted,
                    BALANCES.BALANCE, BALANCES.HELD, BALANCES.UPDATED_AT, BALANCES.LAST_SEQ));
            transfers = open(TableWriter.upsert(connection, TRANSFERS, ProjectionColumns.TRANSFER, t -> t.persisted,
                    TRANSFERS.STATE, TRANSFERS.REASON, TRANSFERS.UPDATED_AT));
            transferEvents = open(TableWriter.append(connection, TRANSFER_EVENTS, ProjectionColumns.TRANSFER_EVENT));
            compliance = open(TableWriter.append(connection, COMPLIANCE_VIOLATIONS, ProjectionColumns.COMPLIANCE));
            alerts = open(TableWriter.upsert(connection, RISK_ALERTS, ProjectionColumns.ALERT, a -> a.persisted,
                    RISK_ALERTS.DECISION, RISK_ALERTS.DECIDED_BY, RISK_ALERTS.DECIDED_AT, RISK_ALERTS.DECISION_NOTE));
            controls = open(TableWriter.upsert(connection, ACCOUNT_CONTROLS, ProjectionColumns.CONTROLS,
                    c -> c.persisted, ACCOUNT_CONTROLS.KILL_SWITCH, ACCOUNT_CONTROLS.KILL_SWITCH_BY,
                    ACCOUNT_CONTROLS.MAX_ORDER_QUANTITY, ACCOUNT_CONTROLS.MAX_ORDER_NOTIONAL,
                    ACCOUNT_CONTROLS.MAX_POSITION, ACCOUNT_CONTROLS.MAX_ORDERS_PER_WINDOW,
                    ACCOUNT_CONTROLS.THROTTLE_WINDOW_MILLIS, ACCOUNT_CONTROLS.PRICE_BAND_BPS,
                    ACCOUNT_CONTROLS.REVIEW_THRESHOLD_BPS, ACCOUNT_CONTROLS.UPDATED_AT));
            endOfDay = open(TableWriter.append(connection, EOD_POSITIONS, ProjectionColumns.END_OF_DAY));
            markUpdate = connection.prepareStatement(SqlStatements.update(PROJECTION_MARK,
                    List.of(PROJECTION_MARK.LAST_SEQ), List.of(PROJECTION_MARK.PROJECTION)));
        } catch (SQLException | RuntimeException e) {
            SqlResource.closeAll(open);
            throw e;
        }
    }

    /** The journal sequence the stored projection covers, creating its mark at 0 on first use. */
    long mark() throws SQLException {
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

    /** Force committed pages to the disk, for OS-crash durability of each batch. */
    void checkpointSync() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(Store.CHECKPOINT_SYNC);
        }
    }

    /** Write the batch and move the mark to its last sequence, then commit. */
    void write(ProjectionBatch batch) throws SQLException {
        try {
            orders.write(batch.orders);
            orderEvents.write(batch.orderEvents);
            trades.write(batch.trades);
            postings.write(batch.postings);
            balances.write(batch.balances);
            transfers.write(batch.transfers);
            transferEvents.write(batch.transferEvents);
            compliance.write(batch.compliance);
            alerts.write(batch.alerts);
            controls.write(batch.controls);
            // A second close of the same day replaces its snapshot.
            for (Map.Entry<LocalDate, List<EodRow>> day : batch.endOfDay.entrySet()) {
                ctx.deleteFrom(EOD_POSITIONS).where(EOD_POSITIONS.TRADE_DATE.eq(day.getKey())).execute();
                endOfDay.write(day.getValue());
            }
            markUpdate.setLong(1, batch.lastSeq);
            markUpdate.setString(2, PROJECTION);
            if (markUpdate.executeUpdate() != 1) {
                throw new SQLException("projection mark missing");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private <W extends TableWriter<?>> W open(W writer) {
        open.add(writer);
        return writer;
    }

    @Override
    public void close() throws SQLException {
        try {
            try {
                markUpdate.close();
            } finally {
                SqlResource.closeAll(open);
            }
        } finally {
            connection.close();
        }
    }
}
