package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.ClusterVenueConfig;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.node.ClusterNode;
import com.bourse.cluster.node.LoopbackPorts;
import com.bourse.cluster.node.NodeConfig;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.security.CredentialsSupplier;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.IOException;
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
 *
 * <p>Every node is given the same bootstrap secret; {@link #start} opens the installation's session with it and
 * creates the {@link Market}'s users, so {@link #venue(long)} signs them in with their passwords.
 */
final class LoopbackCluster implements AutoCloseable {

    private final Path directory;
    private final int basePort;
    private final int size;
    private final BusinessTime businessTime;
    private final String idle;
    private final ClusterNode[] nodes;
    private final MediaDriver clientDriver;
    private final List<ClusterVenue> venues = new ArrayList<>();
    private final Path bootstrapSecret;
    private ClusterVenue installation;

    private LoopbackCluster(Path directory, int size, BusinessTime businessTime, String idle) {
        this.directory = directory;
        this.idle = idle;
        this.size = size;
        this.businessTime = businessTime;
        this.basePort = LoopbackPorts.freeBasePort(21_000, 300, size);
        this.nodes = new ClusterNode[size];
        this.bootstrapSecret = TestIdentity.writeBootstrapSecret(directory);
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
            cluster.installation = cluster.venue(ClusterVenueConfig.of(cluster.ingressEndpoints(),
                    ScramCredentials.bootstrap(TestIdentity.BOOTSTRAP_SECRET.toCharArray())));
            TestIdentity.createMarketUsers(cluster.installation);
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    NodeConfig config(int member) {
        return NodeConfig.loopback(member, size, basePort, directory.resolve("node-" + member))
                .withIdentity(new NodeConfig.Identity(bootstrapSecret, NodeConfig.Identity.DEFAULT_MAX_FAILED_SIGN_INS,
                        TestIdentity.CHEAP))
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

    /**
     * A venue signed in as {@code userId} with its password; {@link Market#SYSTEM} is the installation's bootstrap
     * session, opened once at start (the secret opens nothing once users exist, so it cannot follow a leader change).
     */
    ClusterVenue venue(long userId) {
        if (userId == Market.SYSTEM) {
            return installation;
        }
        return venue(ScramCredentials.password(Market.username(userId), Market.password(userId)));
    }

    ClusterVenue venue(ScramCredentials credentials) {
        return venue(ClusterVenueConfig.of(ingressEndpoints(), credentials));
    }

    ClusterVenue venue(ClusterVenueConfig config) {
        ClusterVenue venue = ClusterVenue.connect(config.withAeronDirectory(clientDriver.aeronDirectoryName())
                .withIdleStrategy(idle).withConnectTimeout(Duration.ofSeconds(30)));
        venues.add(venue);
        return venue;
    }

    /** The shared client media driver's directory, for tests that talk to the cluster without a venue. */
    String clientAeronDirectory() {
        return clientDriver.aeronDirectoryName();
    }

    /**
     * Sends {@code opening} through the installation's session and waits until every command is settled, none
     * refused; returns the recorder of that session (the back office's view: every event in log order).
     */
    VenueRecorder open(List<Command> opening) {
        VenueRecorder backOffice = VenueRecorder.on(installation);
        opening.forEach(installation::submit);
        await(Duration.ofSeconds(60), "the opening", () -> backOffice.settled() == opening.size());
        if (!backOffice.failures.isEmpty()) {
            throw new AssertionError("the opening was refused: " + backOffice.failures);
        }
        return backOffice;
    }

    /** A bare Aeron session (no venue) signing in with {@code credentials}, for specs of the sign-in exchange. */
    AeronCluster connectRaw(CredentialsSupplier credentials) {
        return connectRaw(credentials, (sessionId, timestamp, buffer, offset, length, header) -> { });
    }

    AeronCluster connectRaw(CredentialsSupplier credentials, EgressListener listener) {
        return AeronCluster.connect(new AeronCluster.Context()
                .aeronDirectoryName(clientAeronDirectory())
                .ingressChannel("aeron:udp")
                .ingressEndpoints(ingressEndpoints())
                .egressChannel("aeron:udp?endpoint=localhost:0")
                // A ceiling, reached only when the cluster does not answer (a new leader may take a while).
                .messageTimeoutNs(Duration.ofSeconds(30).toNanos())
                .credentialsSupplier(credentials)
                .egressListener(listener));
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
