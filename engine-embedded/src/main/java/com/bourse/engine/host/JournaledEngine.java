package com.bourse.engine.host;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The embedded engine made durable by the one {@link CommandJournal} and its {@link SnapshotStore}: each command
 * is appended to the journal and applied; {@link #commit()} (one write, and one force for
 * {@link Durability#POWER_LOSS}, for everything applied since the last) is the point where commands count as
 * acknowledged. Now and then {@link #snapshot()} saves the engine's bytes and starts a new journal segment, so a
 * start restores the newest snapshot and replays only the commands after it: start-up is bounded by the snapshot
 * interval, not by the history.
 *
 * <p>An owner that derives state of its own from the same commands (the back office's projections) passes a
 * {@link Companion}: it chooses how far back the start may resume, gets its own state back from the same
 * snapshot, and is shown every replayed command with its events. What is kept on disk is the
 * {@link Retention}'s choice.
 *
 * <p>Not thread-safe: the hosting's engine thread owns it, as it owns the engine. Only
 * {@link #writeSnapshot} may run on another thread.
 */
public final class JournaledEngine implements AutoCloseable {

    /** Which journal segments are kept once a snapshot covers them. */
    public enum Retention {
        /** Every segment: the history from command 1 stays readable (projections can be rebuilt from it). */
        ALL_HISTORY,
        /** Only what the oldest kept snapshot needs: the disk holds about two snapshot intervals. */
        SINCE_OLDEST_SNAPSHOT
    }

    /**
     * Where and how: the directory of the journal and snapshots, the engine's configuration, when a command is
     * safe, the AES key (128 or 256 bits) every record and snapshot is sealed with, and what is kept.
     */
    public record Options(Path directory, EngineConfig config, Durability durability, SecretKey key,
                          Retention retention) {
        public Options {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(durability, "durability");
            Objects.requireNonNull(key, "key (the journal is always encrypted)");
            Objects.requireNonNull(retention, "retention");
            int bits = key.getEncoded() == null ? 0 : key.getEncoded().length * 8;
            if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || (bits != 128 && bits != 192 && bits != 256)) {
                throw new IllegalArgumentException("key: an AES key of 128, 192 or 256 bits, not "
                        + key.getAlgorithm() + "/" + bits);
            }
        }
    }

    /** State its owner keeps beside the engine's, restored from the same snapshot and fed the same commands. */
    public interface Companion {
        /**
         * The newest sequence the start may resume from (the newest snapshot at or before it is used), knowing
         * the journal's last whole command is {@code journalEnd}. {@code Long.MAX_VALUE} for "any".
         */
        long resumeAtMost(long journalEnd);

        /** The companion's state saved with the snapshot at {@code seq}; null (and seq 0) when starting empty. */
        void restore(long seq, byte[] state);

        /** One command replayed on start, with the events the engine emitted for it again. */
        void replayed(JournalRecord record, List<Event> events);
    }

    /** What a start found and did. */
    public record Recovery(long snapshotSeq, long replayed, long journalEnd, long truncatedBytes) {
    }

    /** The engine's bytes at {@code seq}, taken on the engine's thread, to be written by {@link #writeSnapshot}. */
    public record PendingSnapshot(long seq, byte[] engine) {
    }

    private static final Companion NONE = new Companion() {
        @Override
        public long resumeAtMost(long journalEnd) {
            return Long.MAX_VALUE;
        }

        @Override
        public void restore(long seq, byte[] state) {
        }

        @Override
        public void replayed(JournalRecord record, List<Event> events) {
        }
    };

    private final Options options;
    private final CommandJournal journal;
    private final SnapshotStore snapshots;
    private final Engine engine;
    private final Recovery recovery;
    private long snapshotSequence;

    private JournaledEngine(Options options, CommandJournal journal, SnapshotStore snapshots, Engine engine,
                            Recovery recovery) {
        this.options = options;
        this.journal = journal;
        this.snapshots = snapshots;
        this.engine = engine;
        this.recovery = recovery;
        this.snapshotSequence = recovery.snapshotSeq();
    }

    /** The engine alone, keeping only what the oldest snapshot needs. */
    public static JournaledEngine open(Path directory, EngineConfig config, Durability durability, SecretKey key) {
        return open(new Options(directory, config, durability, key, Retention.SINCE_OLDEST_SNAPSHOT), NONE);
    }

    /**
     * Opens the engine kept in {@code options.directory()}, creating it when empty: restores the newest snapshot
     * the companion allows and replays the journal after it.
     *
     * @throws JournalDamagedException when a file the start needs fails its check (nothing is changed then)
     */
    public static JournaledEngine open(Options options, Companion companion) {
        CommandJournal journal = CommandJournal.open(options.directory(), options.key(), options.durability());
        try {
            SnapshotStore snapshots = new SnapshotStore(options.directory(), options.key(), journal.journalId());
            long end = journal.lastSeq();
            long bound = Math.min(end, companion.resumeAtMost(end));
            long from = 0;
            for (long seq : snapshots.sequences()) {
                if (seq <= bound) {
                    from = seq;
                }
            }
            Engine engine;
            if (from == 0) {
                engine = new Engine(options.config());
                companion.restore(0, null);
            } else {
                SnapshotStore.Snapshot snapshot = snapshots.read(from);
                engine = Engine.restore(options.config(), snapshot.engine());
                companion.restore(from, snapshot.companion());
            }
            List<Long> newer = snapshots.sequences();
            if (!newer.isEmpty() && newer.getLast() > end) {
                throw new JournalDamagedException(options.directory(), 0, "the journal ends at command " + end
                        + " but a snapshot was taken at " + newer.getLast() + ": journal records were removed");
            }
            long[] replayed = {0};
            if (companion == NONE) {
                journal.replay(from, record -> {
                    engine.apply(record.command(), EventSink.NONE);
                    replayed[0]++;
                });
            } else {
                journal.replay(from, record -> {
                    List<Event> events = new ArrayList<>();
                    engine.apply(record.command(), events::add);
                    companion.replayed(record, events);
                    replayed[0]++;
                });
            }
            return new JournaledEngine(options, journal, snapshots, engine,
                    new Recovery(from, replayed[0], end, journal.openReport().truncatedBytes()));
        } catch (RuntimeException | Error e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Journals (buffered) then applies one command, telling {@code sink} its events; it is acknowledged only by the
     * next {@link #commit()}. Returns its sequence.
     */
    public long apply(Command command, EventSink sink) {
        return apply(command, null, sink);
    }

    /**
     * {@link #apply(Command, EventSink)} with an attachment sealed in the command's journal record (null for none):
     * the next {@link #commit()} makes both durable in one write, and a replay hands it back with the command.
     */
    public long apply(Command command, byte[] attachment, EventSink sink) {
        long seq = journal.append(command, attachment);
        engine.apply(command, sink);
        return seq;
    }

    /** Makes every applied command durable; returns the acknowledged sequence. */
    public long commit() {
        return journal.commit();
    }

    /** Commits, snapshots the engine and writes the snapshot now (the engine alone: no companion state). */
    public void snapshot() {
        PendingSnapshot pending = startSnapshot();
        writeSnapshot(pending, null);
    }

    /**
     * Commits, takes the engine's bytes and starts a new journal segment at this sequence: the engine's half of a
     * snapshot, which {@link #writeSnapshot} completes (on any thread) once the companion's state at the same
     * sequence is known.
     */
    public PendingSnapshot startSnapshot() {
        journal.roll();
        long seq = journal.lastSeq();
        snapshotSequence = seq;
        return new PendingSnapshot(seq, engine.snapshot());
    }

    /**
     * Writes a snapshot started by {@link #startSnapshot}, with the companion's state at its sequence (or null);
     * then deletes the snapshots, and with {@link Retention#SINCE_OLDEST_SNAPSHOT} the segments, no longer needed.
     * Thread-safe.
     */
    public void writeSnapshot(PendingSnapshot pending, byte[] companionState) {
        long oldestKept = snapshots.write(pending.seq(), pending.engine(), companionState);
        if (options.retention() == Retention.SINCE_OLDEST_SNAPSHOT) {
            journal.deleteSegmentsBefore(oldestKept);
        }
    }

    /** The engine, for queries on the owning thread. */
    public Engine engine() {
        return engine;
    }

    /** Commands applied since the directory was created (recovered ones included). */
    public long sequence() {
        return journal.lastSeq();
    }

    /** The sequence of the newest snapshot taken (or restored); 0 when none. */
    public long snapshotSequence() {
        return snapshotSequence;
    }

    public CommandJournal journal() {
        return journal;
    }

    public SnapshotStore snapshots() {
        return snapshots;
    }

    public Recovery recovery() {
        return recovery;
    }

    @Override
    public void close() {
        journal.close();
    }
}
