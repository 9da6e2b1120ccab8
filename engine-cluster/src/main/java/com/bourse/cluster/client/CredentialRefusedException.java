package com.bourse.cluster.client;

/** The cluster refused the user's credential; the message says why (wrong signature, expired, ...). */
public final class CredentialRefusedException extends RuntimeException {
    public CredentialRefusedException(String reason, Throwable cause) {
        super("the production engine refused the credential: " + reason, cause);
    }
}
