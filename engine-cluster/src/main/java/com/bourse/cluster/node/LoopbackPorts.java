package com.bourse.cluster.node;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a block of loopback ports for a cluster started on one machine (tests, benchmarks, a developer's second
 * cluster): a node takes ten ports from its base (see {@link NodeConfig}), so a cluster of n members needs 10n.
 * Blocks are picked at random within a range so that builds running side by side rarely meet, and a block is only
 * offered when the OS lets us bind every one of its ports, UDP and TCP, right now.
 */
public final class LoopbackPorts {
    private static final int ATTEMPTS = 50;

    private LoopbackPorts() {
    }

    /**
     * @param firstBase the lowest base port to offer
     * @param blocks    how many blocks of 100 ports above {@code firstBase} to choose from
     * @param members   the cluster's size
     */
    public static int freeBasePort(int firstBase, int blocks, int members) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = firstBase + 100 * ThreadLocalRandom.current().nextInt(blocks);
            if (blockIsFree(base, 10 * members)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of " + 10 * members + " loopback ports from " + firstBase);
    }

    private static boolean blockIsFree(int base, int count) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int port = base; port < base + count; port++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port));
                 ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
                udp.getLocalPort();
                tcp.getLocalPort();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
