package com.bourse.cluster;

import com.bourse.cluster.client.Backfill;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.MarketState;
import com.bourse.cluster.node.ClusterNode;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import com.bourse.protocol.wire.SessionMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a window opened late asks the cluster for (the {@link Backfill} of a market request): a risk officer who signs
 * in after an order was held sees it with its score parts, and the kill switches and halts set before; a trader sees
 * only their own held orders, with the reason, and today's fills of their accounts; the same after the leader dies.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BackfillTest {
    private static final Instrument BETA = new Instrument(2, "BETA", "EUR", 2, 5, 1, 5_000, 500);
    @RegisterExtension
    final ThreeNodeCluster nodes = new ThreeNodeCluster("backfill");
    private LoopbackCluster cluster;

    @Test
    void aWindowOpenedLateGetsHeldItemsWithTheirScoresKillSwitchesHaltsAndTheDaysFillsAlsoAfterAFailover()
            throws Exception {
        // Given a market on three nodes where, before the officer signs in, the buyer trades, then places an order
        // large enough to be held, the seller's account is switched off and a second instrument halted
        cluster = nodes.start();
        List<Command> opening = new java.util.ArrayList<>(Market.opening());
        opening.add(new Command.ListInstrument(Market.START, Market.SYSTEM, BETA));
        cluster.open(opening);

        ClusterVenue sellerVenue = cluster.venue(Market.SELLER);
        VenueRecorder seller = VenueRecorder.on(sellerVenue);
        ClusterVenue buyerVenue = cluster.venue(Market.BUYER);
        VenueRecorder buyer = VenueRecorder.on(buyerVenue);
        sellerVenue.submit(Market.sell(500_001, 10_000, 5));
        LoopbackCluster.await(Duration.ofSeconds(30), "the sell", () -> seller.settled() == 1);
        buyerVenue.submit(Market.buy(1_001, 10_000, 5));
        buyerVenue.submit(Market.buy(1_002, 10_000, 1_100)); // 110,000 EUR: above the large amount, held
        LoopbackCluster.await(Duration.ofSeconds(30), "the trade and the hold", () -> buyer.settled() == 2);
        Event.RiskAlert alert = buyer.eventsOf(Event.RiskAlert.class).getLast();
        assertThat(alert.subjectId()).isEqualTo(1_002);

        ClusterVenue opsVenue = cluster.venue(Market.OPS);
        VenueRecorder ops = VenueRecorder.on(opsVenue);
        opsVenue.submit(new Command.EngageKillSwitch(Market.START + 200_000, Market.OPS, Market.SELLER_ACCOUNT));
        opsVenue.submit(new Command.HaltInstrument(Market.START + 200_001, Market.OPS, BETA.id()));
        LoopbackCluster.await(Duration.ofSeconds(30), "the kill switch and the halt", () -> ops.settled() == 2);
        assertThat(ops.failures).isEmpty();

        // When an officer signs in afterwards
        Backfill officer = backfillOfNewWindow(Market.OPS, Backfill.Scope.RISK);

        // Then the held order is in their queue with the score parts the engine gave it, the switch and halt are set
        assertThat(officer.known()).isTrue();
        assertThat(officer.heldOrders()).singleElement().satisfies(held -> {
            assertThat(held.orderId()).isEqualTo(1_002);
            assertThat(held.accountId()).isEqualTo(Market.BUYER_ACCOUNT);
            assertThat(held.userId()).isEqualTo(Market.BUYER);
            assertThat(held.side()).isEqualTo(Side.BUY);
            assertThat(held.quantity()).isEqualTo(1_100);
            assertThat(held.price()).isEqualTo(10_000);
            SessionMessage.Review review = held.review();
            assertThat(review.reason()).isEqualTo(ErrorCode.LARGE_AMOUNT).isEqualTo(alert.reason());
            assertThat(new int[]{review.scoreBps(), review.amountBps(), review.frequencyBps(), review.patternBps(),
                    review.ruleMask()}).containsExactly(alert.scoreBps(), alert.amountBps(), alert.frequencyBps(),
                    alert.patternBps(), alert.ruleMask());
            assertThat(review.heldAt()).isPositive();
        });
        assertThat(alert.subject()).isEqualTo(ReviewSubject.ORDER);
        assertThat(officer.killSwitches()).containsExactly(Market.SELLER_ACCOUNT);
        assertThat(officer.haltedInstruments()).containsExactly(BETA.id());
        assertThat(officer.steps()).as("an officer's own accounts only: none").isEmpty();

        // And a trader signing in again sees their own held order with its reason and today's fills, no one else's
        Backfill trader = backfillOfNewWindow(Market.BUYER, Backfill.Scope.RISK_AND_DAY_FILLS);
        assertThat(trader.heldOrders()).extracting(SessionMessage.HeldOrder::orderId).containsExactly(1_002L);
        assertThat(trader.heldOrders().getFirst().review().reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
        assertThat(trader.killSwitches()).as("the seller's switch is not the buyer's business").isEmpty();
        assertThat(trader.haltedInstruments()).containsExactly(BETA.id());
        Event.Trade trade = buyer.eventsOf(Event.Trade.class).getLast();
        assertThat(trader.steps()).containsExactly(new SessionMessage.DayStep(Market.BUYER_ACCOUNT,
                Market.ACME.id(), trade.timestamp(), trade.tradeId(), 1_001, Side.BUY, 10_000, 5, false, 0));
        Backfill sellerDay = backfillOfNewWindow(Market.SELLER, Backfill.Scope.RISK_AND_DAY_FILLS);
        assertThat(sellerDay.killSwitches()).containsExactly(Market.SELLER_ACCOUNT);
        assertThat(sellerDay.steps()).as("the deposit of shares, carried at the reference price, then the fill")
                .extracting(SessionMessage.DayStep::isFill, SessionMessage.DayStep::quantity,
                        SessionMessage.DayStep::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, Market.SELLER_SHARES, 10_000L),
                        org.assertj.core.groups.Tuple.tuple(true, 5L, 10_000L));
        Backfill watcher = backfillOfNewWindow(Market.WATCHER, Backfill.Scope.RISK_AND_DAY_FILLS);
        assertThat(watcher.heldOrders()).isEmpty();
        assertThat(watcher.killSwitches()).isEmpty();
        assertThat(watcher.steps()).isEmpty();

        // When every node snapshots and then the leader dies
        ClusterNode leader = cluster.awaitLeader(Duration.ofSeconds(30));
        assertThat(leader.requestSnapshot()).isTrue();
        LoopbackCluster.await(Duration.ofSeconds(60), "a snapshot on every node", () -> {
            for (int m = 0; m < 3; m++) {
                if (cluster.node(m).service().lastSnapshot() == null) {
                    return false;
                }
            }
            return true;
        });
        byte[] reference = cluster.node(0).service().lastSnapshot();
        for (int m = 1; m < 3; m++) {
            assertThat(cluster.node(m).service().lastSnapshot()).as("service snapshot of node %d", m)
                    .isEqualTo(reference);
        }
        int oldLeader = leader.memberId();
        cluster.kill(oldLeader);
        assertThat(cluster.awaitLeader(Duration.ofSeconds(60)).memberId()).isNotEqualTo(oldLeader);

        // Then an officer and the trader signing in now get the same
        assertThat(backfillOfNewWindow(Market.OPS, Backfill.Scope.RISK)).isEqualTo(officer);
        assertThat(backfillOfNewWindow(Market.BUYER, Backfill.Scope.RISK_AND_DAY_FILLS)).isEqualTo(trader);

        // And the killed node, restarted from its snapshot, catches up to the same record, byte for byte
        ClusterNode restarted = cluster.startNode(oldLeader);
        ClusterNode newLeader = cluster.awaitLeader(Duration.ofSeconds(30));
        ClusterVenue lateOps = cluster.venue(Market.OPS);
        VenueRecorder late = VenueRecorder.on(lateOps);
        lateOps.submit(new Command.ResumeInstrument(Market.START + 300_000, Market.OPS, BETA.id()));
        LoopbackCluster.await(Duration.ofSeconds(30), "the resume", () -> late.settled() == 1);
        assertThat(late.failures).isEmpty();
        LoopbackCluster.await(Duration.ofSeconds(90), "the restarted node to catch up",
                () -> restarted.service().appliedCommands() >= 1);
        assertThat(newLeader.requestSnapshot()).isTrue();
        LoopbackCluster.await(Duration.ofSeconds(90), "a second snapshot on every node", () -> {
            for (int m = 0; m < 3; m++) {
                byte[] bytes = cluster.node(m).service().lastSnapshot();
                if (bytes == null || java.util.Arrays.equals(bytes, reference)) {
                    return false;
                }
            }
            return true;
        });
        byte[] after = newLeader.service().lastSnapshot();
        for (int m = 0; m < 3; m++) {
            assertThat(cluster.node(m).service().lastSnapshot()).as("service snapshot of node %d after", m)
                    .isEqualTo(after);
        }
        assertThat(backfill(lateOps, Backfill.Scope.RISK).haltedInstruments()).isEmpty();
    }

    /** A window that signs in, asks and closes (the cluster allows only so many sessions at once). */
    private Backfill backfillOfNewWindow(long userId, Backfill.Scope scope) throws Exception {
        try (ClusterVenue venue = cluster.venue(userId)) {
            return backfill(venue, scope);
        }
    }

    private static Backfill backfill(ClusterVenue venue, Backfill.Scope scope) throws Exception {
        MarketState state = venue.requestMarket(1, scope, ignored -> { }).get(30, TimeUnit.SECONDS);
        return state.backfill();
    }
}
