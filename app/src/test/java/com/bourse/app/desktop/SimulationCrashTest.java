package com.bourse.app.desktop;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.store.JournaledEngine;
import com.bourse.protocol.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the desktop's simulation while the market simulator and a trader are both sending: every order whose
 * commit the desktop had reported is in the journal after the restart, and the restart replays at most what the
 * snapshots leave (one interval or two), not the history.
 */
class SimulationCrashTest {
    private static final int ACKS = 300;

    @TempDir
    Path dir;

    @Test
    void everyOrderCommittedBeforeAKillIsThereAfterTheRestart() throws Exception {
        Path data = dir.resolve("simulation");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Path err = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingSimulation.class.getName(), data.toString())
                .redirectError(err.toFile()).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.add(Long.parseLong(line.substring(4).trim()));
                    }
                }
            } catch (Exception ignored) {
                // the pipe breaks when the child is killed
            }
        }, "crash-test-ack-reader");
        reader.setUncaughtExceptionHandler((t, e) -> System.getLogger(SimulationCrashTest.class.getName())
                .log(System.Logger.Level.ERROR, "ack reader failed", e));
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (acknowledged.size() < ACKS && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(child.isAlive()).as("the desktop runs until killed; stderr: %s", Files.readString(err)).isTrue();
        child.destroyForcibly(); // SIGKILL mid-stream: no close, no shutdown hook
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
        Set<Long> reported = new HashSet<>(acknowledged);
        assertThat(reported).as("orders acknowledged before the kill; stderr: %s", Files.readString(err))
                .hasSizeGreaterThanOrEqualTo(ACKS);

        try (BackOffice restarted = BackOffice.open(BackOffice.Options.defaults(data,
                DesktopConfig.TRAINING_PASSPHRASE.toCharArray()))) {
            JournaledEngine desk = restarted.desk();
            Set<Long> journaledOrders = new HashSet<>();
            long[] simulatorCommands = {0};
            desk.journal().replay(0, record -> {
                if (record.command() instanceof Command.PlaceOrder p) {
                    if (p.accountId() == CrashingSimulation.ALICE_EQUITIES) {
                        journaledOrders.add(p.orderId());
                    } else {
                        simulatorCommands[0]++;
                    }
                }
            });
            assertThat(simulatorCommands[0]).as("the market simulator was sending too").isPositive();
            assertThat(journaledOrders).as("every order whose commit was reported").containsAll(reported);

            // Each order's audit entry was sealed in its journal record: whatever the kill left in the trail, the
            // start put back every one, so no journaled order lacks its entry, and the chain still verifies.
            Set<String> audited = new HashSet<>();
            for (com.bourse.backoffice.store.Page page = com.bourse.backoffice.store.Page.first(10_000); ;
                 page = page.next()) {
                List<com.bourse.backoffice.audit.AuditRecord> entries = restarted.audit()
                        .entriesOf(CrashingSimulation.ALICE, page);
                entries.stream().filter(e -> e.action() == com.bourse.backoffice.audit.AuditAction.ORDER_ENTERED)
                        .forEach(e -> audited.add(e.subject()));
                if (entries.size() < page.limit()) {
                    break;
                }
            }
            assertThat(audited).as("an audit entry for every journaled order").containsAll(journaledOrders.stream()
                    .map(id -> "order:" + id + " account:" + CrashingSimulation.ALICE_EQUITIES).toList());
            assertThat(restarted.audit().verify().intact()).isTrue();

            JournaledEngine.Recovery recovery = desk.recovery();
            assertThat(recovery.journalSeq()).isGreaterThanOrEqualTo(reported.size());
            assertThat(recovery.replayedOnStart())
                    .as("a start replays what the projection lacks and at most two snapshot intervals")
                    .isLessThanOrEqualTo(recovery.journalSeq() - recovery.storedSeq()
                            + 2 * JournaledEngine.DEFAULT_SNAPSHOT_EVERY);
        }
    }
}
