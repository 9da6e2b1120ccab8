package com.bourse.cluster.node;

import com.bourse.cluster.metrics.StructuredLog;
import com.bourse.engine.EngineConfig;
import io.aeron.archive.ArchiveMarkFile;
import io.aeron.cluster.service.ClusterMarkFile;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.agrona.concurrent.SystemEpochClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts one production-engine node from a properties file and runs it until SIGINT/SIGTERM:
 * {@code java --add-opens ... -cp ... com.bourse.cluster.node.ClusterNodeLauncher config/node-0.properties}.
 * See {@code engine-cluster/README.md} for the 3-node loopback script.
 *
 * <p>A node killed with SIGKILL can be started again at once on the same directory: see
 * {@link #releaseMarkFilesOfDeadProcesses}.
 */
public final class ClusterNodeLauncher {
    private static final long MARK_FILE_READ_TIMEOUT_MS = 1_000;

    private ClusterNodeLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ClusterNodeLauncher <node.properties>");
            System.exit(2);
        }
        NodeConfig config = NodeConfig.load(Path.of(args[0]));
        releaseMarkFilesOfDeadProcesses(config.directory(),
                StructuredLog.stdout("cluster-node-launcher-" + config.memberId()));
        // The barrier is closed last: its shutdown hook lets the JVM exit only once the node has closed.
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
             ClusterNode node = ClusterNode.launch(config, EngineConfig.defaults())) {
            barrier.await();
        }
    }

    /**
     * A node that died without closing (SIGKILL, power cut) leaves its archive and cluster mark files looking
     * active for about ten seconds, and Aeron refuses to start on them meanwhile, as a second live node on the
     * same files would be fatal. Each mark file names the process that wrote it: when that process is gone, or its
     * pid now belongs to a process started after the file, nobody is using the files, so they are marked inactive
     * and this start goes ahead. A mark file whose writer still runs is left alone and Aeron refuses as before.
     */
    static void releaseMarkFilesOfDeadProcesses(Path nodeDirectory, StructuredLog log) throws IOException {
        if (!Files.isDirectory(nodeDirectory)) {
            return;
        }
        List<Path> markFiles;
        try (Stream<Path> found = Files.find(nodeDirectory, 2, (path, attributes) ->
                ArchiveMarkFile.isArchiveMarkFile(path, attributes)
                        || ClusterMarkFile.isConsensusModuleMarkFile(path, attributes)
                        || ClusterMarkFile.isServiceMarkFile(path, attributes))) {
            markFiles = found.toList();
        }
        EpochClock clock = SystemEpochClock.INSTANCE;
        for (Path file : markFiles) {
            String name = file.getFileName().toString();
            try {
                if (ArchiveMarkFile.isArchiveMarkFile(file, null)) {
                    try (ArchiveMarkFile mark = new ArchiveMarkFile(file.getParent().toFile(), name, clock,
                            MARK_FILE_READ_TIMEOUT_MS, message -> { })) {
                        if (writerIsGone(mark.decoder().pid(), mark.decoder().startTimestamp())) {
                            mark.updateActivityTimestamp(0);
                            log.info("stale_mark_file_released", "file", file, "pid", mark.decoder().pid());
                        }
                    }
                } else {
                    try (ClusterMarkFile mark = new ClusterMarkFile(file.getParent().toFile(), name, clock,
                            MARK_FILE_READ_TIMEOUT_MS, message -> { })) {
                        if (writerIsGone(mark.decoder().pid(), mark.decoder().startTimestamp())) {
                            mark.updateActivityTimestamp(0);
                            log.info("stale_mark_file_released", "file", file, "pid", mark.decoder().pid());
                        }
                    }
                }
            } catch (RuntimeException e) {
                // Half-written by a node killed while starting: Aeron's own start-up check decides about it.
                log.warn("mark_file_unreadable", "file", file, "error", e.toString());
            }
        }
    }

    private static boolean writerIsGone(long pid, long fileStartedMs) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().startInstant()
                        .map(started -> started.isAfter(Instant.ofEpochMilli(fileStartedMs)))
                        .orElse(false))
                .orElse(true);
    }
}
