package com.bourse.app.desktop;

import com.bourse.backoffice.security.Session;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Seeds an empty production cluster with the reference data, users, accounts, limits and opening deposits of the
 * {@link SampleWorld} the back office was installed from, so the cluster and the back office describe the same world:
 * the world's one seed ({@link SampleWorld#seed}), the same commands in the same order as a simulation's journal. Acts as
 * the installation itself ({@link Command#SYSTEM_USER}) with a credential the back office issues; waits until the
 * cluster has acknowledged every command.
 *
 * <p>{@code main} (or {@code ./bourse run seed-cluster}): run once against a fresh cluster with the same settings
 * as the live desktop ({@code BOURSE_MODE=live BOURSE_CLUSTER=... BOURSE_CLUSTER_SECRET_FILE=...}).
 */
public final class ClusterSeed {
    private ClusterSeed() {
    }

    /**
     * Sends the sample world's seed to a cluster that lists no instrument yet; returns how many commands the
     * cluster acknowledged.
     *
     * @throws IllegalStateException when the cluster is already seeded, or refuses or loses a command
     */
    public static int seed(LiveHost host, SampleWorld world) {
        Session system = host.credentials().issue(Command.SYSTEM_USER, "system", Set.of(Role.ADMIN));
        List<Command> commands = commands(world, System.currentTimeMillis());
        CountDownLatch done = new CountDownLatch(commands.size());
        AtomicReference<String> failure = new AtomicReference<>();
        try (ClusterVenue venue = host.connect(system)) {
            int listed = venue.requestMarket(1, state -> { }).get(30, TimeUnit.SECONDS).lastTrades().size();
            if (listed > 0) {
                throw new IllegalStateException("the cluster already lists " + listed + " instruments: not seeding");
            }
            venue.onOutcome(new CommandOutcomeListener() {
                @Override
                public void acknowledged(Command command, long logPosition) {
                    done.countDown();
                }

                @Override
                public void failed(Command command, String reason) {
                    failure.compareAndSet(null, command + ": " + reason);
                    done.countDown();
                }
            });
            for (Command command : commands) {
                while (!venue.submit(command)) {
                    Thread.onSpinWait();
                }
            }
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the cluster did not acknowledge the seed within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the cluster", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the cluster did not say what it lists: " + e.getMessage(), e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("seeding the cluster failed: " + failure.get());
        }
        return commands.size();
    }

    /** What {@link #seed} sends, stamped {@code timestamp}. */
    static List<Command> commands(SampleWorld world, long timestamp) {
        return world.seed(timestamp);
    }

    public static void main(String[] args) {
        DesktopConfig config = DesktopConfig.fromSystemProperties();
        if (config.cluster() == null) {
            throw new IllegalArgumentException("bourse.mode: seeding needs -Dbourse.mode=live and the cluster settings");
        }
        try (LiveHost host = new LiveHost(config)) {
            int n = seed(host, SampleWorld.read(config.sampleData()));
            System.out.println("seeded the cluster with " + n + " commands from " + config.sampleData());
        }
    }
}
