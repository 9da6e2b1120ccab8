package com.bourse.cluster.node;

import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Everything one cluster node needs to start: who it is, who its peers are, where it keeps its files, its
 * ports, how it signs users in ({@link Identity}: no shared key, the users live in the replicated state), and its
 * timing. Ports are laid out from
 * {@code basePort}: member {@code i} uses {@code basePort + 10*i + k} for k = 0 ingress, 1 consensus, 2 log,
 * 3 catch-up, 4 archive control, 5 archive replication, 6 cluster replication.
 *
 * <p>Built in code with the {@code with...} methods or read from a properties file by {@link #load}; either way
 * {@link #validate()} names the bad setting before anything starts.
 */
public record NodeConfig(int memberId, List<String> hosts, int basePort, Path directory, int metricsPort,
                         Identity identity, String idleStrategy, BusinessTime businessTime,
                         Duration leaderHeartbeatTimeout, Duration electionTimeout, Duration sessionTimeout,
                         int mtuLength) {

    public static final String PREFIX = "bourse.cluster.";
    /** Aeron's default: fits a 1,500-byte Ethernet frame, safe on any network. */
    public static final int ETHERNET_MTU = 1408;
    /**
     * On loopback or a jumbo-frame (9,000-byte) network: a driver packs up to this many bytes of small messages
     * into one datagram, so a burst costs far fewer {@code sendto} calls (the largest CPU cost of the drivers).
     */
    public static final int JUMBO_MTU = 8192;

    public NodeConfig {
        hosts = List.copyOf(hosts);
    }

    /**
     * Sign-in settings.
     *
     * @param bootstrapSecretFile the one-time secret that opens the installation's session while the cluster has no
     *                            user (made and printed when missing); null: this node cannot bootstrap
     * @param maxFailedSignIns    wrong passwords in a row that lock a user
     * @param bootstrapKdf        Argon2id cost of the bootstrap secret's verifier
     */
    public record Identity(Path bootstrapSecretFile, int maxFailedSignIns, Scram.KdfParams bootstrapKdf) {
        public static final int DEFAULT_MAX_FAILED_SIGN_INS = 5;

        public static Identity defaults() {
            return new Identity(null, DEFAULT_MAX_FAILED_SIGN_INS, Scram.KdfParams.OWASP);
        }

        public Identity withBootstrapSecretFile(Path file) {
            return new Identity(file, maxFailedSignIns, bootstrapKdf);
        }
    }

    /** A loopback cluster of {@code members} nodes with production timing; metrics off. */
    public static NodeConfig loopback(int memberId, int members, int basePort, Path directory) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            hosts.add("localhost");
        }
        return new NodeConfig(memberId, hosts, basePort, directory, -1, Identity.defaults(), "backoff", BusinessTime.CLUSTER_LOG,
                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(10), JUMBO_MTU);
    }

    /**
     * Reads {@code bourse.cluster.*} properties: memberId, hosts (comma separated, one per member), basePort,
     * dir (relative to the file's folder), metricsPort (-1 for none), bootstrapSecretFile (relative to the file's
     * folder; optional), maxFailedSignIns (default 5), idle
     * (backoff, yield, sleep or busy), businessTime (CLUSTER_LOG or AS_SENT), leaderHeartbeatTimeoutMs,
     * electionTimeoutMs, sessionTimeoutMs, mtu (bytes per datagram: 1408 unless the network carries jumbo frames).
     */
    public static NodeConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Path folder = file.toAbsolutePath().getParent();
        if (p.getProperty(PREFIX + "secretFile") != null || p.getProperty(PREFIX + "secret") != null) {
            throw new IllegalArgumentException(PREFIX + "secretFile: nodes share no key with desktops any more; "
                    + "users sign in against the cluster's own users (see docs/security.md). Remove the setting; "
                    + "give the first start a bootstrapSecretFile instead");
        }
        String bootstrapFile = p.getProperty(PREFIX + "bootstrapSecretFile");
        Identity identity = new Identity(bootstrapFile == null ? null : folder.resolve(bootstrapFile.trim()),
                Integer.parseInt(p.getProperty(PREFIX + "maxFailedSignIns",
                        String.valueOf(Identity.DEFAULT_MAX_FAILED_SIGN_INS)).trim()), Scram.KdfParams.OWASP);
        NodeConfig config = new NodeConfig(
                Integer.parseInt(required(p, "memberId")),
                List.of(required(p, "hosts").split("\\s*,\\s*")),
                Integer.parseInt(p.getProperty(PREFIX + "basePort", "20000")),
                folder.resolve(required(p, "dir")).normalize(),
                Integer.parseInt(p.getProperty(PREFIX + "metricsPort", "-1")),
                identity,
                p.getProperty(PREFIX + "idle", "backoff"),
                BusinessTime.valueOf(p.getProperty(PREFIX + "businessTime", "CLUSTER_LOG")),
                Duration.ofMillis(Long.parseLong(p.getProperty(PREFIX + "leaderHeartbeatTimeoutMs", "10000"))),
                Duration.ofMillis(Long.parseLong(p.getProperty(PREFIX + "electionTimeoutMs", "1000"))),
                Duration.ofMillis(Long.parseLong(p.getProperty(PREFIX + "sessionTimeoutMs", "10000"))),
                Integer.parseInt(p.getProperty(PREFIX + "mtu", String.valueOf(ETHERNET_MTU)).trim()));
        config.validate();
        return config;
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(PREFIX + key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting " + PREFIX + key);
        }
        return value.trim();
    }

    /** Fails with the name of the first bad setting. */
    public NodeConfig validate() {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "hosts must name at least one member");
        }
        if (memberId < 0 || memberId >= hosts.size()) {
            throw new IllegalArgumentException(PREFIX + "memberId " + memberId + " is not one of the "
                    + hosts.size() + " members");
        }
        if (basePort < 1024 || basePort + 10 * hosts.size() > 65_535) {
            throw new IllegalArgumentException(PREFIX + "basePort " + basePort + " leaves no room for the ports");
        }
        if (identity == null || identity.maxFailedSignIns() < 1 || identity.maxFailedSignIns() > 100) {
            throw new IllegalArgumentException(PREFIX + "maxFailedSignIns must be 1 to 100");
        }
        if (identity.bootstrapKdf().problem() != null) {
            throw new IllegalArgumentException(PREFIX + "bootstrap key derivation: " + identity.bootstrapKdf().problem());
        }
        if (!List.of("backoff", "yield", "sleep", "busy").contains(idleStrategy)) {
            throw new IllegalArgumentException(PREFIX + "idle must be backoff, yield, sleep or busy, not "
                    + idleStrategy);
        }
        if (directory == null) {
            throw new IllegalArgumentException(PREFIX + "dir is required");
        }
        if (mtuLength < 1024 || mtuLength > 65_504 || mtuLength % 32 != 0) {
            throw new IllegalArgumentException(PREFIX + "mtu must be a multiple of 32 from 1024 to 65504, not "
                    + mtuLength);
        }
        return this;
    }

    public NodeConfig withMetricsPort(int port) {
        return new NodeConfig(memberId, hosts, basePort, directory, port, identity, idleStrategy,
                businessTime, leaderHeartbeatTimeout, electionTimeout, sessionTimeout, mtuLength);
    }

    public NodeConfig withIdleStrategy(String idle) {
        return new NodeConfig(memberId, hosts, basePort, directory, metricsPort, identity, idle,
                businessTime, leaderHeartbeatTimeout, electionTimeout, sessionTimeout, mtuLength);
    }

    public NodeConfig withBusinessTime(BusinessTime time) {
        return new NodeConfig(memberId, hosts, basePort, directory, metricsPort, identity, idleStrategy,
                time, leaderHeartbeatTimeout, electionTimeout, sessionTimeout, mtuLength);
    }

    public NodeConfig withTimeouts(Duration leaderHeartbeat, Duration election, Duration session) {
        return new NodeConfig(memberId, hosts, basePort, directory, metricsPort, identity, idleStrategy,
                businessTime, leaderHeartbeat, election, session, mtuLength);
    }

    public NodeConfig withIdentity(Identity newIdentity) {
        return new NodeConfig(memberId, hosts, basePort, directory, metricsPort, newIdentity, idleStrategy,
                businessTime, leaderHeartbeatTimeout, electionTimeout, sessionTimeout, mtuLength);
    }

    public NodeConfig withMtuLength(int mtu) {
        return new NodeConfig(memberId, hosts, basePort, directory, metricsPort, identity, idleStrategy,
                businessTime, leaderHeartbeatTimeout, electionTimeout, sessionTimeout, mtu);
    }

    public int port(int member, int kind) {
        return basePort + 10 * member + kind;
    }

    public String host() {
        return hosts.get(memberId);
    }

    /** Aeron's member list: {@code id,ingress,consensus,log,catchup,archive|...}. */
    public String clusterMembers() {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i);
            members.append(i).append(',').append(h).append(':').append(port(i, 0))
                    .append(',').append(h).append(':').append(port(i, 1))
                    .append(',').append(h).append(':').append(port(i, 2))
                    .append(',').append(h).append(':').append(port(i, 3))
                    .append(',').append(h).append(':').append(port(i, 4));
            if (i + 1 < hosts.size()) {
                members.append('|');
            }
        }
        return members.toString();
    }

    /** What a client needs to find the members: {@code 0=host:port,1=host:port,...}. */
    public static String ingressEndpoints(List<String> hosts, int basePort) {
        StringBuilder endpoints = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            if (i > 0) {
                endpoints.append(',');
            }
            endpoints.append(i).append('=').append(hosts.get(i)).append(':').append(basePort + 10 * i);
        }
        return endpoints.toString();
    }
}
