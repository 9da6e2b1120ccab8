package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SignInResult;
import com.bourse.protocol.Role;
import com.bourse.ui.port.BackOfficeDesk.ImportKind;
import com.bourse.ui.port.ImportOutcome;
import com.bourse.ui.port.TraderIdentity;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An administrator's accounts import on the store-backed simulation, end to end through the back-office desk
 * ({@link SimulationBackOfficeDesk#importCsv}: the store's every-line-or-none import, then every engine command
 * through the audited gateway with its own audit entry, into the journal): how long until the desk answers and until
 * the engine has applied and committed the last account and until the audit trail holds every command's entry, and the
 * journal records (one per command) and group commits (one forced write each) that took. A
 * warm-up import of 500 lines comes first. Prints the figures and the load average.
 *
 * <p>Run (docs/benchmarks.md, "Imports"): {@code mvn -B -o -q -pl app -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}, then {@code java --add-opens
 * java.base/jdk.internal.misc=ALL-UNNAMED -Xmx1g -cp app/target/test-classes:app/target/classes:$(cat /tmp/cp.txt)
 * com.bourse.app.desktop.ImportDeliveryBench [rows]} (10,000 rows unless given).
 */
public final class ImportDeliveryBench {
    private ImportDeliveryBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path home = Files.createTempDirectory("import-delivery-bench");
        try {
            SimulationHost host = new SimulationHost(new DesktopConfig(home, SampleWorld.locate(), 0, 1, 42));
            try {
                Session admin = switch (host.office().signIn().signIn("admin", "admin-training-1".toCharArray())) {
                    case SignInResult.SignedIn signedIn -> signedIn.session();
                    case SignInResult.Refused refused -> throw new IllegalStateException(refused.message());
                };
                SimulationBackOfficeDesk desk = new SimulationBackOfficeDesk(host, new TraderIdentity(admin.userId(),
                        "admin", "Administrator", Role.ADMIN.bit()), admin, host.commandGateway());
                try {
                    run(host, desk, home, "warm-up", 400_000, 500);
                    run(host, desk, home, "measured", 500_000, rows);
                } finally {
                    desk.close();
                }
            } finally {
                host.close();
            }
        } finally {
            deleteTree(home);
        }
    }

    private static void run(SimulationHost host, SimulationBackOfficeDesk desk, Path home, String what, long firstId,
                            int rows) throws Exception {
        Path csv = home.resolve(what + "-accounts.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("account_id,owner_username,name,base_currency,self_trade_prevention,iban\n");
            for (int i = 0; i < rows; i++) {
                out.write((firstId + i) + ",alice,Imported account " + i + ",EUR,CANCEL_OLDEST,\n");
            }
        }
        long[] before = host.venue().query(engine -> new long[] {host.office().desk().journal().lastSeq(),
                host.office().desk().journal().commits()}).get(30, TimeUnit.SECONDS);
        long start = System.nanoTime();
        ImportOutcome outcome = desk.importCsv(ImportKind.ACCOUNTS, csv).get(10, TimeUnit.MINUTES);
        long answered = System.nanoTime();
        // A query runs after every command submitted before it, and answers once they are committed.
        long[] after = host.venue().query(engine -> new long[] {host.office().desk().journal().lastSeq(),
                host.office().desk().journal().commits()}).get(10, TimeUnit.MINUTES);
        long applied = System.nanoTime();
        // Each command's audit entry travelled in its journal record; the trail holds them once copied from there.
        while (host.office().audit().lastJournalSeq() < after[0]) {
            Thread.sleep(10);
        }
        long audited = System.nanoTime();
        if (!outcome.problems().isEmpty() || outcome.records() != rows) {
            throw new IllegalStateException(what + " import failed: " + outcome);
        }
        System.out.printf("%s: %,d accounts imported; desk answered in %.2f s, engine had them all after %.2f s"
                        + " (%,.0f accounts/s), the audit trail every entry after %.2f s; %,d journal records in %,d"
                        + " group commits (forced writes); load average %.2f%n", what, rows, (answered - start) / 1e9,
                (applied - start) / 1e9, rows / ((applied - start) / 1e9), (audited - start) / 1e9,
                after[0] - before[0], after[1] - before[1], ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
