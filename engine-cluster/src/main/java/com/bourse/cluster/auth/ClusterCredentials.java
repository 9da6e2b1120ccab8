package com.bourse.cluster.auth;

import io.aeron.security.CredentialsSupplier;

import java.nio.charset.StandardCharsets;

/**
 * The client side of {@link BackOfficeAuthenticator}: presents the back-office credential and remembers the
 * reason the cluster gives when it refuses it.
 */
public final class ClusterCredentials implements CredentialsSupplier {
    private static final byte[] NO_ANSWER = new byte[0];

    private final byte[] credential;
    private volatile String refusal;

    public ClusterCredentials(String credential) {
        this.credential = credential.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] encodedCredentials() {
        return credential.clone();
    }

    @Override
    public byte[] onChallenge(byte[] encodedChallenge) {
        String text = new String(encodedChallenge, StandardCharsets.UTF_8);
        refusal = text.startsWith(BackOfficeAuthenticator.REFUSAL_PREFIX)
                ? text.substring(BackOfficeAuthenticator.REFUSAL_PREFIX.length()) : text;
        return NO_ANSWER;
    }

    /** Why the cluster refused the credential, or null when it has not. */
    public String refusal() {
        return refusal;
    }
}
