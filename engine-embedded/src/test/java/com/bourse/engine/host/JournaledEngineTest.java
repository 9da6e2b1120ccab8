package com.bourse.engine.host;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.EventSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JournaledEngineTest {
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @TempDir
    Path directory;

    @Test
    void reopenedEngineHasTheStateOfEveryCommandApplied() {
        List<Command> stream = TradingStream.of(1, 250);
        try (JournaledEngine host = JournaledEngine.open(directory, CONFIG, Durability.POWER_LOSS)) {
            stream.forEach(command -> host.apply(command, EventSink.NONE));
        }

        try (JournaledEngine reopened = JournaledEngine.open(directory, CONFIG, Durability.POWER_LOSS)) {
            assertThat(reopened.sequence()).isEqualTo(stream.size());
            assertThat(reopened.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
        }
    }

    @Test
    void snapshotShortensRecoveryWithoutChangingTheState() {
        List<Command> stream = TradingStream.of(2, 300);
        try (JournaledEngine host = JournaledEngine.open(directory, CONFIG, Durability.PROCESS_CRASH)) {
            host.applyAll(stream.subList(0, 200), EventSink.NONE);
            host.snapshot();
            host.applyAll(stream.subList(200, stream.size()), EventSink.NONE);
        }

        try (JournaledEngine reopened = JournaledEngine.open(directory, CONFIG, Durability.PROCESS_CRASH)) {
            assertThat(reopened.snapshotSequence()).isEqualTo(200);
            assertThat(reopened.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
        }
    }

    @Test
    void recordTornByACrashIsDroppedAndTheJournalContinuesAfterTheLastWholeOne() throws Exception {
        List<Command> stream = TradingStream.of(3, 100);
        try (JournaledEngine host = JournaledEngine.open(directory, CONFIG, Durability.PROCESS_CRASH)) {
            stream.forEach(command -> host.apply(command, EventSink.NONE));
        }
        Path journal = directory.resolve("journal-0.log");
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            file.setLength(file.length() - 5); // the last record half written
        }

        try (JournaledEngine reopened = JournaledEngine.open(directory, CONFIG, Durability.PROCESS_CRASH)) {
            assertThat(reopened.sequence()).isEqualTo(stream.size() - 1);
            assertThat(reopened.engine().snapshot()).isEqualTo(replay(stream, stream.size() - 1));
            reopened.apply(stream.getLast(), EventSink.NONE);
        }
        try (JournaledEngine again = JournaledEngine.open(directory, CONFIG, Durability.PROCESS_CRASH)) {
            assertThat(again.engine().snapshot()).isEqualTo(replay(stream, stream.size()));
        }
    }

    @Test
    void desktopKilledMidStreamRestartsWithEveryAcknowledgedCommand() throws Exception {
        long seed = 20_261_125;
        int orders = 3_000;
        Process desktop = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.zip=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), JournalStreamMain.class.getName(),
                directory.toString(), Long.toString(seed), Integer.toString(orders), "200")
                .redirectError(directory.resolveSibling(directory.getFileName() + "-desktop.err").toFile())
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
        try (JournaledEngine restarted = JournaledEngine.open(directory, CONFIG, Durability.PROCESS_CRASH)) {
            assertThat(acknowledged).as("desktop stderr: %s", java.nio.file.Files.readString(
                    directory.resolveSibling(directory.getFileName() + "-desktop.err"))).isEqualTo(1_234);
            assertThat(restarted.sequence()).isBetween(acknowledged, (long) stream.size() - 1);
            assertThat(restarted.snapshotSequence()).isPositive();
            assertThat(restarted.engine().snapshot()).isEqualTo(replay(stream, (int) restarted.sequence()));
        }
    }

    private static byte[] replay(List<Command> stream, int count) {
        Engine engine = new Engine(CONFIG);
        for (Command command : stream.subList(0, count)) {
            engine.apply(command, EventSink.NONE);
        }
        return engine.snapshot();
    }
}
