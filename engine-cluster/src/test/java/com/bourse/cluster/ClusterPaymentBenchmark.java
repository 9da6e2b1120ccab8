package com.bourse.cluster;

import com.bourse.bench.support.GcCounts;
import com.bourse.cluster.VenueLatencyBenchmark.CpuSplit;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The specification's payments (a {@code RequestPayment} with a reference and a fee, completed by
 * {@code PaymentProcessed}) through a real three-node Aeron Cluster on loopback, each node with its own media
 * driver, archive and consensus module, against the specification's 100,000 payments a second under 100 ms.
 *
 * <p>Several customers, each signed in on their own client session (SCRAM, as the desktop signs in) and owning one
 * funded account, pay the next customer in a ring: small amounts with a fee, so every payment is scored by the
 * engine's risk evaluator like a customer's and none is large or unusual enough to wait for an officer (the run
 * counts any that do). Latency runs from a payment's <em>intended</em> send time to its payer's session receiving
 * {@code PaymentProcessed}: open loop at fixed offered rates (a stall delays every payment behind it, so
 * coordinated omission is corrected), then flat out with a bounded number in flight.
 *
 * <p>Run: {@code mvn -pl engine-cluster test-compile exec:exec@payment-bench -Dbench.args=smoke} (seconds) or
 * {@code -Dbench.args=full}; overrides {@code nodes=3 sessions=4 rates=10000,50000 seconds=5 burst=200000}.
 */
public final class ClusterPaymentBenchmark {
    private ClusterPaymentBenchmark() {
    }

    /** The first customer's user id and account; customer {@code i} is {@code +i} on both. */
    private static final long FIRST_PAYER = 21;
    private static final long FIRST_ACCOUNT = 201;
    /** Each customer's opening cash: 10,000,000.00 EUR, so no run of payments drains an account. */
    private static final long OPENING_CENTS = 1_000_000_000L;
    /** A payment is 1.00-10.00 EUR plus a 0.25 EUR fee: far under the large-amount line. */
    private static final long FEE_CENTS = 25;
    /** Flat out: at most this many payments sent and not yet processed. */
    private static final int IN_FLIGHT = 4_096;
    /** A level ends when no payment has had an outcome for this long (see {@code awaitOutcomes}). */
    private static final Duration SILENCE = Duration.ofSeconds(15);
    /** Stop offering once this many seconds of payments wait unprocessed: the level is past saturation. */
    private static final long MAX_BACKLOG_SECONDS = 2;

    record Row(String what, long payments, Histogram latency, double achievedPerSecond, long held, long refused,
               long unheard, long dropped, GcCounts gc, String load, CpuSplit cpu) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf("ClusterPaymentBenchmark: %d nodes, %d client sessions, JDK %s, %d cores, load %s%n",
                options.nodes(), options.sessions(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                VenueLatencyBenchmark.Costs.loadNow());
        List<Row> rows = new ArrayList<>();
        try (LoopbackCluster cluster = LoopbackCluster.start("payments-" + options.nodes(), options.nodes(),
                BusinessTime.CLUSTER_LOG, "backoff")) {
            Payers payers = Payers.open(cluster, options.sessions());
            payers.run(2_000, 4_000, "warm-up"); // JIT, page faults, every session's first payments
            for (int rate : options.rates()) {
                rows.add(payers.run(rate, rate * options.perLevel().toSeconds(),
                        options.nodes() + "-node cluster, offered " + String.format("%,d", rate) + "/s"));
            }
            if (options.burst() > 0) {
                rows.add(payers.run(Integer.MAX_VALUE, options.burst(),
                        options.nodes() + "-node cluster, flat out (" + IN_FLIGHT + " in flight)"));
            }
            if (!payers.refusals.isEmpty()) {
                System.out.println("payments refused, by reason: " + payers.refusals);
            }
        }
        print(rows);
        System.exit(0);
    }

    /**
     * {@code smoke}: one second at 5,000/s and 20,000 flat out; {@code full}: five seconds each at 10,000, 50,000
     * and 100,000/s, and 200,000 flat out.
     */
    record Options(int nodes, int sessions, int[] rates, Duration perLevel, long burst) {
        static Options parse(String[] args) {
            boolean smoke = args.length > 0 && args[0].equals("smoke");
            Options o = smoke ? new Options(3, 4, new int[] {5_000}, Duration.ofSeconds(1), 20_000)
                    : new Options(3, 4, new int[] {10_000, 50_000, 100_000}, Duration.ofSeconds(5), 200_000);
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    if (!arg.equals("smoke") && !arg.equals("full")) {
                        throw new IllegalArgumentException("unknown benchmark argument " + arg
                                + " (smoke, full, nodes=, sessions=, rates=, seconds=, burst=)");
                    }
                    continue;
                }
                String value = arg.substring(eq + 1);
                o = switch (arg.substring(0, eq)) {
                    case "nodes" -> new Options(Integer.parseInt(value), o.sessions, o.rates, o.perLevel, o.burst);
                    case "sessions" -> new Options(o.nodes, Integer.parseInt(value), o.rates, o.perLevel, o.burst);
                    case "rates" -> new Options(o.nodes, o.sessions, value.isBlank() ? new int[0]
                            : Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray(), o.perLevel,
                            o.burst);
                    case "seconds" -> new Options(o.nodes, o.sessions, o.rates,
                            Duration.ofSeconds(Long.parseLong(value)), o.burst);
                    case "burst" -> new Options(o.nodes, o.sessions, o.rates, o.perLevel, Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown benchmark setting " + arg);
                };
            }
            if (o.sessions < 2) {
                throw new IllegalArgumentException("sessions=" + o.sessions + ": a payment needs a payee, at least 2");
            }
            return o;
        }
    }

    /** One customer: a signed-in session, the account it pays from, and what it has heard. */
    private static final class Payer {
        final ClusterVenue venue;
        final long userId;
        final long account;
        /** Written by this session's venue thread only, read by the sender after the level's last payment. */
        volatile Histogram latency;

        Payer(ClusterVenue venue, long userId, long account) {
            this.venue = venue;
            this.userId = userId;
            this.account = account;
        }
    }

    /** The customers, and the bookkeeping of the level being run. */
    private static final class Payers {
        final List<Payer> payers = new ArrayList<>();
        final LoopbackCluster cluster;
        final Map<ErrorCode, AtomicLong> refusals = new ConcurrentHashMap<>();
        final AtomicLong processed = new AtomicLong();
        final AtomicLong held = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final SplittableRandom random = new SplittableRandom(11);
        long nextPaymentId = 5_000_000;
        long firstPaymentId;
        long[] intended = new long[0];

        private Payers(LoopbackCluster cluster) {
            this.cluster = cluster;
        }

        /**
         * Opens the market and one funded account per customer through the installation's session, creates the
         * customers as live users, and signs each in on its own session.
         */
        static Payers open(LoopbackCluster cluster, int sessions) {
            ClusterVenue installation = cluster.venue(Market.SYSTEM);
            VenueRecorder opened = VenueRecorder.on(installation);
            List<Command> opening = new ArrayList<>(Market.opening());
            RiskLimits open = new RiskLimits(1_000_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 1_000_000, 1_000);
            long transferId = 950_000;
            for (int i = 0; i < sessions; i++) {
                long user = FIRST_PAYER + i;
                long account = FIRST_ACCOUNT + i;
                TestIdentity.create(installation, user, username(user), password(user), Role.mask(Role.TRADER));
                opening.add(new Command.OpenAccount(Market.START, Market.SYSTEM, account, user, "EUR",
                        SelfTradePrevention.CANCEL_OLDEST));
                opening.add(new Command.SetRiskLimits(Market.START, Market.SYSTEM, account, open));
                opening.add(new Command.RequestTransfer(Market.START, Market.SYSTEM, transferId, TransferKind.DEPOSIT,
                        0, account, "EUR", OPENING_CENTS));
                opening.add(new Command.SettleTransfer(Market.START, Market.SYSTEM, transferId++, true));
            }
            opening.forEach(installation::submit);
            LoopbackCluster.await(Duration.ofSeconds(60), "the opening", () -> opened.settled() == opening.size());
            long deposits = opening.stream().filter(c -> c instanceof Command.SettleTransfer).count();
            long completed = opened.eventsOf(Event.TransferStateChanged.class).stream()
                    .filter(t -> t.state() == TransferState.COMPLETED).count();
            if (completed != deposits || !opened.failures.isEmpty()) {
                throw new IllegalStateException("the opening's " + deposits + " deposits did not all complete: "
                        + opened.failures + " " + opened.eventsOf(Event.TransferStateChanged.class));
            }
            installation.close(); // the installation would hear every payment; the customers are measured

            Payers payers = new Payers(cluster);
            for (int i = 0; i < sessions; i++) {
                long user = FIRST_PAYER + i;
                Payer payer = new Payer(cluster.venue(ScramCredentials.password(username(user), password(user))), user,
                        FIRST_ACCOUNT + i);
                payer.venue.onOutcome(new CommandOutcomeListener() {
                    @Override
                    public void acknowledged(Command command, long logPosition) {
                    }

                    @Override
                    public void failed(Command command, String reason) {
                        payers.submissionFailed();
                    }
                });
                payer.venue.subscribe(event -> payers.heard(payer, event));
                payers.payers.add(payer);
            }
            return payers;
        }

        private static String username(long user) {
            return "payer" + user;
        }

        private static char[] password(long user) {
            return ("password of payer " + user).toCharArray();
        }

        /** On a venue thread: a payer's own payment completed, was held, or was refused. */
        private void heard(Payer payer, Event event) {
            switch (event) {
                case Event.PaymentProcessed p when p.fromAccountId() == payer.account -> {
                    long now = System.nanoTime();
                    long slot = p.paymentId() - firstPaymentId;
                    Histogram h = payer.latency;
                    if (h != null && slot >= 0 && slot < intended.length && intended[(int) slot] != 0) {
                        h.recordValue(Math.max(1, now - intended[(int) slot]));
                    }
                    processed.incrementAndGet();
                }
                case Event.TransferStateChanged t when t.fromAccountId() == payer.account
                        && t.state() == TransferState.PENDING && t.reason() != null -> {
                    held.incrementAndGet();
                    finishedWithout(t.reason());
                }
                case Event.TransferStateChanged t when t.fromAccountId() == payer.account
                        && t.state() == TransferState.FAILED -> {
                    refused.incrementAndGet();
                    finishedWithout(t.reason());
                }
                case Event.CommandRejected r -> {
                    refused.incrementAndGet();
                    finishedWithout(r.reason());
                }
                default -> {
                }
            }
        }

        /** A payment that will send no PaymentProcessed: counted as finished so the level does not wait for it. */
        private void finishedWithout(ErrorCode reason) {
            refusals.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
            processed.incrementAndGet();
        }

        void submissionFailed() {
            refused.incrementAndGet();
            processed.incrementAndGet();
        }

        /**
         * Offers {@code payments} at {@code rate}/s round-robin over the sessions (MAX_VALUE: flat out, at most
         * {@link #IN_FLIGHT} unprocessed) and waits for every one to finish; the row of the level.
         */
        Row run(int rate, long payments, String what) {
            intended = new long[(int) payments];
            firstPaymentId = nextPaymentId;
            for (Payer payer : payers) {
                payer.latency = new Histogram(3_600_000_000_000L, 3);
            }
            processed.set(0);
            long heldBefore = held.get();
            long refusedBefore = refused.get();
            long droppedBefore = dropped();
            GcCounts gcAtStart = GcCounts.now();
            CpuSplit cpu = CpuSplit.now();
            long sent = payments;
            boolean saturated = false;
            long interval = rate == Integer.MAX_VALUE ? 0 : 1_000_000_000L / rate;
            int sessions = payers.size();
            long start = System.nanoTime();
            for (int i = 0; i < payments; i++) {
                long due = start + i * interval;
                // Park rather than spin: the sender must not take one of the two cores from the cluster.
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    if (wait > 30_000) {
                        LockSupport.parkNanos(wait - 20_000);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                intended[i] = interval == 0 ? System.nanoTime() : due;
                Payer payer = payers.get(i % sessions);
                Payer payee = payers.get((i + 1) % sessions);
                Command payment = new Command.RequestPayment(System.currentTimeMillis(), payer.userId,
                        nextPaymentId++, payer.account, payee.account, "EUR", 100 + random.nextLong(901), FEE_CENTS,
                        "invoice " + i);
                while (!payer.venue.submit(payment)) {
                    Thread.onSpinWait();
                }
                if (interval > 0 && i - processed.get() > MAX_BACKLOG_SECONDS * rate) {
                    saturated = true;
                    sent = i + 1;
                    break;
                }
                while (interval == 0 && i - processed.get() > IN_FLIGHT) {
                    LockSupport.parkNanos(10_000);
                }
            }
            long unheard = awaitOutcomes(sent);
            double achieved = (sent - unheard) * 1e9 / (System.nanoTime() - start);
            Histogram latency = new Histogram(3_600_000_000_000L, 3);
            for (Payer payer : payers) {
                latency.add(payer.latency);
            }
            return new Row(what + (saturated ? " (saturated: stopped after " + sent + ")" : ""), sent, latency,
                    achieved, held.get() - heldBefore, refused.get() - refusedBefore, unheard,
                    dropped() - droppedBefore, GcCounts.since(gcAtStart),
                    VenueLatencyBenchmark.Costs.loadNow(), CpuSplit.now().minus(cpu));
        }

        /**
         * Waits until every one of {@code sent} payments has an outcome, or none has come for {@link #SILENCE}: a
         * session the cluster cut off for falling behind (its events dropped) never hears some of its payments.
         * Returns how many were never heard of.
         */
        private long awaitOutcomes(long sent) {
            long seen = processed.get();
            long lastProgress = System.nanoTime();
            while (seen < sent && System.nanoTime() - lastProgress < SILENCE.toNanos()) {
                LockSupport.parkNanos(20_000_000);
                long now = processed.get();
                if (now != seen) {
                    seen = now;
                    lastProgress = System.nanoTime();
                }
            }
            return Math.max(0, sent - processed.get());
        }

        /** Events the nodes could not deliver to a back-pressured session (which they then cut off). */
        private long dropped() {
            long dropped = 0;
            for (int i = 0; i < cluster.size(); i++) {
                if (cluster.node(i) != null) {
                    dropped += cluster.node(i).metrics().droppedEvents();
                }
            }
            return dropped;
        }
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("| run | payments | p50 ms | p99 ms | p99.9 ms | max ms | processed /s | held for review |"
                + " refused | never heard | dropped events | GCs (ms) | load |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            Histogram h = row.latency();
            System.out.printf("| %s | %,d | %.2f | %.2f | %.2f | %.2f | %,.0f | %,d | %,d | %,d | %,d | %d (%d) | %s |"
                            + "%n",
                    row.what(), row.payments(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                    h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6, row.achievedPerSecond(), row.held(),
                    row.refused(), row.unheard(), row.dropped(), row.gc().collections(), row.gc().millis(), row.load());
        }
        System.out.println();
        CpuSplit.print("payment", rows.stream().map(row -> row.cpu().line(row.what(), row.payments())).toList());
    }
}
