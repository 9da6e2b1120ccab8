package com.bourse.cluster.auth;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The authenticated identity a cluster session carries in the replicated log: the user id as 8 little-endian
 * bytes, and for a session that may renew a session token also when its password was proved (epoch ms, 8 bytes)
 * and the client's Ed25519 public key (32 bytes) the tokens are bound to. Every node's service reads it back the
 * same way, so entitlement decisions are deterministic. An 8-byte principal (older logs, the bootstrap session)
 * still reads as its user id.
 */
public final class Principal {
    public static final long NONE = Long.MIN_VALUE;
    private static final int WITH_KEY = 2 * Long.BYTES + 32;

    private Principal() {
    }

    public static byte[] encode(long userId) {
        byte[] bytes = new byte[Long.BYTES];
        new UnsafeBuffer(bytes).putLong(0, userId, ByteOrder.LITTLE_ENDIAN);
        return bytes;
    }

    /** A session whose tokens are bound to {@code clientKey}, its password proved at {@code authTimeMs}. */
    public static byte[] encode(long userId, long authTimeMs, byte[] clientKey) {
        if (clientKey == null) {
            return encode(userId);
        }
        byte[] bytes = new byte[WITH_KEY];
        UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        buffer.putLong(0, userId, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(Long.BYTES, authTimeMs, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(2 * Long.BYTES, clientKey);
        return bytes;
    }

    /** The user id, or {@link #NONE} when the session carries no Bourse principal. */
    public static long decode(byte[] encoded) {
        if (encoded == null || (encoded.length != Long.BYTES && encoded.length != WITH_KEY)) {
            return NONE;
        }
        return new UnsafeBuffer(encoded).getLong(0, ByteOrder.LITTLE_ENDIAN);
    }

    /** When the session's password was proved, or {@link #NONE} for a session without a client key. */
    public static long authTimeMs(byte[] encoded) {
        return encoded != null && encoded.length == WITH_KEY
                ? new UnsafeBuffer(encoded).getLong(Long.BYTES, ByteOrder.LITTLE_ENDIAN) : NONE;
    }

    /** The client's public key the session's tokens are bound to, or null. */
    public static byte[] clientKey(byte[] encoded) {
        return encoded != null && encoded.length == WITH_KEY ? Arrays.copyOfRange(encoded, 2 * Long.BYTES, WITH_KEY)
                : null;
    }
}
