package com.bourse.backoffice.security;

import java.time.Instant;

/** The answer to a sign-in: a session, or why not. */
public sealed interface SignInResult {

    record SignedIn(Session session) implements SignInResult {
    }

    /**
     * @param lockedUntil set when the account is (now) locked
     */
    record Refused(Reason reason, String message, Instant lockedUntil) implements SignInResult {
    }

    enum Reason {
        /** Unknown user name or wrong password: deliberately the same answer. */
        BAD_CREDENTIALS,
        LOCKED,
        DISABLED
    }
}
