package com.bourse.backoffice.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The audit trail's work behind a start's bounded check, on one named thread: first the full walk from the first
 * entry to the checkpoint the start trusted ({@link AuditTrail#verifyToCheckpoint}), whose result is
 * {@link #verified()}; then, every {@code lookEvery}, a new checkpoint once the trail has grown {@code every} entries
 * past the last one ({@link AuditTrail#checkpointIfGrown}), and a last one at a clean close, so the next start's check
 * stays bounded by what was appended since. A trail found broken at start gets neither walk nor checkpoints: the
 * start already reported it, and the checkpoint must not move past a break.
 */
public final class AuditWatch implements AutoCloseable {
    /** Entries the trail grows by before the checkpoint follows it. */
    public static final long CHECKPOINT_EVERY = 50_000;
    private static final Duration LOOK_EVERY = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(AuditWatch.class.getName());

    private final AuditTrail trail;
    private final boolean intactAtStart;
    private final long every;
    private final CompletableFuture<AuditVerification> verified = new CompletableFuture<>();
    private final ScheduledExecutorService worker;
    private volatile boolean closing;

    private AuditWatch(AuditTrail trail, AuditVerification atStart, long every, Duration lookEvery) {
        this.trail = Objects.requireNonNull(trail);
        this.intactAtStart = atStart.intact();
        this.every = every;
        this.worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bourse-audit-verifier");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.log(System.Logger.Level.ERROR,
                    "the audit trail's verifier stopped", e));
            return thread;
        });
        if (!intactAtStart) {
            verified.complete(atStart);
            worker.shutdown();
            return;
        }
        worker.execute(this::walk);
        worker.scheduleWithFixedDelay(this::checkpoint, lookEvery.toMillis(), lookEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts the background work after a start's check found {@code atStart}. */
    public static AuditWatch start(AuditTrail trail, AuditVerification atStart) {
        return new AuditWatch(trail, atStart, CHECKPOINT_EVERY, LOOK_EVERY);
    }

    /** The same with another checkpoint interval and look period (specs, benches). */
    public static AuditWatch start(AuditTrail trail, AuditVerification atStart, long every, Duration lookEvery) {
        return new AuditWatch(trail, atStart, every, lookEvery);
    }

    /**
     * The verification of the whole trail as of the start: the start's own result when it found a break, else the
     * full walk's (logged naming the first bad entry when broken). Cancelled when closed before the walk ended.
     */
    public CompletableFuture<AuditVerification> verified() {
        return verified;
    }

    private void walk() {
        try {
            trail.verifyToCheckpoint(() -> closing).ifPresentOrElse(verified::complete, () -> verified.cancel(false));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the audit trail's full walk failed", e);
            verified.completeExceptionally(e);
        }
    }

    private void checkpoint() {
        if (closing) {
            return;
        }
        try {
            trail.checkpointIfGrown(every);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the audit checkpoint could not be moved", e);
        }
    }

    /**
     * Stops the walk where it is (between two entries: the thread is never interrupted, which would close H2's file
     * under it), then, after a start that found the trail intact, checkpoints what this run appended. Call it before
     * the store closes, after the last append.
     */
    @Override
    public void close() {
        closing = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the audit trail's verifier did not stop within {0}", CLOSE_WAIT);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        verified.cancel(false);
        if (intactAtStart) {
            try {
                trail.checkpointIfGrown(1);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "the audit checkpoint could not be moved at close", e);
            }
        }
    }
}
