package com.bourse.backoffice.importexport;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.security.Argon2Params;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SignInResult;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

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

    /**
     * Each test's own seeded back office in a fresh temporary folder, with the administrator signed in; closed and
     * its folder deleted after the test. {@code @RegisterExtension final BackOfficeFixture.SignedInAdmin seeded =
     * new BackOfficeFixture.SignedInAdmin();}
     */
    public static final class SignedInAdmin implements BeforeEachCallback, AfterEachCallback {
        private final TestClock clock = new TestClock(START);
        private Path dir;
        private BackOffice office;
        private Session admin;

        @Override
        public void beforeEach(ExtensionContext context) throws IOException {
            dir = Files.createTempDirectory("back-office-test");
            office = seeded(dir, clock);
            admin = signIn(office, "admin", "admin-training-1");
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            try {
                office.close();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(SignedInAdmin::delete);
                }
            }
        }

        private static void delete(Path file) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public BackOffice office() {
            return office;
        }

        public Session admin() {
            return admin;
        }

        public TestClock clock() {
            return clock;
        }
    }
}
