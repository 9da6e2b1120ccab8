package com.bourse.cluster.identity;

import com.bourse.cluster.metrics.StructuredLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The one-time secret that opens the first session of a fresh cluster, as the installation, to create its first
 * users ({@code seed-cluster}). Read from a file given to the node; when the file does not exist the node makes
 * one (owner read/write only) and prints where it is and what it holds. The node keeps only the secret's SCRAM
 * verifier; once the cluster has a live user the secret opens nothing any more, whatever node holds it.
 */
public final class BootstrapSecret {
    private static final int RANDOM_BYTES = 18;

    private BootstrapSecret() {
    }

    /** The verifier of the secret in {@code file}, made (and printed) first when the file does not exist. */
    public static Scram.Verifier load(Path file, Scram.KdfParams params, StructuredLog log) {
        try {
            if (!Files.exists(file)) {
                String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(Scram.random(RANDOM_BYTES));
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, secret + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    log.warn("bootstrap_secret_permissions", "file", file, "reason", "not a POSIX file system");
                }
                log.info("bootstrap_secret_created", "file", file.toAbsolutePath());
                System.out.println("Bootstrap secret of this fresh cluster (opens one session until the first user "
                        + "exists): " + secret + "  (also in " + file.toAbsolutePath() + ")");
            }
            char[] secret = Files.readString(file).strip().toCharArray();
            if (secret.length < 12) {
                throw new IllegalArgumentException("bootstrapSecretFile: the secret in " + file
                        + " is shorter than 12 characters");
            }
            try {
                return Scram.verifier(secret, params);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bootstrapSecretFile: cannot read or create " + file, e);
        }
    }
}
