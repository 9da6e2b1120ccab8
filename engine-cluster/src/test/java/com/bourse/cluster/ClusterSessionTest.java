package com.bourse.cluster;

import com.bourse.cluster.client.Blotter;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions with a one-node cluster: who gets in, who sees what, and what a reconnecting client can ask for. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterSessionTest {
    private LoopbackCluster cluster;
    private VenueRecorder buyer;
    private VenueRecorder seller;
    private ClusterVenue buyerVenue;
    /** Order ids rise per account across the whole class, as the engine requires, whatever order tests run in. */
    private final java.util.concurrent.atomic.AtomicLong buyIds = new java.util.concurrent.atomic.AtomicLong(1_000);
    private final java.util.concurrent.atomic.AtomicLong sellIds = new java.util.concurrent.atomic.AtomicLong(500_000);

    @BeforeAll
    void openMarket() {
        cluster = LoopbackCluster.start("session", 1, BusinessTime.CLUSTER_LOG);
        cluster.open(Market.opening());
        buyerVenue = cluster.venue(Market.BUYER);
        buyer = VenueRecorder.on(buyerVenue);
        seller = VenueRecorder.on(cluster.venue(Market.SELLER));
    }

    @AfterAll
    void closeMarket() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1) // on an empty book, so the whole quantity trades between these two orders
    void ordersFromTwoClientsMatchAndEachTraderSeesOnlyTheirOwnAccount() {
        ClusterVenue sellerVenue = cluster.venue(Market.SELLER);
        VenueRecorder sellerSide = VenueRecorder.on(sellerVenue);
        int buyerEventsBefore = buyer.events.size();

        long sellId = sellIds.incrementAndGet();
        long buyId = buyIds.incrementAndGet();
        sellerVenue.submit(Market.sell(sellId, 9_600, 5));
        LoopbackCluster.await(Duration.ofSeconds(30), "the sell", () -> sellerSide.settled() == 1);
        buyerVenue.submit(Market.buy(buyId, 9_600, 5));
        LoopbackCluster.await(Duration.ofSeconds(30), "the trade", () -> !sellerSide.eventsOf(Event.Trade.class).isEmpty()
                && buyer.eventsOf(Event.Trade.class).size() >= 1);

        Event.Trade buyerView = buyer.eventsOf(Event.Trade.class).getLast();
        assertThat(buyerView.quantity()).isEqualTo(5);
        assertThat(buyerView.takerOrderId()).isEqualTo(buyId);
        assertThat(sellerSide.eventsOf(Event.Trade.class).getLast().makerOrderId()).isEqualTo(sellId);
        // The buyer heard the seller's order only as public book data, never as the seller's own events.
        assertThat(buyer.events.subList(buyerEventsBefore, buyer.events.size()))
                .noneMatch(e -> e instanceof Event.OrderAccepted a && a.accountId() == Market.SELLER_ACCOUNT)
                .noneMatch(e -> e instanceof Event.BalanceChanged b && b.accountId() == Market.SELLER_ACCOUNT)
                .anyMatch(e -> e instanceof Event.BookDelta);
    }

    @Test
    void traderWhoIsNotPartyToATradeSeesItOnlyAsAnAnonymousPrint() {
        VenueRecorder watcher = VenueRecorder.on(cluster.venue(Market.WATCHER));
        ClusterVenue sellerVenue = cluster.venue(Market.SELLER);
        VenueRecorder sellerSide = VenueRecorder.on(sellerVenue);

        sellerVenue.submit(Market.sell(sellIds.incrementAndGet(), 10_400, 2));
        LoopbackCluster.await(Duration.ofSeconds(30), "the sell", () -> sellerSide.settled() == 1);
        buyerVenue.submit(Market.buy(buyIds.incrementAndGet(), 10_400, 2));
        LoopbackCluster.await(Duration.ofSeconds(30), "the print", () -> !watcher.eventsOf(Event.Trade.class).isEmpty());

        Event.Trade print = watcher.eventsOf(Event.Trade.class).getFirst();
        assertThat(print.price()).isEqualTo(10_400);
        assertThat(print.quantity()).isPositive();
        assertThat(new long[] {print.makerOrderId(), print.takerOrderId(), print.makerAccountId(),
                print.takerAccountId(), print.makerLeaves(), print.takerLeaves()}).containsOnly(0L);
        assertThat(watcher.events).noneMatch(e -> e instanceof Event.OrderAccepted || e instanceof Event.BalanceChanged
                || e instanceof Event.OrderCancelled);
        assertThat(watcher.events).anyMatch(e -> e instanceof Event.BookDelta);
    }

    @Test
    void commandActingAsAnotherUserIsRefusedAndChangesNothing() {
        int before = buyer.failures.size();

        buyerVenue.submit(Market.sell(sellIds.incrementAndGet(), 10_000, 1)); // the seller's account, sent by the buyer's session

        LoopbackCluster.await(Duration.ofSeconds(30), "the refusal", () -> buyer.failures.size() == before + 1);
        assertThat(buyer.failures.getLast()).contains("WRONG_USER");
        assertThat(buyer.eventsOf(Event.OrderRejected.class).getLast().reason()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void reconnectingTraderGetsTheirWorkingOrdersAndBalancesButNoOneElses() throws Exception {
        long restingId = buyIds.incrementAndGet();
        buyerVenue.submit(Market.buy(restingId, 9_500, 3));
        LoopbackCluster.await(Duration.ofSeconds(30), "the resting buy",
                () -> buyer.acknowledged.stream().anyMatch(c -> c instanceof Command.PlaceOrder p && p.orderId() == restingId));

        Blotter blotter = cluster.venue(Market.BUYER).requestBlotter().get(30, TimeUnit.SECONDS);

        assertThat(blotter.orders()).anyMatch(o -> o.orderId() == restingId && o.leaves() == 3 && o.status().equals("RESTING"));
        assertThat(blotter.orders()).allMatch(o -> o.accountId() == Market.BUYER_ACCOUNT);
        assertThat(blotter.balances()).isNotEmpty().allMatch(b -> b.accountId() == Market.BUYER_ACCOUNT);
    }

    @Test
    void metricsCountCommandsAndSessionsInPrometheusText() throws Exception {
        var node = cluster.node(0);
        try (var exporter = new com.bourse.cluster.metrics.PrometheusExporter(node.metrics(), 0)) {
            var client = java.net.http.HttpClient.newHttpClient();
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + exporter.port() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("bourse_commands_total{member=\"0\"} ")
                    .contains("bourse_command_latency_seconds{member=\"0\",quantile=\"0.99\"}")
                    .contains("bourse_leader_member_id{member=\"0\"} 0");
            assertThat(node.metrics().commands()).isGreaterThanOrEqualTo(Market.opening().size());
            assertThat(node.metrics().sessions()).isGreaterThanOrEqualTo(3);
        }
    }
}
