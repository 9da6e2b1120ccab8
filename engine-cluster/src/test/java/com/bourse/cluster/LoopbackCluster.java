package com.bourse.cluster;

import com.bourse.cluster.auth.CredentialAuthority;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.ClusterVenueConfig;
import com.bourse.cluster.node.ClusterNode;
import com.bourse.cluster.node.LoopbackPorts;
import com.bourse.cluster.node.NodeConfig;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.engine.EngineConfig;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real cluster of {@code n} nodes on loopback for tests, each in its own directory under {@code target/}, with
 * short election timeouts and sleeping idle strategies (the build machine has two cores), plus one shared client
 * media driver for the venues. Closing it stops every node, venue and driver it started.
 */
final class LoopbackCluster implements AutoCloseable {
    static final byte[] SECRET = "a test secret of thirty-two bytes or more!".getBytes(StandardCharsets.UTF_8);
    static final CredentialAuthority AUTHORITY = new CredentialAuthority(SECRET);

    private final Path directory;
    private final int basePort;
    private final int size;
    private final BusinessTime businessTime;
    private final String idle;
    private final ClusterNode[] nodes;
    private final MediaDriver clientDriver;
    private final List<ClusterVenue> venues = new ArrayList<>();

    private LoopbackCluster(Path directory, int size, BusinessTime businessTime, String idle) {
        this.directory = directory;
        this.idle = idle;
        this.size = size;
        this.businessTime = businessTime;
        this.basePort = LoopbackPorts.freeBasePort(21_000, 300, size);
        this.nodes = new ClusterNode[size];
        this.clientDriver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(directory.resolve("client-driver").toAbsolutePath().toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy("sleep".equals(idle) ? new SleepingMillisIdleStrategy(1)
                        : new org.agrona.concurrent.BackoffIdleStrategy(10, 20, 1_000, 100_000))
                .termBufferSparseFile(true)
                // Loopback carries 8k datagrams, as the nodes' drivers use (NodeConfig.loopback).
                .mtuLength(com.bourse.cluster.node.NodeConfig.JUMBO_MTU)
                .publicationTermBufferLength(256 * 1024)
                .ipcTermBufferLength(256 * 1024)
                // As the nodes' drivers: a 2m receive window and socket buffers, so the venues' egress (events and
                // acks, term-length 4m) never back-pressures the cluster while a venue thread waits for a core.
                .initialWindowLength(2 * 1024 * 1024)
                .socketRcvbufLength(2 * 1024 * 1024)
                .socketSndbufLength(2 * 1024 * 1024)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
    }

    static LoopbackCluster start(String name, int size, BusinessTime businessTime) {
        return start(name, size, businessTime, "sleep");
    }

    /** @param idle the idle strategy of nodes and venues: sleep (cheap, for tests) or backoff (for measuring) */
    static LoopbackCluster start(String name, int size, BusinessTime businessTime, String idle) {
        Path directory = Path.of("target", "clusters", name + "-" + System.nanoTime()).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LoopbackCluster cluster = new LoopbackCluster(directory, size, businessTime, idle);
        try {
            for (int i = 0; i < size; i++) {
                cluster.startNode(i);
            }
            cluster.awaitLeader(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    NodeConfig config(int member) {
        return NodeConfig.loopback(member, size, basePort, directory.resolve("node-" + member), SECRET)
                .withIdleStrategy(idle)
                .withBusinessTime(businessTime)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1_000), Duration.ofSeconds(15));
    }

    ClusterNode startNode(int member) {
        nodes[member] = ClusterNode.launch(config(member), EngineConfig.defaults());
        return nodes[member];
    }

    /** Stops a node with no goodbye, as a crash would. */
    void kill(int member) {
        CloseHelper.quietClose(nodes[member]);
        nodes[member] = null;
    }

    int size() {
        return size;
    }

    ClusterNode node(int member) {
        return nodes[member];
    }

    ClusterNode awaitLeader(Duration timeout) {
        ClusterNode[] leader = new ClusterNode[1];
        await(timeout, "a leader", () -> {
            for (ClusterNode node : nodes) {
                if (node != null && node.isLeader()) {
                    leader[0] = node;
                    return true;
                }
            }
            return false;
        });
        return leader[0];
    }

    String ingressEndpoints() {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            hosts.add("localhost");
        }
        return NodeConfig.ingressEndpoints(hosts, basePort);
    }

    /** A venue signed in as {@code userId} with a credential valid for an hour. */
    ClusterVenue venue(long userId) {
        String credential = AUTHORITY.issue(userId, System.currentTimeMillis() + 3_600_000);
        return venue(ClusterVenueConfig.of(ingressEndpoints(), credential));
    }

    ClusterVenue venue(ClusterVenueConfig config) {
        ClusterVenue venue = ClusterVenue.connect(config.withAeronDirectory(clientDriver.aeronDirectoryName())
                .withIdleStrategy(idle).withConnectTimeout(Duration.ofSeconds(30)));
        venues.add(venue);
        return venue;
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        for (ClusterVenue venue : venues) {
            CloseHelper.quietClose(venue);
        }
        for (int i = 0; i < nodes.length; i++) {
            CloseHelper.quietClose(nodes[i]);
            nodes[i] = null;
        }
        CloseHelper.quietClose(clientDriver);
    }
}
