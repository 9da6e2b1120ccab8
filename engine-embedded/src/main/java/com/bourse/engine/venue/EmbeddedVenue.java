package com.bourse.engine.venue;

import com.bourse.engine.Engine;
import com.bourse.engine.host.JournaledEngine;
import com.bourse.protocol.Command;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Venue;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The engine hosted in-process for simulation and training: any thread submits, one engine thread
 * applies commands in arrival order and tells every listener what happened, in event order.
 *
 * <p>Thread-safe. Listeners run on the engine thread and must hand work off quickly.
 */
public final class EmbeddedVenue implements Venue {
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
                Throwable::printStackTrace, null, new EngineAgent());
        AgentRunner.startOnThread(runner);
    }

    @Override
    public boolean submit(Command command) {
        if (closed || command == null) {
            return false;
        }
        return inbox.offer(new Submission(command, System.nanoTime()));
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

    /** Time from submit to the end of the command's events for the latest command, for the status bar. */
    public long lastLatencyNanos() {
        return lastLatencyNanos;
    }

    @Override
    public void close() {
        closed = true;
        runner.close();
        host.close();
    }

    private record Submission(Command command, long submittedNanos) {
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
        private final EventSink fanOut = event -> {
            for (EventSink listener : listeners) {
                listener.onEvent(event);
            }
        };

        private boolean applied;

        @Override
        public int doWork() {
            int work = inbox.drain(this::handle, 256);
            if (applied) {
                // Group commit: one durable write per drained batch (at most 256 commands), so a steady
                // flood still commits regularly.
                applied = false;
                host.endOfBatch();
            }
            return work;
        }

        private void handle(Object item) {
            if (item instanceof Submission submission) {
                host.apply(submission.command(), fanOut);
                applied = true;
                lastLatencyNanos = System.nanoTime() - submission.submittedNanos();
            } else if (item instanceof Query<?> query) {
                query.run(host.engine());
            }
        }

        @Override
        public String roleName() {
            return "bourse-engine";
        }
    }
}
