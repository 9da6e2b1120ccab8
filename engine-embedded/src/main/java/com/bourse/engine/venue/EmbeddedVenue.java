package com.bourse.engine.venue;

import com.bourse.engine.Engine;
import com.bourse.engine.host.JournaledEngine;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Venue;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The engine hosted in-process for simulation and training: any thread submits, one engine thread
 * applies commands in arrival order and tells every listener what happened, in event order.
 *
 * <p>Nothing is shown that a crash could lose: the engine thread drains its inbox as a batch, applies each
 * command and keeps its events aside, and only once the host's {@link EngineHost#endOfBatch group commit}
 * has returned does it hand the batch's events to the listeners (windows, trade history). A query
 * ({@link #query}) first commits and hands out what is pending, so an answer (a window's snapshot) never shows
 * a command whose events the listeners have not heard, and a listener subscribed inside a query hears exactly
 * the events after the snapshot. The in-memory host commits nothing and goes the same way: its events too are
 * heard at the end of the batch.
 *
 * <p>Thread-safe. Listeners run on the engine thread and must hand work off quickly.
 */
public final class EmbeddedVenue implements Venue {
    private static final System.Logger LOG = System.getLogger(EmbeddedVenue.class.getName());
    /** Commands between snapshots of a journaled engine, so a restart replays little. */
    private static final long SNAPSHOT_EVERY = 50_000;

    private final EngineHost host;
    private final ManyToOneConcurrentArrayQueue<Object> inbox;
    private final CopyOnWriteArrayList<EventSink> listeners = new CopyOnWriteArrayList<>();
    private final AgentRunner runner;
    private volatile long lastLatencyNanos;
    private volatile boolean closed;

    public EmbeddedVenue(Engine engine) {
        this(EngineHost.inMemory(engine));
    }

    /**
     * A durable venue: every command is journaled before it is applied, so a killed desktop restarts with
     * every command that was applied. The venue owns the journaled engine and closes it.
     */
    public EmbeddedVenue(JournaledEngine journaled) {
        this(EngineHost.journaled(journaled, SNAPSHOT_EVERY));
    }

    /**
     * The engine behind any {@link EngineHost} (in memory, journaled, or journaled and projected by the
     * application). The venue owns the host and closes it.
     */
    public EmbeddedVenue(EngineHost host) {
        this.host = java.util.Objects.requireNonNull(host, "host");
        this.inbox = new ManyToOneConcurrentArrayQueue<>(64 * 1024);
        this.runner = new AgentRunner(new BackoffIdleStrategy(100, 10, 1_000, 1_000_000),
                EmbeddedVenue::logError, null, new EngineAgent());
        AgentRunner.startOnThread(runner);
    }

    @Override
    public boolean submit(Command command) {
        return submit(command, null);
    }

    /**
     * Submits a command with an attachment the host seals in the command's own journal record (the audit entry of
     * a command a person sent), so both become durable in the same group commit, or neither. Only a journaling
     * host accepts an attachment: an in-memory host refuses it on the engine thread, which logs the error.
     */
    public boolean submit(Command command, byte[] attachment) {
        if (closed || command == null) {
            return false;
        }
        return inbox.offer(new Submission(command, attachment, System.nanoTime()));
    }

    /** Run a read-only question on the engine thread, between commands (depth, working orders, balances). */
    public <T> CompletableFuture<T> query(Function<Engine, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (closed || !inbox.offer(new Query<>(question, answer))) {
            answer.completeExceptionally(new IllegalStateException("venue closed or busy"));
        }
        return answer;
    }

    @Override
    public AutoCloseable subscribe(EventSink listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Time from submit to acknowledged (its batch's group commit returned, so its events go out) of the latest
     * command, in nanoseconds, for the status bar; 0 before the first.
     */
    public long lastLatencyNanos() {
        return lastLatencyNanos;
    }

    @Override
    public void close() {
        closed = true;
        runner.close();
        host.close();
    }

    private static void logError(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "engine thread failed", error);
    }

    private record Submission(Command command, byte[] attachment, long submittedNanos) {
    }

    private record Query<T>(Function<Engine, T> question, CompletableFuture<T> answer) {
        void run(Engine engine) {
            try {
                answer.complete(question.apply(engine));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
    }

    private final class EngineAgent implements Agent {
        /**
         * The events of the commands applied since the last commit, in order; reused batch after batch (the list
         * keeps its capacity), so the buffering adds no allocation to what the engine's records already cost.
         */
        private final ArrayList<Event> pending = new ArrayList<>(1_024);
        private final EventSink buffer = pending::add;

        private boolean applied;
        private long batchSubmittedNanos;

        @Override
        public int doWork() {
            // Group commit: one durable write per drained batch (at most 256 commands), so a steady flood still
            // commits regularly.
            int work = inbox.drain(this::handle, 256);
            commitAndFanOut();
            return work;
        }

        private void handle(Object item) {
            if (item instanceof Submission submission) {
                if (submission.attachment() == null) {
                    host.apply(submission.command(), buffer);
                } else {
                    host.apply(submission.command(), submission.attachment(), buffer);
                }
                applied = true;
                batchSubmittedNanos = submission.submittedNanos();
            } else if (item instanceof Query<?> query) {
                // The answer sees only committed state, and whatever is subscribed in it hears what follows it.
                try {
                    commitAndFanOut();
                } catch (RuntimeException e) {
                    query.answer().completeExceptionally(e);
                    throw e;
                }
                query.run(host.engine());
            }
        }

        /** Commits the commands applied since the last commit, then (and only then) tells the listeners. */
        private void commitAndFanOut() {
            if (!applied) {
                return;
            }
            applied = false;
            try {
                host.endOfBatch();
                lastLatencyNanos = System.nanoTime() - batchSubmittedNanos;
                // Listener by listener, each hearing the whole batch in order: one iterator per batch, not per event.
                for (EventSink listener : listeners) {
                    for (int i = 0, n = pending.size(); i < n; i++) {
                        listener.onEvent(pending.get(i));
                    }
                }
            } finally {
                // A failed commit shows nothing of its batch: the host reports the failure, nobody sees the events.
                pending.clear();
            }
        }

        @Override
        public String roleName() {
            return "bourse-engine";
        }
    }
}
