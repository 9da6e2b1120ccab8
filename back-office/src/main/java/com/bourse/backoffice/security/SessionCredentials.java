package com.bourse.backoffice.security;

import com.bourse.cluster.auth.CredentialAuthority;
import com.bourse.protocol.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;

/**
 * Issues and checks the expiring credentials a session presents to the production engine. There is one scheme,
 * the cluster's: {@link CredentialAuthority}'s {@code bourse1.<userId>.<expiresAtMs>.<HMAC-SHA256>} under the key
 * the installation's back office shares with its cluster nodes. So what sign-in issues is exactly what the
 * cluster's authenticator checks, and the desktop's {@link CommandGateway} checks it the same way before a
 * command leaves. Roles are not in the credential: the engine knows each user's roles from its own log.
 * Thread-safe.
 */
public final class SessionCredentials {
    private final CredentialAuthority authority;
    private final InstantSource clock;
    private final Duration lifetime;

    /** What a valid credential says. */
    public record Claims(long userId, Instant expiresAt) {
    }

    /** Either the claims or the reason the credential is refused, in the cluster's words. */
    public record Check(Claims claims, String refusal) {
        public boolean valid() {
            return claims != null;
        }
    }

    /**
     * @param secret the key that signs this installation's local sessions (at least 32 bytes): the key vault's own,
     *               or, live, a random key made per process; never a key the production cluster accepts
     */
    public SessionCredentials(byte[] secret, InstantSource clock, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("session lifetime must be in (0, 1 day], got " + lifetime);
        }
        this.authority = new CredentialAuthority(secret);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Session issue(long userId, String username, Set<Role> roles) {
        Instant issued = Instant.ofEpochMilli(clock.millis());
        Instant expires = issued.plus(lifetime);
        return new Session(userId, username, roles, issued, expires, authority.issue(userId, expires.toEpochMilli()));
    }

    /** The same check the cluster's authenticator runs, on this installation's clock. */
    public Check check(String credential) {
        byte[] encoded = credential == null ? null : credential.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return switch (authority.verify(encoded, clock.millis())) {
            case CredentialAuthority.Verdict.Accepted a -> new Check(new Claims(a.userId(),
                    Instant.ofEpochMilli(a.expiresAtMs())), null);
            case CredentialAuthority.Verdict.Refused r -> new Check(null, r.reason());
        };
    }
}
