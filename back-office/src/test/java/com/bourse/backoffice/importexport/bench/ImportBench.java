package com.bourse.backoffice.importexport.bench;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.importexport.BackOfficeFixture;
import com.bourse.backoffice.importexport.ReferenceDataImport;
import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.backoffice.importexport.TestClock;
import com.bourse.backoffice.security.Session;
import com.bourse.csv.CsvFile;
import com.bourse.csv.ImportRejectedException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A large instrument import through the administrator's path (CSV read record by record, file rules, the engine's
 * rules, the store written a chunk at a time in one transaction, audit, then the engine commands read back chunk by
 * chunk), on a fresh back office, at the heap it is given (the desktop runs with -Xmx1g; {@code -Dbench.heap=256m}
 * shows the import fits far less). Prints rows, seconds, rows/s and the most heap in use after a full collection during the import (sampled each second) for files of 999,999 and 1,000,000 records (the stated limit, accepted), and shows 1,000,001 refused.
 *
 * <p>Run: {@code mvn -pl back-office test-compile exec:exec@import-bench -Dbench.args=full} (smoke: 1,000 rows; or
 * {@code -Dbench.args="N ..."} for other sizes; {@code -Dbench.heap=256m} for another heap).
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> given = List.of(args);
        int[] sizes = given.isEmpty() || given.contains("full")
                ? new int[] {999_999, CsvFile.MAX_RECORDS, CsvFile.MAX_RECORDS + 1}
                : given.contains("--smoke") || given.contains("smoke") ? new int[] {1_000}
                : given.stream().mapToInt(Integer::parseInt).toArray();
        System.out.printf("max heap %d MB, load average %.2f%n", Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int rows : sizes) {
            Path dir = Files.createTempDirectory("import-bench");
            Path csv = dir.resolve("instruments.csv");
            write(csv, rows);
            TestClock clock = new TestClock(BackOfficeFixture.START);
            try (BackOffice office = BackOffice.openOrSetUp(BackOfficeFixture.options(dir.resolve("data"), clock),
                    () -> SampleWorld.read(BackOfficeFixture.SAMPLE_DATA))) {
                Session admin = BackOfficeFixture.signIn(office, "admin", "admin-training-1");
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                String outcome;
                double sendSeconds = 0;
                try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    ReferenceDataImport.Result result = office.imports().instruments(admin, "instruments.csv", in);
                    // What the desk then does: hand every engine command over, chunk by chunk as the store reads them.
                    long sending = System.nanoTime();
                    long[] sent = new long[1];
                    result.engineCommands().forEachChunk(chunk -> sent[0] += chunk.size());
                    sendSeconds = (System.nanoTime() - sending) / 1e9;
                    outcome = result.records() + " imported, " + sent[0] + " engine commands read back";
                } catch (ImportRejectedException e) {
                    outcome = "refused: " + e.getMessage();
                }
                double seconds = (System.nanoTime() - start) / 1e9 - sendSeconds;
                System.out.printf("%,d rows (%d MB file): %s; import %.1f s (%,.0f rows/s), commands read back %.1f s;"
                        + " most heap in use after a full GC %d MB; load average %.2f%n", rows, Files.size(csv) >> 20,
                        outcome, seconds, rows / seconds, sendSeconds, peakHeap() >> 20,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            deleteTree(dir); // a million-row run leaves some 400 MB behind otherwise
        }
    }

    private static void write(Path csv, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("instrument_id,symbol,name,currency,price_scale,tick_size,lot_size,reference_price,band_bps\n");
            for (int i = 0; i < rows; i++) {
                long id = 1_000 + i;
                out.write(id + ",I" + id + ",Imported instrument " + id + ",EUR,2,1,1,10000,1000\n");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void resetPeaks() {
        LIVE_PEAK.set(0);
    }

    /**
     * The most heap in use right after a full collection, sampled every second while the import runs (a young
     * collection leaves old garbage counted, so only a full one tells what the import holds).
     */
    private static final AtomicLong LIVE_PEAK = new AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            Runtime runtime = Runtime.getRuntime();
            while (true) {
                System.gc();
                LIVE_PEAK.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "import-bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.setUncaughtExceptionHandler((t, e) -> System.err.println("heap sampler stopped: " + e));
        sampler.start();
    }

    private static long peakHeap() {
        return LIVE_PEAK.get();
    }
}
