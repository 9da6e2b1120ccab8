package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.protocol.Command;
import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Round trip from {@code Venue.submit} to the cluster's acknowledgement on loopback, for a one-node and a
 * three-node cluster at fixed offered rates, next to Aeron's own UDP ping/pong on the same machine in the same run.
 * Latency is measured from each order's <em>intended</em> send time (open loop), so a stall delays every order
 * scheduled behind it: coordinated omission is corrected by construction. Then a closed burst finds the
 * throughput one client sustains. Everything uses back-off idle strategies (no busy spin: two shared cores).
 *
 * <p>Run: {@code mvn -pl engine-cluster test-compile exec:exec@bench -Dbench.args=smoke} (seconds) or
 * {@code -Dbench.args=full}.
 */
public final class VenueLatencyBenchmark {
    private VenueLatencyBenchmark() {
    }

    record Row(String what, long orders, Histogram rtt, double achievedPerSecond) {
    }

    /** Stop offering once this many seconds of orders wait unacknowledged: the level is past saturation. */
    private static final long MAX_BACKLOG_SECONDS = 2;

    public static void main(String[] args) throws Exception {
        boolean smoke = args.length > 0 && args[0].equals("smoke");
        Duration perLevel = smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        int[] rates = smoke ? new int[] {10_000} : new int[] {10_000, 100_000};
        List<Row> rows = new ArrayList<>();
        rows.add(pingPong(smoke ? 20_000 : 200_000));
        for (int nodes : new int[] {1, 3}) {
            try (LoopbackCluster cluster = LoopbackCluster.start("bench-" + nodes, nodes, BusinessTime.CLUSTER_LOG,
                    "backoff")) {
                Traders traders = Traders.open(cluster);
                traders.run(2_000, 2_000, null); // warm-up: JIT, page faults, book levels
                for (int rate : rates) {
                    Histogram rtt = new Histogram(3_600_000_000_000L, 3);
                    long orders = rate * perLevel.toSeconds();
                    double achieved = traders.run(rate, orders, rtt);
                    String what = nodes + "-node cluster, offered " + rate + "/s"
                            + (traders.saturatedAt >= 0 ? " (saturated: stopped after " + traders.saturatedAt + ")" : "");
                    rows.add(new Row(what, traders.saturatedAt >= 0 ? traders.saturatedAt : orders, rtt, achieved));
                }
                Histogram burst = new Histogram(3_600_000_000_000L, 3);
                long orders = smoke ? 20_000 : 200_000;
                double achieved = traders.run(Integer.MAX_VALUE, orders, burst);
                rows.add(new Row(nodes + "-node cluster, as fast as acked (burst)", orders, burst, achieved));
            }
        }
        print(rows);
        System.exit(0);
    }

    /** Two traders crossing each other at one price, so every pair trades and the book stays small. */
    private static final class Traders implements CommandOutcomeListener {
        private final ClusterVenue buyer;
        private final ClusterVenue seller;
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private long[] intended = new long[0];
        private volatile Histogram histogram;
        private long nextBuy = 1_000;
        private long nextSell = 500_000_000;
        private long base;
        long saturatedAt = -1;

        private Traders(ClusterVenue buyer, ClusterVenue seller) {
            this.buyer = buyer;
            this.seller = seller;
        }

        static Traders open(LoopbackCluster cluster) {
            ClusterVenue system = cluster.venue(Market.SYSTEM);
            VenueRecorder backOffice = VenueRecorder.on(system);
            Market.opening().forEach(system::submit);
            LoopbackCluster.await(Duration.ofSeconds(60), "the opening",
                    () -> backOffice.settled() == Market.opening().size());
            system.close(); // a back-office session would receive every event of the run; the traders are measured

            Traders traders = new Traders(cluster.venue(Market.BUYER), cluster.venue(Market.SELLER));
            traders.buyer.onOutcome(traders);
            traders.seller.onOutcome(traders);
            return traders;
        }

        /** Offers {@code orders} at {@code rate}/s (MAX_VALUE: back to back); returns acknowledgements per second. */
        double run(int rate, long orders, Histogram rtt) {
            intended = new long[(int) orders];
            base = nextBuy - 1_000 + nextSell - 500_000_000;
            histogram = rtt;
            acknowledged.set(0);
            saturatedAt = -1;
            long sent = orders;
            long interval = rate == Integer.MAX_VALUE ? 0 : 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                long due = start + i * interval;
                // Park rather than spin: the sender must not take one of the two cores from the cluster.
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    if (wait > 30_000) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait - 20_000);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                intended[i] = interval == 0 ? System.nanoTime() : due;
                boolean buy = (i & 1) == 0;
                Command order = buy ? Market.buy(nextBuy++, 10_000, 1) : Market.sell(nextSell++, 10_000, 1);
                while (!(buy ? buyer : seller).submit(order)) {
                    Thread.onSpinWait();
                }
                if (interval > 0 && i - acknowledged.get() > MAX_BACKLOG_SECONDS * rate) {
                    saturatedAt = i + 1;
                    sent = i + 1;
                    break;
                }
                if (interval == 0) {
                    // Closed loop for the burst: keep at most 4,096 orders in flight.
                    while (i - acknowledged.get() > 4_096) {
                        java.util.concurrent.locks.LockSupport.parkNanos(10_000);
                    }
                }
            }
            long expected = sent;
            LoopbackCluster.await(Duration.ofSeconds(300), "acknowledgements", () -> acknowledged.get() >= expected);
            long elapsed = System.nanoTime() - start;
            return expected * 1e9 / elapsed;
        }

        @Override
        public void acknowledged(Command command, long logPosition) {
            long now = System.nanoTime();
            Command.PlaceOrder order = (Command.PlaceOrder) command;
            long index = order.userId() == Market.BUYER
                    ? 2 * (order.orderId() - 1_000) : 2 * (order.orderId() - 500_000_000) + 1;
            int slot = (int) (index - base);
            Histogram h = histogram;
            if (h != null && slot >= 0 && slot < intended.length) {
                h.recordValue(Math.max(1, now - intended[slot]));
            }
            acknowledged.incrementAndGet();
        }

        @Override
        public void failed(Command command, String reason) {
            failed.incrementAndGet();
            acknowledged.incrementAndGet();
        }
    }

    /** Aeron's own round trip: ping over UDP loopback, echoed by a pong thread, same driver settings as the venues. */
    private static Row pingPong(int messages) throws Exception {
        Path dir = Path.of("target", "bench-pingpong-" + System.nanoTime()).toAbsolutePath();
        MediaDriver driver = MediaDriver.launch(new MediaDriver.Context().aeronDirectoryName(dir.toString())
                .threadingMode(ThreadingMode.SHARED).sharedIdleStrategy(new BackoffIdleStrategy(10, 20, 1_000, 100_000))
                .termBufferSparseFile(true).publicationTermBufferLength(256 * 1024).dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
        Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread pong = null;
        try {
            String pingChannel = "aeron:udp?endpoint=localhost:" + (40_000 + (int) (System.nanoTime() % 1000));
            String pongChannel = "aeron:udp?endpoint=localhost:" + (41_000 + (int) (System.nanoTime() % 1000));
            Publication pingPub = aeron.addPublication(pingChannel, 1001);
            Subscription pingSub = aeron.addSubscription(pingChannel, 1001);
            Publication pongPub = aeron.addPublication(pongChannel, 1002);
            Subscription pongSub = aeron.addSubscription(pongChannel, 1002);
            while (!pingPub.isConnected() || !pongPub.isConnected()) {
                Thread.sleep(1);
            }
            pong = new Thread(() -> {
                BackoffIdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, 100_000);
                while (running.get()) {
                    int read = pingSub.poll((buffer, offset, length, header) -> {
                        while (pongPub.offer(buffer, offset, length) < 0) {
                            Thread.onSpinWait();
                        }
                    }, 16);
                    idle.idle(read);
                }
            }, "pong");
            pong.start();
            UnsafeBuffer message = new UnsafeBuffer(new byte[32]);
            Histogram rtt = new Histogram(3_600_000_000_000L, 3);
            BackoffIdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, 100_000);
            boolean[] got = new boolean[1];
            long started = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                long sent = System.nanoTime();
                message.putLong(0, sent);
                while (pingPub.offer(message, 0, 32) < 0) {
                    Thread.onSpinWait();
                }
                got[0] = false;
                while (!got[0]) {
                    idle.idle(pongSub.poll((buffer, offset, length, header) -> got[0] = true, 1));
                }
                idle.reset();
                rtt.recordValue(System.nanoTime() - sent);
            }
            double rate = messages * 1e9 / (System.nanoTime() - started);
            return new Row("Aeron UDP ping/pong (closed loop)", messages, rtt, rate);
        } finally {
            running.set(false);
            if (pong != null) {
                pong.join(5_000);
            }
            CloseHelper.quietCloseAll(aeron, driver);
        }
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("| run | orders | p50 µs | p99 µs | p99.9 µs | max µs | achieved /s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            Histogram h = row.rtt();
            System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %,.0f |%n", row.what(), row.orders(),
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, row.achievedPerSecond());
        }
    }
}
