package com.bourse.engine.venue;

import com.bourse.engine.Engine;
import com.bourse.engine.host.JournaledEngine;
import com.bourse.protocol.Command;
import com.bourse.protocol.EventSink;

/**
 * What {@link EmbeddedVenue} runs its commands through: the bare engine, or the engine behind a journal.
 * The venue calls {@link #apply} for each command and {@link #endOfBatch} whenever it has drained its inbox,
 * which is where a journaling host makes the batch durable (group commit).
 *
 * <p>Not thread-safe: only the venue's engine thread calls it (and {@link #close} after that thread stopped).
 */
public interface EngineHost extends AutoCloseable {

    /** Applies one command, telling {@code sink} its events in order. */
    void apply(Command command, EventSink sink);

    /**
     * Applies one command whose owner's attachment (an audit entry) must be exactly as durable as the command: a
     * journaling host seals both in one record, made durable by the same {@link #endOfBatch}. A host that keeps
     * nothing refuses it, as it could not keep that promise.
     */
    default void apply(Command command, byte[] attachment, EventSink sink) {
        if (attachment != null) {
            throw new UnsupportedOperationException("this engine host keeps no journal to hold an attachment");
        }
        apply(command, sink);
    }

    /** The venue's inbox is empty for now: make what was applied durable. Nothing to do by default. */
    default void endOfBatch() {
    }

    /** The engine, for read-only queries between commands. */
    Engine engine();

    @Override
    void close();

    /** The engine in memory only: a closed or killed desktop forgets everything. */
    static EngineHost inMemory(Engine engine) {
        return new InMemory(engine);
    }

    /**
     * The engine-embedded journal with snapshots: each command is journaled and applied, each batch committed at
     * {@link #endOfBatch} (group commit: one write and, per its durability, one force), and a snapshot is taken
     * once {@code snapshotEvery} commands followed the last, so a restart replays little. The host owns the
     * journaled engine and closes it.
     */
    static EngineHost journaled(JournaledEngine journaled, long snapshotEvery) {
        return new Journaled(journaled, snapshotEvery);
    }

    /** See {@link EngineHost#inMemory}. */
    final class InMemory implements EngineHost {
        private final Engine engine;

        InMemory(Engine engine) {
            this.engine = engine;
        }

        @Override
        public void apply(Command command, EventSink sink) {
            engine.apply(command, sink);
        }

        @Override
        public Engine engine() {
            return engine;
        }

        @Override
        public void close() {
        }
    }

    /** See {@link EngineHost#journaled}. */
    final class Journaled implements EngineHost {
        private final JournaledEngine journaled;
        private final long snapshotEvery;

        Journaled(JournaledEngine journaled, long snapshotEvery) {
            this.journaled = journaled;
            this.snapshotEvery = snapshotEvery;
        }

        @Override
        public void apply(Command command, EventSink sink) {
            journaled.apply(command, sink);
        }

        @Override
        public void apply(Command command, byte[] attachment, EventSink sink) {
            journaled.apply(command, attachment, sink);
        }

        @Override
        public void endOfBatch() {
            long sequence = journaled.commit();
            if (sequence - journaled.snapshotSequence() >= snapshotEvery) {
                journaled.snapshot();
            }
        }

        @Override
        public Engine engine() {
            return journaled.engine();
        }

        @Override
        public void close() {
            journaled.close();
        }
    }
}
