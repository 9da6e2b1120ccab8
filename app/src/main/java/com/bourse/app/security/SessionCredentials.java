package com.bourse.app.security;

import com.bourse.protocol.Role;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Issues and checks the signed, expiring credentials a session presents to the production engine:
 * {@code base64url(claims).base64url(Ed25519 signature)}, where the claims are a version, user id, role mask,
 * issue and expiry times and a random nonce. The engine side needs only the public key to check them.
 * Thread-safe.
 */
public final class SessionCredentials {
    private static final byte VERSION = 1;
    private static final int CLAIMS_BYTES = 1 + 8 + 4 + 8 + 8 + 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid credential says. */
    public record Claims(long userId, Set<Role> roles, Instant issuedAt, Instant expiresAt) {
    }

    /** Why a credential was refused. */
    public enum Refusal {
        MALFORMED, BAD_SIGNATURE, EXPIRED, NOT_YET_VALID
    }

    /** Either the claims or the refusal. */
    public record Check(Claims claims, Refusal refusal) {
        public boolean valid() {
            return claims != null;
        }
    }

    private final Ed25519PrivateKeyParameters signingKey;
    private final Ed25519PublicKeyParameters verifyingKey;
    private final InstantSource clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public SessionCredentials(Ed25519PrivateKeyParameters signingKey, InstantSource clock, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("session lifetime must be in (0, 1 day], got " + lifetime);
        }
        this.signingKey = signingKey;
        this.verifyingKey = signingKey.generatePublicKey();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Session issue(long userId, String username, Set<Role> roles) {
        Instant issued = Instant.ofEpochMilli(clock.millis());
        Instant expires = issued.plus(lifetime);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] claims = ByteBuffer.allocate(CLAIMS_BYTES).put(VERSION).putLong(userId)
                .putInt(Role.mask(roles.toArray(Role[]::new))).putLong(issued.toEpochMilli())
                .putLong(expires.toEpochMilli()).put(nonce).array();
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, signingKey);
        signer.update(claims, 0, claims.length);
        String credential = ENCODER.encodeToString(claims) + "." + ENCODER.encodeToString(signer.generateSignature());
        return new Session(userId, username, roles, issued, expires, credential);
    }

    public Check check(String credential) {
        return check(credential, verifyingKey, Instant.ofEpochMilli(clock.millis()));
    }

    /** The check the production engine runs, with the installation's public key and its own clock. */
    public static Check check(String credential, Ed25519PublicKeyParameters key, Instant now) {
        int dot = credential == null ? -1 : credential.indexOf('.');
        if (dot <= 0 || credential.length() > 512) {
            return new Check(null, Refusal.MALFORMED);
        }
        byte[] claims;
        byte[] signature;
        try {
            claims = DECODER.decode(credential.substring(0, dot));
            signature = DECODER.decode(credential.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Check(null, Refusal.MALFORMED);
        }
        if (claims.length != CLAIMS_BYTES || claims[0] != VERSION || signature.length != 64) {
            return new Check(null, Refusal.MALFORMED);
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(claims, 0, claims.length);
        if (!verifier.verifySignature(signature)) {
            return new Check(null, Refusal.BAD_SIGNATURE);
        }
        ByteBuffer in = ByteBuffer.wrap(claims, 1, claims.length - 1);
        long userId = in.getLong();
        int mask = in.getInt();
        Instant issued = Instant.ofEpochMilli(in.getLong());
        Instant expires = Instant.ofEpochMilli(in.getLong());
        if (now.isBefore(issued.minusSeconds(60))) {
            return new Check(null, Refusal.NOT_YET_VALID);
        }
        if (!now.isBefore(expires)) {
            return new Check(null, Refusal.EXPIRED);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.in(mask)) {
                roles.add(role);
            }
        }
        return new Check(new Claims(userId, roles, issued, expires), null);
    }

    public Ed25519PublicKeyParameters verifyingKey() {
        return verifyingKey;
    }
}
