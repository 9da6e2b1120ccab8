package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.SignInMessages;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.security.CredentialsSupplier;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Does a flood of bad sign-ins slow the other sessions down? A trader's order round trip (submit to the cluster's
 * acknowledgement, one order at a time at a steady pace) on a 3-node loopback cluster, first quiet, then while
 * other clients try about 100 bad sign-ins a second: a third wrong proofs for 40 real users (which lock after five,
 * after which their sign-ins are refused before any log record), a third unknown users, a third credentials that are
 * not a sign-in. The attacker is cheap, as a real one would be: it never computes Argon2id (random proofs), and it
 * speaks Aeron Cluster's session protocol directly with many sign-ins in flight on one publication and one response
 * endpoint, so neither its key derivation nor its own client limits the rate. Prints the round trip per phase, the
 * sign-ins attempted, refused with a reason, and ended otherwise (by Aeron itself, or unanswered), and the load
 * average: on a shared machine, read the figures beside it.
 *
 * <p>{@code mvn -B -o -pl engine-cluster exec:exec@abuse-bench -Dabuse.args="10 100"} (seconds per phase, bad sign-ins a second).
 */
public final class SignInAbuseBenchmark {
    private SignInAbuseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int badPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (LoopbackCluster cluster = LoopbackCluster.start("abuse-bench", 3, BusinessTime.CLUSTER_LOG, "backoff")) {
            ClusterVenue system = cluster.venue(Market.SYSTEM);
            VenueRecorder opening = VenueRecorder.on(system);
            Market.opening().forEach(system::submit);
            LoopbackCluster.await(Duration.ofSeconds(60), "the opening",
                    () -> opening.settled() == Market.opening().size());
            ClusterVenue ops = cluster.venue(Market.OPS);
            int victims = 40;
            for (int i = 0; i < victims; i++) {
                TestIdentity.create(ops, 5_000 + i, "victim" + i, ("victim password " + i).toCharArray(),
                        Role.mask(Role.TRADER));
            }
            ClusterVenue buyer = cluster.venue(Market.BUYER);
            long[] nextOrder = {1_000};

            Histogram quiet = roundTrips(buyer, nextOrder, seconds);
            AtomicBoolean abusing = new AtomicBoolean(true);
            AtomicLong attempts = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong admitted = new AtomicLong();
            AtomicLong timedOut = new AtomicLong();
            java.util.concurrent.ConcurrentHashMap<String, AtomicLong> failures = new java.util.concurrent.ConcurrentHashMap<>();
            // The attacker speaks Aeron Cluster's session protocol itself (SessionConnectRequest, Challenge,
            // ChallengeResponse, SessionEvent) on one ingress publication to the leader and one response endpoint,
            // with many sign-ins in flight at once and never an Argon2id: what a cheap attacking host would do, so
            // neither its key derivation nor its own media driver limits the rate. Its own driver, not the trader's.
            MediaDriver attackersDriver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                    .threadingMode(ThreadingMode.SHARED).termBufferSparseFile(true)
                    .publicationTermBufferLength(256 * 1024).ipcTermBufferLength(64 * 1024)
                    .dirDeleteOnStart(true).dirDeleteOnShutdown(true));
            Aeron attackersClient = Aeron.connect(new Aeron.Context()
                    .aeronDirectoryName(attackersDriver.aeronDirectoryName()));
            String leaderIngress = ingressOf(cluster.ingressEndpoints(), cluster.awaitLeader(Duration.ofSeconds(30))
                    .memberId());
            RawAttacker attacker = new RawAttacker(attackersClient, leaderIngress, victims, badPerSecond, abusing,
                    attempts, refused, admitted, timedOut, failures);
            Thread abuser = Thread.ofPlatform().name("bad-sign-ins").uncaughtExceptionHandler(
                    (thread, e) -> System.err.println(thread.getName() + " failed: " + e)).start(attacker);
            long abuseStart = System.nanoTime();
            Histogram underAbuse = roundTrips(buyer, nextOrder, seconds);
            double abuseSeconds = (System.nanoTime() - abuseStart) / 1e9;
            abusing.set(false);
            abuser.join(15_000);
            attackersClient.close();
            attackersDriver.close();
            String load = String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("%nOrder round trip on a 3-node loopback cluster (backoff idle), %d s per phase%n", seconds);
            System.out.printf("%-26s %8s %10s %10s %10s %10s%n", "phase", "orders", "p50 µs", "p90 µs", "p99 µs",
                    "max µs");
            print("quiet", quiet);
            print("~" + badPerSecond + " bad sign-ins/s", underAbuse);
            System.out.printf("bad sign-ins: %d attempted (%.1f/s), at most %d in flight, %d refused, %d admitted, %d "
                    + "ended otherwise; load average %s%n", attempts.get(), attempts.get() / abuseSeconds,
                    attacker.maxInFlight, refused.get(), admitted.get(), timedOut.get(), load);
            failures.forEach((what, count) -> System.out.printf("  not refused by Bourse (%d): %s%n", count.get(), what));
        }
    }

    /** {@code host:port} of {@code member} in {@code 0=host:port,1=host:port,...}. */
    private static String ingressOf(String endpoints, int member) {
        for (String entry : endpoints.split(",")) {
            if (entry.startsWith(member + "=")) {
                return entry.substring(entry.indexOf('=') + 1);
            }
        }
        throw new IllegalArgumentException("no member " + member + " in " + endpoints);
    }

    /** Many cheap bad sign-ins in flight at once, over Aeron Cluster's session protocol directly. */
    private static final class RawAttacker implements Runnable {
        private final Aeron aeron;
        private final String leaderIngress;
        private final int victims;
        private final int perSecond;
        private final AtomicBoolean abusing;
        private final AtomicLong attempts;
        private final AtomicLong refused;
        private final AtomicLong admitted;
        private final AtomicLong other;
        private final java.util.Map<String, AtomicLong> failures;
        private final org.agrona.collections.Long2ObjectHashMap<CheapGuess> inFlight =
                new org.agrona.collections.Long2ObjectHashMap<>();
        private final org.agrona.collections.Long2LongHashMap startedNs = new org.agrona.collections.Long2LongHashMap(0);
        private final org.agrona.concurrent.UnsafeBuffer out = new org.agrona.concurrent.UnsafeBuffer(new byte[2048]);
        private final io.aeron.cluster.codecs.MessageHeaderEncoder headerOut = new io.aeron.cluster.codecs.MessageHeaderEncoder();
        private final io.aeron.cluster.codecs.MessageHeaderDecoder headerIn = new io.aeron.cluster.codecs.MessageHeaderDecoder();
        private final io.aeron.cluster.codecs.SessionConnectRequestEncoder connect = new io.aeron.cluster.codecs.SessionConnectRequestEncoder();
        private final io.aeron.cluster.codecs.ChallengeResponseEncoder response = new io.aeron.cluster.codecs.ChallengeResponseEncoder();
        private final io.aeron.cluster.codecs.ChallengeDecoder challenge = new io.aeron.cluster.codecs.ChallengeDecoder();
        private final io.aeron.cluster.codecs.SessionEventDecoder event = new io.aeron.cluster.codecs.SessionEventDecoder();
        volatile int maxInFlight;

        RawAttacker(Aeron aeron, String leaderIngress, int victims, int perSecond, AtomicBoolean abusing,
                    AtomicLong attempts, AtomicLong refused, AtomicLong admitted, AtomicLong other,
                    java.util.Map<String, AtomicLong> failures) {
            this.aeron = aeron;
            this.leaderIngress = leaderIngress;
            this.victims = victims;
            this.perSecond = perSecond;
            this.abusing = abusing;
            this.attempts = attempts;
            this.refused = refused;
            this.admitted = admitted;
            this.other = other;
            this.failures = failures;
        }

        @Override
        public void run() {
            String egress;
            try {
                egress = "aeron:udp?endpoint=localhost:" + freeUdpPort() + "|term-length=256k";
            } catch (java.net.SocketException e) {
                throw new IllegalStateException(e);
            }
            try (io.aeron.Publication ingress = aeron.addPublication("aeron:udp?endpoint=" + leaderIngress
                    + "|term-length=256k", AeronCluster.Configuration.INGRESS_STREAM_ID_DEFAULT);
                 io.aeron.Subscription answers = aeron.addSubscription(egress,
                         AeronCluster.Configuration.EGRESS_STREAM_ID_DEFAULT)) {
                long intervalNs = TimeUnit.SECONDS.toNanos(1) / perSecond;
                long next = System.nanoTime();
                long correlation = 1;
                io.aeron.logbuffer.FragmentHandler handler = (buffer, offset, length, header) ->
                        onAnswer(ingress, buffer, offset);
                while (abusing.get() || !inFlight.isEmpty()) {
                    long now = System.nanoTime();
                    if (abusing.get() && now >= next && ingress.isConnected()) {
                        next += intervalNs;
                        int kind = (int) (correlation % 3);
                        String name = kind == 1 ? "nobody" + correlation : "victim" + (correlation % victims);
                        CheapGuess guess = new CheapGuess(name, kind == 2);
                        byte[] credentials = guess.encodedCredentials();
                        connect.wrapAndApplyHeader(out, 0, headerOut).correlationId(correlation)
                                .responseStreamId(AeronCluster.Configuration.EGRESS_STREAM_ID_DEFAULT)
                                .version(AeronCluster.Configuration.PROTOCOL_SEMANTIC_VERSION)
                                .responseChannel(egress).putEncodedCredentials(credentials, 0, credentials.length)
                                .clientInfo("abuse-bench");
                        if (ingress.offer(out, 0, io.aeron.cluster.codecs.MessageHeaderEncoder.ENCODED_LENGTH
                                + connect.encodedLength()) > 0) {
                            attempts.incrementAndGet();
                            inFlight.put(correlation, guess);
                            startedNs.put(correlation, now);
                            maxInFlight = Math.max(maxInFlight, inFlight.size());
                            correlation++;
                        }
                    }
                    answers.poll(handler, 64);
                    expire(now);
                    LockSupportSleep.nanos(TimeUnit.MICROSECONDS.toNanos(100));
                }
            }
        }

        private void onAnswer(io.aeron.Publication ingress, org.agrona.DirectBuffer buffer, int offset) {
            headerIn.wrap(buffer, offset);
            int template = headerIn.templateId();
            if (template == io.aeron.cluster.codecs.ChallengeDecoder.TEMPLATE_ID) {
                challenge.wrapAndApplyHeader(buffer, offset, headerIn);
                long correlationId = challenge.correlationId();
                long sessionId = challenge.clusterSessionId();
                byte[] bytes = new byte[challenge.encodedChallengeLength()];
                challenge.getEncodedChallenge(bytes, 0, bytes.length);
                CheapGuess guess = inFlight.get(correlationId);
                if (guess == null) {
                    return;
                }
                byte[] answer = guess.onChallenge(bytes);
                response.wrapAndApplyHeader(out, 0, headerOut).correlationId(correlationId).clusterSessionId(sessionId)
                        .putEncodedCredentials(answer, 0, answer.length);
                ingress.offer(out, 0, io.aeron.cluster.codecs.MessageHeaderEncoder.ENCODED_LENGTH
                        + response.encodedLength());
            } else if (template == io.aeron.cluster.codecs.SessionEventDecoder.TEMPLATE_ID) {
                event.wrapAndApplyHeader(buffer, offset, headerIn);
                long correlationId = event.correlationId();
                if (inFlight.remove(correlationId) == null) {
                    return;
                }
                startedNs.remove(correlationId);
                switch (event.code()) {
                    case OK -> admitted.incrementAndGet();
                    case AUTHENTICATION_REJECTED -> refused.incrementAndGet();
                    default -> {
                        other.incrementAndGet();
                        String detail = event.code() + " " + event.detail();
                        failures.computeIfAbsent(detail.substring(0, Math.min(60, detail.length())),
                                k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }
        }

        private void expire(long now) {
            startedNs.forEach((correlationId, started) -> {
                if (now - started > TimeUnit.SECONDS.toNanos(5)) {
                    inFlight.remove(correlationId);
                    other.incrementAndGet();
                    failures.computeIfAbsent("no answer in 5 s", k -> new AtomicLong()).incrementAndGet();
                }
            });
            startedNs.keySet().removeIf(id -> !inFlight.containsKey(id));
        }
    }

    private static int freeUdpPort() throws java.net.SocketException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void print(String phase, Histogram h) {
        System.out.printf("%-26s %8d %10.0f %10.0f %10.0f %10.0f%n", phase, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getMaxValue() / 1e3);
    }

    /** One buy order every 10 ms, each waited for: its submit-to-ack time. Buys below the market rest. */
    private static Histogram roundTrips(ClusterVenue venue, long[] nextOrder, int seconds) throws Exception {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            CountDownLatch acked = new CountDownLatch(1);
            AtomicReference<String> failure = new AtomicReference<>();
            venue.onOutcome(new CommandOutcomeListener() {
                @Override
                public void acknowledged(Command command, long logPosition) {
                    acked.countDown();
                }

                @Override
                public void failed(Command command, String reason) {
                    failure.set(reason);
                    acked.countDown();
                }
            });
            long start = System.nanoTime();
            venue.submit(Market.buy(++nextOrder[0], 9_600, 1));
            if (!acked.await(10, TimeUnit.SECONDS) || failure.get() != null) {
                throw new IllegalStateException("order " + nextOrder[0] + " not acknowledged: " + failure.get());
            }
            histogram.recordValue(Math.min(System.nanoTime() - start, histogram.getHighestTrackableValue()));
            LockSupportSleep.nanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return histogram;
    }

    /**
     * An attacker's sign-in: no Argon2id (it does not know the password, so why pay for it): a wrong proof of
     * random bytes for a real or unknown user, or credentials that are not a sign-in at all.
     */
    private static final class CheapGuess implements CredentialsSupplier {
        private final String name;
        private final boolean garbage;

        CheapGuess(String name, boolean garbage) {
            this.name = name;
            this.garbage = garbage;
        }

        @Override
        public byte[] encodedCredentials() {
            return garbage ? Scram.random(40) : SignInMessages.clientFirst(SignInMessages.MODE_PASSWORD,
                    Scram.random(Scram.NONCE_BYTES), name);
        }

        @Override
        public byte[] onChallenge(byte[] challenge) {
            if (challenge != null && challenge.length > 0 && challenge[0] == SignInMessages.SALT) {
                return SignInMessages.withKind(SignInMessages.PROOF, Scram.random(Scram.KEY_BYTES));
            }
            return new byte[] {SignInMessages.NONE};
        }
    }

    private static final class LockSupportSleep {
        static void nanos(long nanos) {
            java.util.concurrent.locks.LockSupport.parkNanos(nanos);
        }
    }
}
