package com.bourse.cluster.identity;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * SCRAM-SHA-256 (RFC 5802, RFC 7677) with Argon2id in place of PBKDF2 as the key derivation. The client derives
 * {@code SaltedPassword = Argon2id(password, salt, params)}, the expensive step; the cluster keeps only
 * {@code StoredKey = SHA-256(ClientKey)} and {@code ServerKey}, and checks a proof with one HMAC and one hash, so
 * the consensus module's thread is never held by a password hash. Stateless and thread-safe.
 */
public final class Scram {
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 24;
    public static final int MIN_SALT_BYTES = 16;
    public static final int MAX_SALT_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scram() {
    }

    /** Argon2id cost. OWASP's minimum is 19 MiB, 2 passes, 1 lane; tests use less. */
    public record KdfParams(int memoryKib, int iterations, int parallelism) {
        public static final KdfParams OWASP = new KdfParams(19 * 1024, 2, 1);
        /** The most a client agrees to spend: a forged challenge must not make a desktop allocate gigabytes. */
        public static final int MAX_MEMORY_KIB = 256 * 1024;

        /** Why these parameters are unacceptable, or null when they are fine. */
        public String problem() {
            if (parallelism < 1 || parallelism > 4) {
                return "Argon2id parallelism must be 1 to 4, not " + parallelism;
            }
            if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
                return "Argon2id memory must be " + 8 * parallelism + " to " + MAX_MEMORY_KIB + " KiB, not " + memoryKib;
            }
            if (iterations < 1 || iterations > 10) {
                return "Argon2id passes must be 1 to 10, not " + iterations;
            }
            return null;
        }
    }

    /** What the cluster stores for a password: enough to check a proof and to prove itself, not to sign in. */
    public record Verifier(byte[] salt, KdfParams params, byte[] storedKey, byte[] serverKey) {
        public Verifier {
            salt = salt.clone();
            storedKey = storedKey.clone();
            serverKey = serverKey.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] storedKey() {
            return storedKey.clone();
        }

        @Override
        public byte[] serverKey() {
            return serverKey.clone();
        }

        /** Why this verifier cannot be stored, or null. */
        public String problem() {
            if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
                return "salt must be " + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " bytes, not " + salt.length;
            }
            if (storedKey.length != KEY_BYTES || serverKey.length != KEY_BYTES) {
                return "stored and server keys must be " + KEY_BYTES + " bytes each";
            }
            return params.problem();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Verifier v && Arrays.equals(salt, v.salt) && params.equals(v.params)
                    && Arrays.equals(storedKey, v.storedKey) && Arrays.equals(serverKey, v.serverKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(storedKey);
        }

        @Override
        public String toString() {
            return "Verifier[" + params + "]";
        }
    }

    /** The client's two keys, derived once from the password; what a reconnect needs instead of the password. */
    public record ClientKeys(byte[] clientKey, byte[] serverKey) {
    }

    /** A fresh verifier for {@code password} with a random 16-byte salt. */
    public static Verifier verifier(char[] password, KdfParams params) {
        byte[] salt = random(MIN_SALT_BYTES);
        ClientKeys keys = derive(password, salt, params);
        return new Verifier(salt, params, sha256(keys.clientKey()), keys.serverKey());
    }

    /** The expensive step: Argon2id, then the SCRAM client and server keys. */
    public static ClientKeys derive(char[] password, byte[] salt, KdfParams params) {
        String problem = params.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        byte[] secret = utf8(password);
        byte[] salted = new byte[KEY_BYTES];
        try {
            Argon2BytesGenerator argon = new Argon2BytesGenerator();
            argon.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(params.memoryKib()).withIterations(params.iterations())
                    .withParallelism(params.parallelism()).withSalt(salt).build());
            argon.generateBytes(secret, salted);
            return new ClientKeys(hmac(salted, "Client Key"), hmac(salted, "Server Key"));
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(salted, (byte) 0);
        }
    }

    /** {@code ClientProof = ClientKey XOR HMAC(StoredKey, AuthMessage)}. */
    public static byte[] clientProof(ClientKeys keys, byte[] authMessage) {
        byte[] signature = hmac(sha256(keys.clientKey()), authMessage);
        return xor(keys.clientKey(), signature);
    }

    /** The cluster's check of a proof: {@code SHA-256(proof XOR HMAC(StoredKey, AuthMessage)) == StoredKey}. */
    public static boolean proofMatches(byte[] storedKey, byte[] authMessage, byte[] proof) {
        if (proof == null || proof.length != KEY_BYTES) {
            return false;
        }
        byte[] clientKey = xor(proof, hmac(storedKey, authMessage));
        return MessageDigest.isEqual(sha256(clientKey), storedKey);
    }

    /** {@code ServerSignature = HMAC(ServerKey, AuthMessage)}: what proves the cluster holds the verifier. */
    public static byte[] serverSignature(byte[] serverKey, byte[] authMessage) {
        return hmac(serverKey, authMessage);
    }

    public static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }

    static byte[] hmac(byte[] key, String text) {
        return hmac(key, text.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
