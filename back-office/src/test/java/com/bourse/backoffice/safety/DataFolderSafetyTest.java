package com.bourse.backoffice.safety;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.Backups;
import com.bourse.backoffice.audit.AuditVerification;
import com.bourse.backoffice.importexport.BackOfficeFixture;
import com.bourse.backoffice.security.KeyVaultDamagedException;
import com.bourse.backoffice.security.WrongPassphraseException;
import com.bourse.backoffice.store.StoreAccessException;
import com.bourse.backoffice.store.StoreDamagedException;
import com.bourse.csv.ImportRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.bourse.backoffice.safety.DataFolderFixture.contents;
import static com.bourse.backoffice.safety.DataFolderFixture.copyTree;
import static com.bourse.backoffice.safety.DataFolderFixture.flipByte;
import static com.bourse.backoffice.safety.DataFolderFixture.openOrSetUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The desktop never loses or silently rewrites its data: each case reproduced on a real data folder after a
 * simulation run (a flipped byte, a rewritten record, a broken sample file), with the message a person sees and
 * proof that nothing was lost or overwritten.
 */
class DataFolderSafetyTest {
    @TempDir
    Path dir;

    @Test
    void aFlippedByteInTheStoreStopsTheStartNamingTheFileOrLosesNothing() throws Exception {
        Path original = DataFolderFixture.simulationRun(dir.resolve("original"));
        Path store = Path.of("db", "bourse.mv.db");
        long size = Files.size(original.resolve(store));
        int refused = 0;
        List<String> outcomes = new ArrayList<>();
        // The newest chunks are what H2 reads first; a flip there used to reopen the file as an older, emptier one.
        for (long back = 100; back < Math.min(size, 12_000); back += 700) {
            Path copy = dir.resolve("copy-" + back);
            copyTree(original, copy);
            flipByte(copy.resolve(store), size - back);
            Map<Path, byte[]> before = contents(copy);
            try (BackOffice office = openOrSetUp(copy, BackOfficeFixture.SAMPLE_DATA)) {
                // H2 read around the flip: then everything must still be there
                assertThat(office.users().all()).as("users after a flip %d bytes from the end", back).hasSize(8);
                assertThat(office.referenceData().instruments()).hasSize(6);
                AuditVerification audit = office.auditAtStart();
                if (audit.intact()) {
                    assertThat(audit.entries()).isGreaterThanOrEqualTo(12);
                    outcomes.add(back + ": read intact");
                } else {
                    // a flip inside an audit record's own bytes: H2 reads it, the chain check at start reports it,
                    // naming the first bad entry, and nothing was rewritten to hide it
                    assertThat(audit.firstBadSeq()).as("first bad entry after a flip %d bytes from the end", back)
                            .isNotNull().isPositive();
                    assertThat(audit.message()).isNotBlank();
                    outcomes.add(back + ": audit chain reported broken at entry " + audit.firstBadSeq());
                }
            } catch (StoreDamagedException e) {
                refused++;
                outcomes.add(back + ": refused");
                assertThat(e.getMessage()).contains(copy.resolve(store).toString()).contains("is damaged")
                        .contains("Nothing was written to it");
                assertThat(contents(copy)).as("nothing rewritten after refusing a flip %d bytes from the end", back)
                        .containsExactlyInAnyOrderEntriesOf(before);
            }
        }
        assertThat(refused).as("outcomes %s", outcomes).isPositive();
    }

    @Test
    void aFlippedByteInTheProjectionFileIsRebuiltFromTheJournalOrReadsAsBefore() throws Exception {
        Path original = DataFolderFixture.simulationRun(dir.resolve("original"));
        String before = DataFolderFixture.projected(original);
        Path projections = Path.of("db", "bourse-projections.mv.db");
        long size = Files.size(original.resolve(projections));
        List<String> outcomes = new ArrayList<>();
        for (long at = 4_096 + 500; at < size; at += size / 4) {
            Path copy = dir.resolve("copy-" + at);
            copyTree(original, copy);
            flipByte(copy.resolve(projections), at);

            String read;
            try {
                read = DataFolderFixture.projected(copy);
                outcomes.add(at + ": read as before");
            } catch (StoreAccessException e) {
                // Found only when read: said in one clear sentence, and the next start rebuilds the file.
                assertThat(e.getMessage()).contains("bourse-projections.mv.db is damaged")
                        .contains("rebuilds the file from the command journal");
                read = DataFolderFixture.projected(copy);
                outcomes.add(at + ": damaged when read, rebuilt at the next start");
            }
            assertThat(read).as("what the books read after a flip at byte %d", at).isEqualTo(before);
        }
        assertThat(outcomes).isNotEmpty();
    }

    @Test
    void aProjectionPageFoundDamagedWhenReadIsSaidOnceAndTheNextStartRebuildsIt() throws Exception {
        Path data = DataFolderFixture.simulationRun(dir.resolve("data"));
        String before = DataFolderFixture.projected(data);
        try (BackOffice office = BackOffice.open(DataFolderFixture.options(data))) {
            // What H2 throws for a page whose bytes changed on the disk (error 90030).
            var corrupted = new java.sql.SQLException("File corrupted while reading record: \"type: 214\"", "XX000",
                    90030);
            RuntimeException first = office.store().projections().reportIfDamaged(corrupted);
            RuntimeException again = office.store().projections().reportIfDamaged(corrupted);

            assertThat(first).isInstanceOf(StoreAccessException.class)
                    .hasMessageContaining("bourse-projections.mv.db is damaged")
                    .hasMessageContaining("rebuilds the file from the command journal (nothing is lost)");
            assertThat(again).hasMessage(first.getMessage());
            assertThat(office.store().projections().damaged()).isTrue();
            assertThat(office.store().projections().reportIfDamaged(new IllegalStateException("other"))).isNull();
        }

        try (BackOffice office = BackOffice.open(DataFolderFixture.options(data))) {
            assertThat(office.store().projections().discardedBecause()).get().asString()
                    .contains("a read found it damaged");
        }
        assertThat(DataFolderFixture.projected(data)).isEqualTo(before);
    }

    @Test
    void aStoreThatReadsEmptyInAnInstalledFolderIsNeverSetUpAgain() throws Exception {
        Path data = DataFolderFixture.simulationRun(dir.resolve("data"));
        try (Connection behind = DataFolderFixture.openStoreBehindTheBack(data)) {
            behind.createStatement().execute("delete from accounts");
            behind.createStatement().execute("delete from user_roles");
            behind.createStatement().execute("delete from users");
        }
        Map<Path, byte[]> before = contents(data);

        assertThatThrownBy(() -> openOrSetUp(data, BackOfficeFixture.SAMPLE_DATA))
                .isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining(data.resolve("db").resolve("bourse.mv.db").toString())
                .hasMessageContaining("0 users");
        assertThat(contents(data)).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    void aRewrittenAuditRecordIsReportedAfterTheStartNamingTheFirstBadEntry() throws Exception {
        Path data = DataFolderFixture.simulationRun(dir.resolve("data"));
        try (Connection behind = DataFolderFixture.openStoreBehindTheBack(data)) {
            behind.createStatement().execute("update audit_log set details = 'nothing happened here' where seq = 5");
        }

        try (BackOffice office = BackOffice.open(DataFolderFixture.options(data))) {
            // entry 5 lies below the checkpoint the last clean close recorded: the full walk behind the start finds it
            AuditVerification found = office.auditVerified().get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(found.intact()).isFalse();
            assertThat(found.firstBadSeq()).isEqualTo(5L);
            assertThat(found.message()).contains("entry 5");
            assertThat(office.audit().entry(1)).isPresent();
        }
    }

    @Test
    void aDamagedKeyVaultIsReportedAsDamagedNotAsAWrongPassphrase() throws Exception {
        Path data = DataFolderFixture.simulationRun(dir.resolve("data"));
        Path vault = data.resolve("keys.vault");
        Map<Path, byte[]> sound = contents(data);

        assertThatThrownBy(() -> BackOffice.open(new BackOffice.Options(data, "not this installation's one".toCharArray(),
                DataFolderFixture.options(data).keyDerivation(), DataFolderFixture.options(data).passwordHashing(), true,
                java.time.ZoneId.of("UTC"), java.time.Duration.ofHours(8), com.bourse.engine.EngineConfig.defaults(),
                com.bourse.engine.host.Durability.POWER_LOSS, DataFolderFixture.CLOCK)))
                .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("passphrase does not open");
        for (long at : new long[] {3, 20, 60, 100, Files.size(vault) - 1}) {
            Path copy = dir.resolve("vault-flip-" + at);
            copyTree(data, copy);
            flipByte(copy.resolve("keys.vault"), at);
            Map<Path, byte[]> before = contents(copy);

            assertThatThrownBy(() -> BackOffice.open(DataFolderFixture.options(copy)))
                    .as("a flip at byte %d", at)
                    .isInstanceOf(KeyVaultDamagedException.class)
                    .hasMessageContaining(copy.resolve("keys.vault").toString()).hasMessageContaining("is damaged");
            assertThat(contents(copy)).containsExactlyInAnyOrderEntriesOf(before);
        }
        assertThat(contents(data)).containsExactlyInAnyOrderEntriesOf(sound);
    }

    @Test
    void aBadSampleLineLeavesTheFolderEmptyAndTheNextStartSetsItUp() throws Exception {
        Path sample = dir.resolve("sample-data");
        copyTree(BackOfficeFixture.SAMPLE_DATA, sample);
        Path instruments = sample.resolve("instruments.csv");
        String good = Files.readString(instruments);
        Files.writeString(instruments, good.replace("2,SAP,SAP SE,EUR,2,5,1,23420,1000", "2,SAP,SAP SE,EUR,2,five,1,23420,1000"));
        Path data = dir.resolve("data");

        assertThatThrownBy(() -> openOrSetUp(data, sample)).isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("instruments.csv line 3").hasMessageContaining("tick_size");
        assertThat(leftIn(data)).isEmpty();

        Files.writeString(instruments, good);
        try (BackOffice office = openOrSetUp(data, sample)) {
            assertThat(office.referenceData().instruments()).hasSize(6);
            assertThat(office.referenceData().accounts()).isNotEmpty();
            assertThat(office.desk().engine().instruments()).hasSize(6);
        }
        assertThat(data.resolve("installed")).exists();
    }

    @Test
    void aSampleInstrumentTheEngineRefusesIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path sample = dir.resolve("sample-data");
        copyTree(BackOfficeFixture.SAMPLE_DATA, sample);
        Path instruments = sample.resolve("instruments.csv");
        // Within the file's rules (scale up to 12, band up to 9,999), beyond what a book can hold.
        Files.writeString(instruments, Files.readString(instruments)
                .replace("2,SAP,SAP SE,EUR,2,5,1,23420,1000", "2,SAP,SAP SE,EUR,12,1,1,234200000000000,9999"));
        Path data = dir.resolve("data");

        assertThatThrownBy(() -> openOrSetUp(data, sample)).hasMessageContaining("instrument 2 SAP")
                .hasMessageContaining("INVALID_CONFIGURATION").hasMessageContaining("nothing was set up");
        assertThat(leftIn(data)).isEmpty();
    }

    @Test
    void aFirstRunCutShortIsDiscardedAndOneThatCompletedIsMovedIn() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve(".setup").resolve("db"));
        Files.writeString(data.resolve(".setup").resolve("db").resolve("bourse.mv.db"), "half a file");

        try (BackOffice office = openOrSetUp(data, BackOfficeFixture.SAMPLE_DATA)) {
            assertThat(office.users().all()).hasSize(8);
        }
        assertThat(data.resolve(".setup")).doesNotExist();

        // A first run that completed but stopped while moving in: the next start finishes the move.
        Path other = dir.resolve("other");
        DataFolderFixture.simulationRun(other);
        Files.createDirectories(other.resolve(".setup"));
        Files.move(other.resolve("db"), other.resolve(".setup").resolve("db"));
        Files.move(other.resolve("installed"), other.resolve(".setup").resolve("installed"));
        try (BackOffice office = openOrSetUp(other, BackOfficeFixture.SAMPLE_DATA)) {
            assertThat(office.users().all()).hasSize(8);
            assertThat(office.auditAtStart().intact()).isTrue();
        }
    }

    @Test
    void dataFilesAreReadableByTheirOwnerOnly() throws Exception {
        Path data = DataFolderFixture.simulationRun(dir.resolve("data"));
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void liveModeRefusesThePublicTrainingPassphraseBeforeCreatingAnything() {
        Path data = dir.resolve("live");
        BackOffice.Options training = BackOffice.Options.defaults(data, BackOffice.TRAINING_PASSPHRASE.toCharArray())
                .withCosts(com.bourse.backoffice.security.Argon2Params.forTests()).forLive();

        assertThatThrownBy(() -> BackOffice.openOrSetUp(training, () -> { throw new AssertionError("not read"); }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public training passphrase")
                .hasMessageContaining("BOURSE_PASSPHRASE");
        assertThat(data).doesNotExist();
    }

    @Test
    void aVerifiedBackupBringsBackAFolderWhoseStoreWasDamaged() throws Exception {
        Path data = DataFolderFixture.simulationRun(dir.resolve("data"));
        Backups.Copy copy = Backups.backup(DataFolderFixture.options(data), dir.resolve("backups"));
        Map<Path, byte[]> atBackup = contents(data);
        try (Connection behind = DataFolderFixture.openStoreBehindTheBack(data)) {
            behind.createStatement().execute("delete from accounts");
            behind.createStatement().execute("delete from user_roles");
            behind.createStatement().execute("delete from users");
        }
        assertThatThrownBy(() -> openOrSetUp(data, BackOfficeFixture.SAMPLE_DATA))
                .isInstanceOf(StoreDamagedException.class);

        Path aside = Backups.restore(copy.folder(), data);

        try (BackOffice office = openOrSetUp(data, BackOfficeFixture.SAMPLE_DATA)) {
            assertThat(office.users().all()).hasSize(8);
            assertThat(office.auditAtStart().intact()).isTrue();
            assertThat(office.auditAtStart().entries()).isGreaterThanOrEqualTo(12);
        }
        assertThat(aside).isDirectory();
        assertThat(aside.resolve("db").resolve("bourse.mv.db")).exists();
        assertThat(atBackup.keySet()).contains(Path.of("keys.vault"), Path.of("installed"),
                Path.of("db", "bourse.mv.db"), Path.of("journal", "journal-0.log"));
    }

    @Test
    void aBackupWhoseFilesChangedIsNotRestored() throws Exception {
        Path data = DataFolderFixture.simulationRun(dir.resolve("data"));
        Backups.Copy copy = Backups.backup(DataFolderFixture.options(data), dir.resolve("backups"));
        flipByte(copy.folder().resolve("journal").resolve("journal-0.log"), 200);
        Map<Path, byte[]> before = contents(data);

        assertThatThrownBy(() -> Backups.restore(copy.folder(), data))
                .hasMessageContaining("journal/journal-0.log does not match its checksum")
                .hasMessageContaining("nothing was changed");
        assertThat(contents(data)).containsExactlyInAnyOrderEntriesOf(before);
    }

    private static List<Path> leftIn(Path data) throws Exception {
        if (!Files.exists(data)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.toList();
        }
    }
}
