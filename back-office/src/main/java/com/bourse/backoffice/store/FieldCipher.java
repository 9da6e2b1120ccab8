package com.bourse.backoffice.store;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Encrypts sensitive columns (personal names, bank details) with AES-256-GCM: a fresh random 96-bit nonce per
 * value, stored as {@code nonce || ciphertext || tag}. Each value is bound to where it lives (table, column,
 * row id) as associated data, so a ciphertext copied to another row or column fails to decrypt instead of
 * showing someone else's data. Thread-safe.
 */
public final class FieldCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
        if (!"AES".equals(key.getAlgorithm()) || key.getEncoded().length != 32) {
            throw new IllegalArgumentException("FieldCipher needs a 256-bit AES key");
        }
    }

    /** Where a value lives: its associated data. */
    public static String place(String table, String column, Object rowId) {
        return table + "." + column + "#" + rowId;
    }

    public byte[] encrypt(String plaintext, String place) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext, or {@link TamperedValueException} if the value was changed or belongs elsewhere. */
    public String decrypt(byte[] stored, String place) {
        if (stored == null) {
            return null;
        }
        if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedValueException("encrypted value at " + place + " is too short to be genuine");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TamperedValueException("encrypted value at " + place
                    + " fails its integrity check: altered, moved from another row, or another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** A stored ciphertext did not authenticate. */
    public static final class TamperedValueException extends RuntimeException {
        public TamperedValueException(String message) {
            super(message);
        }

        public TamperedValueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
