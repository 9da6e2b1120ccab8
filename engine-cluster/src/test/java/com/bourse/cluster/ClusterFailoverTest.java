package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.node.ClusterNode;
import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.WorkingOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A three-node cluster on loopback loses its leader in the middle of a stream of orders from two traders: a new
 * leader takes over, every acknowledged order and trade is still there, the traders carry on, and the killed node
 * comes back and catches up to byte-identical engine state.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterFailoverTest {
    private static final int PAIRS = 40;
    private static final int KILL_AFTER_PAIRS = 12;
    @RegisterExtension
    final ThreeNodeCluster nodes = new ThreeNodeCluster("failover");
    private LoopbackCluster cluster;

    @Test
    void acknowledgedOrdersAndTradesSurviveTheLossOfTheLeaderAndTheRestartedNodeCatchesUp() throws Exception {
        // Given a funded market on three nodes and two traders connected
        cluster = nodes.start();
        cluster.open(Market.opening());
        ClusterVenue buyerVenue = cluster.venue(Market.BUYER);
        ClusterVenue sellerVenue = cluster.venue(Market.SELLER);
        VenueRecorder buyer = VenueRecorder.on(buyerVenue);
        VenueRecorder seller = VenueRecorder.on(sellerVenue);
        int oldLeader = cluster.awaitLeader(Duration.ofSeconds(30)).memberId();

        // When the leader dies in the middle of a stream of crossing orders
        int tradesSeenBeforeKill = 0;
        for (int i = 1; i <= PAIRS; i++) {
            sellerVenue.submit(Market.sell(500_000 + i, 10_000, 2));
            buyerVenue.submit(Market.buy(1_000 + i, 10_000, 3));
            if (i == KILL_AFTER_PAIRS) {
                int sent = 2 * i;
                LoopbackCluster.await(Duration.ofSeconds(60), "acks before the kill",
                        () -> buyer.settled() + seller.settled() >= sent - 4);
                tradesSeenBeforeKill = buyer.eventsOf(Event.Trade.class).size();
                cluster.kill(oldLeader);
            }
            Thread.sleep(15);
        }
        LoopbackCluster.await(Duration.ofSeconds(120), "every order settled",
                () -> buyer.settled() == PAIRS && seller.settled() == PAIRS);

        // Then a new leader took over and nothing was lost or refused
        ClusterNode newLeader = cluster.awaitLeader(Duration.ofSeconds(60));
        assertThat(newLeader.memberId()).isNotEqualTo(oldLeader);
        assertThat(buyer.failures).isEmpty();
        assertThat(seller.failures).isEmpty();
        assertThat(buyerVenue.leaderChanges() + sellerVenue.leaderChanges()).isPositive();

        // And the traders carry on
        sellerVenue.submit(Market.sell(500_000 + PAIRS + 1, 10_000, 1));
        buyerVenue.submit(Market.buy(1_000 + PAIRS + 1, 10_000, 1));
        LoopbackCluster.await(Duration.ofSeconds(60), "the order after the failover",
                () -> buyer.settled() == PAIRS + 1 && seller.settled() == PAIRS + 1);
        assertThat(buyer.failures).isEmpty();

        // When the killed node restarts, it catches up from the log and snapshots the same engine state
        long commands = Market.opening().size() + 2L * (PAIRS + 1);
        ClusterNode restarted = cluster.startNode(oldLeader);
        LoopbackCluster.await(Duration.ofSeconds(90), "the restarted node to catch up",
                () -> restarted.service().appliedCommands() >= commands);
        assertThat(newLeader.requestSnapshot()).isTrue();
        LoopbackCluster.await(Duration.ofSeconds(60), "a snapshot on every node", () -> {
            for (int m = 0; m < 3; m++) {
                if (cluster.node(m).service().lastEngineSnapshot() == null) {
                    return false;
                }
            }
            return true;
        });
        byte[] reference = restarted.service().lastEngineSnapshot();
        for (int m = 0; m < 3; m++) {
            assertThat(cluster.node(m).service().lastEngineSnapshot()).as("engine snapshot of node %d", m)
                    .isEqualTo(reference);
        }

        // And that state holds every acknowledged order: filled, still working, nothing missing
        Engine engine = Engine.restore(EngineConfig.defaults(), reference);
        long bought = buyer.acknowledged.stream().mapToLong(c -> ((Command.PlaceOrder) c).quantity()).sum();
        long sold = seller.acknowledged.stream().mapToLong(c -> ((Command.PlaceOrder) c).quantity()).sum();
        long buyingLeaves = engine.workingOrders(Market.BUYER_ACCOUNT).stream().mapToLong(WorkingOrder::leaves).sum();
        long sellingLeaves = engine.workingOrders(Market.SELLER_ACCOUNT).stream().mapToLong(WorkingOrder::leaves).sum();
        long position = engine.balance(Market.BUYER_ACCOUNT, "ACME");
        assertThat(position + buyingLeaves).isEqualTo(bought);
        assertThat(Market.SELLER_SHARES - engine.balance(Market.SELLER_ACCOUNT, "ACME") + sellingLeaves).isEqualTo(sold);
        assertThat(position).isEqualTo(sold - sellingLeaves);
        assertThat(engine.tradeCount()).isGreaterThanOrEqualTo(Math.max(1, tradesSeenBeforeKill));
        assertThat(engine.ledgerTotal("EUR")).isZero();
    }
}
