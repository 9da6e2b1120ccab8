package com.bourse.engine.host;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournaledEngineTest {
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final SecretKey KEY = JournalFiles.key(7);

    @TempDir
    Path directory;

    @Test
    void reopenedEngineHasTheStateOfEveryCommittedCommand() {
        List<Command> stream = TradingStream.of(1, 250);
        try (JournaledEngine host = open(Durability.POWER_LOSS)) {
            stream.forEach(command -> host.apply(command, EventSink.NONE));
            host.commit();
        }

        try (JournaledEngine reopened = open(Durability.POWER_LOSS)) {
            assertThat(reopened.sequence()).isEqualTo(stream.size());
            assertThat(reopened.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
        }
    }

    @Test
    void snapshotShortensRecoveryWithoutChangingTheState() {
        List<Command> stream = TradingStream.of(2, 300);
        try (JournaledEngine host = open(Durability.PROCESS_CRASH)) {
            stream.subList(0, 200).forEach(command -> host.apply(command, EventSink.NONE));
            host.snapshot();
            stream.subList(200, stream.size()).forEach(command -> host.apply(command, EventSink.NONE));
            host.commit();
        }

        try (JournaledEngine reopened = open(Durability.PROCESS_CRASH)) {
            assertThat(reopened.snapshotSequence()).isEqualTo(200);
            assertThat(reopened.recovery().replayed()).isEqualTo(stream.size() - 200);
            assertThat(reopened.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
        }
    }

    @Test
    void startReplaysOnlyTheCommandsSinceTheNewestSnapshotHoweverLongTheHistory() {
        List<Command> stream = TradingStream.of(3, 2_000);
        try (JournaledEngine host = open(Durability.PROCESS_CRASH)) {
            for (int i = 0; i < stream.size(); i++) {
                host.apply(stream.get(i), EventSink.NONE);
                if ((i + 1) % 250 == 0) {
                    host.snapshot();
                }
            }
            host.commit();
        }

        try (JournaledEngine reopened = open(Durability.PROCESS_CRASH)) {
            assertThat(reopened.recovery().replayed()).isLessThan(250);
            assertThat(reopened.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
            assertThat(reopened.snapshots().sequences()).hasSize(SnapshotStore.KEPT);
        }
    }

    @Test
    void theEngineAloneKeepsOnlyTheSegmentsItsSnapshotsNeedWhileTheDesktopKeepsTheHistory() throws Exception {
        List<Command> stream = TradingStream.of(4, 1_000);
        Path desktop = directory.resolve("desktop");
        Path engineOnly = directory.resolve("engine");
        JournaledEngine.Options history = new JournaledEngine.Options(desktop, CONFIG, Durability.PROCESS_CRASH, KEY,
                JournaledEngine.Retention.ALL_HISTORY);
        try (JournaledEngine kept = JournaledEngine.open(history, new Collecting());
             JournaledEngine trimmed = JournaledEngine.open(engineOnly, CONFIG, Durability.PROCESS_CRASH, KEY)) {
            for (int i = 0; i < stream.size(); i++) {
                kept.apply(stream.get(i), EventSink.NONE);
                trimmed.apply(stream.get(i), EventSink.NONE);
                if ((i + 1) % 100 == 0) {
                    kept.snapshot();
                    trimmed.snapshot();
                }
            }
        }
        assertThat(CommandJournal.segments(engineOnly)).hasSizeLessThanOrEqualTo(SnapshotStore.KEPT + 1);
        assertThat(CommandJournal.segments(desktop)).contains(0L).hasSizeGreaterThan(5);

        // With the history kept, a companion that lost its state can resume from the very start.
        Collecting fromScratch = new Collecting(0);
        try (JournaledEngine again = JournaledEngine.open(history, fromScratch)) {
            assertThat(again.recovery().snapshotSeq()).isZero();
            assertThat(fromScratch.replayed).hasSize(stream.size());
            assertThat(again.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
        }
    }

    @Test
    void aCompanionGetsItsStateFromTheSameSnapshotAndEachLaterCommandWithItsEvents() {
        List<Command> stream = TradingStream.of(5, 400);
        JournaledEngine.Options options = new JournaledEngine.Options(directory, CONFIG, Durability.PROCESS_CRASH,
                KEY, JournaledEngine.Retention.ALL_HISTORY);
        List<List<Event>> emitted = new ArrayList<>();
        try (JournaledEngine host = JournaledEngine.open(options, new Collecting())) {
            for (int i = 0; i < stream.size(); i++) {
                List<Event> events = new ArrayList<>();
                host.apply(stream.get(i), events::add);
                emitted.add(events);
                if (i + 1 == 300) {
                    JournaledEngine.PendingSnapshot pending = host.startSnapshot();
                    host.writeSnapshot(pending, "state at 300".getBytes(StandardCharsets.UTF_8));
                }
            }
            host.commit();
        }

        Collecting companion = new Collecting();
        try (JournaledEngine reopened = JournaledEngine.open(options, companion)) {
            assertThat(companion.restoredSeq).isEqualTo(300);
            assertThat(new String(companion.restoredState, StandardCharsets.UTF_8)).isEqualTo("state at 300");
            assertThat(companion.replayed).extracting(JournalRecord::seq).first().isEqualTo(301L);
            assertThat(companion.events).isEqualTo(emitted.subList(300, stream.size()));
        }
    }

    @Test
    void aCompanionBehindTheNewestSnapshotResumesFromAnOlderOne() {
        List<Command> stream = TradingStream.of(6, 400);
        JournaledEngine.Options options = new JournaledEngine.Options(directory, CONFIG, Durability.PROCESS_CRASH,
                KEY, JournaledEngine.Retention.ALL_HISTORY);
        try (JournaledEngine host = JournaledEngine.open(options, new Collecting())) {
            for (int i = 0; i < stream.size(); i++) {
                host.apply(stream.get(i), EventSink.NONE);
                if ((i + 1) % 100 == 0) {
                    host.snapshot();
                }
            }
        }
        long newest = stream.size() - stream.size() % 100;
        Collecting behind = new Collecting(newest - 1);
        try (JournaledEngine reopened = JournaledEngine.open(options, behind)) {
            assertThat(reopened.recovery().snapshotSeq()).isEqualTo(newest - 100);
            assertThat(reopened.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
        }
    }

    @Test
    void recordTornByACrashIsDroppedAndTheJournalContinuesAfterTheLastWholeOne() throws Exception {
        List<Command> stream = TradingStream.of(3, 100);
        try (JournaledEngine host = open(Durability.PROCESS_CRASH)) {
            stream.forEach(command -> {
                host.apply(command, EventSink.NONE);
                host.commit();
            });
        }
        Path journal = CommandJournal.fileOf(directory, 0);
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            file.setLength(file.length() - 5); // the last record half written
        }

        try (JournaledEngine reopened = open(Durability.PROCESS_CRASH)) {
            assertThat(reopened.sequence()).isEqualTo(stream.size() - 1);
            assertThat(reopened.recovery().truncatedBytes()).isPositive();
            assertThat(reopened.engine().snapshot()).isEqualTo(replay(stream, stream.size() - 1));
            reopened.apply(stream.getLast(), EventSink.NONE);
            reopened.commit();
        }
        try (JournaledEngine again = open(Durability.PROCESS_CRASH)) {
            assertThat(again.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
        }
    }

    @Test
    void anAlteredSnapshotRefusesTheStartNamingIt() throws Exception {
        List<Command> stream = TradingStream.of(8, 200);
        try (JournaledEngine host = open(Durability.PROCESS_CRASH)) {
            stream.forEach(command -> host.apply(command, EventSink.NONE));
            host.snapshot();
        }
        Path snapshot = directory.resolve("snapshot-" + stream.size() + ".bin");
        JournalFiles.flipByte(snapshot, Files.size(snapshot) / 2);

        assertThatThrownBy(() -> open(Durability.PROCESS_CRASH))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining(snapshot.toString())
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void aSnapshotIsUnreadableWithoutTheKeyAndAWrongKeyIsRefused() throws Exception {
        List<Command> stream = TradingStream.of(9, 200);
        try (JournaledEngine host = open(Durability.PROCESS_CRASH)) {
            stream.forEach(command -> host.apply(command, EventSink.NONE));
            host.snapshot();
        }
        byte[] snapshot = Files.readAllBytes(directory.resolve("snapshot-" + stream.size() + ".bin"));
        assertThat(JournalFiles.contains(snapshot, "ACME".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(JournalFiles.contains(replay(stream, stream.size()), "ACME".getBytes(StandardCharsets.US_ASCII)))
                .as("the engine's own bytes name the instrument").isTrue();

        assertThatThrownBy(() -> JournaledEngine.open(directory, CONFIG, Durability.PROCESS_CRASH,
                JournalFiles.key(8))).isInstanceOf(JournalDamagedException.class).hasMessageContaining("wrong key");
    }

    @Test
    void desktopKilledMidStreamRestartsWithEveryAcknowledgedCommand() throws Exception {
        long seed = 20_261_125;
        int orders = 3_000;
        Path err = directory.resolveSibling(directory.getFileName() + "-desktop.err");
        Process desktop = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.zip=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                JournalStreamMain.class.getName(), directory.toString(), Long.toString(seed), Integer.toString(orders),
                "200", JournalFiles.hex(KEY))
                .redirectError(err.toFile())
                .start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(desktop.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null && acknowledged < 1_234) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Long.parseLong(line.substring(4));
                }
            }
            desktop.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, mid-stream
            assertThat(desktop.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            desktop.destroyForcibly();
        }

        List<Command> stream = TradingStream.of(seed, orders);
        try (JournaledEngine restarted = open(Durability.PROCESS_CRASH)) {
            assertThat(acknowledged).as("desktop stderr: %s", Files.readString(err)).isEqualTo(1_234);
            assertThat(restarted.sequence()).isBetween(acknowledged, (long) stream.size() - 1);
            assertThat(restarted.snapshotSequence()).isPositive();
            assertThat(restarted.recovery().replayed()).isLessThanOrEqualTo(100 + 1);
            assertThat(restarted.engine().snapshot()).isEqualTo(replay(stream, (int) restarted.sequence()));
        }
    }

    private JournaledEngine open(Durability durability) {
        return JournaledEngine.open(directory, CONFIG, durability, KEY);
    }

    private static byte[] replay(List<Command> stream, int count) {
        Engine engine = new Engine(CONFIG);
        for (Command command : stream.subList(0, count)) {
            engine.apply(command, EventSink.NONE);
        }
        return engine.snapshot();
    }

    /** A companion that records what the start gave it, and resumes at most at {@code resumeAtMost}. */
    private static final class Collecting implements JournaledEngine.Companion {
        private final long resumeAtMost;
        long restoredSeq = -1;
        byte[] restoredState;
        final List<JournalRecord> replayed = new ArrayList<>();
        final List<List<Event>> events = new ArrayList<>();

        Collecting() {
            this(Long.MAX_VALUE);
        }

        Collecting(long resumeAtMost) {
            this.resumeAtMost = resumeAtMost;
        }

        @Override
        public long resumeAtMost(long journalEnd) {
            return resumeAtMost;
        }

        @Override
        public void restore(long seq, byte[] state) {
            restoredSeq = seq;
            restoredState = state;
        }

        @Override
        public void replayed(JournalRecord record, List<Event> emitted) {
            replayed.add(record);
            events.add(emitted);
        }
    }
}
