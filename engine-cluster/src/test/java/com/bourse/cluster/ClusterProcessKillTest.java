package com.bourse.cluster;

import com.bourse.cluster.ProcessCluster.NodeStatus;
import com.bourse.cluster.client.Blotter;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.protocol.Command;
import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.wire.SessionMessage.AccountBalance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.bourse.cluster.LoopbackCluster.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three cluster nodes, each its own JVM started by the real launcher; the leader's process is killed with SIGKILL
 * in the middle of two traders' crossing orders. Another member leads, every order's fate reaches its trader
 * exactly once and every acknowledged one is in the engine, and the killed node started again on its own files
 * catches up to the same engine state as the others.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterProcessKillTest {
    private static final int PAIRS = 40;
    private static final int KILL_AFTER_PAIRS = 12;

    @TempDir
    Path directory;
    private ProcessCluster cluster;

    @RegisterExtension
    final AfterTestExecutionCallback printNodeLogsOnFailure = context -> {
        if (context.getExecutionException().isPresent() && cluster != null) {
            System.out.println(cluster.logs());
        }
    };

    @AfterEach
    void killEveryNode() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLeaderKilledBySigkillLosesNoAcknowledgedOrderAndItsRestartedProcessCatchesUp() throws Exception {
        // Given a funded market on three node processes and two traders connected
        cluster = ProcessCluster.start(directory, 3);
        ClusterVenue system = cluster.venue(Market.SYSTEM);
        Fates backOffice = Fates.on(system);
        Market.opening().forEach(system::submit);
        await(Duration.ofSeconds(30), "the opening", () -> backOffice.reported() >= Market.opening().size());
        ClusterVenue buyerVenue = cluster.venue(Market.BUYER);
        ClusterVenue sellerVenue = cluster.venue(Market.SELLER);
        Fates buyer = Fates.on(buyerVenue);
        Fates seller = Fates.on(sellerVenue);
        int oldLeader = cluster.awaitLeader(Duration.ofSeconds(10));

        // When the leader's process is killed in the middle of a stream of crossing orders
        List<Command> buys = new ArrayList<>();
        List<Command> sells = new ArrayList<>();
        for (int i = 1; i <= PAIRS; i++) {
            sells.add(Market.sell(500_000 + i, 10_000, 2));
            buys.add(Market.buy(1_000 + i, 10_000, 3));
            sellerVenue.submit(sells.getLast());
            buyerVenue.submit(buys.getLast());
            if (i == KILL_AFTER_PAIRS) {
                int sent = 2 * i;
                await(Duration.ofSeconds(30), "acks before the kill",
                        () -> buyer.reported() + seller.reported() >= sent - 4);
                cluster.kill(oldLeader);
            }
            Thread.sleep(15);
        }
        await(Duration.ofSeconds(60), "every order's fate",
                () -> buyer.reported() >= PAIRS && seller.reported() >= PAIRS);

        // Then another member leads, and each order was reported exactly once, acknowledged
        int newLeader = cluster.awaitLeader(Duration.ofSeconds(30));
        assertThat(newLeader).isNotEqualTo(oldLeader);
        assertThat(buyerVenue.leaderChanges() + sellerVenue.leaderChanges()).isPositive();
        assertThat(buyer.all()).containsExactlyInAnyOrderElementsOf(buys);
        assertThat(seller.all()).containsExactlyInAnyOrderElementsOf(sells);
        assertThat(buyer.failed).isEmpty();
        assertThat(seller.failed).isEmpty();

        // And the engine holds every acknowledged order: bought shares plus working leaves equal what was bought
        // (read by the operations user: the installation's bootstrap session cannot follow a leader change)
        Blotter book = cluster.venue(Market.OPS).requestBlotter().get(30, TimeUnit.SECONDS);
        long bought = quantity(buyer.acknowledged);
        long sold = quantity(seller.acknowledged);
        long position = balance(book, Market.BUYER_ACCOUNT, "ACME");
        assertThat(position).isPositive();
        assertThat(position + leaves(book, Market.BUYER_ACCOUNT)).isEqualTo(bought);
        assertThat(Market.SELLER_SHARES - balance(book, Market.SELLER_ACCOUNT, "ACME")
                + leaves(book, Market.SELLER_ACCOUNT)).isEqualTo(sold);
        assertThat(position).isEqualTo(sold - leaves(book, Market.SELLER_ACCOUNT));

        // When the killed node's process starts again on its own directories
        long commands = Market.opening().size() + 2L * PAIRS;
        cluster.startNode(oldLeader);

        // Then it catches up, and a snapshot taken on all three finds the same engine state at the same position
        await(Duration.ofSeconds(60), "every node to have applied all " + commands + " commands",
                () -> statuses().allMatch(s -> s.isPresent() && s.get().commands() == commands));
        assertThat(cluster.requestSnapshot(newLeader)).isTrue();
        await(Duration.ofSeconds(30), "an engine snapshot on every node",
                () -> statuses().allMatch(s -> s.isPresent() && s.get().snapshotLogPosition() >= 0));
        List<NodeStatus> nodes = statuses().map(Optional::orElseThrow).toList();
        NodeStatus reference = nodes.getFirst();
        assertThat(nodes).extracting(NodeStatus::snapshotLogPosition).containsOnly(reference.snapshotLogPosition());
        assertThat(nodes).extracting(NodeStatus::snapshotCrc32).containsOnly(reference.snapshotCrc32());
    }

    private Stream<Optional<NodeStatus>> statuses() {
        return Stream.of(0, 1, 2).map(cluster::status);
    }

    private static long quantity(List<Command> orders) {
        return orders.stream().mapToLong(c -> ((Command.PlaceOrder) c).quantity()).sum();
    }

    private static long balance(Blotter book, long accountId, String asset) {
        return book.balances().stream().filter(b -> b.accountId() == accountId && b.asset().equals(asset))
                .mapToLong(AccountBalance::balance).sum();
    }

    private static long leaves(Blotter book, long accountId) {
        return book.orders().stream().filter(o -> o.accountId() == accountId).mapToLong(WorkingOrder::leaves).sum();
    }

    /** The fate the venue reported for each command: acknowledged or failed, in the order reported. */
    private static final class Fates implements CommandOutcomeListener {
        final List<Command> acknowledged = new CopyOnWriteArrayList<>();
        final List<Command> failed = new CopyOnWriteArrayList<>();

        static Fates on(ClusterVenue venue) {
            Fates fates = new Fates();
            venue.onOutcome(fates);
            return fates;
        }

        @Override
        public void acknowledged(Command command, long logPosition) {
            acknowledged.add(command);
        }

        @Override
        public void failed(Command command, String reason) {
            failed.add(command);
        }

        int reported() {
            return acknowledged.size() + failed.size();
        }

        List<Command> all() {
            return Stream.concat(acknowledged.stream(), failed.stream()).toList();
        }
    }
}
