package com.bourse.cluster.node;

import com.bourse.engine.EngineConfig;
import org.agrona.concurrent.ShutdownSignalBarrier;

import java.nio.file.Path;

/**
 * Starts one production-engine node from a properties file and runs it until SIGINT/SIGTERM:
 * {@code java --add-opens ... -cp ... com.bourse.cluster.node.ClusterNodeLauncher config/node-0.properties}.
 * See {@code engine-cluster/README.md} for the 3-node loopback script.
 */
public final class ClusterNodeLauncher {
    private ClusterNodeLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ClusterNodeLauncher <node.properties>");
            System.exit(2);
        }
        NodeConfig config = NodeConfig.load(Path.of(args[0]));
        // The barrier is closed last: its shutdown hook lets the JVM exit only once the node has closed.
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
             ClusterNode node = ClusterNode.launch(config, EngineConfig.defaults())) {
            barrier.await();
        }
    }
}
