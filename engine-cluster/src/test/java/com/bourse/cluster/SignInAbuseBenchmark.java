package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.SignInMessages;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.security.AuthenticationException;
import io.aeron.security.CredentialsSupplier;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Does a flood of bad sign-ins slow the other sessions down? A trader's order round trip (submit to the cluster's
 * acknowledgement, one order at a time at a steady pace) on a 3-node loopback cluster, first quiet, then while
 * other clients try about 100 bad sign-ins a second (wrong proofs for users that then lock, and sign-ins of locked
 * users, unknown users, credentials that are not a sign-in), from many attackers at once that never pay for
 * Argon2id, so the attackers' own cost is not what limits the rate. Prints the round trip per phase, the sign-in attempts made and refused, and the load
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
            List<Thread> abusers = new ArrayList<>();
            // Each attacker waits for its refusal (a wrong proof waits for its admission in the log too), so many
            // run at once, each at a share of the rate; they have their own media driver, as a remote attacker
            // would, so the measured trader's client is not the one they load.
            int threads = Math.max(4, badPerSecond / 4);
            MediaDriver attackersDriver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                    .threadingMode(ThreadingMode.SHARED).termBufferSparseFile(true)
                    .publicationTermBufferLength(64 * 1024).ipcTermBufferLength(64 * 1024)
                    .dirDeleteOnStart(true).dirDeleteOnShutdown(true));
            for (int t = 0; t < threads; t++) {
                int lane = t;
                Thread abuser = Thread.ofPlatform().name("bad-sign-ins-" + t).uncaughtExceptionHandler(
                        (thread, e) -> System.err.println(thread.getName() + " failed: " + e)).start(() -> {
                    long intervalNs = TimeUnit.SECONDS.toNanos(1) * threads / badPerSecond;
                    long next = System.nanoTime() + intervalNs * lane / threads;
                    int n = 0;
                    while (abusing.get()) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupportSleep.nanos(wait);
                        }
                        next += intervalNs;
                        int kind = n++ % 3;
                        String name = kind == 1 ? "nobody" + lane + "x" + n : "victim" + ((lane * 10 + n) % victims);
                        attempts.incrementAndGet();
                        try (AeronCluster ignored = AeronCluster.connect(new AeronCluster.Context()
                                .aeronDirectoryName(attackersDriver.aeronDirectoryName())
                                .ingressChannel("aeron:udp?term-length=64k")
                                .ingressEndpoints(cluster.ingressEndpoints())
                                .egressChannel("aeron:udp?endpoint=localhost:0|term-length=64k")
                                .messageTimeoutNs(TimeUnit.SECONDS.toNanos(5))
                                .credentialsSupplier(new CheapGuess(name, kind == 2)))) {
                            admitted.incrementAndGet();
                        } catch (AuthenticationException e) {
                            refused.incrementAndGet();
                        } catch (RuntimeException e) {
                            timedOut.incrementAndGet(); // a timeout under load: an attempt with no answer
                        }
                    }
                });
                abusers.add(abuser);
            }
            long abuseStart = System.nanoTime();
            Histogram underAbuse = roundTrips(buyer, nextOrder, seconds);
            abusing.set(false);
            for (Thread abuser : abusers) {
                abuser.join(10_000);
            }
            attackersDriver.close();
            double abuseSeconds = (System.nanoTime() - abuseStart) / 1e9;
            String load = String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("%nOrder round trip on a 3-node loopback cluster (backoff idle), %d s per phase%n", seconds);
            System.out.printf("%-26s %8s %10s %10s %10s %10s%n", "phase", "orders", "p50 µs", "p90 µs", "p99 µs",
                    "max µs");
            print("quiet", quiet);
            print("~" + badPerSecond + " bad sign-ins/s", underAbuse);
            System.out.printf("bad sign-ins: %d attempted (%.1f/s) by %d attackers, %d refused, %d admitted, %d without "
                    + "answer; load average %s%n", attempts.get(), attempts.get() / abuseSeconds, threads, refused.get(),
                    admitted.get(), timedOut.get(), load);
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
