package com.bourse.cluster.identity;

import com.bourse.protocol.Role;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session token a signed-in window reconnects with instead of the password: a compact JWT (JWS, RFC 7515/7519)
 * signed with the cluster's Ed25519 key ({@code {"alg":"EdDSA","typ":"JWT"}}, RFC 8037). Only nodes hold the key: it
 * is replicated state ({@link UserDirectory}), made from entropy the leader put in the log.
 *
 * <p>Claims: {@code sub} (user name), {@code uid}, {@code roles} (at issue; the cluster uses its directory's),
 * {@code iat}, {@code exp} (at most {@link #TTL_MS} after issue), {@code jti}, {@code auth_time} (when the password
 * was last proved: no token outlives it by more than {@link #MAX_SESSION_MS}), {@code key} (the client's own Ed25519
 * public key: a token is accepted only with a signature by that key over a fresh challenge, so a token read off the
 * plaintext network opens nothing) and {@code pwd} (a fingerprint of the password's verifier: a password reset ends
 * every token issued before it). Times are epoch seconds, as JWT wants; {@code exp} is checked to the millisecond
 * through {@code exp_ms}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SessionTokens {
    /** A token's life: a window renews it while connected, a reconnect gets a fresh one. */
    public static final long TTL_MS = 15 * 60_000L;
    /** How long after the password was proved tokens are still issued: a trading day. */
    public static final long MAX_SESSION_MS = 12 * 3_600_000L;
    /** The longest token accepted (ours are about 450 characters). */
    public static final int MAX_TOKEN_LENGTH = 1024;
    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    private static final String HEADER = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String ENCODED_HEADER = B64.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8));

    private SessionTokens() {
    }

    /** What a token says. {@code clientKey} is the raw Ed25519 public key of the client it was issued to. */
    public record Claims(String username, long userId, int roleMask, long issuedAtMs, long expiresAtMs, String id,
                         long authTimeMs, byte[] clientKey, String passwordFingerprint) {
        public Claims {
            clientKey = clientKey.clone();
        }

        @Override
        public byte[] clientKey() {
            return clientKey.clone();
        }
    }

    /** The outcome of checking a token: its claims, or why it is refused. */
    public sealed interface Check permits Valid, Refused {
    }

    public record Valid(Claims claims) implements Check {
    }

    public record Refused(String reason) implements Check {
    }

    /** The cluster's signing key, from its 32-byte seed (RFC 8032: the seed determines the key pair). */
    public record SigningKey(byte[] seed, byte[] publicKey) {
        public SigningKey {
            seed = seed.clone();
            publicKey = publicKey.clone();
        }

        public static SigningKey fromSeed(byte[] seed) {
            if (seed == null || seed.length != KEY_BYTES) {
                throw new IllegalArgumentException("a signing key seed has 32 bytes");
            }
            return new SigningKey(seed, new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
        }

        @Override
        public byte[] seed() {
            return seed.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        public byte[] sign(byte[] message) {
            return SessionTokens.sign(seed, message);
        }

        @Override
        public String toString() {
            return "SigningKey[" + B64.encodeToString(publicKey) + "]";
        }
    }

    /** A fresh Ed25519 key pair for a client: {@code [seed, publicKey]}. */
    public static SigningKey newClientKey() {
        return SigningKey.fromSeed(Scram.random(KEY_BYTES));
    }

    /** The fingerprint a token carries of the verifier it was issued under (not a secret: a hash of a hash). */
    public static String fingerprint(Scram.Verifier verifier) {
        return B64.encodeToString(Arrays.copyOf(Scram.sha256(verifier.storedKey()), 12));
    }

    /**
     * Claims for {@code user}, issued at {@code nowMs}: expires after {@link #TTL_MS}, or when the session reaches
     * {@link #MAX_SESSION_MS} after {@code authTimeMs}, whichever is first. Null when that moment has passed.
     */
    public static Claims claimsFor(LiveUser user, long nowMs, long authTimeMs, byte[] clientKey) {
        long expires = Math.min(nowMs + TTL_MS, authTimeMs + MAX_SESSION_MS);
        if (expires <= nowMs) {
            return null;
        }
        return new Claims(user.username(), user.userId(), user.roleMask(), nowMs, expires,
                B64.encodeToString(Scram.random(12)), authTimeMs, clientKey, fingerprint(user.verifier()));
    }

    public static String issue(SigningKey key, Claims claims) {
        StringBuilder json = new StringBuilder(256).append('{');
        json.append("\"sub\":\"").append(claims.username()).append('"');
        json.append(",\"uid\":").append(claims.userId());
        json.append(",\"roles\":[");
        boolean first = true;
        for (Role role : Role.values()) {
            if (role.in(claims.roleMask())) {
                json.append(first ? "" : ",").append('"').append(role.name()).append('"');
                first = false;
            }
        }
        json.append("],\"iat\":").append(claims.issuedAtMs() / 1000);
        json.append(",\"exp\":").append(claims.expiresAtMs() / 1000);
        json.append(",\"exp_ms\":").append(claims.expiresAtMs());
        json.append(",\"auth_time\":").append(claims.authTimeMs() / 1000);
        json.append(",\"auth_time_ms\":").append(claims.authTimeMs());
        json.append(",\"jti\":\"").append(claims.id()).append('"');
        json.append(",\"key\":\"").append(B64.encodeToString(claims.clientKey())).append('"');
        json.append(",\"pwd\":\"").append(claims.passwordFingerprint()).append('"');
        json.append('}');
        String signingInput = ENCODED_HEADER + "." + B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(signature);
    }

    /**
     * Checks a token's form, signature (against the cluster's {@code publicKey}) and expiry at {@code nowMs}. Whether
     * its user may still sign in is the caller's part (the directory's status, roles and password).
     */
    public static Check verify(byte[] publicKey, String token, long nowMs) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return new Refused("malformed session token: " + (token == null ? 0 : token.length())
                    + " characters, at most " + MAX_TOKEN_LENGTH);
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || token.indexOf('.', firstDot + 1) != lastDot) {
            return new Refused("malformed session token: not header.claims.signature");
        }
        if (!token.substring(0, firstDot).equals(ENCODED_HEADER)) {
            return new Refused("malformed session token: only {\"alg\":\"EdDSA\",\"typ\":\"JWT\"} is accepted");
        }
        byte[] signature;
        byte[] payload;
        try {
            signature = B64D.decode(token.substring(lastDot + 1));
            payload = B64D.decode(token.substring(firstDot + 1, lastDot));
        } catch (IllegalArgumentException e) {
            return new Refused("malformed session token: not base64url");
        }
        byte[] signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        if (signature.length != SIGNATURE_BYTES || !verifySignature(publicKey, signingInput, signature)) {
            return new Refused("the session token's signature is not this cluster's (tampered, or from another "
                    + "cluster): sign in again");
        }
        Claims claims = parse(new String(payload, StandardCharsets.UTF_8));
        if (claims == null) {
            return new Refused("malformed session token: its claims cannot be read");
        }
        if (claims.expiresAtMs() <= nowMs) {
            return new Refused("the session token expired at " + Instant.ofEpochMilli(claims.expiresAtMs())
                    + ": sign in again");
        }
        return new Valid(claims);
    }

    static byte[] sign(byte[] seed, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** True when {@code signature} is {@code publicKey}'s over {@code message}; false for any malformed input. */
    public static boolean verifySignature(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != KEY_BYTES || signature == null
                || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads the flat claims object this class writes; null when anything is missing or out of shape. */
    private static Claims parse(String json) {
        Map<String, Object> fields = FlatJson.parse(json);
        if (fields == null) {
            return null;
        }
        try {
            int mask = 0;
            for (Object role : (List<?>) fields.get("roles")) {
                mask |= Role.mask(Role.valueOf((String) role));
            }
            byte[] key = B64D.decode((String) fields.get("key"));
            if (key.length != KEY_BYTES) {
                return null;
            }
            return new Claims((String) fields.get("sub"), (Long) fields.get("uid"), mask,
                    (Long) fields.get("iat") * 1000, (Long) fields.get("exp_ms"), (String) fields.get("jti"),
                    (Long) fields.get("auth_time_ms"), key, (String) fields.get("pwd"));
        } catch (RuntimeException e) {
            return null; // a field missing (NPE), of another type (ClassCastException), an unknown role
        }
    }

    /** Just enough JSON for the claims: one object of strings (no escapes), whole numbers and arrays of strings. */
    private static final class FlatJson {
        private final String text;
        private int at;

        private FlatJson(String text) {
            this.text = text;
        }

        static Map<String, Object> parse(String text) {
            try {
                FlatJson p = new FlatJson(text);
                Map<String, Object> out = p.object();
                return p.at == text.length() ? out : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private Map<String, Object> object() {
            expect('{');
            Map<String, Object> out = new LinkedHashMap<>();
            while (text.charAt(at) != '}') {
                if (!out.isEmpty()) {
                    expect(',');
                }
                String name = string();
                expect(':');
                if (out.put(name, value()) != null) {
                    throw new IllegalArgumentException("duplicate claim " + name);
                }
            }
            at++;
            return out;
        }

        private Object value() {
            char c = text.charAt(at);
            if (c == '"') {
                return string();
            }
            if (c == '[') {
                at++;
                List<String> items = new ArrayList<>();
                while (text.charAt(at) != ']') {
                    if (!items.isEmpty()) {
                        expect(',');
                    }
                    items.add(string());
                }
                at++;
                return items;
            }
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            return Long.parseLong(text.substring(start, at));
        }

        private String string() {
            expect('"');
            int end = text.indexOf('"', at);
            String s = text.substring(at, end);
            if (s.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("escapes are not used in claims");
            }
            at = end + 1;
            return s;
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
            at++;
        }
    }

    /** Constant-time comparison of two fingerprints. */
    static boolean sameFingerprint(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
