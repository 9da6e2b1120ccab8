package com.bourse.cluster.identity;

/**
 * A user of the production engine as the cluster keeps it: sign-in name, roles ({@link com.bourse.protocol.Role}
 * bits), status, the SCRAM verifier of the password (never the password) and the failed sign-ins since the last
 * success. Immutable; a change makes a new one.
 */
public record LiveUser(long userId, String username, int roleMask, UserStatus status, Scram.Verifier verifier,
                       int failedSignIns) {
    LiveUser withStatus(UserStatus newStatus) {
        return new LiveUser(userId, username, roleMask, newStatus, verifier, newStatus == UserStatus.ENABLED
                ? 0 : failedSignIns);
    }

    LiveUser withRoles(int roles) {
        return new LiveUser(userId, username, roles, status, verifier, failedSignIns);
    }

    LiveUser withVerifier(Scram.Verifier newVerifier) {
        return new LiveUser(userId, username, roleMask, status, newVerifier, 0);
    }

    LiveUser withFailures(int failures) {
        return new LiveUser(userId, username, roleMask, status, verifier, failures);
    }
}
