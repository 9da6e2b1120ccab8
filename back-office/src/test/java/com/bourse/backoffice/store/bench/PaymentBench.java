package com.bourse.backoffice.store.bench;

import com.bourse.backoffice.store.JournaledEngine;
import com.bourse.backoffice.store.ProjectedCommand;
import com.bourse.backoffice.store.ProjectionWriter;
import com.bourse.backoffice.store.Projector;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import com.bourse.backoffice.store.TradingWorkload;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.Durability;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import org.HdrHistogram.Histogram;

import javax.crypto.spec.SecretKeySpec;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Payments through the embedded engine, the command journal (forced to disk at each group commit) and the
 * projection writer into H2, against the specification's 100,000 payments a second under 100 ms. Two phases:
 * flat out (throughput; its latency is backlog, from the engine finishing a payment to its rows being queryable),
 * then paced at 80 % of the flat-out rate to queryable rows (the latency at a sustainable rate, from each payment's
 * scheduled time, so a stall is counted against every payment it delays). Payments are entered by the
 * installation's SYSTEM user so none waits for a risk officer.
 *
 * <p>Usage: {@code PaymentBench [--smoke | full]}: 200,000 payments flat out and 10 s paced, or 2,000,000 and 30 s.
 */
public final class PaymentBench {
    private static final EngineConfig ENGINE = EngineConfig.defaults();
    private static final int ACCOUNTS = 64;
    /** Payment ids of the paced phase start here (the flat-out phase uses 1,000,000 up). */
    private static final long PACED_BASE = 100_000_000L;

    public static void main(String[] args) throws Exception {
        boolean full = List.of(args).contains("full");
        int payments = full ? 2_000_000 : 200_000;
        System.out.printf("PaymentBench (%s): JDK %s, %d cores, %,d payments over %d accounts%n",
                full ? "full" : "smoke", Runtime.version(), Runtime.getRuntime().availableProcessors(), payments,
                ACCOUNTS);
        Path dir = Files.createTempDirectory("payment-bench");
        try (Store store = Store.open(StoreConfig.in(dir).withTradingZone(ZoneId.of("UTC")))) {
            ProjectionWriter writer = ProjectionWriter.open(store, new Projector(ZoneId.of("UTC"),
                    ENGINE.defaultLimits()), ProjectionWriter.Options.defaults());
            JournaledEngine desk = JournaledEngine.recover(new com.bourse.engine.host.JournaledEngine.Options(
                    dir.resolve("journal"), ENGINE, Durability.POWER_LOSS, new SecretKeySpec(new byte[32], "AES"),
                    com.bourse.engine.host.JournaledEngine.Retention.ALL_HISTORY),
                    JournaledEngine.DEFAULT_SNAPSHOT_EVERY, writer);
            try {
                for (Command c : new TradingWorkload(1, ACCOUNTS, 1, 0).setup()) {
                    desk.apply(c);
                }
                writer.awaitCommitted(desk.commit(), Duration.ofSeconds(60));
                // Resizes itself: on a loaded machine the backlog's latency passed a fixed minute and stopped the writer.
                Histogram lag = new Histogram(3);
                java.util.concurrent.atomic.AtomicReference<long[]> scheduled = new java.util.concurrent.atomic
                        .AtomicReference<>();
                Histogram paced = new Histogram(3);
                writer.setListener((batch, committedNanos) -> {
                    long[] due = scheduled.get();
                    for (ProjectedCommand c : batch) {
                        if (due != null && c.command() instanceof Command.RequestPayment p
                                && p.paymentId() >= PACED_BASE && p.paymentId() < PACED_BASE + due.length) {
                            paced.recordValue(Math.max(0, (committedNanos - due[(int) (p.paymentId() - PACED_BASE)])
                                    / 1_000));
                        } else if (due == null && c.emittedNanos() > 0) {
                            lag.recordValue(Math.max(0, (committedNanos - c.emittedNanos()) / 1_000));
                        }
                    }
                });
                SplittableRandom random = new SplittableRandom(3);
                long t = 1_793_606_400_000L;
                long processed = 0;
                long start = System.nanoTime();
                long lastCommit = start;
                for (int i = 0; i < payments; i++) {
                    long from = 1001 + random.nextInt(ACCOUNTS);
                    long to = 1001 + (from - 1001 + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    for (Event e : desk.apply(new Command.RequestPayment(t + i / 100, Command.SYSTEM_USER,
                            1_000_000 + i, from, to, "EUR", 1 + random.nextInt(100_000), 25, "bench")).events()) {
                        if (e instanceof Event.PaymentProcessed) {
                            processed++;
                        }
                    }
                    long now = System.nanoTime();
                    if (now - lastCommit > 1_000_000) {
                        desk.commit();
                        lastCommit = now;
                    }
                }
                long engineDone = System.nanoTime();
                if (!writer.awaitCommitted(desk.commit(), Duration.ofMinutes(10))) {
                    throw new IllegalStateException("projection did not catch up", writer.failure());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%,d payments (%,d PaymentProcessed) in %.2f s = %,.0f payments/s queryable "
                                + "(engine+journal alone %,.0f/s); target 100,000/s: %s%n", payments, processed,
                        seconds, payments / seconds, payments / ((engineDone - start) / 1e9),
                        payments / seconds >= 100_000 ? "met" : "NOT met");
                System.out.printf("latency payment -> queryable (ms): p50 %.2f p90 %.2f p99 %.2f max %.2f; "
                                + "target p99 < 100 ms: %s; load average %.2f%n",
                        lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(90) / 1000.0,
                        lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0,
                        lag.getValueAtPercentile(99) < 100_000 ? "met" : "NOT met",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

                // Paced: 80 % of the flat-out rate to queryable rows, each payment due at its slot.
                int rate = (int) Math.max(1_000, 0.8 * payments / seconds);
                int pacedCount = rate * (full ? 30 : 10);
                long[] due = new long[pacedCount];
                scheduled.set(due);
                long pacedStart = System.nanoTime() + 50_000_000;
                long period = 1_000_000_000L / rate;
                lastCommit = pacedStart;
                for (int i = 0; i < pacedCount; i++) {
                    due[i] = pacedStart + i * period;
                    while (System.nanoTime() < due[i]) {
                        if (System.nanoTime() - lastCommit > 1_000_000) {
                            desk.commit();
                            lastCommit = System.nanoTime();
                        }
                        Thread.onSpinWait();
                    }
                    long from = 1001 + random.nextInt(ACCOUNTS);
                    long to = 1001 + (from - 1001 + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    desk.apply(new Command.RequestPayment(t + (payments + i) / 100, Command.SYSTEM_USER,
                            PACED_BASE + i, from, to, "EUR", 1 + random.nextInt(100_000), 25, "bench"));
                    long now = System.nanoTime();
                    if (now - lastCommit > 1_000_000) {
                        desk.commit();
                        lastCommit = now;
                    }
                }
                if (!writer.awaitCommitted(desk.commit(), Duration.ofMinutes(10))) {
                    throw new IllegalStateException("projection did not catch up", writer.failure());
                }
                // The listener hears the last batch just after its commit is visible: wait for its count.
                for (long wait = System.nanoTime(); paced.getTotalCount() < pacedCount
                        && System.nanoTime() - wait < 10_000_000_000L; ) {
                    Thread.sleep(10);
                }
                System.out.printf("paced at %,d payments/s (80 %% of flat out) for %,d payments: latency scheduled -> "
                                + "queryable (ms) p50 %.2f p90 %.2f p99 %.2f max %.2f; load average %.2f%n", rate,
                        paced.getTotalCount(), paced.getValueAtPercentile(50) / 1000.0,
                        paced.getValueAtPercentile(90) / 1000.0, paced.getValueAtPercentile(99) / 1000.0,
                        paced.getMaxValue() / 1000.0,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            } finally {
                writer.close();
                desk.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
