package com.bourse.backoffice.security;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditRecord;
import com.bourse.backoffice.importexport.BackOfficeFixture;
import com.bourse.backoffice.importexport.TestClock;
import com.bourse.backoffice.store.Page;
import com.bourse.protocol.Command;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CommandOutboxTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(BackOfficeFixture.START);
    final List<Command> sent = new CopyOnWriteArrayList<>();
    final List<String> sendingThreads = new CopyOnWriteArrayList<>();
    final List<CommandGateway.Outcome.NotSent> notSent = new CopyOnWriteArrayList<>();
    BackOffice office;
    CommandGateway gateway;
    Session alice;

    @BeforeEach
    void seeded() {
        office = BackOfficeFixture.seeded(dir, clock);
        gateway = office.commandGateway(command -> {
            sendingThreads.add(Thread.currentThread().getName());
            sent.add(command);
        });
        alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void aWindowOfferingAnOrderReturnsWhileTheAuditTrailWaitsOnTheDiskAndTheOrderIsSentAfterIt() throws Exception {
        // Given the audit trail busy until the disk is done
        CountDownLatch diskDone = new CountDownLatch(1);
        Thread disk = holdTheTrailUntil(diskDone);
        try (CommandOutbox outbox = new CommandOutbox()) {
            Command order = order(1);

            // When the window offers an order, it hears "accepted for sending" without waiting for the trail
            boolean accepted = assertTimeoutPreemptively(PROMPTLY,
                    () -> outbox.offer(gateway, alice, order, notSent::add));
            assertThat(accepted).isTrue();
            assertThat(sent).isEmpty();

            // Then the order goes to the venue, audited, once the disk is done, from the gateway's worker
            diskDone.countDown();
            eventually(() -> sent.size() == 1);
            assertThat(sent).containsExactly(order);
            assertThat(sendingThreads).containsExactly(CommandOutbox.THREAD_NAME);
            assertThat(lastAudit().action()).isEqualTo(AuditAction.ORDER_ENTERED);
            assertThat(notSent).isEmpty();
        } finally {
            diskDone.countDown();
            disk.join();
        }
    }

    @Test
    void theAuditTrailListsCommandsInTheOrderTheVenueReceivesThem() {
        Session rita = BackOfficeFixture.signIn(office, "rita", "rita-training-1");
        List<Command> offered = new ArrayList<>();
        try (CommandOutbox outbox = new CommandOutbox()) {
            for (int i = 1; i <= 40; i++) {
                Command command = i % 3 == 0 ? new Command.EngageKillSwitch(clock.millis(), rita.userId(), 1001)
                        : order(i);
                offered.add(command);
                assertThat(outbox.offer(gateway, i % 3 == 0 ? rita : alice, command, notSent::add)).isTrue();
            }
        }

        assertThat(sent).containsExactlyElementsOf(offered);
        List<String> auditedSubjects = office.audit().entries(Page.first(10_000)).stream()
                .filter(e -> e.action() == AuditAction.ORDER_ENTERED || e.action() == AuditAction.KILL_SWITCH_ENGAGED)
                .map(AuditRecord::subject).toList();
        assertThat(auditedSubjects).containsExactlyElementsOf(offered.stream().map(CommandGateway::subjectOf).toList());
    }

    @Test
    void aRefusedCommandComesBackToItsWindowWithTheReasonAndNeverReachesTheVenue() {
        Command asBob = Command.PlaceOrder.limit(clock.millis(), alice.userId() + 1, 1, 1002, 1, Side.SELL, 68450, 10);
        try (CommandOutbox outbox = new CommandOutbox()) {
            assertThat(outbox.offer(gateway, alice, asBob, notSent::add)).isTrue();
        }

        assertThat(sent).isEmpty();
        assertThat(notSent).singleElement().satisfies(refusal -> {
            assertThat(refusal.command()).isEqualTo(asBob);
            assertThat(refusal.reason()).contains("acts as user");
        });
        assertThat(lastAudit().action()).isEqualTo(AuditAction.COMMAND_REFUSED);
    }

    @Test
    void anOrderTheVenueCannotTakeComesBackToItsWindow() {
        CommandGateway closedVenue = office.commandGateway(command -> {
            throw new IllegalStateException("the simulation is closed or its inbox is full");
        });
        try (CommandOutbox outbox = new CommandOutbox()) {
            outbox.offer(closedVenue, alice, order(1), notSent::add);
        }

        assertThat(notSent).singleElement()
                .satisfies(refusal -> assertThat(refusal.reason()).contains("simulation is closed"));
    }

    @Test
    void aFullOutboxTakesNothingMoreAndWhatItTookIsStillSent() throws Exception {
        CountDownLatch diskDone = new CountDownLatch(1);
        Thread disk = holdTheTrailUntil(diskDone);
        try (CommandOutbox outbox = new CommandOutbox(1)) {
            // Given the worker stuck on the first order's audit and the one waiting place taken by the second
            assertThat(outbox.offer(gateway, alice, order(1), notSent::add)).isTrue();
            eventually(() -> outbox.waiting() == 0);
            assertThat(outbox.offer(gateway, alice, order(2), notSent::add)).isTrue();

            // When a third arrives, then it is refused at once and nothing of it is audited or sent
            assertThat(outbox.offer(gateway, alice, order(3), notSent::add)).isFalse();
            diskDone.countDown();
        } finally {
            diskDone.countDown();
            disk.join();
        }
        assertThat(sent).containsExactly(order(1), order(2));
    }

    @Test
    void ordersThatQueuedWhileTheDiskWasBusyAreAuditedTogetherInOrderWithTheChainIntactAndThenSent()
            throws Exception {
        CountDownLatch diskDone = new CountDownLatch(1);
        Thread disk = holdTheTrailUntil(diskDone);
        List<Command> offered = new ArrayList<>();
        try (CommandOutbox outbox = new CommandOutbox()) {
            // Given a burst of orders offered while the trail is busy with the disk
            for (int i = 1; i <= 20; i++) {
                offered.add(order(i));
                assertThat(outbox.offer(gateway, alice, order(i), notSent::add)).isTrue();
            }
            assertThat(sent).isEmpty();

            // When the disk is done
            diskDone.countDown();
            eventually(() -> sent.size() == 20);
        } finally {
            diskDone.countDown();
            disk.join();
        }

        // Then every order reached the venue in the order offered, each after its audit entry, and the trail still
        // verifies link by link up to its signed head
        assertThat(sent).containsExactlyElementsOf(offered);
        List<String> audited = office.audit().entries(Page.first(10_000)).stream()
                .filter(e -> e.action() == AuditAction.ORDER_ENTERED).map(AuditRecord::subject).toList();
        assertThat(audited).containsExactlyElementsOf(offered.stream().map(CommandGateway::subjectOf).toList());
        assertThat(office.audit().verify().intact()).isTrue();
        assertThat(notSent).isEmpty();
    }

    @Test
    void aRefusalInTheMiddleOfABurstComesBackAloneWhileTheOthersAreSent() throws Exception {
        CountDownLatch diskDone = new CountDownLatch(1);
        Thread disk = holdTheTrailUntil(diskDone);
        Command asBob = Command.PlaceOrder.limit(clock.millis(), alice.userId() + 1, 99, 1002, 1, Side.SELL, 68450, 10);
        try (CommandOutbox outbox = new CommandOutbox()) {
            outbox.offer(gateway, alice, order(1), notSent::add);
            outbox.offer(gateway, alice, asBob, notSent::add);
            outbox.offer(gateway, alice, order(2), notSent::add);
            diskDone.countDown();
        } finally {
            diskDone.countDown();
            disk.join();
        }

        assertThat(sent).containsExactly(order(1), order(2));
        assertThat(notSent).singleElement().satisfies(refusal -> assertThat(refusal.command()).isEqualTo(asBob));
        assertThat(office.audit().entries(Page.first(10_000)).stream().map(AuditRecord::action)
                .filter(a -> a == AuditAction.ORDER_ENTERED || a == AuditAction.COMMAND_REFUSED).toList())
                .containsExactly(AuditAction.ORDER_ENTERED, AuditAction.COMMAND_REFUSED, AuditAction.ORDER_ENTERED);
    }

    @Test
    void closingSendsEverythingAlreadyOfferedAndThenTakesNothing() {
        CommandOutbox outbox = new CommandOutbox();
        for (int i = 1; i <= 20; i++) {
            outbox.offer(gateway, alice, order(i), notSent::add);
        }

        outbox.close();

        assertThat(sent).hasSize(20);
        assertThat(outbox.offer(gateway, alice, order(21), notSent::add)).isFalse();
    }

    private Command.PlaceOrder order(long orderId) {
        return Command.PlaceOrder.limit(BackOfficeFixture.START.toEpochMilli(), alice.userId(), orderId, 1001, 1,
                Side.BUY, 68450, 10);
    }

    private AuditRecord lastAudit() {
        return office.audit().entries(Page.first(10_000)).getLast();
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after " + PROMPTLY).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** A thread holding the audit trail (its appends are serialized on it), as a slow disk would, until told. */
    private Thread holdTheTrailUntil(CountDownLatch diskDone) throws InterruptedException {
        CountDownLatch trailBusy = new CountDownLatch(1);
        Thread disk = Thread.ofPlatform().name("slow-disk")
                .uncaughtExceptionHandler((t, e) -> System.getLogger(CommandOutboxTest.class.getName())
                        .log(System.Logger.Level.ERROR, "slow disk failed", e))
                .start(() -> {
                    synchronized (office.audit()) {
                        trailBusy.countDown();
                        awaitQuietly(diskDone);
                    }
                });
        trailBusy.await();
        return disk;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
