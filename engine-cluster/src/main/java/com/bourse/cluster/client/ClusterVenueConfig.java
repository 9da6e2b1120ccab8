package com.bourse.cluster.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a {@link ClusterVenue} reaches the production engine.
 *
 * @param ingressEndpoints   the members' ingress, {@code 0=host:port,1=host:port,...}
 * @param credential         the back-office credential of the signed-in user
 * @param aeronDirectoryName a running media driver to use, or null to start one inside the venue
 * @param egressChannel      where the cluster answers, e.g. {@code aeron:udp?endpoint=localhost:0}
 * @param connectTimeout     how long one connection attempt may take (elections take seconds)
 * @param idleStrategy       the venue thread's idle: backoff, sleep or busy
 * @param clientId           this client instance's id; it scopes correlation ids at the cluster
 */
public record ClusterVenueConfig(String ingressEndpoints, String credential, String aeronDirectoryName,
                                 String egressChannel, Duration connectTimeout, String idleStrategy, long clientId) {

    public ClusterVenueConfig {
        Objects.requireNonNull(ingressEndpoints, "ingressEndpoints");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(egressChannel, "egressChannel");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (clientId == 0) {
            throw new IllegalArgumentException("clientId must not be 0");
        }
    }

    /** Loopback defaults: own media driver, backoff idle, a fresh random client id. */
    public static ClusterVenueConfig of(String ingressEndpoints, String credential) {
        long clientId;
        do {
            clientId = ThreadLocalRandom.current().nextLong();
        } while (clientId == 0);
        return new ClusterVenueConfig(ingressEndpoints, credential, null,
                "aeron:udp?endpoint=localhost:0|term-length=4m", Duration.ofSeconds(20), "backoff", clientId);
    }

    public ClusterVenueConfig withAeronDirectory(String directory) {
        return new ClusterVenueConfig(ingressEndpoints, credential, directory, egressChannel, connectTimeout,
                idleStrategy, clientId);
    }

    public ClusterVenueConfig withIdleStrategy(String idle) {
        return new ClusterVenueConfig(ingressEndpoints, credential, aeronDirectoryName, egressChannel,
                connectTimeout, idle, clientId);
    }

    public ClusterVenueConfig withConnectTimeout(Duration timeout) {
        return new ClusterVenueConfig(ingressEndpoints, credential, aeronDirectoryName, egressChannel, timeout,
                idleStrategy, clientId);
    }
}
