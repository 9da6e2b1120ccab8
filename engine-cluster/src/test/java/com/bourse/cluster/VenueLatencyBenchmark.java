package com.bourse.cluster;

import com.bourse.bench.support.CpuTable;
import com.bourse.bench.support.GcCounts;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
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

    record Row(String what, long orders, Histogram rtt, double achievedPerSecond, Costs costs) {
    }

    /**
     * What a level cost besides time: events the cluster dropped (egress back-pressure), commands failed, GC, and
     * the CPU it burnt, per thread kind. CPU per order is the figure to compare between runs on a shared machine:
     * other engineers' builds stretch the latencies, much less the CPU our own threads need for an order.
     */
    record Costs(long trades, long rejected, long droppedEvents, long failed, long gcCount, long gcMillis,
                 String loadAverage, CpuSplit cpu) {
        static Meter meter(LoopbackCluster cluster, Traders traders) {
            return new Meter(cluster, traders, traders.trades.get(), traders.rejected.get(), droppedSoFar(cluster),
                    traders.failed.get(), GcCounts.now(), CpuSplit.now());
        }

        record Meter(LoopbackCluster cluster, Traders traders, long trades, long rejected, long dropped, long failed,
                     GcCounts gcAtStart, CpuSplit cpuAtStart) {
            Costs stop() {
                GcCounts gc = GcCounts.since(gcAtStart);
                return new Costs(traders.trades.get() - trades, traders.rejected.get() - rejected,
                        droppedSoFar(cluster) - dropped, traders.failed.get() - failed,
                        gc.collections(), gc.millis(), loadNow(), CpuSplit.now().minus(cpuAtStart));
            }
        }

        private static long droppedSoFar(LoopbackCluster cluster) {
            long dropped = 0;
            for (int i = 0; i < cluster.size(); i++) {
                if (cluster.node(i) != null) {
                    dropped += cluster.node(i).metrics().droppedEvents();
                }
            }
            return dropped;
        }

        /** The 1-minute load average (Linux), so a number is read against how busy the machine was. */
        static String loadNow() {
            try {
                return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (java.io.IOException | RuntimeException e) {
                return "?";
            }
        }
    }

    /** Thread kinds, by the names Aeron and the venue give their threads (all nodes of a kind summed). */
    enum ThreadKind {
        SERVICE("service"), CONSENSUS("consensus module"), ARCHIVE("archive"), NODE_DRIVER("node drivers"),
        CLIENT_DRIVER("client driver"), VENUE("venues"), AERON_CLIENT("Aeron client conductors"),
        BENCH("bench threads"), JVM("JVM (GC, JIT)");

        final String label;

        ThreadKind(String label) {
            this.label = label;
        }

        static ThreadKind of(String name) {
            if (name.startsWith("clustered-service")) {
                return SERVICE;
            } else if (name.startsWith("consensus-module")) {
                return CONSENSUS;
            } else if (name.startsWith("archive")) {
                return ARCHIVE;
            } else if (name.contains("client-driver")) {
                return CLIENT_DRIVER;
            } else if (name.contains("driver-conductor") || name.contains("sender") || name.contains("receiver")) {
                return NODE_DRIVER;
            } else if (name.startsWith("cluster-venue")) {
                return VENUE;
            } else if (name.startsWith("aeron-client")) {
                return AERON_CLIENT;
            }
            return BENCH;
        }
    }

    /** CPU time per thread kind (ns), and of the whole process (GC and JIT threads included). */
    record CpuSplit(long[] nanosByKind, long processNanos) {
        static CpuSplit now() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] byKind = new long[ThreadKind.values().length];
            long known = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    byKind[ThreadKind.of(info.getThreadName()).ordinal()] += cpu;
                    known += cpu;
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            // GC and JIT threads are not Java threads: what the process used beyond the Java threads is theirs.
            byKind[ThreadKind.JVM.ordinal()] += Math.max(0, process - known);
            return new CpuSplit(byKind, process);
        }

        CpuSplit minus(CpuSplit start) {
            long[] delta = new long[nanosByKind.length];
            for (int i = 0; i < delta.length; i++) {
                // A thread that ended during the level takes its CPU with it: never report less than nothing.
                delta[i] = Math.max(0, nanosByKind[i] - start.nanosByKind[i]);
            }
            return new CpuSplit(delta, processNanos - start.processNanos);
        }

        static CpuSplit none() {
            return new CpuSplit(new long[ThreadKind.values().length], 0);
        }

        CpuTable.Line line(String what, long units) {
            return new CpuTable.Line(what, units, processNanos, nanosByKind);
        }

        /** The CPU table of these runs, a column per thread kind. */
        static void print(String unit, List<CpuTable.Line> lines) {
            CpuTable.print(unit, java.util.Arrays.stream(ThreadKind.values()).map(kind -> kind.label).toList(), lines);
        }
    }

    /** Stop offering once this many seconds of orders wait unacknowledged: the level is past saturation. */
    private static final long MAX_BACKLOG_SECONDS = 2;

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<Row> rows = new ArrayList<>();
        rows.add(pingPong(options.pingPongMessages()));
        for (int nodes : options.nodes()) {
            try (LoopbackCluster cluster = LoopbackCluster.start("bench-" + nodes, nodes, BusinessTime.CLUSTER_LOG,
                    options.idle())) {
                Traders traders = Traders.open(cluster);
                traders.run(2_000, 2_000, null); // warm-up: JIT, page faults, book levels
                for (int rate : options.rates()) {
                    Histogram rtt = new Histogram(3_600_000_000_000L, 3);
                    long orders = rate * options.perLevel().toSeconds();
                    Costs.Meter meter = Costs.meter(cluster, traders);
                    double achieved = traders.run(rate, orders, rtt);
                    String what = nodes + "-node cluster, offered " + rate + "/s"
                            + (traders.saturatedAt >= 0 ? " (saturated: stopped after " + traders.saturatedAt + ")" : "");
                    rows.add(new Row(what, traders.saturatedAt >= 0 ? traders.saturatedAt : orders, rtt, achieved,
                            meter.stop()));
                }
                if (options.burstOrders() > 0) {
                    Histogram burst = new Histogram(3_600_000_000_000L, 3);
                    Costs.Meter meter = Costs.meter(cluster, traders);
                    double achieved = traders.run(Integer.MAX_VALUE, options.burstOrders(), burst);
                    rows.add(new Row(nodes + "-node cluster, as fast as acked (burst)", options.burstOrders(), burst,
                            achieved, meter.stop()));
                }
                if (!traders.rejections.isEmpty()) {
                    System.out.println(nodes + "-node cluster: orders rejected by reason " + traders.rejections);
                }
            }
        }
        print(rows);
        System.exit(0);
    }

    /**
     * {@code smoke} (one second per level), {@code full} (five seconds, 10k/s and 100k/s), then optional
     * overrides: {@code nodes=1,3 rates=10000,50000 seconds=3 burst=200000 pingpong=20000 idle=backoff} (idle: the
     * nodes' strategy, see {@code NodeConfig}; the venues and client driver keep back-off).
     */
    record Options(int[] nodes, int[] rates, Duration perLevel, long burstOrders, int pingPongMessages,
                   String idle) {
        static Options parse(String[] args) {
            boolean smoke = args.length > 0 && args[0].equals("smoke");
            Options o = smoke ? new Options(new int[] {1, 3}, new int[] {10_000}, Duration.ofSeconds(1), 20_000, 20_000,
                    "backoff")
                    : new Options(new int[] {1, 3}, new int[] {10_000, 100_000}, Duration.ofSeconds(5), 200_000,
                    200_000, "backoff");
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    if (!arg.equals("smoke") && !arg.equals("full")) {
                        throw new IllegalArgumentException("unknown benchmark argument " + arg
                                + " (smoke, full, nodes=, rates=, seconds=, burst=, pingpong=, idle=)");
                    }
                    continue;
                }
                String key = arg.substring(0, eq);
                String value = arg.substring(eq + 1);
                o = switch (key) {
                    case "nodes" -> new Options(ints(value), o.rates, o.perLevel, o.burstOrders, o.pingPongMessages,
                            o.idle);
                    case "rates" -> new Options(o.nodes, ints(value), o.perLevel, o.burstOrders, o.pingPongMessages,
                            o.idle);
                    case "seconds" -> new Options(o.nodes, o.rates, Duration.ofSeconds(Long.parseLong(value)),
                            o.burstOrders, o.pingPongMessages, o.idle);
                    case "burst" -> new Options(o.nodes, o.rates, o.perLevel, Long.parseLong(value),
                            o.pingPongMessages, o.idle);
                    case "pingpong" -> new Options(o.nodes, o.rates, o.perLevel, o.burstOrders,
                            Integer.parseInt(value), o.idle);
                    case "idle" -> new Options(o.nodes, o.rates, o.perLevel, o.burstOrders, o.pingPongMessages,
                            value);
                    default -> throw new IllegalArgumentException("unknown benchmark setting " + key);
                };
            }
            return o;
        }

        private static int[] ints(String csv) {
            return csv.isBlank() ? new int[0]
                    : java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
        }
    }

    /**
     * Two traders crossing each other at one price, so every pair trades and the book stays small. They swap
     * sides every thousand pairs, and both hold cash and shares, so the run never turns into a stream of
     * rejections for want of either (before, the buyer's cash ran out after 2,000 buys and most orders measured
     * were rejected buys and resting sells).
     */
    private static final class Traders implements CommandOutcomeListener {
        private final ClusterVenue buyer;
        private final ClusterVenue seller;
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        /** Trades the buyer saw (it is a party to every one) and orders either trader had rejected. */
        private final AtomicLong trades = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final java.util.Map<ErrorCode, AtomicLong> rejections = new java.util.concurrent.ConcurrentHashMap<>();
        /** Pairs between side swaps: 1,000 buys of 1 at 100.00 use half of a trader's 200,000.00 EUR. */
        private static final int SIDE_SWAP = 1_000;
        /** The burst's closed loop: orders in flight (Little: 2,048 at 10 ms round trip is still 200k/s). */
        private static final int BURST_IN_FLIGHT = 2_048;
        private long[] intended = new long[0];
        private volatile Histogram histogram;
        private long nextBuy = 1_000;
        private long nextSell = 500_000_000;
        private long firstBuy;
        private long firstSell;
        long saturatedAt = -1;

        private Traders(ClusterVenue buyer, ClusterVenue seller) {
            this.buyer = buyer;
            this.seller = seller;
        }

        static Traders open(LoopbackCluster cluster) {
            ClusterVenue system = cluster.venue(Market.SYSTEM);
            VenueRecorder backOffice = VenueRecorder.on(system);
            List<Command> opening = new ArrayList<>(Market.opening());
            // Both traders get cash and shares, as they swap sides (see run()): 800,000.00 EUR each, so a thousand
            // buys of the current block plus a burst's worth of resting buys never run short.
            long transferId = 910_000;
            for (int i = 0; i < 28; i++) {
                long account = i < 12 ? Market.BUYER_ACCOUNT : Market.SELLER_ACCOUNT;
                opening.add(new Command.RequestTransfer(Market.START, Market.SYSTEM, transferId, TransferKind.DEPOSIT,
                        0, account, "EUR", 5_000_000));
                opening.add(new Command.SettleTransfer(Market.START, Market.SYSTEM, transferId++, true));
            }
            opening.add(new Command.RequestTransfer(Market.START, Market.SYSTEM, transferId, TransferKind.DEPOSIT, 0,
                    Market.BUYER_ACCOUNT, "ACME", Market.SELLER_SHARES));
            opening.add(new Command.SettleTransfer(Market.START, Market.SYSTEM, transferId, true));
            opening.forEach(system::submit);
            LoopbackCluster.await(Duration.ofSeconds(60), "the opening", () -> backOffice.settled() == opening.size());
            long completed = backOffice.eventsOf(Event.TransferStateChanged.class).stream()
                    .filter(t -> t.state() == TransferState.COMPLETED).count();
            if (completed != 34) {
                throw new IllegalStateException("the opening's 34 deposits did not all complete: "
                        + backOffice.eventsOf(Event.TransferStateChanged.class));
            }
            system.close(); // a back-office session would receive every event of the run; the traders are measured

            Traders traders = new Traders(cluster.venue(Market.BUYER), cluster.venue(Market.SELLER));
            traders.buyer.onOutcome(traders);
            traders.seller.onOutcome(traders);
            traders.buyer.subscribe(event -> {
                if (event instanceof Event.Trade) {
                    traders.trades.incrementAndGet();
                } else if (event instanceof Event.OrderRejected r) {
                    traders.rejected(r);
                }
            });
            traders.seller.subscribe(event -> {
                if (event instanceof Event.OrderRejected r) {
                    traders.rejected(r);
                }
            });
            return traders;
        }

        /** Offers {@code orders} at {@code rate}/s (MAX_VALUE: back to back); returns acknowledgements per second. */
        double run(int rate, long orders, Histogram rtt) {
            intended = new long[(int) orders];
            // Per side, not one sum: a level stopped on a buy leaves the buyer one order ahead of the seller.
            firstBuy = nextBuy;
            firstSell = nextSell;
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
                boolean first = (i & 1) == 0;
                // The two swap sides every SIDE_SWAP pairs, so neither runs out of cash or shares however long the
                // run; not every pair, or a trader's sell would meet its own resting buy (self-trade prevention).
                Side side = ((i >> 1) / SIDE_SWAP & 1) == 0 == first ? Side.BUY : Side.SELL;
                Command order = first ? order(Market.BUYER, nextBuy++, Market.BUYER_ACCOUNT, side)
                        : order(Market.SELLER, nextSell++, Market.SELLER_ACCOUNT, side);
                while (!(first ? buyer : seller).submit(order)) {
                    Thread.onSpinWait();
                }
                if (interval > 0 && i - acknowledged.get() > MAX_BACKLOG_SECONDS * rate) {
                    saturatedAt = i + 1;
                    sent = i + 1;
                    break;
                }
                if (interval == 0) {
                    // Closed loop for the burst: keep at most BURST_IN_FLIGHT orders in flight.
                    while (i - acknowledged.get() > BURST_IN_FLIGHT) {
                        java.util.concurrent.locks.LockSupport.parkNanos(10_000);
                    }
                }
            }
            long expected = sent;
            LoopbackCluster.await(Duration.ofSeconds(300), "acknowledgements", () -> acknowledged.get() >= expected);
            long elapsed = System.nanoTime() - start;
            return expected * 1e9 / elapsed;
        }

        private void rejected(Event.OrderRejected rejection) {
            rejected.incrementAndGet();
            rejections.computeIfAbsent(rejection.reason(), reason -> new AtomicLong()).incrementAndGet();
        }

        private static Command order(long user, long orderId, long account, Side side) {
            return Command.PlaceOrder.limit(Market.START + 100_000 + orderId, user, orderId, account, Market.ACME.id(),
                    side, 10_000, 1);
        }

        @Override
        public void acknowledged(Command command, long logPosition) {
            long now = System.nanoTime();
            Command.PlaceOrder order = (Command.PlaceOrder) command;
            long slot = order.userId() == Market.BUYER
                    ? 2 * (order.orderId() - firstBuy) : 2 * (order.orderId() - firstSell) + 1;
            Histogram h = histogram;
            // An earlier level's late ack has no slot here (negative), nor has an order never sent (0).
            if (h != null && slot >= 0 && slot < intended.length && intended[(int) slot] != 0) {
                h.recordValue(Math.max(1, now - intended[(int) slot]));
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
            return new Row("Aeron UDP ping/pong (closed loop)", messages, rtt, rate, new Costs(0, 0, 0, 0, 0, 0,
                    Costs.loadNow(), CpuSplit.none()));
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
        System.out.println("| run | orders | p50 µs | p99 µs | p99.9 µs | max µs | achieved /s | trades | rejected |"
                + " dropped events | failed | GCs (ms) | load |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            Histogram h = row.rtt();
            Costs c = row.costs();
            System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %,.0f | %,d | %,d | %,d | %,d | %d (%d) | %s |%n",
                    row.what(), row.orders(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, row.achievedPerSecond(), c.trades(),
                    c.rejected(), c.droppedEvents(), c.failed(), c.gcCount(), c.gcMillis(), c.loadAverage());
        }
        System.out.println();
        CpuSplit.print("order", rows.stream().map(row -> row.costs().cpu().line(row.what(), row.orders())).toList());
    }
}
