package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SignInResult;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Role;
import com.bourse.protocol.Side;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TraderIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A window's submit on the store-backed simulation: it hands the order over and returns at once (the FX thread
 * calls it), the checks and the send happen on the command gateway's worker, the order and its audit entry become
 * durable in one journal write, and what was not sent comes back to the window as a notice.
 */
class SimulationSessionSubmitTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TempDir
    Path home;
    SimulationHost host;
    SimulationSession session;
    final List<Event> heard = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aliceSignedIn() throws Exception {
        host = new SimulationHost(new DesktopConfig(home, SampleWorld.locate(), 0, 1, 42));
        Session alice = switch (host.office().signIn().signIn("alice", "alice-training-1".toCharArray())) {
            case SignInResult.SignedIn signedIn -> signedIn.session();
            case SignInResult.Refused refused -> throw new AssertionError(refused.message());
        };
        session = new SimulationSession(host, new TraderIdentity(alice.userId(), "alice", "Alice Martin",
                Role.TRADER.bit()), alice, host.commandGateway(), () -> { });
        session.connect(new MarketFeed() {
            @Override
            public void onEvent(Event event) {
                heard.add(event);
            }

            @Override
            public void reload(MarketSnapshot snapshot) {
            }

            @Override
            public void notice(String message) {
                notices.add(message);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        session.close();
        host.close();
    }

    @Test
    void submitReturnsWhileTheJournalWaitsOnTheDiskAndTheOrderIsHeardAndAuditedOnlyAfterItsForcedWrite()
            throws Exception {
        // Given the engine's thread busy until the disk is done (the journal's group commit runs on it)
        CountDownLatch diskDone = new CountDownLatch(1);
        CountDownLatch engineBusy = new CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Object> slowDisk = host.venue().query(engine -> {
            engineBusy.countDown();
            try {
                diskDone.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        engineBusy.await();
        try {
            Command.PlaceOrder order = restingBuy();

            // When the window submits, it hears "accepted for sending" at once, and neither the window nor the
            // audit trail has the order yet: its entry travels in the same journal record as the order
            boolean accepted = assertTimeoutPreemptively(PROMPTLY, () -> session.submit(order));
            assertThat(accepted).isTrue();
            Thread.sleep(200);
            assertThat(heard).noneMatch(e -> e instanceof Event.OrderAccepted a && a.orderId() == order.orderId());
            assertThat(orderEntries(order)).isZero();

            // Then once the disk is done the order is acknowledged, its acceptance reaches the window, and the
            // trail holds its entry
            diskDone.countDown();
            slowDisk.get(5, TimeUnit.SECONDS);
            eventually(() -> heard.stream().anyMatch(e -> e instanceof Event.OrderAccepted a
                    && a.orderId() == order.orderId()));
            eventually(() -> orderEntries(order) == 1);
            assertThat(host.office().audit().verify().intact()).isTrue();
            assertThat(notices).isEmpty();
        } finally {
            diskDone.countDown();
        }
    }

    private long orderEntries(Command.PlaceOrder order) {
        return host.office().audit().entriesOf(order.userId(), com.bourse.backoffice.store.Page.first(500)).stream()
                .filter(r -> r.action() == com.bourse.backoffice.audit.AuditAction.ORDER_ENTERED
                        && r.subject().equals("order:" + order.orderId() + " account:" + order.accountId()))
                .count();
    }

    @Test
    void anOrderTheGatewayRefusesComesBackToTheWindowAsANoticeAndNeverReachesTheVenue() throws Exception {
        Command.PlaceOrder mine = restingBuy();
        Command.PlaceOrder asSomeoneElse = new Command.PlaceOrder(mine.timestamp(), mine.userId() + 1, mine.orderId(),
                mine.accountId(), mine.instrumentId(), mine.side(), mine.type(), mine.timeInForce(), mine.price(),
                mine.stopPrice(), mine.quantity(), mine.displayQuantity(), mine.postOnly());

        assertThat(session.submit(asSomeoneElse)).isTrue();

        eventually(() -> !notices.isEmpty());
        assertThat(notices).singleElement().asString()
                .startsWith("Order " + mine.orderId() + " was not sent: ").contains("acts as user");
        assertThat(host.venue().query(engine -> engine.lastOrderId(mine.accountId())).get(5, TimeUnit.SECONDS))
                .isLessThan(mine.orderId());
    }

    /** A buy twenty ticks under the reference price of an instrument in the account's currency: it rests. */
    private Command.PlaceOrder restingBuy() {
        AccountView account = session.accounts().getFirst();
        Instrument instrument = session.instruments().stream()
                .filter(i -> i.currency().equals(account.baseCurrency())).findFirst().orElseThrow();
        long price = (instrument.referencePrice() / instrument.tickSize() - 20) * instrument.tickSize();
        return new Command.PlaceOrder(session.now(), session.trader().userId(),
                session.newOrderId(account.accountId()), account.accountId(), instrument.id(), Side.BUY,
                com.bourse.protocol.OrderType.LIMIT, com.bourse.protocol.TimeInForce.GTC, price, 0,
                instrument.lotSize(), 0, false);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after " + PROMPTLY).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
