package com.bourse.backoffice.safety;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.importexport.BackOfficeFixture;
import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.backoffice.importexport.TestClock;
import com.bourse.backoffice.security.KeyVault;
import com.bourse.protocol.Command;
import com.bourse.protocol.Side;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A real data folder after a short simulation run, and the tools to damage a copy of it the way the disk would. */
final class DataFolderFixture {
    static final TestClock CLOCK = new TestClock(BackOfficeFixture.START);

    private DataFolderFixture() {
    }

    static BackOffice.Options options(Path data) {
        return BackOfficeFixture.options(data, CLOCK);
    }

    static BackOffice openOrSetUp(Path data, Path sampleData) {
        return BackOffice.openOrSetUp(options(data), () -> SampleWorld.read(sampleData));
    }

    /** First run, three sign-ins and a few crossing orders, closed: what a folder holds after one simulation run. */
    static Path simulationRun(Path data) {
        try (BackOffice office = openOrSetUp(data, BackOfficeFixture.SAMPLE_DATA)) {
            for (String user : List.of("alice", "bob", "rita")) {
                BackOfficeFixture.signIn(office, user, user + "-training-1");
            }
            long t = BackOfficeFixture.START.toEpochMilli();
            for (int i = 0; i < 20; i++) {
                office.desk().apply(Command.PlaceOrder.limit(t + i, 2, 1_001_000_000_000L + i, 1001, 1, Side.BUY,
                        68_450 - 10L * (i % 3), 5));
                office.desk().apply(Command.PlaceOrder.limit(t + i, 3, 1_002_000_000_000L + i, 1002, 1, Side.SELL,
                        68_450 - 10L * (i % 2), 5));
            }
            office.desk().commit();
            office.desk().projections().awaitCommitted(office.desk().journal().committedSeq(), Duration.ofSeconds(60));
        }
        return data;
    }

    /** What the books show once the projections caught up with the journal: balances, working orders, trades. */
    static String projected(Path data) {
        try (BackOffice office = BackOffice.open(options(data))) {
            office.desk().projections().awaitCommitted(office.desk().journal().committedSeq(), Duration.ofSeconds(60));
            return office.ledger().allBalances(com.bourse.backoffice.store.Page.first(1_000)) + "\n"
                    + office.orders().working(1001, com.bourse.backoffice.store.Page.first(1_000)) + "\n"
                    + office.orders().working(1002, com.bourse.backoffice.store.Page.first(1_000)) + "\n"
                    + office.trades().latest(1, 1_000);
        }
    }

    /** Every file of the folder and its bytes, to show nothing was rewritten. */
    static Map<Path, byte[]> contents(Path data) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                files.put(data.relativize(p), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void flipByte(Path file, long at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) at] ^= 0x10;
        Files.write(file, bytes);
    }

    /** A plain JDBC connection to the back-office file, as someone editing it behind the desktop's back would. */
    static Connection openStoreBehindTheBack(Path data) throws SQLException {
        char[] key = KeyVault.open(data.resolve("keys.vault"), BackOfficeFixture.PASSPHRASE).databaseFileKey();
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/bourse").toAbsolutePath()
                + ";CIPHER=AES", "bourse", new String(key) + " bourse");
    }
}
