package com.bourse.backoffice.store.bench;

import com.bourse.backoffice.store.JournaledEngine;
import com.bourse.engine.host.Durability;
import com.bourse.backoffice.store.ProjectedCommand;
import com.bourse.backoffice.store.ProjectionWriter;
import com.bourse.backoffice.store.Projector;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import com.bourse.backoffice.store.TradingWorkload;
import com.bourse.backoffice.store.schema.Tables;
import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Projection write throughput into H2 and the lag from an engine event to its row being queryable.
 *
 * <p>The command stream ({@link TradingWorkload}) is generated first; each timed run then applies it through
 * the real path: command journal (fsync per group commit) → engine → projection writer thread → H2 file. Two
 * runs: flat out (throughput), and paced at a target event rate (lag: commit time minus the time the engine
 * finished the command, which includes the journal fsync and the queue wait).
 *
 * <p>Usage: {@code ProjectionBench [--smoke | full] [rate=200000] [seconds=5] [commands=300000] [flat-only |
 * paced-only] [sync] [encrypted] [batch=8192]}: {@code sync} adds CHECKPOINT SYNC per batch, {@code encrypted}
 * H2's file encryption, {@code batch} caps the commands per projection transaction.
 */
public final class ProjectionBench {
    private static final javax.crypto.SecretKey BENCH_KEY = new javax.crypto.spec.SecretKeySpec(new byte[32], "AES");
    private static final EngineConfig ENGINE = EngineConfig.defaults();
    /**
     * Business time between two commands of the stream ({@code pace=N}): 10 ms makes 64 traders send about 1.5
     * commands a second each, a busy desk. At 1 ms each sent 15 a second and cancelled orders near the touch within
     * 2 s several times in 30 s, so the engine's layering rule held 18 % of all orders for an officer.
     */
    private static long millisPerCommand = 10;
    /** Most commands in one projection transaction ({@code batch=N}); the writer's default unless given. */
    private static int maxBatchCommands = ProjectionWriter.Options.defaults().maxBatchCommands();

    public static void main(String[] args) throws Exception {
        boolean full = List.of(args).contains("full");
        int commands = full ? 1_500_000 : 300_000;
        for (String arg : args) {
            if (arg.startsWith("commands=")) {
                commands = Integer.parseInt(arg.substring(9));
            }
        }
        long rate = 200_000;
        int seconds = full ? 20 : 5;
        boolean syncEachBatch = false;
        boolean fileEncryption = false;
        for (String arg : args) {
            if (arg.startsWith("rate=")) {
                rate = Long.parseLong(arg.substring(5));
            } else if (arg.startsWith("seconds=")) {
                seconds = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("pace=")) {
                millisPerCommand = Long.parseLong(arg.substring(5));
            } else if (arg.equals("sync")) {
                syncEachBatch = true;
            } else if (arg.startsWith("batch=")) {
                maxBatchCommands = Integer.parseInt(arg.substring(6));
            } else if (arg.equals("encrypted")) {
                fileEncryption = true;
            }
        }
        System.out.printf("ProjectionBench (%s): JDK %s, %d cores, sync-each-batch=%s, h2-file-encryption=%s%n",
                full ? "full" : "smoke", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                syncEachBatch, fileEncryption);
        if (!List.of(args).contains("paced-only")) {
            com.bourse.backoffice.store.H2Ceiling.main(new String[] {"300000"});
        }
        Workload workload = Workload.generate(Math.max(Math.max(commands, 150_000), (int) (rate / 3 * seconds)));
        System.out.printf("workload: %,d commands, %,d events (%.2f events/command, %,d book deltas)%n",
                workload.commands.size(), workload.events, workload.events / (double) workload.commands.size(),
                workload.bookDeltas);

        if (!List.of(args).contains("paced-only")) {
            flatOut(workload, commands, syncEachBatch, fileEncryption);
        } else {
            // Same JIT state as after a flat-out run: H2 and the projector compiled before the clock starts.
            run(workload, 0, Math.min(150_000, workload.commands.size() - workload.setup), 0, syncEachBatch,
                    fileEncryption);
        }
        if (List.of(args).contains("flat-only")) {
            return;
        }
        int pacedCommands = 0;
        for (long due = rate * seconds; due > 0 && workload.setup + pacedCommands < workload.commands.size(); ) {
            due -= workload.eventsPerCommand[workload.setup + pacedCommands++];
        }
        Result paced = run(workload, 0, pacedCommands, rate, syncEachBatch, fileEncryption);
        System.out.printf("paced at %,d events/s for %.1f s: achieved %,.0f events/s, %d batches, "
                        + "%.0f commands/batch; %s%n", rate, paced.seconds, paced.events / paced.seconds, paced.batches,
                paced.commands / (double) paced.batches, paced.cpu());
        printLag("paced lag event -> queryable row", paced.lag);
    }

    private static void flatOut(Workload workload, int commands, boolean syncEachBatch, boolean fileEncryption)
            throws IOException {
        Result flatOut = run(workload, 0, commands, 0, syncEachBatch, fileEncryption);
        System.out.printf("flat out: %,d commands, %,d events in %.2f s = %,.0f events/s (%,.0f commands/s), "
                        + "%,.0f stored rows/s; %d batches, %.0f commands/batch; %s%n",
                flatOut.commands, flatOut.events, flatOut.seconds, flatOut.events / flatOut.seconds,
                flatOut.commands / flatOut.seconds, flatOut.rows / flatOut.seconds, flatOut.batches,
                flatOut.commands / (double) flatOut.batches, flatOut.cpu());
        printLag("flat out lag (includes queueing behind the backlog)", flatOut.lag);
    }

    private static void printLag(String title, Histogram lag) {
        System.out.printf("%s (ms): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", title,
                lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(90) / 1000.0,
                lag.getValueAtPercentile(99) / 1000.0, lag.getValueAtPercentile(99.9) / 1000.0,
                lag.getMaxValue() / 1000.0);
    }

    /**
     * One timed run. {@code cpuSeconds} is the whole process's CPU time over it (engine, journal, writer, H2's
     * background serialization): on a shared machine the wall-clock rate swings with the neighbours' load, the
     * CPU cost per event much less, so A/B comparisons read that first.
     */
    record Result(long commands, long events, long rows, double seconds, long batches, Histogram lag,
                  double cpuSeconds, String cpuByThread, long allocatedBytes, String gc) {
        String cpu() {
            return String.format("CPU %.1f s = %.2f µs per event (%s); allocated %,.0f MB = %,.0f bytes per event"
                            + " (%,.0f MB/s); GC %s", cpuSeconds, cpuSeconds * 1e6 / events, cpuByThread,
                    allocatedBytes / 1e6, allocatedBytes / (double) events, allocatedBytes / 1e6 / seconds, gc);
        }
    }

    /**
     * Bytes allocated so far by all threads, dead ones included: the lag tail is mostly garbage collection, so
     * a change to the write path reads its allocation per event first.
     */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    /** Collections and their accumulated time so far, per collector. */
    private static Map<String, long[]> gcCounts() {
        Map<String, long[]> byName = new java.util.LinkedHashMap<>();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            byName.put(gc.getName(), new long[] {gc.getCollectionCount(), gc.getCollectionTime()});
        }
        return byName;
    }

    /** e.g. "PS Scavenge 28 in 410 ms, PS MarkSweep 0 in 0 ms" between two snapshots. */
    private static String gcBetween(Map<String, long[]> before, Map<String, long[]> after) {
        return after.entrySet().stream()
                .map(e -> {
                    long[] b = before.getOrDefault(e.getKey(), new long[2]);
                    return String.format("%s %d in %d ms", e.getKey(), e.getValue()[0] - b[0], e.getValue()[1] - b[1]);
                })
                .collect(Collectors.joining(", "));
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU nanoseconds so far of each live thread, summed by thread name. */
    private static Map<String, Long> cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    byName.merge(info.getThreadName(), cpu, Long::sum);
                }
            }
        }
        return byName;
    }

    /** The threads that used the most CPU between two snapshots, e.g. "projection-writer 3.1 s, main 1.2 s". */
    private static String busiest(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 50_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }

    /** Setup commands, then the stream; events counted by a scratch engine so pacing can count them too. */
    record Workload(List<Command> commands, int[] eventsPerCommand, long events, long bookDeltas, int setup) {
        static Workload generate(int streamCommands) {
            TradingWorkload generator = new TradingWorkload(42, 64, millisPerCommand, 500_000);
            Engine engine = new Engine(ENGINE);
            List<Command> commands = new ArrayList<>(generator.setup());
            int setup = commands.size();
            List<Event> sink = new ArrayList<>();
            for (Command c : commands) {
                engine.apply(c, sink::add);
            }
            sink.clear();
            int[] counts = new int[setup + streamCommands];
            long events = 0;
            long deltas = 0;
            for (int i = 0; i < streamCommands; i++) {
                Command c = generator.next();
                engine.apply(c, sink::add);
                generator.observe(sink);
                counts[setup + i] = sink.size();
                events += sink.size();
                for (Event e : sink) {
                    if (e instanceof Event.BookDelta) {
                        deltas++;
                    }
                }
                sink.clear();
                commands.add(c);
            }
            return new Workload(commands, counts, events, deltas, setup);
        }
    }

    /**
     * Apply the setup, then {@code count} stream commands from {@code from} (indices past the setup), group
     * committing every {@code commitEvery} commands or 1 ms; paced to {@code rate} events/s when positive.
     */
    private static Result run(Workload workload, int from, int count, long rate, boolean sync, boolean encrypted)
            throws IOException {
        Path dir = Files.createTempDirectory("projection-bench");
        try {
            StoreConfig config = StoreConfig.in(dir).withTradingZone(ZoneId.of("UTC"));
            if (encrypted) {
                config = config.withFilePassword("bench-file-key".toCharArray());
            }
            Histogram lag = new Histogram(60_000_000L, 3);
            long[] rows = {0};
            long[] batches = {0};
            try (Store store = Store.open(config)) {
                Projector projector = new Projector(ZoneId.of("UTC"), ENGINE.defaultLimits());
                ProjectionWriter writer = ProjectionWriter.open(store, projector,
                        new ProjectionWriter.Options(1 << 16, maxBatchCommands, sync));
                JournaledEngine desk = JournaledEngine.recover(new com.bourse.engine.host.JournaledEngine.Options(
                        dir.resolve("journal"), ENGINE, Durability.POWER_LOSS, BENCH_KEY,
                        com.bourse.engine.host.JournaledEngine.Retention.ALL_HISTORY),
                        JournaledEngine.DEFAULT_SNAPSHOT_EVERY, writer);
                for (int i = 0; i < workload.setup; i++) {
                    desk.apply(workload.commands.get(i));
                }
                long setupSeq = desk.commit();
                writer.awaitCommitted(setupSeq, java.time.Duration.ofSeconds(30));
                writer.setListener((batch, committedNanos) -> {
                    batches[0]++;
                    for (ProjectedCommand c : batch) {
                        rows[0] += c.events().size();
                        if (c.emittedNanos() > 0) {
                            lag.recordValue(Math.max(0, (committedNanos - c.emittedNanos()) / 1_000));
                        }
                    }
                });
                long events = 0;
                long start = System.nanoTime();
                double cpuStart = processCpuSeconds();
                Map<String, Long> threadsAtStart = cpuByThread();
                long allocatedAtStart = allocatedBytes();
                Map<String, long[]> gcAtStart = gcCounts();
                long lastCommit = start;
                int begin = workload.setup + from;
                for (int i = begin; i < begin + count; i++) {
                    if (rate > 0) {
                        long due = start + events * 1_000_000_000L / rate;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            desk.commit();
                            lastCommit = System.nanoTime();
                            LockSupport.parkNanos(wait);
                        }
                    }
                    desk.apply(workload.commands.get(i));
                    events += workload.eventsPerCommand[i];
                    long now = System.nanoTime();
                    if (now - lastCommit > 1_000_000) {
                        desk.commit();
                        lastCommit = now;
                    }
                }
                long lastSeq = desk.commit();
                if (!writer.awaitCommitted(lastSeq, java.time.Duration.ofMinutes(5))) {
                    throw new IllegalStateException("projection did not catch up", writer.failure());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = processCpuSeconds() - cpuStart;
                String cpuByThread = busiest(threadsAtStart, cpuByThread());
                long allocated = allocatedBytes() - allocatedAtStart;
                String gc = gcBetween(gcAtStart, gcCounts());
                writer.close();
                desk.close();
                return new Result(count, events, countRows(store), seconds, batches[0], lag, cpuSeconds,
                        cpuByThread, allocated, gc);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Rows in the projection tables, printed per table (which tables a workload fills is the first question). */
    private static long countRows(Store store) {
        long total = 0;
        StringBuilder perTable = new StringBuilder("rows:");
        for (var table : List.of(Tables.ORDERS, Tables.ORDER_EVENTS, Tables.TRADES, Tables.POSTINGS, Tables.BALANCES,
                Tables.TRANSFERS, Tables.TRANSFER_EVENTS, Tables.RISK_ALERTS, Tables.COMPLIANCE_VIOLATIONS)) {
            int rows = store.projections().dsl().fetchCount(table);
            perTable.append(String.format(" %s %,d", table.getName(), rows));
            total += rows;
        }
        System.out.println(perTable);
        return total;
    }
}
