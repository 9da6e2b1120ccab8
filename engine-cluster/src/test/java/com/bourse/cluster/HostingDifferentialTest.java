package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same command stream through the embedded engine and through the cluster gives the same events: the
 * cluster only translates SBE to commands and back. The cluster keeps the clients' business time here
 * ({@link BusinessTime#AS_SENT}) so timestamps can be compared; the back office sees every event in log order.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostingDifferentialTest {
    private static final long SEED = Long.getLong("differential.seed", 424_242L);

    @Test
    void seededStreamGivesEqualEventsEmbeddedAndClustered() {
        List<Command> stream = new ArrayList<>(Market.opening());
        stream.addAll(trading(new Random(SEED), 150));
        List<Event> embedded = new ArrayList<>();
        Engine engine = new Engine(EngineConfig.defaults());
        // The cluster registers its users from its user directory when they are created, before the stream: the
        // embedded engine does the same first, and those events (sent before anyone listened) are not compared.
        Market.registrations().forEach(command -> engine.apply(command, event -> { }));
        stream.forEach(command -> engine.apply(command, embedded::add));

        try (LoopbackCluster cluster = LoopbackCluster.start("differential", 1, BusinessTime.AS_SENT)) {
            ClusterVenue system = cluster.venue(Market.SYSTEM);
            VenueRecorder backOffice = VenueRecorder.on(system);
            ClusterVenue buyer = cluster.venue(Market.BUYER);
            ClusterVenue seller = cluster.venue(Market.SELLER);
            VenueRecorder buyerOutcomes = VenueRecorder.on(buyer);
            VenueRecorder sellerOutcomes = VenueRecorder.on(seller);
            int settled = 0;
            for (Command command : stream) {
                VenueRecorder recorder = command.userId() == Market.BUYER ? buyerOutcomes
                        : command.userId() == Market.SELLER ? sellerOutcomes : backOffice;
                ClusterVenue venue = command.userId() == Market.BUYER ? buyer
                        : command.userId() == Market.SELLER ? seller : system;
                int before = recorder.settled();
                venue.submit(command);
                // One at a time, so the cluster's order is the stream's order.
                LoopbackCluster.await(Duration.ofSeconds(30), "ack of " + command,
                        () -> recorder.settled() == before + 1);
                settled++;
            }
            LoopbackCluster.await(Duration.ofSeconds(30), "every event",
                    () -> backOffice.events.size() >= embedded.size());
            assertThat(settled).isEqualTo(stream.size());
            assertThat(backOffice.failures).isEmpty();
            assertThat(buyerOutcomes.failures).isEmpty();
            assertThat(sellerOutcomes.failures).isEmpty();
            assertThat(embedded).hasSizeGreaterThan(stream.size());
            assertThat(backOffice.events).containsExactlyElementsOf(embedded);
        }
    }

    /** Limit, market and IOC orders around the reference price, cancels and replaces, from both traders. */
    private static List<Command> trading(Random random, int count) {
        List<Command> commands = new ArrayList<>();
        List<long[]> live = new ArrayList<>(); // orderId, userId
        long nextBuy = 1_000;
        long nextSell = 500_000;
        long t = Market.START + 1_000_000;
        for (int i = 0; i < count; i++) {
            t += random.nextInt(50);
            int kind = random.nextInt(10);
            if (kind < 6 || live.isEmpty()) {
                boolean buy = random.nextBoolean();
                long user = buy ? Market.BUYER : Market.SELLER;
                long account = buy ? Market.BUYER_ACCOUNT : Market.SELLER_ACCOUNT;
                long orderId = buy ? ++nextBuy : ++nextSell;
                long price = 10_000 + 5L * (random.nextInt(21) - 10);
                long quantity = 1 + random.nextInt(20);
                Command.PlaceOrder order = kind == 0
                        ? Command.PlaceOrder.market(t, user, orderId, account, Market.ACME.id(), buy ? Side.BUY : Side.SELL,
                        quantity)
                        : new Command.PlaceOrder(t, user, orderId, account, Market.ACME.id(), buy ? Side.BUY : Side.SELL,
                        OrderType.LIMIT, kind == 1 ? TimeInForce.IOC : TimeInForce.GTC, price, 0, quantity, 0, false);
                commands.add(order);
                live.add(new long[] {orderId, user});
            } else if (kind < 8) {
                long[] target = live.remove(random.nextInt(live.size()));
                commands.add(new Command.CancelOrder(t, target[1], target[0]));
            } else {
                long[] target = live.get(random.nextInt(live.size()));
                commands.add(new Command.ReplaceOrder(t, target[1], target[0], 10_000 + 5L * (random.nextInt(21) - 10),
                        1 + random.nextInt(20)));
            }
        }
        return commands;
    }
}
