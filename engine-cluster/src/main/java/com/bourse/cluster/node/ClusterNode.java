package com.bourse.cluster.node;

import com.bourse.cluster.identity.BootstrapSecret;
import com.bourse.cluster.identity.IdentityView;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.ScramAuthenticator;
import com.bourse.cluster.identity.SignInAttempts;
import com.bourse.cluster.identity.UserDirectory;
import com.bourse.cluster.metrics.RateLimitedLog;
import com.bourse.cluster.metrics.NodeMetrics;
import com.bourse.cluster.metrics.PrometheusExporter;
import com.bourse.cluster.metrics.StructuredLog;
import com.bourse.cluster.service.EngineClusteredService;
import com.bourse.engine.EngineConfig;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One running member of the production engine's cluster: a media driver, archive and consensus module
 * ({@link ClusteredMediaDriver}) plus the service container hosting {@link EngineClusteredService}, with its
 * metrics exporter when a port is configured. The driver runs SHARED (one thread) to suit small machines.
 *
 * <p>{@link #close()} stops the node without any goodbye to its peers, which is what a crash looks like to
 * them; its archive and cluster directories stay so it can restart and catch up from snapshot and log.
 */
public final class ClusterNode implements AutoCloseable {
    private static final int TERM_LENGTH = 256 * 1024;
    /**
     * The replicated log's term. A publication may run at most half a term ahead of its slowest receiver, so with
     * 256k a follower descheduled for a few milliseconds at 100k commands/s back-pressured the leader; 4m gives
     * 2m of slack (the window below), as in Aeron's own throughput profile.
     */
    private static final int LOG_TERM_LENGTH = 4 * 1024 * 1024;
    /**
     * Receiver window and socket buffers (Aeron's low-latency and throughput profiles use the same 2m). With the
     * 128k default a receiver that fell behind for a scheduling quantum stalled its sender; needs the OS limits
     * {@code net.core.rmem_max} and {@code wmem_max} at least this large, else the driver warns and uses less.
     */
    private static final int SOCKET_AND_WINDOW_LENGTH = 2 * 1024 * 1024;

    private final NodeConfig config;
    private final NodeMetrics metrics;
    private final EngineClusteredService service;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private final PrometheusExporter exporter;

    private ClusterNode(NodeConfig config, EngineConfig engineConfig) {
        this.config = config.validate();
        this.metrics = new NodeMetrics(config.memberId());
        StructuredLog log = StructuredLog.stdout("cluster-node-" + config.memberId());
        NodeConfig.Identity identity = config.identity();
        IdentityView users = new IdentityView();
        SignInAttempts attempts = new SignInAttempts();
        // Argon2id of the bootstrap secret runs here, once, before any thread of the cluster starts.
        Scram.Verifier bootstrap = identity.bootstrapSecretFile() == null ? null
                : BootstrapSecret.load(identity.bootstrapSecretFile(), identity.bootstrapKdf(), log);
        this.service = new EngineClusteredService(engineConfig, config.businessTime(), metrics, log,
                new UserDirectory(identity.maxFailedSignIns(), users), attempts);
        int member = config.memberId();
        String host = config.host();
        File base = config.directory().toFile();
        String aeronDir = new File(base, "driver").getAbsolutePath();
        ErrorHandler errors = error -> log.warn("aeron_error", "member", member, "error", describe(error));
        Supplier<IdleStrategy> idle = idleStrategy(config.idleStrategy());

        MediaDriver.Context driverContext = new MediaDriver.Context()
                .aeronDirectoryName(aeronDir)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(idle.get())
                .termBufferSparseFile(true)
                .mtuLength(config.mtuLength())
                .publicationTermBufferLength(TERM_LENGTH)
                .ipcTermBufferLength(TERM_LENGTH * 4)
                .initialWindowLength(SOCKET_AND_WINDOW_LENGTH)
                .socketRcvbufLength(SOCKET_AND_WINDOW_LENGTH)
                .socketSndbufLength(SOCKET_AND_WINDOW_LENGTH)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .errorHandler(errors);

        Archive.Context archiveContext = new Archive.Context()
                .aeronDirectoryName(aeronDir)
                .archiveId(member)
                .archiveDir(new File(base, "archive"))
                .controlChannel("aeron:udp?endpoint=" + host + ":" + config.port(member, 4))
                .localControlChannel("aeron:ipc?term-length=64k")
                .replicationChannel("aeron:udp?endpoint=" + host + ":" + config.port(member, 5))
                .recordingEventsEnabled(false)
                .segmentFileLength(8 * 1024 * 1024)
                .threadingMode(ArchiveThreadingMode.SHARED)
                .idleStrategySupplier(idle)
                .deleteArchiveOnStart(false)
                .errorHandler(errors);

        AeronArchive.Context archiveClient = new AeronArchive.Context()
                .lock(NoOpLock.INSTANCE)
                .controlRequestChannel(archiveContext.localControlChannel())
                .controlRequestStreamId(archiveContext.localControlStreamId())
                .controlResponseChannel("aeron:ipc?term-length=64k")
                .aeronDirectoryName(aeronDir);

        ConsensusModule.Context consensusContext = new ConsensusModule.Context()
                .clusterMemberId(member)
                .clusterMembers(config.clusterMembers())
                .clusterDir(new File(base, "consensus"))
                .ingressChannel("aeron:udp?term-length=128k")
                .logChannel("aeron:udp?term-length=" + LOG_TERM_LENGTH)
                .replicationChannel("aeron:udp?endpoint=" + host + ":" + config.port(member, 6))
                .archiveContext(archiveClient.clone())
                .authenticatorSupplier(() -> new ScramAuthenticator(users, attempts, identity.maxFailedSignIns(),
                        bootstrap, new RateLimitedLog(log, 5)))
                .leaderHeartbeatTimeoutNs(config.leaderHeartbeatTimeout().toNanos())
                .leaderHeartbeatIntervalNs(Math.max(TimeUnit.MILLISECONDS.toNanos(50),
                        config.leaderHeartbeatTimeout().toNanos() / 10))
                .electionTimeoutNs(config.electionTimeout().toNanos())
                .startupCanvassTimeoutNs(config.leaderHeartbeatTimeout().toNanos() * 2)
                .sessionTimeoutNs(config.sessionTimeout().toNanos())
                .idleStrategySupplier(idle)
                .deleteDirOnStart(false)
                .errorHandler(errors);

        ClusteredServiceContainer.Context serviceContext = new ClusteredServiceContainer.Context()
                .aeronDirectoryName(aeronDir)
                .archiveContext(archiveClient.clone())
                .clusterDir(new File(base, "service"))
                .clusteredService(service)
                .idleStrategySupplier(idle)
                .errorHandler(errors);

        ClusteredMediaDriver launchedDriver = null;
        ClusteredServiceContainer launchedContainer = null;
        PrometheusExporter launchedExporter = null;
        try {
            launchedDriver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
            launchedContainer = ClusteredServiceContainer.launch(serviceContext);
            if (config.metricsPort() >= 0) {
                launchedExporter = new PrometheusExporter(metrics, config.metricsPort());
            }
        } catch (IOException e) {
            CloseHelper.closeAll(launchedContainer, launchedDriver);
            throw new UncheckedIOException("metrics port " + config.metricsPort() + " unavailable", e);
        } catch (RuntimeException e) {
            CloseHelper.closeAll(launchedContainer, launchedDriver);
            throw e;
        }
        this.driver = launchedDriver;
        this.container = launchedContainer;
        this.exporter = launchedExporter;
        log.info("node_started", "member", member, "members", config.clusterMembers(), "dir", base,
                "metricsPort", exporter == null ? -1 : exporter.port());
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- caused by ");
            }
            text.append(t);
            StackTraceElement[] frames = t.getStackTrace();
            if (frames.length > 0) {
                text.append(" at ").append(frames[0]);
            }
        }
        return text.toString();
    }

    public static ClusterNode launch(NodeConfig config, EngineConfig engineConfig) {
        return new ClusterNode(config, engineConfig);
    }

    static Supplier<IdleStrategy> idleStrategy(String name) {
        return switch (name) {
            case "busy" -> BusySpinIdleStrategy::new;
            case "sleep" -> () -> new SleepingMillisIdleStrategy(1);
            // Gives the core away on every idle turn but never parks: wakes in microseconds, not the ~60 µs a
            // park costs with Linux's default timer slack; for a node with a core per busy thread or two.
            case "yield" -> YieldingIdleStrategy::new;
            default -> () -> new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MICROSECONDS.toNanos(100));
        };
    }

    public int memberId() {
        return config.memberId();
    }

    public NodeConfig config() {
        return config;
    }

    public NodeMetrics metrics() {
        return metrics;
    }

    public EngineClusteredService service() {
        return service;
    }

    /** This node's role as its consensus module sees it now. */
    public Cluster.Role role() {
        return Cluster.Role.get(driver.consensusModule().context().clusterNodeRoleCounter());
    }

    public boolean isLeader() {
        return role() == Cluster.Role.LEADER;
    }

    /** Asks the cluster (through this node, normally the leader) to take a snapshot on every member. */
    public boolean requestSnapshot() {
        return ClusterControl.ToggleState.SNAPSHOT.toggle(driver.consensusModule().context().controlToggleCounter());
    }

    public PrometheusExporter exporter() {
        return exporter;
    }

    @Override
    public void close() {
        CloseHelper.closeAll(exporter, container, driver);
    }
}
