package com.bourse.backoffice.audit;

import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail cannot be rebuilt from anything: every entry acknowledged must survive kill -9. */
class AuditCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEntrySurvivesAKilledProcessAndTheChainStillVerifies() throws Exception {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashingAuditor.class.getName(), dir.toString(), HexFormat.of().formatHex(key.getEncoded())))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong acked = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    acked.set(Long.parseLong(line.substring(4).trim()));
                }
            } catch (Exception ignored) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.get() < 150 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(acked.get()).as("entries acknowledged before the kill").isGreaterThanOrEqualTo(150);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);

        try (Store store = Store.open(StoreConfig.in(dir))) {
            AuditVerification verification = AuditTrail.verify(store, key.generatePublicKey());
            assertThat(verification.intact()).as(verification.message()).isTrue();
            assertThat(verification.entries()).isGreaterThanOrEqualTo(acked.get());
        }
    }

    /**
     * H2 frees the space of old versions after its retention time (45 s) and used to write the next commit there, in
     * the middle of the file, with a store header naming the commit before it: a restart after a kill did not find
     * the forced entry until another commit followed it. One entry after a longer pause must survive alone.
     */
    @Test
    void anEntryAppendedAfterAnIdleMinuteSurvivesAKilledProcess() throws Exception {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PausingAuditor.class.getName(), dir.toString(), HexFormat.of().formatHex(key.getEncoded()), "60000"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong acked = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    acked.set(Long.parseLong(line.substring(4).trim()));
                }
            } catch (Exception ignored) {
                // the pipe breaks when the child is killed
            }
        }, "pausing-auditor-ack-reader");
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (acked.get() == 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(acked.get()).as("the entry after the pause was acknowledged").isEqualTo(14);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);

        try (Store store = Store.open(StoreConfig.in(dir))) {
            AuditVerification verification = AuditTrail.verify(store, key.generatePublicKey());
            assertThat(verification.intact()).as(verification.message()).isTrue();
            assertThat(verification.entries()).as("the entry forced after the pause").isEqualTo(14);
        }
    }
}
