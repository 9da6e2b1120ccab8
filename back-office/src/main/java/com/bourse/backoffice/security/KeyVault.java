package com.bourse.backoffice.security;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The installation's secrets, in one file outside the database, sealed with AES-256-GCM under a key derived
 * from a passphrase with Argon2id: the data key for encrypted columns, the key H2 encrypts its file with,
 * the Ed25519 key that signs the audit chain's head, and the HMAC key of the installation's own session
 * credentials (see {@link SessionCredentials}; a live installation uses the key it shares with its cluster).
 *
 * <p>The file is written once, when first created (atomically, never over an existing file, readable by its owner
 * only). It ends with a SHA-256 of everything before it: GCM alone fails the same way for a wrong passphrase and
 * for a damaged file, the checksum tells them apart. A damaged file is reported as {@link KeyVaultDamagedException},
 * a wrong passphrase as {@link WrongPassphraseException}; neither changes anything. Files of the first format
 * ({@code BRSKEYS1}, no checksum) still open; for them the two cannot be told apart and the message says so.
 */
public final class KeyVault {
    private static final byte[] MAGIC_V1 = "BRSKEYS1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC = "BRSKEYS2".getBytes(StandardCharsets.US_ASCII);
    private static final int SECRETS = 4 * 32;
    private static final int HEADER = MAGIC.length + 12 + 16 + 12;
    private static final int SEALED = SECRETS + 16;
    private static final int CHECKSUM = 32;

    private final Path file;
    private final byte[] dataKey;
    private final byte[] fileKey;
    private final Ed25519PrivateKeyParameters auditKey;
    private final byte[] sessionKey;

    private KeyVault(Path file, byte[] secrets) {
        this.file = file;
        this.dataKey = Arrays.copyOfRange(secrets, 0, 32);
        this.fileKey = Arrays.copyOfRange(secrets, 32, 64);
        this.auditKey = new Ed25519PrivateKeyParameters(secrets, 64);
        this.sessionKey = Arrays.copyOfRange(secrets, 96, 128);
        Arrays.fill(secrets, (byte) 0);
    }

    /** Open the vault at {@code file}, or create it with fresh keys if there is none yet. */
    public static KeyVault openOrCreate(Path file, char[] passphrase, Argon2Params cost) {
        if (Files.exists(file)) {
            return open(file, passphrase);
        }
        if (passphrase.length < 12) {
            throw new IllegalArgumentException("a key store passphrase needs at least 12 characters");
        }
        byte[] secrets = new byte[SECRETS];
        SecureRandom random = new SecureRandom();
        random.nextBytes(secrets);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] header = header(cost, salt, nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, PasswordHasher.derive(passphrase, salt, cost, 32), nonce, header,
                secrets);
        byte[] contents = ByteBuffer.allocate(HEADER + SEALED + CHECKSUM).put(header).put(sealed)
                .put(sha256(header, sealed)).array();
        write(file, contents);
        return new KeyVault(file, secrets);
    }

    public static KeyVault open(Path file, char[] passphrase) {
        byte[] contents;
        try {
            contents = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key store " + file, e);
        }
        byte[] magic = Arrays.copyOf(contents, MAGIC.length);
        boolean v2 = Arrays.equals(magic, MAGIC);
        if (!v2 && !Arrays.equals(magic, MAGIC_V1)) {
            throw damaged(file, "it does not start as a Bourse key store");
        }
        int expected = HEADER + SEALED + (v2 ? CHECKSUM : 0);
        if (contents.length != expected) {
            throw damaged(file, "it is " + contents.length + " bytes long instead of " + expected);
        }
        byte[] header = Arrays.copyOf(contents, HEADER);
        byte[] sealed = Arrays.copyOfRange(contents, HEADER, HEADER + SEALED);
        if (v2 && !MessageDigest.isEqual(sha256(header, sealed), Arrays.copyOfRange(contents, HEADER + SEALED,
                expected))) {
            throw damaged(file, "its checksum does not match its contents (bytes were changed)");
        }
        ByteBuffer in = ByteBuffer.wrap(contents, MAGIC.length, 12 + 16 + 12);
        Argon2Params cost;
        try {
            cost = new Argon2Params(in.getInt(), in.getInt(), in.getInt());
        } catch (IllegalArgumentException e) {
            throw damaged(file, "its key-derivation settings are out of range (" + e.getMessage() + ")");
        }
        byte[] salt = new byte[16];
        in.get(salt);
        byte[] nonce = new byte[12];
        in.get(nonce);
        byte[] kek = PasswordHasher.derive(passphrase, salt, cost, 32);
        byte[] secrets = crypt(Cipher.DECRYPT_MODE, kek, nonce, header, sealed);
        if (secrets == null) {
            throw new WrongPassphraseException("The passphrase does not open the key store " + file
                    + (v2 ? "" : " (or the file is damaged: a key store of the first format cannot tell which)")
                    + ". Nothing was changed; try again with this installation's passphrase.");
        }
        return new KeyVault(file, secrets);
    }

    private static KeyVaultDamagedException damaged(Path file, String why) {
        return new KeyVaultDamagedException("The key store " + file + " is damaged: " + why + ". Nothing was changed;"
                + " restore the data folder from a backup (./bourse restore, see README \"Backups\"). Without this file"
                + " nothing in the folder can be read.");
    }

    private static byte[] sha256(byte[] header, byte[] sealed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(header);
            sha.update(sealed);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Key of the command journal and its snapshots (AES-256), derived from the data key (HMAC-SHA256 with a label
     * of its own), so no vault file changes and no other key is reused as is.
     */
    public SecretKey journalKey() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal("bourse command journal v1".getBytes(StandardCharsets.US_ASCII)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    /** Key for encrypted columns. */
    public SecretKey dataKey() {
        return new SecretKeySpec(dataKey, "AES");
    }

    /** Secret for H2's whole-file encryption (CIPHER=AES), as H2 wants it: characters. */
    public char[] databaseFileKey() {
        return HexFormat.of().formatHex(fileKey).toCharArray();
    }

    public Ed25519PrivateKeyParameters auditSigningKey() {
        return auditKey;
    }

    public Ed25519PublicKeyParameters auditVerifyingKey() {
        return auditKey.generatePublicKey();
    }

    /** The HMAC key of this installation's own session credentials (simulation); a copy. */
    public byte[] sessionCredentialSecret() {
        return sessionKey.clone();
    }

    public Path file() {
        return file;
    }

    private static byte[] header(Argon2Params cost, byte[] salt, byte[] nonce) {
        return ByteBuffer.allocate(HEADER).put(MAGIC).putInt(cost.memoryKiB())
                .putInt(cost.iterations()).putInt(cost.parallelism()).put(salt).put(nonce).array();
    }

    /** Seals or opens; null when opening fails its tag (wrong passphrase or altered file). */
    private static byte[] crypt(int mode, byte[] kek, byte[] nonce, byte[] header, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static void write(Path file, byte[] contents) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".keys", ".tmp");
            try {
                Files.write(temp, contents, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                // Without REPLACE_EXISTING the move refuses to overwrite a vault that appeared meanwhile.
                Files.move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("a key store appeared at " + file + " while creating one; not replaced", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key store " + file, e);
        }
    }
}
