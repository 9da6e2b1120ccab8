package com.bourse.backoffice.store;

import com.bourse.engine.host.CommandJournal;
import com.bourse.engine.host.Durability;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static com.bourse.backoffice.store.schema.Tables.ORDERS;
import static com.bourse.backoffice.store.schema.Tables.POSTINGS;
import static com.bourse.backoffice.store.schema.Tables.RISK_ALERTS;
import static com.bourse.backoffice.store.schema.Tables.TRADES;
import static com.bourse.backoffice.store.schema.Tables.TRANSFERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The journal is the source of truth: projecting it again gives exactly the tables built as it happened. */
class ProjectionRebuildTest {
    static final long SEED = 20261102;

    @TempDir
    Path dir;

    @Test
    void projectionRebuiltFromTheJournalEqualsTheOneBuiltIncrementally() throws Exception {
        Path live = dir.resolve("live");
        try (DeskFixture desk = DeskFixture.open(live, new ProjectionWriter.Options(256, 7, false))) {
            runWorkload(desk, SEED, 12_000);
            desk.awaitProjected();
            assertThat(desk.projections().fetchCount(TRADES)).as("the workload trades").isGreaterThan(1_000);
            assertThat(desk.projections().fetchCount(RISK_ALERTS)).as("the workload raises alerts").isGreaterThan(10);
            assertThat(desk.projections().fetchCount(TRANSFERS)).as("and moves money").isGreaterThan(100);

            Path rebuilt = dir.resolve("rebuilt");
            DeskFixture.copyJournal(live, rebuilt);
            try (DeskFixture again = DeskFixture.open(rebuilt)) {
                assertThat(again.desk.recovery().projectedOnStart()).isEqualTo(desk.journal.committedSeq());
                for (Table<?> table : ProjectionSql.PROJECTION_TABLES) {
                    assertThat(again.dump(table)).as(table.getName()).isEqualTo(desk.dump(table));
                }
            }
        }
    }

    @Test
    void aDeskRestartedFromASnapshotProjectsExactlyWhatAnUninterruptedDeskDid() {
        Path restarted = dir.resolve("restarted");
        Path uninterrupted = dir.resolve("uninterrupted");
        TradingWorkload first = new TradingWorkload(SEED + 6, 8, 37, 2_000);
        TradingWorkload second = new TradingWorkload(SEED + 6, 8, 37, 2_000);
        try (DeskFixture whole = DeskFixture.snapshottingEvery(uninterrupted, 1_000_000)) {
            runSteps(whole, second, 0, 6_000);
            whole.awaitProjected();
            try (DeskFixture before = DeskFixture.snapshottingEvery(restarted, 500)) {
                runSteps(before, first, 0, 3_000);
                before.awaitProjected();
            }
            try (DeskFixture after = DeskFixture.snapshottingEvery(restarted, 500)) {
                assertThat(after.desk.recovery().snapshotSeq()).as("restored from a snapshot").isPositive();
                assertThat(after.desk.recovery().replayedOnStart()).as("replays at most about one interval")
                        .isLessThanOrEqualTo(500 + 40);
                assertThat(after.desk.recovery().projectedOnStart()).isZero();
                runSteps(after, first, 3_000, 6_000);
                after.awaitProjected();
                for (Table<?> table : ProjectionSql.PROJECTION_TABLES) {
                    assertThat(after.dump(table)).as(table.getName()).isEqualTo(whole.dump(table));
                }
                assertBalancesMatchEngine(after);
            }
        }
    }

    /** Steps {@code from} to {@code to} of a workload (its setup at step 0), acknowledged in groups of 1 to 40. */
    private static void runSteps(DeskFixture desk, TradingWorkload workload, int from, int to) {
        if (from == 0) {
            desk.run(workload.setup());
        }
        SplittableRandom groups = new SplittableRandom(from);
        int untilCommit = 1;
        for (int i = from; i < to; i++) {
            workload.observe(desk.desk.apply(workload.next()).events());
            if (--untilCommit == 0) {
                desk.desk.commit();
                untilCommit = 1 + groups.nextInt(40);
            }
        }
        desk.desk.commit();
    }

    @Test
    void clearingAndReprojectingInPlaceGivesTheSameTables() {
        List<List<Object>> orders;
        List<List<Object>> postings;
        try (DeskFixture desk = DeskFixture.open(dir)) {
            runWorkload(desk, SEED + 1, 3_000);
            desk.awaitProjected();
            orders = desk.dump(ORDERS);
            postings = desk.dump(POSTINGS);
        }
        try (Store store = Store.open(StoreConfig.in(dir.resolve("db")))) {
            ProjectionWriter writer = ProjectionWriter.open(store, new Projector(DeskFixture.ZONE,
                    DeskFixture.ENGINE.defaultLimits()), ProjectionWriter.Options.defaults());
            writer.clearForRebuild();
            assertThat(store.projections().dsl().fetchCount(ORDERS)).isZero();
            writer.close();
        }
        try (DeskFixture reopened = DeskFixture.open(dir)) {
            assertThat(reopened.dump(ORDERS)).isEqualTo(orders);
            assertThat(reopened.dump(POSTINGS)).isEqualTo(postings);
        }
    }

    @Test
    void restartProjectsCommandsTheJournalAcknowledgedButTheStoreNeverGot() {
        long acknowledged;
        try (DeskFixture desk = DeskFixture.open(dir)) {
            runWorkload(desk, SEED + 2, 1_000);
            desk.awaitProjected();
        }
        // Commands acknowledged by the journal while the projection writer was not running.
        try (CommandJournal journal = CommandJournal.open(DeskFixture.journalDir(dir), DeskFixture.KEY,
                Durability.PROCESS_CRASH)) {
            TradingWorkload more = new TradingWorkload(SEED + 3, 2, 1, 0);
            for (int i = 0; i < 500; i++) {
                journal.append(more.next());
            }
            acknowledged = journal.commit();
        }

        try (DeskFixture restarted = DeskFixture.open(dir)) {
            assertThat(restarted.desk.recovery().storedSeq()).isEqualTo(acknowledged - 500);
            assertThat(restarted.desk.recovery().projectedOnStart()).isEqualTo(500);
            assertThat(restarted.writer.committedSeq()).isEqualTo(acknowledged);
            assertBalancesMatchEngine(restarted);
        }
    }

    @Test
    void projectedBalancesEqualTheEnginesAfterABusyDay() {
        try (DeskFixture desk = DeskFixture.open(dir)) {
            runWorkload(desk, SEED + 4, 5_000);
            desk.awaitProjected();
            assertBalancesMatchEngine(desk);
        }
    }

    @Test
    void everyStatementListsEachPostingTheEngineAnnouncedInOrderWithItsBalance() {
        // Trade legs are kept on their trade rows, every other posting in postings: a statement must read the
        // same as the engine's own stream of non-zero balance changes for that account and asset.
        Map<String, List<List<Long>>> announced = new TreeMap<>();
        try (DeskFixture desk = DeskFixture.open(dir, new ProjectionWriter.Options(256, 7, false))) {
            TradingWorkload workload = new TradingWorkload(SEED + 5, 8, 37, 1_000);
            for (Command command : workload.setup()) {
                recordPostings(desk.desk.apply(command).events(), announced);
            }
            for (int i = 0; i < 4_000; i++) {
                List<Event> events = desk.desk.apply(workload.next()).events();
                workload.observe(events);
                recordPostings(events, announced);
                if (i % 50 == 49) {
                    desk.desk.commit();
                }
            }
            desk.desk.commit();
            desk.awaitProjected();
            assertThat(desk.projections().fetchCount(POSTINGS)).as("trade legs live on their trade rows")
                    .isLessThan(desk.projections().fetchCount(TRADES));

            LedgerRepository ledger = new LedgerRepository(desk.store);
            LocalDate first = LocalDate.of(2026, 11, 1);
            LocalDate last = LocalDate.of(2026, 12, 31);
            for (var entry : announced.entrySet()) {
                String[] key = entry.getKey().split(" ");
                Statement whole = ledger.statement(Long.parseLong(key[0]), key[1], first, last);
                assertThat(whole.openingBalance()).isZero();
                assertThat(whole.postings()).as(entry.getKey())
                        .extracting(p -> List.of(p.journalId(), p.delta(), p.balanceAfter()))
                        .isEqualTo(entry.getValue());
                assertThat(whole.postings()).extracting(PostingLine::postingId).isSorted();
                assertThat(whole.closingBalance()).isEqualTo(entry.getValue().getLast().get(2));
            }
            assertThat(announced.keySet()).as("cash and positions of several traders").hasSizeGreaterThan(10);
        }
    }

    /** The engine's non-zero balance changes, by account and asset: journal entry, amount, balance after. */
    private static void recordPostings(List<Event> events, Map<String, List<List<Long>>> into) {
        for (Event event : events) {
            if (event instanceof Event.BalanceChanged b && b.delta() != 0) {
                into.computeIfAbsent(b.accountId() + " " + b.asset(), k -> new ArrayList<>())
                        .add(List.of(b.journalId(), b.delta(), b.balance()));
            }
        }
    }

    static void assertBalancesMatchEngine(DeskFixture desk) {
        var rows = new LedgerRepository(desk.store).allBalances(Page.first(Page.MAX_LIMIT));
        assertThat(rows).isNotEmpty();
        for (BalanceLine b : rows) {
            assertThat(b.balance()).as("balance %s %s", b.accountId(), b.asset())
                    .isEqualTo(desk.desk.engine().balance(b.accountId(), b.asset()));
            assertThat(b.held()).as("held %s %s", b.accountId(), b.asset())
                    .isEqualTo(desk.desk.engine().held(b.accountId(), b.asset()));
        }
        for (String asset : desk.desk.engine().assets()) {
            Long sum = desk.projections().select(org.jooq.impl.DSL.sum(BALANCES.BALANCE)).from(BALANCES)
                    .where(BALANCES.ASSET.eq(asset)).fetchOne(0, Long.class);
            assertThat(sum == null ? 0 : sum).as("double entry keeps %s at zero", asset).isZero();
        }
    }

    /** The seeded workload, acknowledged in groups of uneven size as a busy desk would. */
    static void runWorkload(DeskFixture desk, long seed, int commands) {
        TradingWorkload workload = new TradingWorkload(seed, 8, 37, 4_000);
        desk.run(workload.setup());
        SplittableRandom groups = new SplittableRandom(seed);
        int untilCommit = 1;
        for (int i = 0; i < commands; i++) {
            Command command = workload.next();
            List<Event> events = desk.desk.apply(command).events();
            workload.observe(events);
            if (--untilCommit == 0) {
                desk.desk.commit();
                untilCommit = 1 + groups.nextInt(40);
            }
        }
        desk.desk.commit();
    }
}
