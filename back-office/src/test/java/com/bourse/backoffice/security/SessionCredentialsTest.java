package com.bourse.backoffice.security;

import com.bourse.backoffice.importexport.TestClock;
import com.bourse.cluster.auth.CredentialAuthority;
import com.bourse.protocol.Role;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCredentialsTest {
    static final byte[] SECRET = "the installation's key shared with its cluster".getBytes(StandardCharsets.UTF_8);
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T08:00:00Z"));
    final SessionCredentials credentials = new SessionCredentials(SECRET, clock, Duration.ofHours(8));

    @Test
    void credentialExpiresWithTheSession() {
        Session session = credentials.issue(4, "rita", Set.of(Role.RISK_OFFICER));
        assertThat(credentials.check(session.credential()).valid()).isTrue();

        clock.advance(Duration.ofHours(8));

        assertThat(credentials.check(session.credential()).refusal()).startsWith("credential expired at");
    }

    @Test
    void credentialWhoseUserIsChangedByHandFailsItsSignature() {
        Session session = credentials.issue(2, "alice", Set.of(Role.TRADER));
        String forged = session.credential().replaceFirst("^bourse1\\.2\\.", "bourse1.5.");

        assertThat(credentials.check(forged).refusal()).startsWith("credential signature is wrong");
    }

    @Test
    void credentialIssuedByAnotherBackOfficeIsRefused() {
        SessionCredentials other = new SessionCredentials("another installation's key, 32 bytes or more"
                .getBytes(StandardCharsets.UTF_8), clock, Duration.ofHours(8));
        Session session = other.issue(2, "alice", Set.of(Role.TRADER));

        assertThat(credentials.check(session.credential()).refusal()).startsWith("credential signature is wrong");
        assertThat(credentials.check("not-a-credential").refusal()).isEqualTo("credential is malformed");
    }

    @Test
    void whatSignInIssuesIsWhatTheClusterAuthenticatorAccepts() {
        Session session = credentials.issue(11, "alice", Set.of(Role.TRADER));

        CredentialAuthority.Verdict verdict = new CredentialAuthority(SECRET)
                .verify(session.credential().getBytes(StandardCharsets.US_ASCII), clock.millis());

        assertThat(verdict).isEqualTo(new CredentialAuthority.Verdict.Accepted(11,
                session.expiresAt().toEpochMilli()));
    }
}
