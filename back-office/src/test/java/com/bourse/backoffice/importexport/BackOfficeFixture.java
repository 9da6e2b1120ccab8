package com.bourse.backoffice.importexport;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.security.Argon2Params;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SignInResult;

import java.nio.file.Path;
import java.time.Instant;

/** A back office in a temporary folder, seeded from the project's sample-data, with weak (fast) test costs. */
public final class BackOfficeFixture {
    public static final Path SAMPLE_DATA = Path.of("..", "sample-data");
    public static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    public static final Instant START = Instant.parse("2026-11-02T08:00:00Z");

    private BackOfficeFixture() {
    }

    public static BackOffice.Options options(Path dir, TestClock clock) {
        return BackOffice.Options.defaults(dir, PASSPHRASE).withCosts(Argon2Params.forTests()).withClock(clock);
    }

    /** A fresh back office seeded with the sample users, instruments and accounts. */
    public static BackOffice seeded(Path dir, TestClock clock) {
        BackOffice office = BackOffice.open(options(dir, clock));
        office.seedIfFirstRun(SAMPLE_DATA);
        return office;
    }

    public static Session signIn(BackOffice office, String user, String password) {
        SignInResult result = office.signIn().signIn(user, password.toCharArray());
        if (result instanceof SignInResult.SignedIn signedIn) {
            return signedIn.session();
        }
        throw new AssertionError("sign-in of " + user + " refused: " + result);
    }
}
