package com.bourse.app.desktop;

import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.node.ClusterNode;
import com.bourse.cluster.node.LoopbackPorts;
import com.bourse.cluster.node.NodeConfig;
import com.bourse.engine.EngineConfig;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real one-node production cluster on loopback for the live desktop tests (sleeping idle strategies, short
 * timeouts: the build machine has two cores), given a bootstrap secret that {@link #seed} uses to create the
 * sample world's users and market. It shares no key with any desktop. {@link #restart} stops the node with no goodbye, as a crash
 * would, and starts it again on the same log.
 */
final class LiveCluster implements AutoCloseable {
    static final String BOOTSTRAP_SECRET = "the live desktop tests' bootstrap secret";
    /** Cheap Argon2id for the seeded users' verifiers, so tests sign in quickly. */
    static final Scram.KdfParams CHEAP = new Scram.KdfParams(64, 1, 1);

    private final Path directory;
    private final int basePort;
    private ClusterNode node;

    private LiveCluster(Path directory) {
        this.directory = directory;
        this.basePort = LoopbackPorts.freeBasePort(21_000, 300, 1);
    }

    static LiveCluster start(Path directory) {
        LiveCluster cluster = new LiveCluster(directory);
        cluster.launch();
        return cluster;
    }

    private void launch() {
        Path bootstrap = directory.resolve("bootstrap.secret");
        try {
            Files.createDirectories(directory);
            Files.writeString(bootstrap, BOOTSTRAP_SECRET);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        node = ClusterNode.launch(NodeConfig.loopback(0, 1, basePort, directory.resolve("node-0"))
                .withIdentity(new NodeConfig.Identity(bootstrap, NodeConfig.Identity.DEFAULT_MAX_FAILED_SIGN_INS, CHEAP))
                .withIdleStrategy("sleep")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1_000), Duration.ofSeconds(15)),
                EngineConfig.defaults());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!node.isLeader()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the one-node cluster elected no leader within 60 s");
            }
            sleep(20);
        }
    }

    /** The desktop's view of this cluster: where it is, nothing more (it shares no key with desktops). */
    DesktopConfig.Cluster settings() {
        return new DesktopConfig.Cluster(NodeConfig.ingressEndpoints(List.of("localhost"), basePort));
    }

    /** Seeds the fresh cluster from the sample world through {@code host}, with the bootstrap secret. */
    static int seed(LiveHost host) {
        return ClusterSeed.seed(host, com.bourse.backoffice.importexport.SampleWorld.read(
                com.bourse.backoffice.importexport.SampleWorld.locate()), BOOTSTRAP_SECRET.toCharArray(), CHEAP);
    }

    /** Stops the node with no goodbye and starts it again from its log. */
    void restart() {
        CloseHelper.quietClose(node);
        node = null;
        launch();
    }

    /** Events the node could not send to a session, which it closed for it (see the service's EventRouter). */
    long droppedEvents() {
        return node.metrics().droppedEvents();
    }

    void stop() {
        CloseHelper.quietClose(node);
        node = null;
    }

    @Override
    public void close() {
        CloseHelper.quietClose(node);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
