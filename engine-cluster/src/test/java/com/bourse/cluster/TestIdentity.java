package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.identity.IdentityCodec;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.UserAdminRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Sign-in material of the test clusters: the bootstrap secret, cheap key derivation, the market's users. */
final class TestIdentity {
    static final String BOOTSTRAP_SECRET = "the test clusters' one-time bootstrap secret";
    /** Cheap Argon2id so that tests sign in quickly; production uses at least {@link Scram.KdfParams#OWASP}. */
    static final Scram.KdfParams CHEAP = new Scram.KdfParams(64, 1, 1);

    private TestIdentity() {
    }

    static Path writeBootstrapSecret(Path directory) {
        Path file = directory.resolve("bootstrap.secret");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, BOOTSTRAP_SECRET + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** Creates a live user through {@code admin}'s session; fails unless the cluster says done. */
    static void create(ClusterVenue admin, long userId, String username, char[] password, int roles) {
        IdentityCodec.Reply reply = ask(admin, UserAdminRequest.create(0, userId, username, roles,
                Scram.verifier(password, CHEAP)));
        if (!reply.done()) {
            throw new AssertionError("creating " + username + " refused: " + reply.reason());
        }
    }

    static IdentityCodec.Reply ask(ClusterVenue venue, UserAdminRequest request) {
        try {
            return venue.administer(request).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no reply to " + request.action(), e);
        }
    }

    /** The market's users, created through the bootstrap (installation) session. */
    static void createMarketUsers(ClusterVenue installation) {
        for (long[] user : Market.users()) {
            create(installation, user[0], Market.username(user[0]), Market.password(user[0]), (int) user[1]);
        }
    }
}
