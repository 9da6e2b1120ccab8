package com.bourse.app.security;

import com.bourse.app.importexport.TestClock;
import com.bourse.protocol.Role;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCredentialsTest {
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T08:00:00Z"));
    final SessionCredentials credentials = new SessionCredentials(new Ed25519PrivateKeyParameters(new SecureRandom()),
            clock, Duration.ofHours(8));

    @Test
    void credentialExpiresWithTheSession() {
        Session session = credentials.issue(4, "rita", Set.of(Role.RISK_OFFICER));
        assertThat(credentials.check(session.credential()).valid()).isTrue();

        clock.advance(Duration.ofHours(8));

        assertThat(credentials.check(session.credential()).refusal()).isEqualTo(SessionCredentials.Refusal.EXPIRED);
    }

    @Test
    void credentialWithRolesRaisedByHandFailsItsSignature() {
        Session session = credentials.issue(2, "alice", Set.of(Role.TRADER));
        String[] parts = session.credential().split("\\.");
        byte[] claims = java.util.Base64.getUrlDecoder().decode(parts[0]);
        claims[1 + 8 + 3] = (byte) Role.mask(Role.values()); // role mask's low byte
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims) + "." + parts[1];

        assertThat(credentials.check(forged).refusal()).isEqualTo(SessionCredentials.Refusal.BAD_SIGNATURE);
    }

    @Test
    void credentialSignedByAnotherInstallationIsRefused() {
        SessionCredentials other = new SessionCredentials(new Ed25519PrivateKeyParameters(new SecureRandom()), clock,
                Duration.ofHours(8));
        Session session = other.issue(2, "alice", Set.of(Role.TRADER));

        assertThat(credentials.check(session.credential()).refusal())
                .isEqualTo(SessionCredentials.Refusal.BAD_SIGNATURE);
        assertThat(credentials.check("not-a-credential").refusal()).isEqualTo(SessionCredentials.Refusal.MALFORMED);
    }
}
