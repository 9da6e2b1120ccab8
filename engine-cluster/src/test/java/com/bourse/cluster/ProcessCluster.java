package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.ClusterVenueConfig;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.node.ClusterNodeLauncher;
import com.bourse.cluster.node.LoopbackPorts;
import com.bourse.cluster.node.NodeConfig;
import io.aeron.cluster.ClusterTool;
import io.aeron.cluster.service.Cluster;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback cluster for tests whose members are separate JVMs, each started with the real
 * {@link ClusterNodeLauncher} from its own properties file, so a member can die by SIGKILL (no shutdown hook, no
 * goodbye, its files left mid-write) and be started again on the same directories. The test process watches the
 * members through their {@code /metrics} endpoints, trades through {@link ClusterVenue}s on a media driver of its
 * own, and asks for snapshots with Aeron's {@link ClusterTool}, as an operator would.
 *
 * <p>Each launch's stdout and stderr go to {@code node-<member>-<launch>.log} in the cluster's directory.
 * Closing kills every member still running and closes the venues and the driver. Used from the test thread only.
 */
final class ProcessCluster implements AutoCloseable {
    /** Base ports 12000-19900: below dev-cluster.sh (20000), LoopbackCluster (21000+) and Linux's ephemeral range. */
    private static final int FIRST_BASE_PORT = 12_000;
    private static final int BASE_PORT_BLOCKS = 80;
    private static final Pattern METRICS_PORT = Pattern.compile("\"event\":\"node_started\".*\"metricsPort\":(\\d+)");
    private static final List<String> JVM_OPTIONS = List.of(
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
            // Three nodes share two busy cores with the build: small heaps and the quick compiler only.
            "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path directory;
    private final int size;
    private final int basePort;
    private final Process[] processes;
    private final boolean[] killed;
    private final int[] launches;
    private final List<Path> logs = new ArrayList<>();
    private final MediaDriver clientDriver;
    private final List<ClusterVenue> venues = new ArrayList<>();
    /** Should this JVM end without close() (a build timeout), its node processes must not outlive it. */
    private final Thread reaper = new Thread(this::destroyProcesses, "process-cluster-reaper");

    private ProcessCluster(Path directory, int size) {
        this.directory = directory;
        this.size = size;
        this.basePort = LoopbackPorts.freeBasePort(FIRST_BASE_PORT, BASE_PORT_BLOCKS, size);
        this.processes = new Process[size];
        this.killed = new boolean[size];
        this.launches = new int[size];
        this.clientDriver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(directory.resolve("client-driver").toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
                .termBufferSparseFile(true)
                .publicationTermBufferLength(256 * 1024)
                .ipcTermBufferLength(256 * 1024)
                // As LoopbackCluster's: room for the venues' egress while a venue thread waits for a core.
                .initialWindowLength(2 * 1024 * 1024)
                .socketRcvbufLength(2 * 1024 * 1024)
                .socketSndbufLength(2 * 1024 * 1024)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Writes every member's properties under {@code directory}, starts the processes and waits for a leader. */
    static ProcessCluster start(Path directory, int size) {
        ProcessCluster cluster = new ProcessCluster(directory.toAbsolutePath(), size);
        try {
            cluster.writeConfiguration();
            for (int member = 0; member < size; member++) {
                cluster.startNode(member);
            }
            cluster.awaitLeader(Duration.ofSeconds(45));
        } catch (RuntimeException | Error e) {
            cluster.close();
            System.out.println(cluster.logs());
            throw e;
        }
        return cluster;
    }

    private void writeConfiguration() {
        List<String> hosts = Collections.nCopies(size, "localhost");
        try {
            TestIdentity.writeBootstrapSecret(directory);
            for (int member = 0; member < size; member++) {
                Files.writeString(propertiesFile(member), """
                        # Member %d of a test cluster; every member is its own JVM (ProcessCluster).
                        bourse.cluster.memberId=%d
                        bourse.cluster.hosts=%s
                        bourse.cluster.basePort=%d
                        bourse.cluster.dir=node-%d
                        # 0: any free port; the node logs the one it bound in its node_started line.
                        bourse.cluster.metricsPort=0
                        bourse.cluster.bootstrapSecretFile=bootstrap.secret
                        bourse.cluster.idle=sleep
                        bourse.cluster.businessTime=CLUSTER_LOG
                        bourse.cluster.leaderHeartbeatTimeoutMs=2000
                        bourse.cluster.electionTimeoutMs=1000
                        bourse.cluster.sessionTimeoutMs=15000
                        """.formatted(member, member, String.join(",", hosts), basePort, member));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path propertiesFile(int member) {
        return directory.resolve("node-" + member + ".properties");
    }

    /** Starts (or starts again, on the same directories) the process of {@code member}. */
    void startNode(int member) {
        if (processes[member] != null && processes[member].isAlive()) {
            throw new IllegalStateException("node " + member + " is already running");
        }
        launches[member]++;
        Path log = log(member);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test")));
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterNodeLauncher.class.getName());
        command.add(propertiesFile(member).toString());
        try {
            processes[member] = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + member, e);
        }
        killed[member] = false;
        logs.add(log);
    }

    /** SIGKILL: the JVM gets no chance to run a shutdown hook or tell its peers anything. */
    void kill(int member) {
        Process process = processes[member];
        killed[member] = true;
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node " + member + " (pid " + process.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted killing node " + member, e);
        }
    }

    /** What {@code member} reports on its metrics endpoint now, empty while it is not serving it yet. */
    Optional<NodeStatus> status(int member) {
        Process process = processes[member];
        if (process == null || killed[member]) {
            return Optional.empty();
        }
        if (!process.isAlive()) {
            throw new AssertionError("node " + member + " exited by itself with code " + process.exitValue()
                    + "; see " + log(member));
        }
        OptionalInt port = metricsPort(member);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(
                    "http://127.0.0.1:" + port.getAsInt() + "/metrics").toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(2_000);
            try (InputStream in = connection.getInputStream()) {
                return Optional.of(NodeStatus.parse(member, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The port this launch of {@code member} bound for metrics, from its node_started log line. */
    private OptionalInt metricsPort(int member) {
        try {
            Matcher matcher = METRICS_PORT.matcher(Files.readString(log(member), StandardCharsets.UTF_8));
            return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private Path log(int member) {
        return directory.resolve("node-" + member + "-" + launches[member] + ".log");
    }

    /** The member whose node reports itself leader, once one does. */
    int awaitLeader(Duration timeout) {
        int[] leader = {-1};
        LoopbackCluster.await(timeout, "a leader", () -> {
            for (int member = 0; member < size; member++) {
                if (status(member).filter(NodeStatus::isLeader).isPresent()) {
                    leader[0] = member;
                    return true;
                }
            }
            return false;
        });
        return leader[0];
    }

    /** Asks the cluster, through {@code member} (the leader), to snapshot on every member; waits for it. */
    boolean requestSnapshot(int member) {
        return ClusterTool.snapshot(directory.resolve("node-" + member).resolve("consensus").toFile(), System.out);
    }

    /**
     * A venue signed in as {@code userId} with its password; {@link Market#SYSTEM} opens the installation's session
     * with the bootstrap secret and creates the market's users (once: then the secret opens nothing).
     */
    ClusterVenue venue(long userId) {
        ScramCredentials credentials = userId == Market.SYSTEM
                ? ScramCredentials.bootstrap(TestIdentity.BOOTSTRAP_SECRET.toCharArray())
                : ScramCredentials.password(Market.username(userId), Market.password(userId));
        String endpoints = NodeConfig.ingressEndpoints(Collections.nCopies(size, "localhost"), basePort);
        ClusterVenue venue = ClusterVenue.connect(ClusterVenueConfig.of(endpoints, credentials)
                .withAeronDirectory(clientDriver.aeronDirectoryName()).withIdleStrategy("sleep")
                .withConnectTimeout(Duration.ofSeconds(30)));
        venues.add(venue);
        if (userId == Market.SYSTEM) {
            TestIdentity.createMarketUsers(venue);
        }
        return venue;
    }

    /** Every launch's output, for a failure report. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            text.append("===== ").append(log.getFileName()).append(" =====\n");
            try {
                text.append(Files.readString(log, StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.append("(unreadable: ").append(e).append(")\n");
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        for (ClusterVenue venue : venues) {
            CloseHelper.quietClose(venue);
        }
        destroyProcesses();
        CloseHelper.quietClose(clientDriver);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    private void destroyProcesses() {
        for (Process process : processes) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
        for (Process process : processes) {
            if (process != null) {
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** One scrape of a node's {@code /metrics}: the figures these tests read. */
    record NodeStatus(int member, long role, long leaderMemberId, long commands, long snapshotLogPosition,
                      long snapshotCrc32) {

        boolean isLeader() {
            return role == Cluster.Role.LEADER.code();
        }

        static NodeStatus parse(int member, String exposition) {
            Map<String, Long> values = new HashMap<>();
            for (String line : exposition.split("\n")) {
                int labels = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                if (line.startsWith("#") || labels < 0 || space < labels || line.contains("quantile")) {
                    continue;
                }
                values.put(line.substring(0, labels), Long.parseLong(line.substring(space + 1)));
            }
            return new NodeStatus(member, value(values, "bourse_role"), value(values, "bourse_leader_member_id"),
                    value(values, "bourse_commands_total"), value(values, "bourse_engine_snapshot_log_position"),
                    value(values, "bourse_engine_snapshot_crc32"));
        }

        private static long value(Map<String, Long> values, String name) {
            Long value = values.get(name);
            if (value == null) {
                throw new AssertionError("the node's /metrics has no " + name);
            }
            return value;
        }
    }
}
