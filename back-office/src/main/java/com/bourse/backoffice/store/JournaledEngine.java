package com.bourse.backoffice.store;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded engine made durable: each command is appended to the {@link CommandJournal} before the engine
 * applies it, and {@link #commit()} (one fsync for everything applied since the last one) is the point where
 * commands count as acknowledged and their events go to the {@link ProjectionWriter}.
 *
 * <p>{@link #recover} rebuilds the engine from the journal on start and projects whatever the store is
 * missing, so after a crash the tables catch up with the log. Single-threaded: the engine's thread calls
 * {@link #apply} and {@link #commit}; events must not be shown as final before the commit returns.
 */
public final class JournaledEngine {
    private final Engine engine;
    private final CommandJournal journal;
    private final ProjectionWriter projections;
    private final List<ProjectedCommand> uncommitted = new ArrayList<>();
    // One sink for every command, filling the current command's list (a method reference per command is garbage).
    private List<Event> emitted;
    private final EventSink collect = event -> emitted.add(event);

    private JournaledEngine(Engine engine, CommandJournal journal, ProjectionWriter projections) {
        this.engine = engine;
        this.journal = journal;
        this.projections = projections;
    }

    /** What a start found and did. */
    public record Recovery(long journalSeq, long storedSeq, long projectedOnStart, boolean rebuilt,
                           long truncatedJournalBytes) {
    }

    private Recovery recovery;

    /**
     * Replay the journal into a fresh engine; commands the store already holds only re-teach the projector,
     * later ones are projected again. A store ahead of its journal (a journal lost to a power cut without
     * fsync) is rebuilt from the journal entirely. Starts the writer.
     */
    public static JournaledEngine recover(EngineConfig config, CommandJournal journal, ProjectionWriter projections) {
        long stored = projections.storedSeq();
        boolean rebuild = stored > journal.committedSeq();
        if (rebuild) {
            projections.clearForRebuild();
            stored = 0;
        }
        Engine engine = new Engine(config);
        long storedSeq = stored;
        long[] projected = {0};
        boolean[] started = {false};
        journal.readCommitted(0, record -> {
            List<Event> events = new ArrayList<>();
            engine.apply(record.command(), events::add);
            ProjectedCommand command = new ProjectedCommand(record.seq(), record.command(), events, 0);
            if (record.seq() <= storedSeq) {
                projections.replayStored(command);
            } else {
                if (!started[0]) {
                    projections.start();
                    started[0] = true;
                }
                projections.offer(command);
                projected[0]++;
            }
        });
        if (!started[0]) {
            projections.start();
        }
        JournaledEngine result = new JournaledEngine(engine, journal, projections);
        result.recovery = new Recovery(journal.committedSeq(), storedSeq, projected[0], rebuild,
                journal.openReport().truncatedBytes());
        return result;
    }

    /**
     * Journal and apply one command; its events are returned at once but it is acknowledged only by the next
     * {@link #commit()}.
     */
    public ProjectedCommand apply(Command command) {
        long seq = journal.append(command);
        List<Event> events = new ArrayList<>(8);
        emitted = events;
        engine.apply(command, collect);
        emitted = null;
        ProjectedCommand projected = new ProjectedCommand(seq, command, events, System.nanoTime());
        uncommitted.add(projected);
        return projected;
    }

    /** Make every applied command durable and hand it to the projections; returns the acknowledged sequence. */
    public long commit() {
        long seq = journal.commit();
        for (ProjectedCommand command : uncommitted) {
            projections.offer(command);
        }
        uncommitted.clear();
        return seq;
    }

    public Engine engine() {
        return engine;
    }

    public CommandJournal journal() {
        return journal;
    }

    public ProjectionWriter projections() {
        return projections;
    }

    public Recovery recovery() {
        return recovery;
    }
}
