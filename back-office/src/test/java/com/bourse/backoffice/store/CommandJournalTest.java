package com.bourse.backoffice.store;

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

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandJournalTest {
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
        Path file = dir.resolve("j");
        try (CommandJournal journal = CommandJournal.open(file, CommandJournal.Fsync.ON_COMMIT)) {
            journal.append(new Command.EndOfDay(1, 1));
            assertThatThrownBy(() -> journal.append(new Command.SetRiskLimits(2, 4, 1001, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no limits");
            assertThat(journal.commit()).isEqualTo(1);
        }
        List<JournalRecord> read = new ArrayList<>();
        CommandJournal.read(file, 0, read::add);
        assertThat(read).extracting(JournalRecord::command).containsExactly(new Command.EndOfDay(1, 1));
    }

    @Test
    void everyKindOfCommandReadsBackEqualAfterReopening() {
        List<Command> written = everyKindOfCommand();
        Path file = dir.resolve("j");
        try (CommandJournal journal = CommandJournal.open(file, CommandJournal.Fsync.ON_COMMIT)) {
            written.forEach(journal::append);
            assertThat(journal.commit()).isEqualTo(written.size());
        }
        List<JournalRecord> read = new ArrayList<>();
        CommandJournal.read(file, 0, read::add);
        assertThat(read).extracting(JournalRecord::command).containsExactlyElementsOf(written);
        assertThat(read).extracting(JournalRecord::seq).startsWith(1L, 2L, 3L);
    }

    @Test
    void tornTailLeftByACrashIsCutAndAppendsContinueTheSequence() throws IOException {
        Path file = dir.resolve("j");
        try (CommandJournal journal = CommandJournal.open(file, CommandJournal.Fsync.OS_ONLY)) {
            for (int i = 0; i < 100; i++) {
                journal.append(new Command.CancelOrder(i, 2, i));
            }
            journal.commit();
        }
        long whole = Files.size(file);
        // A frame whose header promises 40 bytes, of which only 7 reached the file.
        Files.write(file, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);

        try (CommandJournal reopened = CommandJournal.open(file, CommandJournal.Fsync.OS_ONLY)) {
            assertThat(reopened.openReport().lastSeq()).isEqualTo(100);
            assertThat(reopened.openReport().truncatedBytes()).isEqualTo(11);
            assertThat(Files.size(file)).isEqualTo(whole);
            assertThat(reopened.append(new Command.CancelOrder(100, 2, 100))).isEqualTo(101);
            reopened.commit();
        }
        List<JournalRecord> read = new ArrayList<>();
        CommandJournal.read(file, 95, read::add);
        assertThat(read).extracting(JournalRecord::seq).containsExactly(96L, 97L, 98L, 99L, 100L, 101L);
    }

    @Test
    void aDamagedFrameEndsTheReadableJournalThere() throws IOException {
        Path file = dir.resolve("j");
        long frame51;
        try (CommandJournal journal = CommandJournal.open(file, CommandJournal.Fsync.OS_ONLY)) {
            for (int i = 0; i < 50; i++) {
                journal.append(new Command.CancelOrder(i, 2, i));
            }
            journal.commit();
            frame51 = Files.size(file);
            for (int i = 50; i < 100; i++) {
                journal.append(new Command.CancelOrder(i, 2, i));
            }
            journal.commit();
        }
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(frame51 + 12);
            raw.write(raw.read() ^ 0x40);
        }
        assertThat(CommandJournal.read(file, 0, r -> {
        })).isEqualTo(50);
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedUntouched() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "quarterly figures, do not delete");
        assertThatThrownBy(() -> CommandJournal.open(file, CommandJournal.Fsync.OS_ONLY))
                .hasMessageContaining("not a Bourse command journal");
        assertThat(Files.readString(file)).isEqualTo("quarterly figures, do not delete");
    }
}
