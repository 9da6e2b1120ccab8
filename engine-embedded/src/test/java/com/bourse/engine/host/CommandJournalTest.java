package com.bourse.engine.host;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the one command journal keeps, what a start forgives (a torn tail) and what it refuses (all else). */
class CommandJournalTest {
    private static final SecretKey KEY = JournalFiles.key(1);

    @TempDir
    Path dir;

    static List<Command> everyKindOfCommand() {
        long t = 1_793_606_400_000L;
        return List.of(
                new Command.PlaceOrder(t, 2, 10, 1001, 1, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.DAY, 68450,
                        68000, 30, 10, true),
                new Command.PlaceOrder(t, 2, 11, 1001, 1, null, null, null, -5, Long.MAX_VALUE, Long.MIN_VALUE, 0,
                        false),
                new Command.CancelOrder(t, 2, 10),
                new Command.ReplaceOrder(t, 2, 10, 68460, 20),
                new Command.MassCancel(t, 4, 0, 1),
                new Command.EndOfDay(t, 1),
                new Command.HaltInstrument(t, 4, 1),
                new Command.ResumeInstrument(t, 4, 1),
                new Command.Approve(t, 4, ReviewSubject.TRANSFER, 77),
                new Command.Reject(t, 4, ReviewSubject.ORDER, 10, "trop élevé — 過大な注文'; drop table orders;--"),
                new Command.Reject(t, 4, null, 10, ""),
                new Command.EngageKillSwitch(t, 4, 1001),
                new Command.ReleaseKillSwitch(t, 4, 1001),
                new Command.SetRiskLimits(t, 4, 1001, new RiskLimits(1, 2, 3, 4, 5)),
                new Command.RequestTransfer(t, 2, 77, TransferKind.WITHDRAWAL, 1001, 0, "EUR", 100),
                new Command.SettleTransfer(t, 1, 77, false),
                new Command.CancelTransfer(t, 2, 77),
                new Command.AddCurrency(t, 0, new Currency("EUR", 2)),
                new Command.ListInstrument(t, 0, new Instrument(1, "ASML", "EUR", 2, 10, 1, 68450, 1000)),
                new Command.OpenAccount(t, 0, 1001, 2, "EUR", SelfTradePrevention.CANCEL_BOTH),
                new Command.RegisterUser(t, 0, 2, 5));
    }

    @Test
    void commandTheWireCannotCarryIsRefusedAndNothingIsWritten() {
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.POWER_LOSS)) {
            journal.append(new Command.EndOfDay(1, 1));
            assertThatThrownBy(() -> journal.append(new Command.SetRiskLimits(2, 4, 1001, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no limits");
            assertThat(journal.commit()).isEqualTo(1);
        }
        assertThat(readAll()).extracting(JournalRecord::command).containsExactly(new Command.EndOfDay(1, 1));
    }

    @Test
    void everyKindOfCommandReadsBackEqualAfterReopening() {
        List<Command> written = everyKindOfCommand();
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.POWER_LOSS)) {
            written.forEach(journal::append);
            assertThat(journal.commit()).isEqualTo(written.size());
        }
        List<JournalRecord> read = readAll();
        assertThat(read).extracting(JournalRecord::command).containsExactlyElementsOf(written);
        assertThat(read).extracting(JournalRecord::seq).startsWith(1L, 2L, 3L);
    }

    @Test
    void anAttachmentReadsBackWithItsCommandBesideRecordsWithoutOne() {
        byte[] audit = "alice ORDER_ENTERED order:10 — élevé".getBytes(StandardCharsets.UTF_8);
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.POWER_LOSS)) {
            journal.append(new Command.EndOfDay(1, 1));
            journal.append(new Command.CancelOrder(2, 2, 10), audit);
            journal.append(new Command.CancelOrder(3, 2, 11), new byte[0]);
            journal.append(new Command.EndOfDay(4, 1));
            assertThat(journal.commit()).isEqualTo(4);
        }
        List<JournalRecord> read = readAll();
        assertThat(read).extracting(JournalRecord::command).containsExactly(new Command.EndOfDay(1, 1),
                new Command.CancelOrder(2, 2, 10), new Command.CancelOrder(3, 2, 11), new Command.EndOfDay(4, 1));
        assertThat(read.get(0).attachment()).isNull();
        assertThat(read.get(1).attachment()).isEqualTo(audit);
        assertThat(read.get(2).attachment()).isEmpty();
        assertThat(read.get(3).attachment()).isNull();
    }

    @Test
    void anAttachmentOverTheLimitIsRefusedAndNothingIsWritten() {
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.POWER_LOSS)) {
            journal.append(new Command.EndOfDay(1, 1));
            assertThatThrownBy(() -> journal.append(new Command.EndOfDay(2, 1),
                    new byte[CommandJournal.MAX_ATTACHMENT + 1]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("attachment");
            assertThat(journal.commit()).isEqualTo(1);
        }
        assertThat(readAll()).hasSize(1);
    }

    @Test
    void aRecordWhoseAttachedMarkWasFlippedDoesNotAuthenticate() throws IOException {
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.POWER_LOSS)) {
            journal.append(new Command.CancelOrder(1, 2, 10), new byte[]{1, 2, 3});
            journal.append(new Command.CancelOrder(2, 2, 11));
            journal.commit();
        }
        Path segment = CommandJournal.fileOf(dir, 0);
        long first = JournalFiles.recordOffsets(segment).get(0);
        // Clear the mark in the length and in its inverted copy alike: the length reads whole, the kind is wrong.
        JournalFiles.flipBit(segment, first + 3, 0x40);
        JournalFiles.flipBit(segment, first + 7, 0x40);

        assertThatThrownBy(() -> CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("record 1 does not authenticate");
    }

    @Test
    void theJournalReadsAcrossSegmentsFromAnySequence() {
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            for (int i = 1; i <= 30; i++) {
                journal.append(new Command.CancelOrder(i, 2, i));
                if (i % 10 == 0) {
                    journal.roll();
                }
            }
            journal.commit();
        }
        try (CommandJournal reopened = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            List<JournalRecord> read = new ArrayList<>();
            reopened.replay(7, read::add);
            assertThat(read).extracting(JournalRecord::seq)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(8, 30).boxed().toList());
        }
    }

    @Test
    void tornTailLeftByACrashIsCutAndAppendsContinueTheSequence() throws IOException {
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            for (int i = 0; i < 100; i++) {
                journal.append(new Command.CancelOrder(i, 2, i));
            }
            journal.commit();
        }
        Path segment = CommandJournal.fileOf(dir, 0);
        long whole = Files.size(segment);
        // A record whose prefix promises 60 bytes, of which only 7 reached the file.
        Files.write(segment, new byte[] {60, 0, 0, 0, ~60, -1, -1, -1, 1, 2, 3, 4, 5, 6, 7},
                StandardOpenOption.APPEND);

        try (CommandJournal reopened = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            assertThat(reopened.openReport().lastSeq()).isEqualTo(100);
            assertThat(reopened.openReport().truncatedBytes()).isEqualTo(15);
            assertThat(Files.size(segment)).isEqualTo(whole);
            assertThat(reopened.append(new Command.CancelOrder(100, 2, 100))).isEqualTo(101);
            reopened.commit();
        }
        List<JournalRecord> read = readAll();
        assertThat(read).hasSize(101);
        assertThat(read.getLast().command()).isEqualTo(new Command.CancelOrder(100, 2, 100));
    }

    @Test
    void theLastRecordCutShortIsDroppedAndEveryCommandBeforeItIsIntact() throws IOException {
        List<Command> written = everyKindOfCommand();
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            written.forEach(journal::append);
            journal.commit();
        }
        Path segment = CommandJournal.fileOf(dir, 0);
        try (var raw = new java.io.RandomAccessFile(segment.toFile(), "rw")) {
            raw.setLength(raw.length() - 5);
        }
        assertThat(readAll()).extracting(JournalRecord::command)
                .containsExactlyElementsOf(written.subList(0, written.size() - 1));
    }

    @Test
    void zerosAPowerCutLeftAfterTheLastRecordAreCutLikeATornRecord() throws IOException {
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.POWER_LOSS)) {
            for (int i = 0; i < 20; i++) {
                journal.append(new Command.CancelOrder(i, 2, i));
            }
            journal.commit();
        }
        Path segment = CommandJournal.fileOf(dir, 0);
        long whole = Files.size(segment);
        Files.write(segment, new byte[4096], StandardOpenOption.APPEND);

        try (CommandJournal reopened = CommandJournal.open(dir, KEY, Durability.POWER_LOSS)) {
            assertThat(reopened.openReport().lastSeq()).isEqualTo(20);
            assertThat(reopened.openReport().truncatedBytes()).isEqualTo(4096);
        }
        assertThat(Files.size(segment)).isEqualTo(whole);
    }

    @Test
    void aFlippedByteMidFileRefusesTheStartNamingFileAndPositionAndTruncatesNothing() throws IOException {
        writeCancels(100);
        Path segment = CommandJournal.fileOf(dir, 0);
        long record51 = JournalFiles.recordOffsets(segment).get(50);
        byte[] before = Files.readAllBytes(segment);
        JournalFiles.flipByte(segment, record51 + 20);
        byte[] tampered = Files.readAllBytes(segment);

        assertThatThrownBy(() -> CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("at byte " + record51)
                .hasMessageContaining("record 51");
        assertThat(Files.readAllBytes(segment)).as("nothing cut").isEqualTo(tampered).hasSameSizeAs(before);
    }

    @Test
    void aFlippedLengthMidFileIsRefusedNotTakenForATornTail() throws IOException {
        writeCancels(100);
        Path segment = CommandJournal.fileOf(dir, 0);
        long record99 = JournalFiles.recordOffsets(segment).get(98);
        JournalFiles.flipByte(segment, record99 + 1);

        assertThatThrownBy(() -> CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("at byte " + record99)
                .hasMessageContaining("damaged length");
    }

    @Test
    void aWholeLastRecordThatWasAlteredIsRefusedNotCut() throws IOException {
        writeCancels(10);
        Path segment = CommandJournal.fileOf(dir, 0);
        JournalFiles.flipByte(segment, Files.size(segment) - 3);

        assertThatThrownBy(() -> CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("record 10 does not authenticate");
    }

    @Test
    void twoRecordsSwappedAreRefused() throws IOException {
        writeCancels(40);
        Path segment = CommandJournal.fileOf(dir, 0);
        List<Long> offsets = JournalFiles.recordOffsets(segment);
        JournalFiles.swapAdjacent(segment, offsets.get(20), offsets.get(21), offsets.get(22));

        assertThatThrownBy(() -> CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("at byte " + offsets.get(20))
                .hasMessageContaining("record 21 does not authenticate");
    }

    @Test
    void aDroppedRecordIsRefused() throws IOException {
        writeCancels(40);
        Path segment = CommandJournal.fileOf(dir, 0);
        List<Long> offsets = JournalFiles.recordOffsets(segment);
        JournalFiles.cut(segment, offsets.get(10), offsets.get(11));

        assertThatThrownBy(() -> CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("record 11 does not authenticate");
    }

    @Test
    void aMissingSegmentBetweenTwoOthersIsRefusedWhenTheHistoryIsRead() throws IOException {
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            for (int i = 1; i <= 30; i++) {
                journal.append(new Command.CancelOrder(i, 2, i));
                if (i % 10 == 0) {
                    journal.roll();
                }
            }
            journal.commit();
        }
        Files.delete(CommandJournal.fileOf(dir, 10));

        try (CommandJournal reopened = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            assertThatThrownBy(() -> reopened.replay(0, r -> {
            })).isInstanceOf(JournalDamagedException.class).hasMessageContaining("segments are missing");
        }
    }

    @Test
    void withoutTheKeyTheFileShowsNoCommandText() throws IOException {
        String owner = "Hélène Dubois-Marchetti, desk 7";
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            journal.append(new Command.Reject(1, 4, ReviewSubject.ORDER, 10, owner));
            journal.append(new Command.AddCurrency(1, 0, new Currency("XAU", 4)));
            journal.commit();
        }
        byte[] bytes = Files.readAllBytes(CommandJournal.fileOf(dir, 0));
        assertThat(JournalFiles.contains(bytes, owner.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(JournalFiles.contains(bytes, "Dubois".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(JournalFiles.contains(bytes, "XAU".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(readAll().getFirst().command()).isEqualTo(new Command.Reject(1, 4, ReviewSubject.ORDER, 10, owner));
    }

    @Test
    void aWrongKeyIsRefusedClearlyAndChangesNothing() throws IOException {
        writeCancels(10);
        Path segment = CommandJournal.fileOf(dir, 0);
        byte[] before = Files.readAllBytes(segment);

        assertThatThrownBy(() -> CommandJournal.open(dir, JournalFiles.key(2), Durability.PROCESS_CRASH))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("the key does not open this segment: a wrong key");
        assertThat(Files.readAllBytes(segment)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedUntouched() throws IOException {
        Path file = CommandJournal.fileOf(dir, 0);
        Files.writeString(file, "quarterly figures, do not delete; quarterly figures, do not delete; quarterly");
        assertThatThrownBy(() -> CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH))
                .hasMessageContaining("not a Bourse command journal");
        assertThat(Files.readString(file)).startsWith("quarterly figures, do not delete");
    }

    private void writeCancels(int count) {
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            for (int i = 1; i <= count; i++) {
                journal.append(new Command.CancelOrder(i, 2, i));
                if (i % 7 == 0) {
                    journal.commit();
                }
            }
            journal.commit();
        }
    }

    private List<JournalRecord> readAll() {
        List<JournalRecord> read = new ArrayList<>();
        try (CommandJournal journal = CommandJournal.open(dir, KEY, Durability.PROCESS_CRASH)) {
            journal.replay(0, read::add);
        }
        return read;
    }
}
