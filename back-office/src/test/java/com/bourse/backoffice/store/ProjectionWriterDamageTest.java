package com.bourse.backoffice.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection writer finding its own file damaged on the disk is said once, marks the file, and leaves trading
 * alone: the journal keeps every command, and the next start rebuilds the file from it.
 */
class ProjectionWriterDamageTest {
    static final long SEED = 20261204;

    @TempDir
    Path dir;

    @Test
    void aFileTheWriterFindsDamagedIsMarkedTradingGoesOnAndTheNextStartRebuildsIt() throws Exception {
        try (DeskFixture desk = DeskFixture.open(dir)) {
            ProjectionRebuildTest.runWorkload(desk, SEED, 3_000);
            desk.awaitProjected();
        }
        StoreConfig config = StoreConfig.in(dir.resolve("db"));
        Path file = config.projectionFile();
        long journaled;
        try (DeskFixture desk = DeskFixture.open(dir)) {
            garble(file);

            ProjectionRebuildTest.runWorkload(desk, SEED + 1, 3_000);
            journaled = desk.journal.committedSeq();

            assertThat(awaitFailure(desk.writer)).isInstanceOf(StoreAccessException.class)
                    .hasMessageContaining(file.getFileName() + " is damaged")
                    .hasMessageContaining("rebuilds the file from the command journal (nothing is lost)");
            assertThat(desk.store.projections().damaged()).isTrue();
            assertThat(Files.exists(config.directory().resolve(config.projectionDatabaseName()
                    + ProjectionDatabase.DAMAGED_SUFFIX)))
                    .as("the file is marked for rebuilding").isTrue();
            // Trading goes on after the writer stopped: each batch is journaled and no longer offered to the file.
            ProjectionRebuildTest.runWorkload(desk, SEED + 2, 500);
            assertThat(desk.journal.committedSeq()).isGreaterThan(journaled);
            journaled = desk.journal.committedSeq();
        }

        try (DeskFixture reopened = DeskFixture.open(dir)) {
            assertThat(reopened.store.projections().discardedBecause()).get().asString()
                    .contains("a read found it damaged");
            assertThat(reopened.desk.recovery().projectedOnStart()).isEqualTo(journaled);
            ProjectionRebuildTest.assertBalancesMatchEngine(reopened);
        }
    }

    private static Throwable awaitFailure(ProjectionWriter writer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (writer.failure() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return writer.failure();
    }

    /**
     * Random bytes over every page of the file past its two headers, written in place as a failing disk would: any
     * page the running desk has not read since it opened (the first day's orders, which the next day's fills update)
     * is now bad on the disk, wherever H2 happened to put it.
     */
    private static void garble(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) raf.length() - 8_192];
            new SplittableRandom(SEED).nextBytes(noise);
            raf.seek(8_192);
            raf.write(noise);
        }
    }
}
