package com.bourse.app.desktop;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.port.ConnectionState;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.port.VenueMode;
import com.bourse.ui.view.Workstation;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk officer's approval flow LIVE, against a real one-node production cluster on loopback: a trader's large
 * order is held by the cluster's engine, the officer's live window shows it in the approval queue (one held before
 * the window opened as well as one held while it is open), the officer approves it from the keyboard, and it
 * trades: the trader's live blotter shows the fill.
 */
class LiveRiskDeskTest {
    static final long ALICE = 2;
    static final long ALICE_ACCOUNT = 1001;
    static final long ALICE_US_ACCOUNT = 1003;
    static final long VICTOR = 5;
    static final long MSFT = 6;

    @TempDir
    Path home;
    private LiveCluster cluster;
    private DesktopDriver driver;

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void largeOrderHeldLiveIsApprovedInTheOfficersLiveWindowAndTradesOnTheTradersBlotter() throws Exception {
        cluster = LiveCluster.start(home.resolve("cluster"));
        driver = new DesktopDriver(home.resolve("desk"));
        Desktop desktop = driver.start(driver.config().live(cluster.settings()));
        LiveCluster.seed(desktop.live());

        // Given Bob offers 700 AIR in two orders, each below the review threshold, so both rest on the book.
        Workstation bob = driver.signIn("bob", "bob-training-1", 40);
        driver.fxRun(() -> bob.context().setConfirmer(check -> true));
        for (int k = 0; k < 2; k++) {
            TradingScenes.fillTicket(driver, bob, "AIR", Side.SELL, "350", LiveDesktopTest.AIR_PRICE);
            driver.fxRun(() -> bob.ticket().send());
        }
        driver.waitUntil(() -> bob.context().desk().workingOrders().size() == 2, 15);
        assertThat(driver.fx(() -> bob.context().desk().workingOrders().stream()
                .noneMatch(o -> o.status().equals("HELD")))).isTrue();

        // When Alice buys 700 AIR (over 100,000 EUR) before the officer signs in: the cluster's engine holds it.
        driver.fxRun(() -> desktop.showAnotherSignIn());
        Workstation alice = driver.signIn("alice", "alice-training-1", 40);
        driver.fxRun(() -> alice.context().setConfirmer(check -> true));
        OrderRow earlier = largeAirbusBuy(alice);
        // And Victor switches off Alice's US account and halts MSFT before Rita signs in (from another desktop).
        try (ClusterVenue victor = desktop.live().connect(com.bourse.cluster.identity.ScramCredentials.password(
                "victor", "victor-training-1".toCharArray()))) {
            java.util.concurrent.CountDownLatch acks = new java.util.concurrent.CountDownLatch(2);
            victor.onOutcome(new com.bourse.cluster.client.CommandOutcomeListener() {
                @Override
                public void acknowledged(com.bourse.protocol.Command command, long logPosition) {
                    acks.countDown();
                }

                @Override
                public void failed(com.bourse.protocol.Command command, String reason) {
                }
            });
            victor.submit(new com.bourse.protocol.Command.EngageKillSwitch(System.currentTimeMillis(), VICTOR,
                    ALICE_US_ACCOUNT));
            victor.submit(new com.bourse.protocol.Command.HaltInstrument(System.currentTimeMillis(), VICTOR, MSFT));
            assertThat(acks.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("both acknowledged").isTrue();
        }

        // Then the officer's live window starts with it, with the score parts the cluster's engine gave it, and
        // with the kill switch and the halt set before it opened.
        driver.fxRun(() -> desktop.showAnotherSignIn());
        Workstation rita = driver.signIn("rita", "rita-training-1", 40);
        assertThat(driver.fx(rita::hasRiskDesk)).isTrue();
        assertThat(rita.context().session().mode()).isEqualTo(VenueMode.LIVE);
        ReviewItem heldAtConnect = heldAtTheDesk(rita, earlier.orderId());
        assertThat(heldAtConnect.accountId()).isEqualTo(ALICE_ACCOUNT);
        assertThat(heldAtConnect.userId()).isEqualTo(ALICE);
        assertThat(heldAtConnect.quantity()).isEqualTo(700);
        assertThat(heldAtConnect.notional()).isEqualTo(700 * LiveDesktopTest.AIR_PRICE_UNITS);
        assertThat(heldAtConnect.reason()).isEqualTo(com.bourse.protocol.ErrorCode.LARGE_AMOUNT);
        assertThat(heldAtConnect.amountBps() + heldAtConnect.frequencyBps() + heldAtConnect.patternBps())
                .isPositive();
        assertThat(heldAtConnect.raisedAt()).isPositive();
        assertThat(driver.fx(() -> rita.reviewQueue().accounts().stream()
                .filter(com.bourse.ui.port.RiskSnapshot.RiskAccount::killSwitch)
                .map(com.bourse.ui.port.RiskSnapshot.RiskAccount::accountId).toList()))
                .containsExactly(ALICE_US_ACCOUNT);
        assertThat(driver.fx(() -> java.util.Set.copyOf(rita.reviewQueue().halted()))).containsExactly(MSFT);

        // And an order held while the window is open arrives with the score the cluster's engine gave it.
        OrderRow held = largeAirbusBuy(alice);
        ReviewItem item = heldAtTheDesk(rita, held.orderId());
        assertThat(item.subject()).isEqualTo(ReviewSubject.ORDER);
        assertThat(item.accountId()).isEqualTo(ALICE_ACCOUNT);
        assertThat(item.userId()).isEqualTo(ALICE);
        assertThat(item.side()).isEqualTo(Side.BUY);
        assertThat(item.quantity()).isEqualTo(700);
        assertThat(item.notional()).isEqualTo(700 * LiveDesktopTest.AIR_PRICE_UNITS);
        assertThat(item.amountBps() + item.frequencyBps() + item.patternBps()).isPositive();
        assertThat(driver.fx(() -> rita.reviewQueue().items().size())).isEqualTo(2);

        // And once the officer approves from the keyboard, it trades against Bob's offers on Alice's blotter.
        driver.fxRun(() -> {
            rita.stage().toFront();
            rita.approvalQueue().table().getSelectionModel().select(item);
            rita.approvalQueue().table().requestFocus();
        });
        driver.robot.type(KeyCode.A);

        driver.waitUntil(() -> rita.reviewQueue().items().stream().noneMatch(i -> i.subjectId() == held.orderId()),
                15);
        driver.waitUntil(() -> alice.context().desk().balance(ALICE_ACCOUNT, "AIR") == 700, 15);
        assertThat(driver.fx(() -> alice.context().desk().fills().stream()
                .filter(f -> f.orderId() == held.orderId()).count())).isEqualTo(2);
        assertThat(driver.fx(() -> alice.context().desk().workingOrders().stream()
                .noneMatch(o -> o.orderId() == held.orderId()))).isTrue();
        assertThat(driver.fx(() -> rita.reviewQueue().items().stream().map(ReviewItem::subjectId).toList()))
                .containsExactly(earlier.orderId());
    }

    @Test
    void afterTheClusterRestartsTheOfficersQueueIsReloadedBesideTheTradersWindow() throws Exception {
        cluster = LiveCluster.start(home.resolve("cluster"));
        driver = new DesktopDriver(home.resolve("desk"));
        Desktop desktop = driver.start(driver.config().live(cluster.settings()));
        LiveCluster.seed(desktop.live());
        Workstation alice = driver.signIn("alice", "alice-training-1", 40);
        driver.fxRun(() -> alice.context().setConfirmer(check -> true));
        OrderRow held = largeAirbusBuy(alice);
        driver.fxRun(() -> desktop.showAnotherSignIn());
        Workstation rita = driver.signIn("rita", "rita-training-1", 40);
        heldAtTheDesk(rita, held.orderId());
        ClusterVenue ritasVenue = ((LiveSession) rita.context().session()).venue();
        // As if the officer's window had missed what the cluster said while cut off: an empty queue.
        driver.fxRun(() -> rita.reviewQueue().load(new com.bourse.ui.port.RiskSnapshot(java.util.List.of(),
                java.util.List.of(), java.util.Set.of(), java.util.Map.of())));
        driver.waitUntil(() -> rita.reviewQueue().items().isEmpty(), 5);

        cluster.restart();

        // Then the desk asks the cluster again: the held order is back in the queue, and the officer's own session
        // (its trader side, which listens to the same venue) resynced too.
        driver.waitUntil(() -> ritasVenue.leaderChanges() > 0
                && rita.context().session().connectionState() == ConnectionState.CONNECTED, 60);
        heldAtTheDesk(rita, held.orderId());
        assertThat(driver.fx(() -> rita.reviewQueue().items().size())).isEqualTo(1);
    }

    @Test
    void aTradersLiveWindowOpenedAfterHerOrderWasHeldSaysWhyItWaits() throws Exception {
        cluster = LiveCluster.start(home.resolve("cluster"));
        driver = new DesktopDriver(home.resolve("desk"));
        Desktop desktop = driver.start(driver.config().live(cluster.settings()));
        LiveCluster.seed(desktop.live());
        Workstation alice = driver.signIn("alice", "alice-training-1", 40);
        driver.fxRun(() -> alice.context().setConfirmer(check -> true));
        OrderRow held = largeAirbusBuy(alice);
        String reason = driver.fx(() -> alice.context().desk().workingOrders().stream()
                .filter(o -> o.orderId() == held.orderId()).findFirst().orElseThrow().reason());
        assertThat(reason).isNotBlank();

        driver.fxRun(() -> desktop.showAnotherSignIn());
        Workstation again = driver.signIn("alice", "alice-training-1", 40);

        driver.waitUntil(() -> again.context().desk().workingOrders().stream()
                .anyMatch(o -> o.orderId() == held.orderId()), 15);
        assertThat(driver.fx(() -> again.context().desk().workingOrders().stream()
                .filter(o -> o.orderId() == held.orderId()).findFirst().orElseThrow()))
                .satisfies(o -> {
                    assertThat(o.status()).isEqualTo("HELD");
                    assertThat(o.reason()).isEqualTo(reason);
                });
    }

    /** Alice buys 700 AIR at its reference price, over 100,000 EUR: held for review. */
    private OrderRow largeAirbusBuy(Workstation alice) {
        int before = driver.fx(() -> (int) alice.context().desk().workingOrders().stream()
                .filter(o -> o.status().equals("HELD")).count());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "700", LiveDesktopTest.AIR_PRICE);
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .filter(o -> o.status().equals("HELD")).count() == before + 1, 15);
        return driver.fx(() -> alice.context().desk().workingOrders().stream()
                .filter(o -> o.status().equals("HELD")).max(java.util.Comparator.comparingLong(OrderRow::orderId))
                .orElseThrow());
    }

    private ReviewItem heldAtTheDesk(Workstation rita, long orderId) {
        driver.waitUntil(() -> rita.reviewQueue().items().stream().anyMatch(i -> i.subjectId() == orderId), 15);
        return driver.fx(() -> rita.reviewQueue().items().stream().filter(i -> i.subjectId() == orderId)
                .findFirst().orElseThrow());
    }
}
