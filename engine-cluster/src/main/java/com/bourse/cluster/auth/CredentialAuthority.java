package com.bourse.cluster.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * Issues and checks the credentials the back office hands to users for sessions with the production engine: a
 * user id and an expiry signed with HMAC-SHA256 under a key shared by the back office and the cluster. The token
 * is text, {@code bourse1.<userId>.<expiresAtMs>.<signature>}, so an operator can read who and until when.
 *
 * <p>Thread-safe: a fresh {@link Mac} per call.
 */
public final class CredentialAuthority {
    private static final String PREFIX = "bourse1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public CredentialAuthority(byte[] secret) {
        if (secret == null || secret.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the credential secret must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** A credential for {@code userId} valid until {@code expiresAtMs} (epoch milliseconds). */
    public String issue(long userId, long expiresAtMs) {
        if (userId < 0) {
            throw new IllegalArgumentException("userId must not be negative");
        }
        String body = PREFIX + "." + userId + "." + expiresAtMs;
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(body));
    }

    /** Checks a credential as received; the verdict names the reason a refused one is refused. */
    public Verdict verify(byte[] encoded, long nowMs) {
        if (encoded == null || encoded.length == 0) {
            return new Verdict.Refused("no credential presented");
        }
        if (encoded.length > 512) {
            return new Verdict.Refused("credential is malformed");
        }
        String token = new String(encoded, StandardCharsets.US_ASCII);
        String[] parts = token.split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return new Verdict.Refused("credential is malformed");
        }
        long userId;
        long expiresAt;
        byte[] signature;
        try {
            userId = Long.parseLong(parts[1]);
            expiresAt = Long.parseLong(parts[2]);
            signature = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return new Verdict.Refused("credential is malformed");
        }
        byte[] expected = sign(parts[0] + "." + parts[1] + "." + parts[2]);
        if (!MessageDigest.isEqual(expected, signature)) {
            return new Verdict.Refused("credential signature is wrong: not issued by this back office");
        }
        if (nowMs >= expiresAt) {
            return new Verdict.Refused("credential expired at " + Instant.ofEpochMilli(expiresAt));
        }
        return new Verdict.Accepted(userId, expiresAt);
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Outcome of checking a credential. */
    public sealed interface Verdict {
        record Accepted(long userId, long expiresAtMs) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }
}
