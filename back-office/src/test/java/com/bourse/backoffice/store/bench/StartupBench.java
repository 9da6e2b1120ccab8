package com.bourse.backoffice.store.bench;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.audit.AuditVerification;
import com.bourse.backoffice.store.JournaledEngine;
import com.bourse.backoffice.store.ProjectionWriter;
import com.bourse.backoffice.store.Projector;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import com.bourse.backoffice.store.StoreProbe;
import com.bourse.backoffice.store.TradingWorkload;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.Durability;
import com.bourse.protocol.Command;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long a desk with a long history takes to start: journals a realistic trading stream (the seeded
 * {@link TradingWorkload}, acknowledged in groups of 100, projected into H2 as on the desktop) with an audit entry
 * per command (as the command gateway writes them), closes, then times the start three times as the back office
 * runs it: read the back-office file whole, read-only ({@link StoreProbe}), open the store, verify the audit chain,
 * open the projection writer, restore the newest snapshot (engine and projector) and replay the journal after it,
 * until the desk accepts a command. Then adds commands until one
 * short of the next snapshot (the most a clean start ever replays) and times it again.
 *
 * <p>Usage: {@code StartupBench [smoke | full]}: smoke journals 20,000 commands with a snapshot every 5,000 (a few
 * seconds, for CI); full journals 1,000,000 with the desktop's interval of
 * {@value JournaledEngine#DEFAULT_SNAPSHOT_EVERY}. Prints its figures; asserts nothing about time.
 */
public final class StartupBench {
    private static final EngineConfig ENGINE = EngineConfig.defaults();
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");
    private static final int GROUP = 100;
    /** The bench installation's audit signing key (a real one lives in the key vault). */
    private static final Ed25519PrivateKeyParameters AUDIT_KEY = new Ed25519PrivateKeyParameters(new byte[32], 0);

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean full = List.of(args).contains("full");
        int commands = full ? 1_000_000 : 20_000;
        long interval = full ? JournaledEngine.DEFAULT_SNAPSHOT_EVERY : 5_000;
        Path dir = Files.createTempDirectory("startup-bench");
        try {
            TradingWorkload workload = new TradingWorkload(20_261_201, 64, 37, 200_000);
            long built = System.nanoTime();
            try (Desk desk = Desk.open(dir, interval)) {
                desk.run(workload, commands);
            }
            System.out.printf("journaled %,d commands (snapshot every %,d) in %.1f s; journal %,d bytes in %d"
                            + " segments, newest snapshot %,d bytes%n", commands, interval,
                    (System.nanoTime() - built) / 1e9, bytes(dir, "journal-"), count(dir, "journal-"),
                    newestSnapshotBytes(dir));
            long audited = System.nanoTime();
            audit(dir, commands);
            System.out.printf("audited %,d commands (an entry each, as the command gateway writes them) in %.1f s;"
                    + " back-office file %,d bytes; load average %.2f%n", commands, (System.nanoTime() - audited) / 1e9,
                    Files.size(config(dir).databaseFile()),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (int round = 1; round <= 3; round++) {
                timeStart(dir, interval, "after " + commands + " commands, start " + round);
            }
            try (Desk desk = Desk.open(dir, interval)) {
                long sinceSnapshot = desk.engine().journal().lastSeq() - desk.engine().recovery().snapshotSeq();
                desk.run(workload, (int) (interval - 1 - sinceSnapshot));
            }
            // what a run appends past the checkpoint the last start recorded: the next start walks only these
            audit(dir, commands / 10);
            for (int round = 1; round <= 3; round++) {
                timeStart(dir, interval, "a full interval to replay, " + commands / 10 + " audited since, start " + round);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The back office's own start on top of the desk's, as {@code BackOffice.open} runs it: what the start reads of
     * the installed file, read-only ({@link StoreProbe}), then the audit chain verified from its signed checkpoint
     * (the whole chain when there is none yet, as on the first start after the audit phase, which records one); the
     * full walk that follows in the background is timed after the desk is ready, apart from the start.
     */
    private static void timeStart(Path dir, long interval, String label) {
        long start = System.nanoTime();
        // what requireInstalled reads (the bench has no users)
        StoreProbe.Contents contents = StoreProbe.read(config(dir));
        long probed = System.nanoTime();
        Store store = Store.open(config(dir));
        long storeOpen = System.nanoTime();
        AuditTrail trail = new AuditTrail(store, AUDIT_KEY, InstantSource.system());
        long below = trail.checkpoint().map(c -> c.seq()).orElse(0L);
        AuditVerification chain = trail.verifyAtStart();
        long verified = System.nanoTime();
        if (!chain.intact() || chain.entries() != contents.auditEntries()) {
            throw new IllegalStateException("the bench's audit trail does not verify: " + chain.message());
        }
        ProjectionWriter writer = ProjectionWriter.open(store, new Projector(ZONE, ENGINE.defaultLimits()),
                ProjectionWriter.Options.defaults());
        JournaledEngine desk = JournaledEngine.recover(options(dir), interval, writer);
        long ready = System.nanoTime();
        JournaledEngine.Recovery r = desk.recovery();
        System.out.printf("%-45s ready in %5d ms (read-only probe %4d ms, store %4d ms, audit chain %,d entries past"
                        + " the checkpoint at %,d %4d ms, journal+snapshot+replay %4d ms): snapshot at %,d,"
                        + " replayed %,d, projected %,d; load average %.2f%n", label, (ready - start) / 1_000_000,
                (probed - start) / 1_000_000, (storeOpen - probed) / 1_000_000, chain.entries() - below, below,
                (verified - storeOpen) / 1_000_000, (ready - verified) / 1_000_000, r.snapshotSeq(),
                r.replayedOnStart(), r.projectedOnStart(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long walkStart = System.nanoTime();
        AuditVerification walk = trail.verifyToCheckpoint(() -> false).orElseThrow();
        if (!walk.intact()) {
            throw new IllegalStateException("the bench's audit trail does not verify: " + walk.message());
        }
        System.out.printf("%-45s then the full walk behind it (background, after ready): %,d entries in %d ms%n",
                "", trail.checkpoint().orElseThrow().seq(), (System.nanoTime() - walkStart) / 1_000_000);
        writer.awaitCommitted(desk.journal().committedSeq(), Duration.ofMinutes(2));
        writer.close();
        desk.close();
        store.close();
    }

    private static StoreConfig config(Path dir) {
        return StoreConfig.in(dir.resolve("db")).withTradingZone(ZONE);
    }

    /**
     * One audit entry per command, as a person's desk writes them through the command gateway (the command as
     * text), in its bursts of 256 (one transaction and one forced write each).
     */
    private static void audit(Path dir, int commands) {
        TradingWorkload workload = new TradingWorkload(20_261_201, 64, 37, 200_000);
        try (Store store = Store.open(config(dir))) {
            AuditTrail trail = new AuditTrail(store, AUDIT_KEY, InstantSource.system());
            List<AuditEntry> burst = new ArrayList<>(256);
            for (int i = 1; i <= commands; i++) {
                Command command = workload.next();
                burst.add(AuditEntry.of(command.userId(), "trader" + command.userId(),
                        AuditAction.ORDER_ENTERED, "order:" + i, command.toString()));
                if (burst.size() == 256 || i == commands) {
                    trail.appendAll(burst);
                    burst.clear();
                }
            }
        }
    }

    private static com.bourse.engine.host.JournaledEngine.Options options(Path dir) {
        return new com.bourse.engine.host.JournaledEngine.Options(dir.resolve("journal"), ENGINE,
                Durability.PROCESS_CRASH, KEY, com.bourse.engine.host.JournaledEngine.Retention.ALL_HISTORY);
    }

    /** A desk as the desktop wires it, for the build phase. */
    private record Desk(Store store, ProjectionWriter writer, JournaledEngine engine) implements AutoCloseable {
        static Desk open(Path dir, long interval) {
            Store store = Store.open(StoreConfig.in(dir.resolve("db")).withTradingZone(ZONE));
            ProjectionWriter writer = ProjectionWriter.open(store, new Projector(ZONE, ENGINE.defaultLimits()),
                    ProjectionWriter.Options.defaults());
            return new Desk(store, writer, JournaledEngine.recover(options(dir), interval, writer));
        }

        void run(TradingWorkload workload, int commands) {
            if (engine.journal().lastSeq() == 0) {
                workload.setup().forEach(engine::apply);
                engine.commit();
            }
            for (int i = 0; i < commands; i++) {
                workload.observe(engine.apply(workload.next()).events());
                if ((i + 1) % GROUP == 0) {
                    engine.commit();
                }
            }
            long last = engine.commit();
            if (!writer.awaitCommitted(last, Duration.ofMinutes(10))) {
                throw new IllegalStateException("projection did not catch up", writer.failure());
            }
        }

        @Override
        public void close() {
            writer.close();
            engine.close();
            store.close();
        }
    }

    private static long bytes(Path dir, String prefix) throws IOException {
        long total = 0;
        for (Path file : files(dir, prefix)) {
            total += Files.size(file);
        }
        return total;
    }

    private static int count(Path dir, String prefix) throws IOException {
        return files(dir, prefix).size();
    }

    private static long newestSnapshotBytes(Path dir) throws IOException {
        List<Path> snapshots = files(dir, "snapshot-");
        return snapshots.isEmpty() ? 0 : Files.size(snapshots.stream()
                .max(Comparator.comparingLong(p -> {
                    String name = p.getFileName().toString();
                    return Long.parseLong(name.substring("snapshot-".length(), name.length() - ".bin".length()));
                })).orElseThrow());
    }

    private static List<Path> files(Path dir, String prefix) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            files.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(found::add);
        }
        return found;
    }
}
