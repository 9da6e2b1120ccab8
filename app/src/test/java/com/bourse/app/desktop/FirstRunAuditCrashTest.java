package com.bourse.app.desktop;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditRecord;
import com.bourse.backoffice.audit.AuditVerification;
import com.bourse.backoffice.store.Page;
import com.bourse.protocol.Command;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit entry of an order is durable before the order reaches the engine, whenever the order comes: the
 * desktop's first run sets up a fresh data folder, stays idle a minute as a person reading the screen would (H2 then
 * frees the space of the start's own writes, and used to write the next commits into it where a restart did not
 * find them), alice signs in and sends one order, it is acknowledged, and the desktop is killed (-9). After the
 * restart the journal gives the order back, every order of alice's the journal holds has its ORDER_ENTERED entry,
 * her sign-in is there, and the chain verifies.
 */
class FirstRunAuditCrashTest {
    @TempDir
    Path dir;

    /** Longer than H2's retention time (45 s), after which the space of chunks freed at the start may be reused. */
    private static final long IDLE_BEFORE_SIGN_IN_MILLIS = 60_000;

    @Test
    void aJournaledOrderAlwaysHasItsAuditEntryAfterAKillEvenAfterAnIdleMinute() throws Exception {
        Path data = dir.resolve("simulation");
        Path err = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), FirstRunOrderDesk.class.getName(), data.toString(),
                Long.toString(IDLE_BEFORE_SIGN_IN_MILLIS))
                .redirectError(err.toFile()).start();
        AtomicLong acknowledged = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.set(Long.parseLong(line.substring(4).trim()));
                    }
                }
            } catch (Exception ignored) {
                // the pipe breaks when the child is killed
            }
        }, "first-run-ack-reader");
        reader.setUncaughtExceptionHandler((t, e) -> System.getLogger(FirstRunAuditCrashTest.class.getName())
                .log(System.Logger.Level.ERROR, "ack reader failed", e));
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (acknowledged.get() == 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(acknowledged.get()).as("the order was acknowledged; stderr: %s", Files.readString(err))
                .isPositive();
        Thread.sleep(2_000);
        assertThat(child.isAlive()).as("the desktop idles until killed; stderr: %s", Files.readString(err)).isTrue();
        child.destroyForcibly(); // SIGKILL: no close, no shutdown hook
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
        long orderId = acknowledged.get();

        try (BackOffice restarted = BackOffice.open(BackOffice.Options.defaults(data,
                DesktopConfig.TRAINING_PASSPHRASE.toCharArray()))) {
            List<Long> journaledOrders = new ArrayList<>();
            restarted.desk().journal().replay(0, record -> {
                if (record.command() instanceof Command.PlaceOrder p
                        && p.accountId() == FirstRunOrderDesk.ALICE_EQUITIES) {
                    journaledOrders.add(p.orderId());
                }
            });
            assertThat(journaledOrders).as("the journal gives the order back").contains(orderId);

            List<AuditRecord> trail = restarted.audit().entries(new Page(0, 10_000));
            List<String> audited = trail.stream().filter(entry -> entry.action() == AuditAction.ORDER_ENTERED)
                    .map(AuditRecord::subject).toList();
            assertThat(audited).as("every order of alice's the journal holds has its ORDER_ENTERED entry")
                    .containsAll(journaledOrders.stream()
                            .map(id -> "order:" + id + " account:" + FirstRunOrderDesk.ALICE_EQUITIES).toList());
            assertThat(trail).as("alice's sign-in before it")
                    .anyMatch(entry -> entry.action() == AuditAction.SIGN_IN && "alice".equals(entry.username()));
            AuditVerification verification = restarted.auditAtStart();
            assertThat(verification.intact()).as(verification.message()).isTrue();
            AuditVerification fullWalk = restarted.auditVerified().get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(fullWalk.intact()).as("the full walk behind the start: %s", fullWalk.message()).isTrue();
        }
    }
}
