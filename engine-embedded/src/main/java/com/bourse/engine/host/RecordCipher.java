package com.bourse.engine.host;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-GCM over the journal's records and snapshots, with what places a record (the journal's identity, the
 * record's kind and its sequence) as associated data: a record that is changed, moved to another place, or
 * copied from another journal fails its tag.
 *
 * <p>Nonces are never derived from the sequence, because a sequence is written again after a torn tail is cut:
 * each cipher draws a random 8-byte prefix once and counts below it, so no nonce repeats under one key.
 *
 * <p>Not thread-safe: one per writer or reader.
 */
final class RecordCipher {
    static final int NONCE = 12;
    static final int TAG = 16;
    static final int ID = 16;
    private static final int TAG_BITS = TAG * 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final byte[] journalId;
    private final Cipher cipher;
    private final byte[] aad = new byte[ID + 1 + Long.BYTES];
    private final ByteBuffer aadView = ByteBuffer.wrap(aad).order(ByteOrder.LITTLE_ENDIAN);
    private final byte[] nonce = new byte[NONCE];
    private long prefix;
    private int counter;

    RecordCipher(SecretKey key, byte[] journalId) {
        if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new IllegalArgumentException("the journal needs an AES key");
        }
        if (journalId.length != ID) {
            throw new IllegalArgumentException("a journal id has " + ID + " bytes");
        }
        this.key = key;
        this.journalId = journalId.clone();
        System.arraycopy(journalId, 0, aad, 0, ID);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no AES-GCM", e);
        }
        newPrefix();
    }

    static byte[] newJournalId() {
        byte[] id = new byte[ID];
        RANDOM.nextBytes(id);
        return id;
    }

    byte[] journalId() {
        return journalId.clone();
    }

    /**
     * Encrypts {@code plain[0, length)} as record {@code kind}/{@code seq} into {@code out} at {@code at}: the nonce,
     * then the ciphertext and its tag. Returns the bytes written ({@code NONCE + length + TAG}).
     */
    int seal(byte kind, long seq, byte[] plain, int offset, int length, byte[] out, int at) {
        nextNonce();
        System.arraycopy(nonce, 0, out, at, NONCE);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(kind, seq));
            return NONCE + cipher.doFinal(plain, offset, length, out, at + NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a journal record", e);
        }
    }

    /**
     * Decrypts what {@link #seal} wrote ({@code sealed[offset, offset + length)}) into {@code out} at 0; returns the
     * plaintext length, or -1 when the tag does not match (altered, misplaced, another journal's or another key's).
     */
    int open(byte kind, long seq, byte[] sealed, int offset, int length, byte[] out) {
        if (length < NONCE + TAG) {
            return -1;
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE));
            cipher.updateAAD(aad(kind, seq));
            return cipher.doFinal(sealed, offset + NONCE, length - NONCE, out, 0);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a journal record", e);
        }
    }

    private byte[] aad(byte kind, long seq) {
        aad[ID] = kind;
        aadView.putLong(ID + 1, seq);
        return aad;
    }

    private void nextNonce() {
        if (counter == -1) {
            newPrefix();
        }
        counter++;
        ByteBuffer view = ByteBuffer.wrap(nonce).order(ByteOrder.LITTLE_ENDIAN);
        view.putLong(0, prefix);
        view.putInt(Long.BYTES, counter);
    }

    private void newPrefix() {
        prefix = RANDOM.nextLong();
        counter = 0;
    }
}
