package com.bourse.cluster.auth;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The authenticated identity a cluster session carries in the replicated log: the user id as 8 little-endian
 * bytes. Every node's service reads it back the same way, so entitlement decisions are deterministic.
 */
public final class Principal {
    public static final long NONE = Long.MIN_VALUE;

    private Principal() {
    }

    public static byte[] encode(long userId) {
        byte[] bytes = new byte[Long.BYTES];
        new UnsafeBuffer(bytes).putLong(0, userId, ByteOrder.LITTLE_ENDIAN);
        return bytes;
    }

    /** The user id, or {@link #NONE} when the session carries no Bourse principal. */
    public static long decode(byte[] encoded) {
        if (encoded == null || encoded.length != Long.BYTES) {
            return NONE;
        }
        return new UnsafeBuffer(encoded).getLong(0, ByteOrder.LITTLE_ENDIAN);
    }
}
