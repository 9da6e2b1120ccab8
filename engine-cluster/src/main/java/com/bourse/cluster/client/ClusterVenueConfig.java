package com.bourse.cluster.client;

import com.bourse.cluster.identity.ScramCredentials;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a {@link ClusterVenue} reaches the production engine.
 *
 * @param ingressEndpoints    the members' ingress, {@code 0=host:port,1=host:port,...}
 * @param credentials         the user's sign-in (name and password, never sent: challenge-response); once signed
 *                            in it holds the session token (in memory) that the venue's later sessions present
 * @param aeronDirectoryName  a running media driver to use, or null to start one inside the venue
 * @param egressChannel       where the cluster answers, e.g. {@code aeron:udp?endpoint=localhost:0|term-length=4m}
 * @param connectTimeout      how long one connection attempt may take (elections take seconds)
 * @param idleStrategy        the venue thread's idle: backoff, sleep or busy
 * @param clientId            this client instance's id; it scopes correlation ids at the cluster
 * @param ingressTermLength   term of the venue's ingress publication to the leader (a power of two, 64k to 1g); at
 *                            most half of it may be in flight, so it bounds how far a burst runs ahead of the leader
 * @param receiveWindowLength receiver window and socket buffers of the venue's own media driver (when it starts
 *                            one): how much egress the cluster may send before this client acknowledges it. Too
 *                            small, and a venue thread that waits for a core back-pressures the cluster, which then
 *                            closes the session. Needs {@code net.core.rmem_max} at least as large.
 */
public record ClusterVenueConfig(String ingressEndpoints, ScramCredentials credentials, String aeronDirectoryName,
                                 String egressChannel, Duration connectTimeout, String idleStrategy, long clientId,
                                 int ingressTermLength, int receiveWindowLength) {
    /** Room for about ten thousand commands in flight (half a term); the old 128k held about six hundred. */
    public static final int DEFAULT_INGRESS_TERM_LENGTH = 1024 * 1024;
    /** As the nodes' drivers (Aeron's low-latency and throughput profiles use the same). */
    public static final int DEFAULT_RECEIVE_WINDOW_LENGTH = 2 * 1024 * 1024;
    private static final int MIN_TERM_LENGTH = 64 * 1024;
    private static final int MAX_TERM_LENGTH = 1024 * 1024 * 1024;

    public ClusterVenueConfig {
        Objects.requireNonNull(ingressEndpoints, "ingressEndpoints");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(egressChannel, "egressChannel");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (clientId == 0) {
            throw new IllegalArgumentException("clientId must not be 0");
        }
        if (ingressTermLength < MIN_TERM_LENGTH || ingressTermLength > MAX_TERM_LENGTH
                || Integer.bitCount(ingressTermLength) != 1) {
            throw new IllegalArgumentException("ingressTermLength must be a power of two from 64k to 1g, not "
                    + ingressTermLength);
        }
        if (receiveWindowLength < MIN_TERM_LENGTH / 2) {
            throw new IllegalArgumentException("receiveWindowLength must be at least 32k, not " + receiveWindowLength);
        }
    }

    /** Loopback defaults: own media driver, backoff idle, a fresh random client id. */
    public static ClusterVenueConfig of(String ingressEndpoints, ScramCredentials credentials) {
        long clientId;
        do {
            clientId = ThreadLocalRandom.current().nextLong();
        } while (clientId == 0);
        return new ClusterVenueConfig(ingressEndpoints, credentials, null,
                "aeron:udp?endpoint=localhost:0|term-length=4m", Duration.ofSeconds(20), "backoff", clientId,
                DEFAULT_INGRESS_TERM_LENGTH, DEFAULT_RECEIVE_WINDOW_LENGTH);
    }

    public ClusterVenueConfig withAeronDirectory(String directory) {
        return new ClusterVenueConfig(ingressEndpoints, credentials, directory, egressChannel, connectTimeout,
                idleStrategy, clientId, ingressTermLength, receiveWindowLength);
    }

    public ClusterVenueConfig withIdleStrategy(String idle) {
        return new ClusterVenueConfig(ingressEndpoints, credentials, aeronDirectoryName, egressChannel,
                connectTimeout, idle, clientId, ingressTermLength, receiveWindowLength);
    }

    /** Where the cluster answers; its {@code term-length} bounds how far the cluster may run ahead of this client. */
    public ClusterVenueConfig withEgressChannel(String channel) {
        return new ClusterVenueConfig(ingressEndpoints, credentials, aeronDirectoryName, channel, connectTimeout,
                idleStrategy, clientId, ingressTermLength, receiveWindowLength);
    }

    public ClusterVenueConfig withConnectTimeout(Duration timeout) {
        return new ClusterVenueConfig(ingressEndpoints, credentials, aeronDirectoryName, egressChannel, timeout,
                idleStrategy, clientId, ingressTermLength, receiveWindowLength);
    }

    /** @see #ingressTermLength() */
    public ClusterVenueConfig withIngressTermLength(int length) {
        return new ClusterVenueConfig(ingressEndpoints, credentials, aeronDirectoryName, egressChannel,
                connectTimeout, idleStrategy, clientId, length, receiveWindowLength);
    }

    /** @see #receiveWindowLength() */
    public ClusterVenueConfig withReceiveWindowLength(int length) {
        return new ClusterVenueConfig(ingressEndpoints, credentials, aeronDirectoryName, egressChannel,
                connectTimeout, idleStrategy, clientId, ingressTermLength, length);
    }

    /** The ingress channel the venue publishes on. */
    String ingressChannel() {
        return "aeron:udp?term-length=" + ingressTermLength;
    }
}
