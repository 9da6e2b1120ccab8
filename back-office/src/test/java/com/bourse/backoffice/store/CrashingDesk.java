package com.bourse.backoffice.store;

import com.bourse.engine.host.Durability;
import com.bourse.protocol.Command;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Child process of {@link CrashRecoveryTest}: runs the desk flat out (journal fsync per group commit,
 * projections written on their thread) and prints {@code ACK <seq>} after every group commit, until it is
 * killed. An acknowledged command is one whose ACK line the parent has read. Arguments: folder, workload seed,
 * commands between snapshots.
 */
public final class CrashingDesk {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        ZoneId zone = ZoneId.of("UTC");
        Store store = Store.open(StoreConfig.in(dir.resolve("db")).withTradingZone(zone));
        ProjectionWriter writer = ProjectionWriter.open(store, new Projector(zone,
                DeskFixture.ENGINE.defaultLimits()), ProjectionWriter.Options.defaults());
        JournaledEngine desk = JournaledEngine.recover(DeskFixture.journalOptions(dir, Durability.POWER_LOSS),
                Long.parseLong(args[2]), writer);
        TradingWorkload workload = new TradingWorkload(seed, 16, 3, 20_000);
        for (Command command : workload.setup()) {
            desk.apply(command);
        }
        acknowledge(desk.commit());
        long deadline = System.nanoTime() + 120_000_000_000L; // never outlive a broken parent by long
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) {
                workload.observe(desk.apply(workload.next()).events());
            }
            acknowledge(desk.commit());
        }
        System.exit(3);
    }

    private static void acknowledge(long seq) {
        System.out.println("ACK " + seq);
        System.out.flush();
    }
}
