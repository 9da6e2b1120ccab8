package com.bourse.cluster.identity;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The bytes of the sign-in exchange inside Aeron Cluster's authentication (connect request, challenges and
 * challenge responses). Every message starts with a one-byte kind; parsing never throws to its caller and
 * rejects anything longer than {@link #MAX_LENGTH}, unknown kinds and trailing bytes.
 *
 * <pre>
 * client-first   (connect)   FIRST  mode:u8 nonce[24] usernameLength:u8 username(UTF-8)
 * server-first   (challenge) SALT   saltLength:u8 salt memoryKib:i32 iterations:i32 parallelism:i32 nonce[24]
 * client-final   (response)  PROOF  proof[32]
 * server-final   (challenge) SERVER signature[32] userId:i64 roleMask:i32
 *                            signature = HMAC(ServerKey, AuthMessage userId roleMask): the cluster proves it holds
 *                            the verifier and tells who signed in, with which roles, in one signed message
 * client-ack     (response)  ACK
 * refusal        (challenge) REFUSED reason(UTF-8)     the client answers NONE; Aeron then rejects the session
 * </pre>
 *
 * The AuthMessage both proofs sign is client-first followed by server-first, byte for byte.
 */
public final class SignInMessages {
    public static final int MAX_LENGTH = 256;
    public static final byte FIRST = 1;
    public static final byte SALT = 2;
    public static final byte PROOF = 3;
    public static final byte SERVER = 4;
    public static final byte ACK = 5;
    public static final byte REFUSED = 6;
    public static final byte NONE = 7;
    /** Sign in with a user's password. */
    public static final byte MODE_PASSWORD = 1;
    /** Sign in as the installation with the one-time bootstrap secret of a cluster that has no user yet. */
    public static final byte MODE_BOOTSTRAP = 2;
    /** The name the bootstrap exchange uses; no user can have it (names start with a letter or digit). */
    public static final String BOOTSTRAP_NAME = "_bootstrap";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    private SignInMessages() {
    }

    /** True for a name a live user may have: 1 to 32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit. */
    public static boolean validUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }

    public record ClientFirst(byte mode, byte[] nonce, String username) {
    }

    public record ServerFirst(byte[] salt, Scram.KdfParams params, byte[] nonce) {
    }

    public static byte[] clientFirst(byte mode, byte[] nonce, String username) {
        byte[] name = username.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = buffer(3 + Scram.NONCE_BYTES + name.length);
        b.put(FIRST).put(mode).put(nonce).put((byte) name.length).put(name);
        return b.array();
    }

    /** The client-first message, or null when it is not one (the reason is then {@link #problem}). */
    public static ClientFirst parseClientFirst(byte[] bytes, String[] problem) {
        if (bytes == null || bytes.length == 0) {
            problem[0] = "no credentials presented";
            return null;
        }
        if (bytes.length > MAX_LENGTH) {
            problem[0] = "credentials of " + bytes.length + " bytes: at most " + MAX_LENGTH;
            return null;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (b.get() != FIRST) {
                problem[0] = "credentials are not a Bourse sign-in (an older client, or another system)";
                return null;
            }
            byte mode = b.get();
            if (mode != MODE_PASSWORD && mode != MODE_BOOTSTRAP) {
                problem[0] = "unknown sign-in mode " + mode;
                return null;
            }
            byte[] nonce = new byte[Scram.NONCE_BYTES];
            b.get(nonce);
            byte[] name = new byte[b.get() & 0xFF];
            b.get(name);
            if (b.hasRemaining()) {
                problem[0] = "credentials have " + b.remaining() + " trailing bytes";
                return null;
            }
            String username = new String(name, StandardCharsets.UTF_8);
            boolean bootstrap = mode == MODE_BOOTSTRAP && BOOTSTRAP_NAME.equals(username);
            if (!bootstrap && !validUsername(username)) {
                problem[0] = "not a valid user name";
                return null;
            }
            return new ClientFirst(mode, nonce, username);
        } catch (BufferUnderflowException e) {
            problem[0] = "credentials are truncated";
            return null;
        }
    }

    public static byte[] serverFirst(byte[] salt, Scram.KdfParams params, byte[] nonce) {
        ByteBuffer b = buffer(2 + salt.length + 12 + nonce.length);
        b.put(SALT).put((byte) salt.length).put(salt).putInt(params.memoryKib()).putInt(params.iterations())
                .putInt(params.parallelism()).put(nonce);
        return b.array();
    }

    public static ServerFirst parseServerFirst(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.length > MAX_LENGTH || b.get() != SALT) {
                return null;
            }
            byte[] salt = new byte[b.get() & 0xFF];
            b.get(salt);
            Scram.KdfParams params = new Scram.KdfParams(b.getInt(), b.getInt(), b.getInt());
            byte[] nonce = new byte[Scram.NONCE_BYTES];
            b.get(nonce);
            return b.hasRemaining() ? null : new ServerFirst(salt, params, nonce);
        } catch (BufferUnderflowException e) {
            return null;
        }
    }

    public static byte[] withKind(byte kind, byte[] body) {
        byte[] out = new byte[1 + body.length];
        out[0] = kind;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /** The 32 bytes after {@code kind}, or null when the message is not exactly that. */
    public static byte[] key(byte kind, byte[] bytes) {
        if (bytes == null || bytes.length != 1 + Scram.KEY_BYTES || bytes[0] != kind) {
            return null;
        }
        byte[] key = new byte[Scram.KEY_BYTES];
        System.arraycopy(bytes, 1, key, 0, key.length);
        return key;
    }

    /** Who signed in, as the cluster tells it in its signed last challenge. */
    public record ServerFinal(byte[] signature, long userId, int roleMask) {
    }

    public static byte[] serverFinal(byte[] signature, long userId, int roleMask) {
        ByteBuffer b = buffer(1 + Scram.KEY_BYTES + 12);
        b.put(SERVER).put(signature).putLong(userId).putInt(roleMask);
        return b.array();
    }

    public static ServerFinal parseServerFinal(byte[] bytes) {
        if (bytes == null || bytes.length != 1 + Scram.KEY_BYTES + 12 || bytes[0] != SERVER) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.get();
        byte[] signature = new byte[Scram.KEY_BYTES];
        b.get(signature);
        return new ServerFinal(signature, b.getLong(), b.getInt());
    }

    /** What the server signature signs: the AuthMessage, then the user id and roles it announces. */
    public static byte[] signedIdentity(byte[] authMessage, long userId, int roleMask) {
        ByteBuffer b = buffer(authMessage.length + 12);
        b.put(authMessage).putLong(userId).putInt(roleMask);
        return b.array();
    }

    public static byte[] refusal(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        return withKind(REFUSED, text.length > MAX_LENGTH - 1 ? java.util.Arrays.copyOf(text, MAX_LENGTH - 1) : text);
    }

    /** The reason of a refusal challenge, or null when it is not one. */
    public static String refusalReason(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes[0] != REFUSED) {
            return null;
        }
        return new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
    }

    public static byte[] authMessage(byte[] clientFirst, byte[] serverFirst) {
        byte[] out = new byte[clientFirst.length + serverFirst.length];
        System.arraycopy(clientFirst, 0, out, 0, clientFirst.length);
        System.arraycopy(serverFirst, 0, out, clientFirst.length, serverFirst.length);
        return out;
    }

    private static ByteBuffer buffer(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
