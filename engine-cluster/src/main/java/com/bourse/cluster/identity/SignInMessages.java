package com.bourse.cluster.identity;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The bytes of the sign-in exchange inside Aeron Cluster's authentication (connect request, challenges and
 * challenge responses). Every message starts with a one-byte kind; parsing never throws to its caller and
 * rejects anything longer than its limit ({@link #MAX_LENGTH}; a token sign-in {@link #MAX_TOKEN_FIRST_LENGTH}),
 * unknown kinds and trailing bytes.
 *
 * <pre>
 * With the password (SCRAM, {@link Scram}):
 * client-first   (connect)   FIRST  PASSWORD nonce[24] usernameLength:u8 username(UTF-8) [keyLength:u8 key[32]]
 *                            key: the client's own Ed25519 public key, which the session token will be bound to
 * server-first   (challenge) SALT   saltLength:u8 salt memoryKib:i32 iterations:i32 parallelism:i32 nonce[24]
 * client-final   (response)  PROOF  proof[32]
 * server-final   (challenge) SERVER signature[32] identity
 *                            identity = userId:i64 roleMask:i32 [clusterKey[32] tokenLength:u16 token(ASCII)]
 *                            signature = HMAC(ServerKey, AuthMessage identity): the cluster proves it holds the
 *                            verifier and tells who signed in, with which roles, its public key and the session token
 * client-ack     (response)  ACK
 *
 * With a session token ({@link SessionTokens}), to reconnect:
 * client-first   (connect)   FIRST  TOKEN nonce[24] usernameLength:u8 username tokenLength:u16 token(ASCII)
 * possession     (challenge) POSSESS nonce[24]
 * proof          (response)  POSSESSED signature[64] = Ed25519(client key, "bourse-token-possession" client-first
 *                            possession): only the client the token was issued to can make it
 * server-final   (challenge) SERVER_TOKEN signature[64] identity
 *                            signature = Ed25519(cluster key, "bourse-token-server" client-first possession identity)
 * client-ack     (response)  ACK
 *
 * refusal        (challenge) REFUSED reason(UTF-8)     the client answers NONE; Aeron then rejects the session
 * </pre>
 *
 * The AuthMessage both SCRAM proofs sign is client-first followed by server-first, byte for byte.
 */
public final class SignInMessages {
    public static final int MAX_LENGTH = 256;
    /** A token sign-in's client-first: room for the longest token accepted. */
    public static final int MAX_TOKEN_FIRST_LENGTH = 64 + SessionTokens.MAX_TOKEN_LENGTH;
    public static final byte FIRST = 1;
    public static final byte SALT = 2;
    public static final byte PROOF = 3;
    public static final byte SERVER = 4;
    public static final byte ACK = 5;
    public static final byte REFUSED = 6;
    public static final byte NONE = 7;
    public static final byte POSSESS = 8;
    public static final byte POSSESSED = 9;
    public static final byte SERVER_TOKEN = 10;
    /** Sign in with a user's password. */
    public static final byte MODE_PASSWORD = 1;
    /** Sign in as the installation with the one-time bootstrap secret of a cluster that has no user yet. */
    public static final byte MODE_BOOTSTRAP = 2;
    /** Reconnect with a session token the cluster issued, and the client key it is bound to. */
    public static final byte MODE_TOKEN = 3;
    /** The name the bootstrap exchange uses; no user can have it (names start with a letter or digit). */
    public static final String BOOTSTRAP_NAME = "_bootstrap";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    private SignInMessages() {
    }

    /** True for a name a live user may have: 1 to 32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit. */
    public static boolean validUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }

    /**
     * @param clientKey the client's Ed25519 public key (password mode; null when the client sent none)
     * @param token     the session token (token mode; null otherwise)
     */
    public record ClientFirst(byte mode, byte[] nonce, String username, byte[] clientKey, String token) {
    }

    public record ServerFirst(byte[] salt, Scram.KdfParams params, byte[] nonce) {
    }

    public static byte[] clientFirst(byte mode, byte[] nonce, String username) {
        return clientFirst(mode, nonce, username, null);
    }

    /** A password or bootstrap sign-in's first message; {@code clientKey} may be null (no token wanted). */
    public static byte[] clientFirst(byte mode, byte[] nonce, String username, byte[] clientKey) {
        byte[] name = username.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = buffer(3 + Scram.NONCE_BYTES + name.length + (clientKey == null ? 0 : 1 + clientKey.length));
        b.put(FIRST).put(mode).put(nonce).put((byte) name.length).put(name);
        if (clientKey != null) {
            b.put((byte) clientKey.length).put(clientKey);
        }
        return b.array();
    }

    /** A token sign-in's first message. */
    public static byte[] tokenFirst(byte[] nonce, String username, String token) {
        byte[] name = username.getBytes(StandardCharsets.UTF_8);
        byte[] text = token.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = buffer(5 + Scram.NONCE_BYTES + name.length + text.length);
        b.put(FIRST).put(MODE_TOKEN).put(nonce).put((byte) name.length).put(name).putShort((short) text.length)
                .put(text);
        return b.array();
    }

    /** The client-first message, or null when it is not one (the reason is then {@code problem[0]}). */
    public static ClientFirst parseClientFirst(byte[] bytes, String[] problem) {
        if (bytes == null || bytes.length == 0) {
            problem[0] = "no credentials presented";
            return null;
        }
        boolean tokenMode = bytes.length > 1 && bytes[0] == FIRST && bytes[1] == MODE_TOKEN;
        int limit = tokenMode ? MAX_TOKEN_FIRST_LENGTH : MAX_LENGTH;
        if (bytes.length > limit) {
            problem[0] = "credentials of " + bytes.length + " bytes: at most " + limit;
            return null;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (b.get() != FIRST) {
                problem[0] = "credentials are not a Bourse sign-in (an older client, or another system)";
                return null;
            }
            byte mode = b.get();
            if (mode != MODE_PASSWORD && mode != MODE_BOOTSTRAP && mode != MODE_TOKEN) {
                problem[0] = "unknown sign-in mode " + mode;
                return null;
            }
            byte[] nonce = new byte[Scram.NONCE_BYTES];
            b.get(nonce);
            byte[] name = new byte[b.get() & 0xFF];
            b.get(name);
            byte[] clientKey = null;
            String token = null;
            if (mode == MODE_TOKEN) {
                byte[] text = new byte[b.getShort() & 0xFFFF];
                b.get(text);
                token = new String(text, StandardCharsets.US_ASCII);
            } else if (b.hasRemaining()) {
                clientKey = new byte[b.get() & 0xFF];
                b.get(clientKey);
                if (clientKey.length != SessionTokens.KEY_BYTES) {
                    problem[0] = "a client key has " + SessionTokens.KEY_BYTES + " bytes, not " + clientKey.length;
                    return null;
                }
            }
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
            return new ClientFirst(mode, nonce, username, clientKey, token);
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

    /**
     * Who signed in, as the cluster tells it in its signed last challenge.
     *
     * @param clusterKey the cluster's token-signing public key, or null when it issued no token
     * @param token      the session token, or null
     * @param identity   the signed bytes after the signature
     */
    public record ServerFinal(byte kind, byte[] signature, long userId, int roleMask, byte[] clusterKey, String token,
                              byte[] identity) {
    }

    /** userId, roleMask and, when a token is issued, the cluster's public key and the token. */
    public static byte[] identity(long userId, int roleMask, byte[] clusterKey, String token) {
        byte[] text = token == null ? new byte[0] : token.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = buffer(12 + (token == null ? 0 : clusterKey.length + 2 + text.length));
        b.putLong(userId).putInt(roleMask);
        if (token != null) {
            b.put(clusterKey).putShort((short) text.length).put(text);
        }
        return b.array();
    }

    /** SERVER (SCRAM signature) or SERVER_TOKEN (Ed25519 signature), then the identity. */
    public static byte[] serverFinal(byte kind, byte[] signature, byte[] identity) {
        ByteBuffer b = buffer(1 + signature.length + identity.length);
        b.put(kind).put(signature).put(identity);
        return b.array();
    }

    public static ServerFinal parseServerFinal(byte[] bytes) {
        if (bytes == null || bytes.length < 2 || (bytes[0] != SERVER && bytes[0] != SERVER_TOKEN)) {
            return null;
        }
        int signatureLength = bytes[0] == SERVER ? Scram.KEY_BYTES : SessionTokens.SIGNATURE_BYTES;
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            byte kind = b.get();
            byte[] signature = new byte[signatureLength];
            b.get(signature);
            byte[] identity = new byte[b.remaining()];
            b.mark();
            b.get(identity);
            b.reset();
            long userId = b.getLong();
            int roleMask = b.getInt();
            byte[] clusterKey = null;
            String token = null;
            if (b.hasRemaining()) {
                clusterKey = new byte[SessionTokens.KEY_BYTES];
                b.get(clusterKey);
                byte[] text = new byte[b.getShort() & 0xFFFF];
                b.get(text);
                token = new String(text, StandardCharsets.US_ASCII);
            }
            return b.hasRemaining() ? null : new ServerFinal(kind, signature, userId, roleMask, clusterKey, token,
                    identity);
        } catch (BufferUnderflowException e) {
            return null;
        }
    }

    /** What the SCRAM server signature signs: the AuthMessage, then the identity it announces. */
    public static byte[] signedIdentity(byte[] authMessage, byte[] identity) {
        return concat(authMessage, identity);
    }

    private static final byte[] POSSESSION_CONTEXT = "bourse-token-possession".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_TOKEN_CONTEXT = "bourse-token-server".getBytes(StandardCharsets.US_ASCII);

    /** What the client signs with its key to show it holds the token's key. */
    public static byte[] possessionInput(byte[] clientFirst, byte[] possessChallenge) {
        return concat(POSSESSION_CONTEXT, concat(clientFirst, possessChallenge));
    }

    /** What the cluster signs with its key in a token sign-in's last challenge. */
    public static byte[] serverTokenInput(byte[] clientFirst, byte[] possessChallenge, byte[] identity) {
        return concat(SERVER_TOKEN_CONTEXT, concat(clientFirst, concat(possessChallenge, identity)));
    }

    /** The 64-byte signature after {@code POSSESSED}, or null. */
    public static byte[] possessed(byte[] bytes) {
        if (bytes == null || bytes.length != 1 + SessionTokens.SIGNATURE_BYTES || bytes[0] != POSSESSED) {
            return null;
        }
        return Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    public static byte[] refusal(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        return withKind(REFUSED, text.length > MAX_LENGTH - 1 ? Arrays.copyOf(text, MAX_LENGTH - 1) : text);
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
