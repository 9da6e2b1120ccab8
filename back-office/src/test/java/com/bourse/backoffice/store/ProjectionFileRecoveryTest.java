package com.bourse.backoffice.store;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static com.bourse.backoffice.store.schema.Tables.CURRENCIES;
import static com.bourse.backoffice.store.schema.Tables.ORDERS;
import static com.bourse.backoffice.store.schema.Tables.PROJECTION_MARK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection file is disposable: one that cannot be trusted after a crash is deleted and projected again
 * from the journal, to exactly the tables it held, while the back-office file beside it (users, master data,
 * audit: what the journal cannot give back) is never part of that.
 */
class ProjectionFileRecoveryTest {
    static final long SEED = 20261107;

    /** The day's folder, traded once for the class (one seed: the same day for every spec), closed. */
    @TempDir
    static Path tradedOnce;
    private static long journaled;
    private static Map<String, List<List<Object>>> tradedTables;

    /** This spec's own copy of the day, to damage. */
    @TempDir
    Path dir;

    /** A day of trading on a desk whose back office also holds master data; everything projected, closed. */
    @BeforeAll
    static void tradeTheDayOnce() {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        try (DeskFixture desk = DeskFixture.open(tradedOnce)) {
            desk.store.dsl().insertInto(CURRENCIES).set(CURRENCIES.CODE, "EUR").set(CURRENCIES.MINOR_DIGITS, 2)
                    .execute();
            ProjectionRebuildTest.runWorkload(desk, SEED, 2_000);
            desk.awaitProjected();
            journaled = desk.journal.committedSeq();
            for (Table<?> table : ProjectionSql.PROJECTION_TABLES) {
                tables.put(table.getName(), desk.dump(table));
            }
        }
        assertThat(tables.get(ORDERS.getName())).as("the day has orders").hasSizeGreaterThan(500);
        tradedTables = tables;
    }

    @Test
    void aProjectionFileWithRowsAboveItsMarkIsRebuiltFromTheJournal() throws Exception {
        TradedDay day = tradedDay();
        // What a transaction torn by a kill -9 leaves behind: its rows visible, the mark it moved not.
        try (Connection connection = openProjectionFile()) {
            DSL.using(connection, SQLDialect.H2).update(PROJECTION_MARK)
                    .set(PROJECTION_MARK.LAST_SEQ, day.journaled() - 40).execute();
        }

        assertRebuiltFromTheJournal(day, "above the projection mark");
    }

    @Test
    void aProjectionFileH2CannotOpenIsRebuiltFromTheJournal() throws Exception {
        TradedDay day = tradedDay();
        Path file = StoreConfig.in(storeDir()).projectionFile();
        byte[] garbage = new byte[(int) Files.size(file)];
        new SplittableRandom(SEED).nextBytes(garbage);
        Files.write(file, garbage);

        assertRebuiltFromTheJournal(day, "cannot open");
    }

    @Test
    void aProjectionFileOfAnotherSchemaVersionIsRebuiltFromTheJournal() throws Exception {
        TradedDay day = tradedDay();
        // As if the projection DDL changed since the file was made: Flyway's checksum of V1 no longer matches.
        try (Connection connection = openProjectionFile()) {
            DSL.using(connection, SQLDialect.H2).update(DSL.table(DSL.name("flyway_schema_history")))
                    .set(DSL.field(DSL.name("checksum"), Integer.class), 42)
                    .where(DSL.field(DSL.name("version"), String.class).eq("1")).execute();
        }

        assertRebuiltFromTheJournal(day, "schema");
    }

    @Test
    void aSoundProjectionFileIsKeptAfterARestart() throws Exception {
        TradedDay day = tradedDay();

        try (DeskFixture reopened = DeskFixture.open(dir)) {
            assertThat(reopened.store.projections().discardedBecause()).isEmpty();
            assertThat(reopened.desk.recovery().storedSeq()).isEqualTo(day.journaled());
            assertThat(reopened.desk.recovery().projectedOnStart()).isZero();
            assertThat(reopened.dump(ORDERS)).isEqualTo(day.tables().get(ORDERS.getName()));
        }
    }

    /** The traded day, copied into this spec's folder. */
    private TradedDay tradedDay() throws Exception {
        try (Stream<Path> paths = Files.walk(tradedOnce)) {
            for (Path from : paths.sorted().toList()) {
                Path to = dir.resolve(tradedOnce.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return new TradedDay(journaled, tradedTables, backOfficeFileKey());
    }

    private record TradedDay(long journaled, Map<String, List<List<Object>>> tables, Object backOfficeFile) {
    }

    private void assertRebuiltFromTheJournal(TradedDay day, String why) throws Exception {
        try (DeskFixture reopened = DeskFixture.open(dir)) {
            assertThat(reopened.store.projections().discardedBecause()).hasValueSatisfying(
                    reason -> assertThat(reason).contains(why));
            assertThat(reopened.desk.recovery().storedSeq()).isZero();
            assertThat(reopened.desk.recovery().projectedOnStart()).isEqualTo(day.journaled());
            for (Table<?> table : ProjectionSql.PROJECTION_TABLES) {
                assertThat(reopened.dump(table)).as(table.getName()).isEqualTo(day.tables().get(table.getName()));
            }
            ProjectionRebuildTest.assertBalancesMatchEngine(reopened);
            DSLContext backOffice = reopened.store.dsl();
            assertThat(backOffice.select(CURRENCIES.MINOR_DIGITS).from(CURRENCIES).where(CURRENCIES.CODE.eq("EUR"))
                    .fetchOne(CURRENCIES.MINOR_DIGITS))
                    .as("master data in the back-office file").isEqualTo(2);
        }
        assertThat(backOfficeFileKey()).as("the back-office file is the same file, never recreated")
                .isEqualTo(day.backOfficeFile());
    }

    private Path storeDir() {
        return dir.resolve("db");
    }

    private Object backOfficeFileKey() throws Exception {
        return Files.readAttributes(StoreConfig.in(storeDir()).databaseFile(), BasicFileAttributes.class).fileKey();
    }

    /** The projection file alone, as a repair tool would open it while the desk is stopped. */
    private Connection openProjectionFile() throws Exception {
        StoreConfig config = StoreConfig.in(storeDir());
        return DriverManager.getConnection(Store.jdbcUrl(config, config.projectionDatabaseName()), "bourse", "bourse");
    }
}
