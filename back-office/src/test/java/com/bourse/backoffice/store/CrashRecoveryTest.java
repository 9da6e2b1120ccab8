package com.bourse.backoffice.store;

import com.bourse.engine.host.CommandJournal;
import com.bourse.engine.host.Durability;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.bourse.backoffice.store.schema.Tables.ORDERS;
import static com.bourse.backoffice.store.schema.Tables.PROJECTION_MARK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 while projections are written at full speed: on restart nothing acknowledged is missing from the
 * journal, and the store catches up to exactly what a clean rebuild from that journal gives, whether the
 * projection file survived the kill or came back torn and was rebuilt.
 */
class CrashRecoveryTest {
    /** Small enough that the killed desk has taken several snapshots. */
    static final long SNAPSHOT_EVERY = 5_000;

    @TempDir
    Path dir;

    @Test
    void killedWhileWritingFlatOutLosesNothingAcknowledgedAndCatchesUpOnRestart() throws Exception {
        Path desk = dir.resolve("desk");
        long acknowledged = runAndKill(desk, 7, 25_000);

        long journaled;
        try (CommandJournal journal = CommandJournal.open(DeskFixture.journalDir(desk), DeskFixture.KEY,
                Durability.PROCESS_CRASH)) {
            journaled = journal.committedSeq();
        }
        assertThat(journaled).as("every acknowledged command is in the journal").isGreaterThanOrEqualTo(acknowledged);

        // Opening the store checks the projection file: one the kill tore (H2 reopens it with a transaction it
        // cannot finish, rows above the mark) is deleted here and the restart projects the whole journal.
        long storedBeforeRestart;
        String discarded;
        try (Store store = Store.open(StoreConfig.in(desk.resolve("db")))) {
            Long mark = store.projections().dsl().fetchValue(PROJECTION_MARK.LAST_SEQ);
            storedBeforeRestart = mark == null ? 0 : mark;
            discarded = store.projections().discardedBecause().orElse("no");
            assertThat(storedBeforeRestart).as("the store never runs ahead of the journal")
                    .isLessThanOrEqualTo(journaled);
        }

        try (DeskFixture restarted = DeskFixture.open(desk)) {
            assertThat(restarted.desk.recovery().storedSeq()).as("projection file discarded: %s", discarded)
                    .isEqualTo(storedBeforeRestart);
            assertThat(restarted.desk.recovery().projectedOnStart())
                    .as("at full speed the store trails the journal when killed, so the restart has work to do")
                    .isEqualTo(journaled - storedBeforeRestart).isPositive();
            assertThat(restarted.writer.committedSeq()).isEqualTo(journaled);
            if (discarded.equals("no")) {
                assertThat(restarted.desk.recovery().replayedOnStart())
                        .as("start-up replays what the store lacks and at most two snapshot intervals, not the"
                                + " history of %s", journaled)
                        .isLessThanOrEqualTo(journaled - storedBeforeRestart + 2 * SNAPSHOT_EVERY);
                // A snapshot is written once the projection has passed it: when the kill found the store less than
                // two intervals in (it trails the journal flat out), there may be none yet, and none is needed.
                if (storedBeforeRestart >= 2 * SNAPSHOT_EVERY) {
                    assertThat(restarted.desk.recovery().snapshotSeq())
                            .as("resumed from a snapshot (store at %s of %s)", storedBeforeRestart, journaled).isPositive();
                    assertThat(restarted.desk.recovery().replayedOnStart()).isLessThan(journaled);
                }
            }
            ProjectionRebuildTest.assertBalancesMatchEngine(restarted);

            Path clean = dir.resolve("clean");
            DeskFixture.copyJournal(desk, clean);
            try (DeskFixture rebuilt = DeskFixture.open(clean)) {
                for (Table<?> table : ProjectionSql.PROJECTION_TABLES) {
                    assertThat(restarted.dump(table)).as(table.getName()).isEqualTo(rebuilt.dump(table));
                }
                assertThat(rebuilt.projections().fetchCount(ORDERS)).isGreaterThan(5_000);
            }
        }
    }

    /** Start the desk in a child JVM, wait for {@code ackAtLeast}, kill it hard; returns the last ACK read. */
    static long runAndKill(Path dir, long seed, long ackAtLeast) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
                "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashingDesk.class.getName(), dir.toString(), Long.toString(seed), Long.toString(SNAPSHOT_EVERY)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong lastAck = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        lastAck.set(Long.parseLong(line.substring(4).trim()));
                    }
                }
            } catch (Exception ignored) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (lastAck.get() < ackAtLeast && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("the desk runs until killed").isTrue();
        assertThat(lastAck.get()).as("the desk acknowledged enough before the kill").isGreaterThanOrEqualTo(ackAtLeast);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
        return lastAck.get();
    }
}
