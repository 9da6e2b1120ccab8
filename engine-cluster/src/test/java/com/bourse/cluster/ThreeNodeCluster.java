package com.bourse.cluster;

import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The failover specs' cluster: three nodes on loopback, business time from the cluster log, started by the test
 * that needs it and closed after that test however it ends. Register it with {@code @RegisterExtension} on an
 * instance field; each test gets its own cluster, because each one kills and restarts nodes.
 */
final class ThreeNodeCluster implements AfterEachCallback {
    private final String name;
    private LoopbackCluster cluster;

    ThreeNodeCluster(String name) {
        this.name = name;
    }

    /** Starts the three nodes, waits for a leader and creates the {@link Market}'s users. */
    LoopbackCluster start() {
        if (cluster != null) {
            throw new IllegalStateException("this test's cluster " + name + " is already started");
        }
        cluster = LoopbackCluster.start(name, 3, BusinessTime.CLUSTER_LOG);
        return cluster;
    }

    /** The cluster {@link #start} started. */
    LoopbackCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster " + name + " is not started yet");
        }
        return cluster;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
