package com.bourse.engine.host;

import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.EventSink;

import java.nio.file.Path;
import java.util.List;

/**
 * The "desktop" the crash test kills: applies a seeded stream through a {@link JournaledEngine}, snapshotting
 * every 100 commands, and prints {@code ACK <seq>} after each command's commit returns, i.e. once it is acknowledged.
 * Arguments: directory, seed, orders, delay in microseconds between commands, the journal key in hex.
 */
public final class JournalStreamMain {
    private JournalStreamMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        List<Command> stream = TradingStream.of(Long.parseLong(args[1]), Integer.parseInt(args[2]));
        long delayNanos = Long.parseLong(args[3]) * 1_000;
        JournaledEngine host = JournaledEngine.open(directory, EngineConfig.defaults(), Durability.PROCESS_CRASH,
                JournalFiles.fromHex(args[4]));
        for (int i = (int) host.sequence(); i < stream.size(); i++) {
            host.apply(stream.get(i), EventSink.NONE);
            long sequence = host.commit();
            System.out.println("ACK " + sequence);
            System.out.flush();
            if (sequence % 100 == 0) {
                host.snapshot();
            }
            long until = System.nanoTime() + delayNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        System.out.println("DONE");
        // Never closed: the test kills this process before it gets here or after, never cleanly.
        Thread.sleep(60_000);
    }
}
