package com.bourse.backoffice.store;

import com.bourse.backoffice.store.ProjectionBatch.BalanceRow;
import com.bourse.backoffice.store.ProjectionBatch.OrderEventRow;
import com.bourse.backoffice.store.ProjectionBatch.Settlement;
import com.bourse.backoffice.store.ProjectionBatch.TradeRow;
import com.bourse.backoffice.store.schema.tables.records.BalancesRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static com.bourse.backoffice.store.schema.Tables.ORDER_EVENTS;
import static com.bourse.backoffice.store.schema.Tables.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableWriterTest {
    @TempDir
    Path dir;
    private Store store;
    private Connection connection;
    private DSLContext db;

    @BeforeEach
    void open() throws SQLException {
        store = Store.open(StoreConfig.in(dir));
        connection = store.projections().dataSource().getConnection();
        connection.setAutoCommit(false);
        db = DSL.using(connection, SQLDialect.H2);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        store.close();
    }

    @Test
    void aStoredRowHasOnlyItsMutableColumnsUpdatedWhereItsPrimaryKeyMatches() throws SQLException {
        try (var balances = TableWriter.upsert(connection, BALANCES, ProjectionColumns.BALANCE, b -> b.persisted,
                BALANCES.BALANCE, BALANCES.UPDATED_AT)) {
            // given a cash balance and a position of the same account, both written
            BalanceRow cash = balance(7, "EUR", false, 100);
            BalanceRow position = balance(7, "ACME", true, 5);
            balances.write(List.of(cash, position));
            cash.persisted = true;

            // when the cash balance changes, and so (wrongly) does a column that is not mutable
            BalanceRow changed = balance(7, "EUR", true, 250);
            changed.persisted = true;
            changed.held = 99;
            balances.write(List.of(changed));
            connection.commit();
        }

        // then only that row's mutable columns moved
        BalancesRecord eur = db.selectFrom(BALANCES).where(BALANCES.ASSET.eq("EUR")).fetchSingle();
        assertThat(eur.getBalance()).isEqualTo(250);
        assertThat(eur.getUpdatedAt()).isEqualTo(1250);
        assertThat(eur.getIsSecurity()).as("not a mutable column").isFalse();
        assertThat(eur.getHeld()).as("not a mutable column").isZero();
        assertThat(db.selectFrom(BALANCES).where(BALANCES.ASSET.eq("ACME")).fetchSingle().getBalance()).isEqualTo(5);
    }

    @Test
    void aTradeWhoseLegsWentToPostingsHasNoSettlementOnItsRow() throws SQLException {
        try (var trades = TableWriter.append(connection, TRADES, ProjectionColumns.TRADE)) {
            // given a trade settled on its row, written just before one whose legs went to postings
            Settlement legs = new Settlement(500, 900, "EUR", "ACME", 10_000, 90_000, 110_000, 5, -5);
            trades.write(List.of(trade(1, legs), trade(2, null)));
            connection.commit();
        }

        // then the second trade's settlement columns are empty, not the first trade's
        assertThat(db.select(TRADES.JOURNAL_ID).from(TRADES).orderBy(TRADES.TRADE_ID).fetch(TRADES.JOURNAL_ID))
                .containsExactly(500L, null);
        assertThat(db.select(TRADES.CURRENCY).from(TRADES).where(TRADES.TRADE_ID.eq(2L)).fetchOne(TRADES.CURRENCY))
                .isNull();
    }

    @Test
    void aZeroTradeIdOnAnOrderEventIsStoredAsNoTrade() throws SQLException {
        try (var events = TableWriter.append(connection, ORDER_EVENTS, ProjectionColumns.ORDER_EVENT)) {
            // given a fill (trade 42) and then a cancel, which has no trade
            events.write(List.of(
                    new OrderEventRow(1, 10, 3, 77, 7, "FILL", 100, 0, 5, 5, null, 42, 9, 1000),
                    new OrderEventRow(2, 11, 3, 77, 7, "CANCELLED", 100, 0, 5, 0, "USER", 0, 9, 1001)));
            connection.commit();
        }

        assertThat(db.select(ORDER_EVENTS.TRADE_ID).from(ORDER_EVENTS).orderBy(ORDER_EVENTS.EVENT_ID)
                .fetch(ORDER_EVENTS.TRADE_ID)).containsExactly(42L, null);
    }

    @Test
    void aBatchLongerThanOneMultiRowInsertStoresEveryRowWithItsOwnValues() throws SQLException {
        // given more events than one multi-row insert holds, and a remainder written one by one
        int count = 2 * TableWriter.ROWS_PER_INSERT + 5;
        List<OrderEventRow> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new OrderEventRow(i, 100 + i, 3, 77, 7, "FILL", 1_000 + i, 0, i, count - i, null, i, 9, 5_000 + i));
        }
        try (var events = TableWriter.append(connection, ORDER_EVENTS, ProjectionColumns.ORDER_EVENT)) {
            events.write(rows);
            connection.commit();
        }

        // then each is stored once, its values on its own row
        var stored = db.selectFrom(ORDER_EVENTS).orderBy(ORDER_EVENTS.EVENT_ID).fetch();
        assertThat(stored).hasSize(count);
        for (int i = 1; i <= count; i++) {
            var row = stored.get(i - 1);
            assertThat(row.getEventId()).isEqualTo(i);
            assertThat(row.getSeq()).isEqualTo(100 + i);
            assertThat(row.getPrice()).isEqualTo(1_000 + i);
            assertThat(row.getLeaves()).isEqualTo(count - i);
            assertThat(row.getAt()).isEqualTo(5_000 + i);
        }
    }

    @Test
    void newRowsAreInsertedAndStoredRowsUpdatedInOneWriteOfAnyLength() throws SQLException {
        List<BalanceRow> first = new java.util.ArrayList<>();
        for (int account = 1; account <= TableWriter.ROWS_PER_INSERT + 3; account++) {
            first.add(balance(account, "EUR", false, account));
        }
        try (var balances = TableWriter.upsert(connection, BALANCES, ProjectionColumns.BALANCE, b -> b.persisted,
                BALANCES.BALANCE, BALANCES.UPDATED_AT)) {
            // given balances written once
            balances.write(first);
            first.forEach(b -> b.persisted = true);

            // when every one of them changes and as many new ones appear, in one write
            List<BalanceRow> second = new java.util.ArrayList<>();
            for (BalanceRow b : first) {
                BalanceRow changed = balance(b.accountId, "EUR", false, b.balance * 10);
                changed.persisted = true;
                second.add(changed);
                second.add(balance(b.accountId, "ACME", true, 1));
            }
            balances.write(second);
            connection.commit();
        }

        // then the old rows carry their new balance and the new rows exist once each
        assertThat(db.select(BALANCES.BALANCE).from(BALANCES).where(BALANCES.ASSET.eq("EUR"))
                .orderBy(BALANCES.ACCOUNT_ID).fetch(BALANCES.BALANCE))
                .containsExactlyElementsOf(first.stream().map(b -> b.balance * 10).toList());
        assertThat(db.fetchCount(BALANCES, BALANCES.ASSET.eq("ACME"))).isEqualTo(first.size());
    }

    @Test
    void aTableWrittenWithoutAValueForEveryColumnIsRefusedBeforeAnyRow() {
        List<Column<BalanceRow>> partial = List.of(
                Column.longs(BALANCES.ACCOUNT_ID, b -> b.accountId),
                Column.value(BALANCES.ASSET, b -> b.asset));

        assertThatThrownBy(() -> TableWriter.append(connection, BALANCES, partial))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BALANCES")
                .hasMessageContaining("IS_SECURITY");
        assertThat(db.fetchCount(BALANCES)).isZero();
    }

    @Test
    void aColumnGivenTwiceIsRefused() {
        List<Column<BalanceRow>> twice = new java.util.ArrayList<>(ProjectionColumns.BALANCE);
        twice.add(Column.longs(BALANCES.HELD, b -> 0));

        assertThatThrownBy(() -> TableWriter.append(connection, BALANCES, twice))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    private static TradeRow trade(long tradeId, Settlement legs) {
        return new TradeRow(tradeId, tradeId, 1, 100, 5, "BUY", 11, 12, 7, 8, 1000 + tradeId,
                LocalDate.of(2026, 12, 4), 3, 20, 0, 4, 21, 0, 9, 8, 7, legs);
    }

    private static BalanceRow balance(long account, String asset, boolean security, long amount) {
        BalanceRow row = new BalanceRow(account, asset, security);
        row.balance = amount;
        row.updatedAt = 1000 + amount;
        row.lastSeq = 1;
        return row;
    }
}
