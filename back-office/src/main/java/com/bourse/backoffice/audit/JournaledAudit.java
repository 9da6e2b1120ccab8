package com.bourse.backoffice.audit;

import com.bourse.backoffice.store.Attachments;
import com.bourse.engine.host.JournalRecord;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The audit entries of the commands people send, made durable inside their command's journal record: one forced
 * write (the journal's group commit) covers a command and its entry, so a click pays one trip to the disk, nothing
 * is acknowledged without its entry, and after a crash no replayed command lacks it.
 *
 * <p>The gateway stamps and {@linkplain #encode encodes} an entry and hands it to the venue with its command; once the
 * group commit that holds it returns, the engine's thread {@linkplain #committed hands the record here} and the
 * worker thread {@value #THREAD_NAME} appends it to the {@link AuditTrail} (chained and signed like every entry,
 * with its journal sequence, not forced: the journal holds it). A start re-derives every replayed entry after the
 * trail's {@link AuditTrail#lastJournalSeq()}, and before a snapshot (after which nothing is replayed) the trail is
 * brought up to date and forced ({@link #settleBefore}).
 *
 * <p>Thread-safe. {@link #close} appends what was handed over, then stops the worker.
 */
public final class JournaledAudit implements Attachments, AutoCloseable {
    public static final String THREAD_NAME = "bourse-audit-from-journal";
    private static final System.Logger LOG = System.getLogger(JournaledAudit.class.getName());
    private static final int FORMAT = 1;
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final AuditTrail trail;
    private final long storedAtStart;
    private final List<AuditTrail.JournaledEntry> recovered = new ArrayList<>();
    private final LinkedBlockingQueue<List<JournalRecord>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    /** Records handed over, and records appended (or given up on), guarded by {@code this}. */
    private long handed;
    private long settled;
    private volatile boolean closing;
    private boolean started;

    /** Reads how far the trail holds journaled entries: call before the journal is replayed. */
    public JournaledAudit(AuditTrail trail) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.storedAtStart = trail.lastJournalSeq();
        this.worker = new Thread(this::run, THREAD_NAME);
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((t, e) ->
                LOG.log(System.Logger.Level.ERROR, "the audit-from-journal worker failed", e));
    }

    /** An entry stamped at {@code at} as the bytes sealed beside its command. */
    public static byte[] encode(long at, AuditEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            AuditCodec.writeFields(out, at, entry.userId(), entry.username(), entry.action().name(),
                    entry.subject(), entry.details());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #encode} wrote, with the journal sequence of its record. */
    public static AuditTrail.JournaledEntry decode(long journalSeq, byte[] attachment) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(attachment))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("journal record " + journalSeq + " carries an audit entry of"
                        + " format " + format + ", not " + FORMAT);
            }
            long at = in.readLong();
            boolean identified = in.readBoolean();
            long userId = in.readLong();
            String username = AuditCodec.readText(in);
            AuditAction action = AuditAction.valueOf(AuditCodec.readText(in));
            String subject = AuditCodec.readText(in);
            String details = AuditCodec.readText(in);
            return new AuditTrail.JournaledEntry(journalSeq, at,
                    new AuditEntry(identified ? userId : null, username, action, subject, details));
        } catch (IOException e) {
            throw new IllegalArgumentException("journal record " + journalSeq + " carries an audit entry cut short", e);
        }
    }

    @Override
    public void replayed(JournalRecord record) {
        if (record.seq() > storedAtStart) {
            recovered.add(decode(record.seq(), record.attachment()));
        }
    }

    /**
     * Appends (and forces) the entries the replay found missing from the trail, the commands' records being in
     * the journal: what a crash between the journal's force and the trail's insert left. Returns how many.
     */
    public int restoreReplayed() {
        if (recovered.isEmpty()) {
            return 0;
        }
        trail.appendJournaled(recovered);
        trail.forceToDisk();
        int count = recovered.size();
        LOG.log(System.Logger.Level.INFO, "re-derived {0} audit entries from the command journal (records {1} to"
                + " {2})", count, recovered.getFirst().journalSeq(), recovered.getLast().journalSeq());
        recovered.clear();
        return count;
    }

    @Override
    public void committed(List<JournalRecord> records) {
        synchronized (this) {
            handed += records.size();
            if (!started) {
                started = true;
                worker.start();
            }
        }
        queue.add(records);
    }

    @Override
    public void settleBefore(long seq) {
        awaitSettled();
        trail.forceToDisk();
    }

    /** Returns once every record handed over so far is in the trail (or was given up on and logged). */
    void awaitSettled() {
        synchronized (this) {
            long target = handed;
            while (settled < target && worker.isAlive()) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run() {
        List<List<JournalRecord>> batches = new ArrayList<>();
        List<AuditTrail.JournaledEntry> entries = new ArrayList<>();
        while (true) {
            try {
                List<JournalRecord> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batches.add(first);
                queue.drainTo(batches);
                int count = 0;
                for (List<JournalRecord> batch : batches) {
                    count += batch.size();
                }
                try {
                    for (List<JournalRecord> batch : batches) {
                        for (JournalRecord record : batch) {
                            entries.add(decode(record.seq(), record.attachment()));
                        }
                    }
                    trail.appendJournaled(entries);
                } catch (RuntimeException e) {
                    // The entries are safe in the journal: the next start re-derives them.
                    LOG.log(System.Logger.Level.ERROR, "could not copy " + count + " audit entries from the command"
                            + " journal into the trail (journal records " + batches.getFirst().getFirst().seq()
                            + " to " + batches.getLast().getLast().seq() + "); the next start re-derives them", e);
                }
                synchronized (this) {
                    settled += count;
                    notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batches.clear();
                entries.clear();
            }
        }
    }

    /** Appends what was handed over (waiting up to ten seconds), then stops the worker. */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            if (worker.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "the audit-from-journal worker did not finish within "
                        + CLOSE_WAIT_SECONDS + " s; the next start re-derives what it left from the journal");
                worker.interrupt();
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
