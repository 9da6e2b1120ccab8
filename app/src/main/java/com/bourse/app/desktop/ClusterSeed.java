package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.cluster.identity.IdentityCodec;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.identity.UserAdminRequest;
import com.bourse.protocol.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Seeds a fresh production cluster with the {@link SampleWorld} the back office was installed from, so the cluster
 * and the back office describe the same world. It signs in as the installation with the cluster's one-time
 * bootstrap secret (printed by the first node, or the file given to it), creates the world's users in the
 * cluster's user directory (each password's SCRAM verifier is derived here; the cluster never sees a password),
 * then sends the world's seed (currencies, instruments, accounts, limits, opening deposits: the same commands in
 * the same order as a simulation's journal, users aside) and waits until the cluster has acknowledged every one.
 * Once users exist the bootstrap secret opens nothing: everything else goes through administrators.
 *
 * <p>{@code main} (or {@code ./bourse run seed-cluster}): once against a fresh cluster, with the live desktop's
 * settings ({@code BOURSE_MODE=live BOURSE_CLUSTER=...}) and {@code BOURSE_CLUSTER_BOOTSTRAP_SECRET_FILE} (or
 * {@code -Dbourse.cluster.bootstrapSecretFile}) naming the bootstrap secret.
 */
public final class ClusterSeed {
    private ClusterSeed() {
    }

    /**
     * Creates the world's users and sends its seed to a cluster that has no user yet; returns how many engine
     * commands the cluster acknowledged.
     *
     * @param kdf the Argon2id cost of the users' password verifiers ({@link Scram.KdfParams#OWASP} in production)
     * @throws IllegalStateException when the cluster refuses the bootstrap, a user or a command
     */
    public static int seed(LiveHost host, SampleWorld world, char[] bootstrapSecret, Scram.KdfParams kdf) {
        List<Command> commands = commands(world, System.currentTimeMillis());
        CountDownLatch done = new CountDownLatch(commands.size());
        AtomicReference<String> failure = new AtomicReference<>();
        try (ClusterVenue venue = host.connect(ScramCredentials.bootstrap(bootstrapSecret))) {
            for (SampleWorld.SampleUser user : world.users()) {
                char[] password = user.password().toCharArray();
                Scram.Verifier verifier = Scram.verifier(password, kdf);
                Arrays.fill(password, '\0');
                IdentityCodec.Reply reply = venue.administer(UserAdminRequest.create(0, user.userId(),
                        user.username(), user.roleMask(), verifier)).get(30, TimeUnit.SECONDS);
                if (!reply.done()) {
                    throw new IllegalStateException("the cluster refused user " + user.username() + ": "
                            + reply.reason());
                }
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
            throw new IllegalStateException("the cluster did not answer: " + e.getMessage(), e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("seeding the cluster failed: " + failure.get());
        }
        return commands.size();
    }

    /**
     * What {@link #seed} sends after the users, stamped {@code timestamp}: the world's seed without its user
     * registrations (the cluster registers a user with the engine when its directory creates it).
     */
    static List<Command> commands(SampleWorld world, long timestamp) {
        return world.seed(timestamp).stream().filter(c -> !(c instanceof Command.RegisterUser)).toList();
    }

    public static void main(String[] args) {
        DesktopConfig config = DesktopConfig.fromSystemProperties();
        if (config.cluster() == null) {
            throw new IllegalArgumentException("bourse.mode: seeding needs -Dbourse.mode=live and the cluster settings");
        }
        String file = System.getProperty("bourse.cluster.bootstrapSecretFile",
                System.getenv("BOURSE_CLUSTER_BOOTSTRAP_SECRET_FILE"));
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("bourse.cluster.bootstrapSecretFile: seeding signs in with the "
                    + "cluster's bootstrap secret (printed by its first node); name the file holding it");
        }
        char[] secret;
        try {
            secret = Files.readString(Path.of(file)).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("bourse.cluster.bootstrapSecretFile: cannot read " + file + ": "
                    + e.getMessage(), e);
        }
        try (LiveHost host = new LiveHost(config)) {
            int n = seed(host, SampleWorld.read(config.sampleData()), secret, Scram.KdfParams.OWASP);
            System.out.println("seeded the cluster with " + SampleWorld.read(config.sampleData()).users().size()
                    + " users and " + n + " commands from " + config.sampleData());
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
