package com.bourse.backoffice.store;

import com.bourse.engine.Engine;
import com.bourse.engine.host.CommandJournal;
import com.bourse.engine.host.JournalRecord;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;

import java.util.ArrayList;
import java.util.List;

/**
 * The back office's durable engine: the one command journal of the engine's hosting
 * ({@link com.bourse.engine.host.JournaledEngine}, encrypted, with snapshots) with the projections as its
 * companion. Each command is journaled and applied; {@link #commit()} (one write and force for everything applied
 * since the last) is the point where commands count as acknowledged and their events go to the
 * {@link ProjectionWriter}.
 *
 * <p>Every {@code snapshotEvery} commands a snapshot is started on the engine's thread (engine bytes, new journal
 * segment) and completed on the writer's thread with the projector's state at the same command, once the rows up
 * to it are committed. A start ({@link #recover}) restores the newest snapshot at or before what the projection
 * file holds, replays the journal after it (commands the file holds only re-teach the projector, later ones are
 * projected again), so it costs about one snapshot interval. A projection file that was discarded, or is ahead of
 * a journal that lost its unforced tail, is projected again from command 1: the desktop keeps the whole journal
 * history for that ({@link com.bourse.engine.host.JournaledEngine.Retention#ALL_HISTORY}).
 *
 * <p>Single-threaded: the engine's thread calls {@link #apply} and {@link #commit}; events must not be shown as
 * final before the commit returns.
 */
public final class JournaledEngine implements AutoCloseable {
    /** Commands between snapshots when the caller has no reason to choose: about 15 minutes of a busy desk. */
    public static final long DEFAULT_SNAPSHOT_EVERY = 50_000;

    private final com.bourse.engine.host.JournaledEngine host;
    private final ProjectionWriter projections;
    private final long snapshotEvery;
    private final Recovery recovery;
    private final Attachments attachments;
    private final List<ProjectedCommand> uncommitted = new ArrayList<>();
    private final List<JournalRecord> uncommittedAttached = new ArrayList<>();
    // One sink for every command, filling the current command's list (a method reference per command is garbage).
    private List<Event> emitted;
    private final EventSink collect = event -> emitted.add(event);

    /**
     * What a start found and did.
     *
     * @param journalSeq            the last command in the journal
     * @param storedSeq             the last command the projection file held (0 when it is rebuilt)
     * @param projectedOnStart      commands projected again on start
     * @param rebuilt               the file was ahead of the journal, so it was cleared and projected again
     * @param truncatedJournalBytes bytes of a torn last record cut from the journal
     * @param snapshotSeq           the snapshot the engine and projector were restored from (0: none)
     * @param replayedOnStart       commands replayed through the engine on start (after that snapshot)
     */
    public record Recovery(long journalSeq, long storedSeq, long projectedOnStart, boolean rebuilt,
                           long truncatedJournalBytes, long snapshotSeq, long replayedOnStart) {
    }

    private JournaledEngine(com.bourse.engine.host.JournaledEngine host, ProjectionWriter projections,
                            Attachments attachments, long snapshotEvery, Recovery recovery) {
        this.host = host;
        this.attachments = attachments;
        this.projections = projections;
        this.snapshotEvery = snapshotEvery;
        this.recovery = recovery;
    }

    /**
     * Opens the journal in {@code options.directory()}, restores engine and projector from the newest usable
     * snapshot, replays what follows and starts the writer.
     *
     * @throws com.bourse.engine.host.JournalDamagedException when the journal or a snapshot fails its check
     */
    public static JournaledEngine recover(com.bourse.engine.host.JournaledEngine.Options options, long snapshotEvery,
                                          ProjectionWriter projections) {
        return recover(options, snapshotEvery, projections, Attachments.NONE);
    }

    /**
     * {@link #recover(com.bourse.engine.host.JournaledEngine.Options, long, ProjectionWriter)} for a desk whose
     * commands may carry attachments ({@link #apply(Command, byte[])}): {@code attachments} is shown every replayed
     * record that has one, then every committed one.
     */
    public static JournaledEngine recover(com.bourse.engine.host.JournaledEngine.Options options, long snapshotEvery,
                                          ProjectionWriter projections, Attachments attachments) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be positive, not " + snapshotEvery);
        }
        CatchUp catchUp = new CatchUp(projections, attachments);
        com.bourse.engine.host.JournaledEngine host = com.bourse.engine.host.JournaledEngine.open(options, catchUp);
        if (!catchUp.started) {
            projections.start();
        }
        com.bourse.engine.host.JournaledEngine.Recovery found = host.recovery();
        return new JournaledEngine(host, projections, attachments, snapshotEvery, new Recovery(found.journalEnd(),
                catchUp.stored, catchUp.projected, catchUp.rebuilt, found.truncatedBytes(), found.snapshotSeq(),
                found.replayed()));
    }

    /** Feeds the start's replay to the projections: re-teach what the file holds, project what it lacks. */
    private static final class CatchUp implements com.bourse.engine.host.JournaledEngine.Companion {
        private final ProjectionWriter projections;
        private final Attachments attachments;
        long stored;
        long projected;
        boolean rebuilt;
        boolean started;

        CatchUp(ProjectionWriter projections, Attachments attachments) {
            this.projections = projections;
            this.attachments = attachments;
        }

        @Override
        public long resumeAtMost(long journalEnd) {
            stored = projections.storedSeq();
            if (stored > journalEnd) {
                // The file holds commands the journal lost (a power cut before its force): project it again.
                projections.clearForRebuild();
                rebuilt = true;
                stored = 0;
            }
            return stored;
        }

        @Override
        public void restore(long seq, byte[] state) {
            if (state != null) {
                projections.restoreProjector(state);
            } else if (seq > 0) {
                throw new IllegalStateException("the snapshot at command " + seq + " holds no projector state");
            }
        }

        @Override
        public void replayed(JournalRecord record, List<Event> events) {
            if (record.attachment() != null) {
                attachments.replayed(record);
            }
            ProjectedCommand command = new ProjectedCommand(record.seq(), record.command(), events, 0);
            if (record.seq() <= stored) {
                projections.replayStored(command);
                return;
            }
            if (!started) {
                projections.start();
                started = true;
            }
            projections.offer(command);
            projected++;
        }
    }

    /**
     * Journal and apply one command; its events are returned at once but it is acknowledged only by the next
     * {@link #commit()}.
     */
    public ProjectedCommand apply(Command command) {
        return apply(command, null);
    }

    /**
     * {@link #apply(Command)} with an attachment sealed in the command's journal record (null for none): the next
     * {@link #commit()} makes both durable in one forced write and then hands the record to the desk's
     * {@link Attachments}.
     */
    public ProjectedCommand apply(Command command, byte[] attachment) {
        if (attachment != null && attachments == Attachments.NONE) {
            throw new IllegalStateException("this desk was opened without an owner for attachments");
        }
        List<Event> events = new ArrayList<>(8);
        emitted = events;
        long seq;
        try {
            seq = host.apply(command, attachment, collect);
        } finally {
            emitted = null;
        }
        if (attachment != null) {
            uncommittedAttached.add(new JournalRecord(seq, command, attachment));
        }
        ProjectedCommand projected = new ProjectedCommand(seq, command, events, System.nanoTime());
        uncommitted.add(projected);
        return projected;
    }

    /**
     * Make every applied command durable and hand it to the projections; returns the acknowledged sequence.
     * Starts a snapshot when one is due (the writer completes it).
     */
    public long commit() {
        long seq = host.commit();
        if (!uncommittedAttached.isEmpty()) {
            attachments.committed(List.copyOf(uncommittedAttached));
            uncommittedAttached.clear();
        }
        if (!uncommitted.isEmpty() && seq - host.snapshotSequence() >= snapshotEvery) {
            com.bourse.engine.host.JournaledEngine.PendingSnapshot pending = host.startSnapshot();
            // Asked before the command is offered, so the writer cannot have passed it. A start resumes after the
            // snapshot and replays no attachment it covers: what was derived from them is settled first.
            projections.snapshotAfter(pending.seq(), state -> {
                attachments.settleBefore(pending.seq());
                host.writeSnapshot(pending, state);
            });
        }
        for (ProjectedCommand command : uncommitted) {
            projections.offer(command);
        }
        uncommitted.clear();
        return seq;
    }

    public Engine engine() {
        return host.engine();
    }

    public CommandJournal journal() {
        return host.journal();
    }

    public ProjectionWriter projections() {
        return projections;
    }

    public Recovery recovery() {
        return recovery;
    }

    /** Closes the journal (committing what is left). Close the projection writer first: it may write a snapshot. */
    @Override
    public void close() {
        host.close();
    }
}
