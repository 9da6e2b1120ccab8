package com.bourse.cluster.client;

/**
 * The cluster refused the sign-in (unknown user, wrong password, locked, disabled, malformed credentials), or the
 * client refused the cluster (it could not prove it holds the user's verifier); {@link #reason()} says which.
 */
public final class CredentialRefusedException extends RuntimeException {
    private final String reason;

    public CredentialRefusedException(String reason, Throwable cause) {
        super("the production engine refused the sign-in: " + reason, cause);
        this.reason = reason;
    }

    /** The reason alone, as the sign-in window shows it. */
    public String reason() {
        return reason;
    }
}
