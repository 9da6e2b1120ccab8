package com.bourse.engine.venue;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.Durability;
import com.bourse.engine.host.JournaledEngine;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedVenueTest {
    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "AES");
    private static final long OPEN = SmallMarket.OPEN;

    @Test
    void listenersHearEveryEventInOrderAndQueriesSeeTheStateAfterIt() throws Exception {
        List<Event> heard = new CopyOnWriteArrayList<>();
        try (EmbeddedVenue venue = new EmbeddedVenue(new Engine(EngineConfig.defaults()))) {
            venue.subscribe(heard::add);
            SmallMarket.opening().forEach(venue::submit);
            venue.submit(Command.PlaceOrder.limit(OPEN + 1, SmallMarket.ALICE, 1, SmallMarket.ALICE_ACCOUNT,
                    SmallMarket.ASML.id(), Side.BUY, 68_000, 10));

            long bidQuantity = venue.query(engine -> engine.depth(1, Side.BUY, 1).getFirst().quantity())
                    .get(5, TimeUnit.SECONDS);

            assertThat(bidQuantity).isEqualTo(10);
            assertThat(heard).filteredOn(e -> e instanceof Event.OrderAccepted).hasSize(1);
            assertThat(heard).noneMatch(e -> e instanceof Event.CommandRejected);
        }
    }

    @Test
    void durableVenueRestartsWithEveryAppliedCommand(@TempDir Path directory) throws Exception {
        byte[] before;
        try (EmbeddedVenue venue = new EmbeddedVenue(
                JournaledEngine.open(directory, EngineConfig.defaults(), Durability.PROCESS_CRASH, KEY))) {
            SmallMarket.opening().forEach(venue::submit);
            SmallMarket.crossingOrders(5).forEach(venue::submit);
            assertThat(venue.query(engine -> engine.balance(SmallMarket.ALICE_ACCOUNT, "ASML"))
                    .get(5, TimeUnit.SECONDS)).isEqualTo(15);
            before = venue.query(Engine::snapshot).get(5, TimeUnit.SECONDS);
        }

        try (EmbeddedVenue reopened = new EmbeddedVenue(
                JournaledEngine.open(directory, EngineConfig.defaults(), Durability.PROCESS_CRASH, KEY))) {
            byte[] after = reopened.query(Engine::snapshot).get(5, TimeUnit.SECONDS);
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void aListenerNeverHearsAnEventOfACommandWhoseCommitHasNotReturned() throws Exception {
        // Given a host that remembers which command made each event and how far its group commit has returned
        CommitRecordingHost host = new CommitRecordingHost(new Engine(EngineConfig.defaults()));
        List<String> shownTooEarly = new CopyOnWriteArrayList<>();
        AtomicInteger heard = new AtomicInteger();
        try (EmbeddedVenue venue = new EmbeddedVenue(host)) {
            venue.subscribe(event -> {
                heard.incrementAndGet();
                long command = host.commandOf(event);
                if (command > host.committedThrough) {
                    shownTooEarly.add(event + " of command " + command + ", committed through "
                            + host.committedThrough);
                }
            });

            // When commands arrive in several batches
            SmallMarket.opening().forEach(venue::submit);
            for (Command order : SmallMarket.crossingOrders(20)) {
                venue.submit(order);
                Thread.onSpinWait();
            }
            long produced = venue.query(engine -> host.eventsProduced).get(5, TimeUnit.SECONDS);

            // Then every event was heard, and none before the commit that covers its command
            assertThat(host.commits).isGreaterThan(0);
            assertThat(heard.get()).isEqualTo(produced).isPositive();
            assertThat(shownTooEarly).isEmpty();
        }
    }

    @Test
    void aQueryAnswersFromCommittedStateWhoseEventsTheListenersHaveAlreadyHeard() throws Exception {
        CommitRecordingHost host = new CommitRecordingHost(new Engine(EngineConfig.defaults()));
        AtomicInteger heard = new AtomicInteger();
        try (EmbeddedVenue venue = new EmbeddedVenue(host)) {
            venue.subscribe(event -> heard.incrementAndGet());

            // Given commands queued just ahead of a query, in the same drain
            SmallMarket.opening().forEach(venue::submit);
            SmallMarket.crossingOrders(10).forEach(venue::submit);
            long[] atQuery = venue.query(engine -> new long[]{host.applied - host.committedThrough,
                    host.eventsProduced - heard.get()}).get(5, TimeUnit.SECONDS);

            // Then the query ran after their commit and after the listeners heard them
            assertThat(atQuery[0]).as("commands applied but not committed").isZero();
            assertThat(atQuery[1]).as("events produced but not yet heard").isZero();
        }
    }

    @Test
    void latencyRunsFromSubmitUntilTheCommitThatAcknowledgesTheCommand() throws Exception {
        long commitNanos = TimeUnit.MILLISECONDS.toNanos(20);
        CommitRecordingHost host = new CommitRecordingHost(new Engine(EngineConfig.defaults()), commitNanos);
        try (EmbeddedVenue venue = new EmbeddedVenue(host)) {
            SmallMarket.opening().forEach(venue::submit);
            venue.query(engine -> null).get(5, TimeUnit.SECONDS);

            assertThat(venue.lastLatencyNanos()).isGreaterThanOrEqualTo(commitNanos);
        }
    }

    /**
     * The bare engine behind a pretend journal: each event is tagged with the number of the command that made it,
     * and {@code committedThrough} moves up to the last applied command only when {@link #endOfBatch} returns
     * (after an optional pause standing for the disk). Engine thread only, like every host.
     */
    private static final class CommitRecordingHost implements EngineHost {
        private final Engine engine;
        private final long commitNanos;
        private final Map<Event, Long> commandOfEvent = new IdentityHashMap<>();
        volatile long applied;
        volatile long committedThrough;
        volatile long eventsProduced;
        volatile int commits;

        CommitRecordingHost(Engine engine) {
            this(engine, 0);
        }

        CommitRecordingHost(Engine engine, long commitNanos) {
            this.engine = engine;
            this.commitNanos = commitNanos;
        }

        @Override
        public void apply(Command command, EventSink sink) {
            long number = ++applied;
            engine.apply(command, event -> {
                commandOfEvent.put(event, number);
                eventsProduced++;
                sink.onEvent(event);
            });
        }

        @Override
        public void endOfBatch() {
            long until = System.nanoTime() + commitNanos;
            for (long left = commitNanos; left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            committedThrough = applied;
            commits++;
        }

        long commandOf(Event event) {
            Long number = commandOfEvent.get(event);
            if (number == null) {
                throw new AssertionError("an event the host never produced: " + event);
            }
            return number;
        }

        @Override
        public Engine engine() {
            return engine;
        }

        @Override
        public void close() {
        }
    }
}
