package com.bourse.cluster.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The back office's command line for credentials: {@code CredentialTool <secret.b64> <userId> <validMinutes>}
 * prints a credential a client presents to the cluster.
 */
public final class CredentialTool {
    private CredentialTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CredentialTool <secret.b64> <userId> <validMinutes>");
            System.exit(2);
        }
        byte[] secret = Base64.getDecoder().decode(Files.readString(Path.of(args[0])).trim());
        long expiresAt = System.currentTimeMillis() + Long.parseLong(args[2]) * 60_000;
        System.out.println(new CredentialAuthority(secret).issue(Long.parseLong(args[1]), expiresAt));
    }
}
