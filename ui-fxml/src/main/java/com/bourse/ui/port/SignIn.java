package com.bourse.ui.port;

/**
 * Checks a user's credentials. The sign-in window knows nothing else about users: the store (or, in
 * simulation, the sample users) sits behind this port. Implementations must be safe to call from a
 * background thread (password hashing is slow on purpose) and must not keep the password.
 */
@FunctionalInterface
public interface SignIn {

    /** Verifies the credentials; the caller wipes {@code password} afterwards. */
    Result signIn(String username, char[] password);

    /** The answer: either the signed-in identity or a reason fit to show in the window. */
    sealed interface Result {
        record Granted(TraderIdentity trader) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }
}
