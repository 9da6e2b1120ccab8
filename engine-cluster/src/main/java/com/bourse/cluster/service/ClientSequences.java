package com.bourse.cluster.service;

import org.agrona.collections.Long2LongHashMap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The last correlation id applied for each client instance, and the user it belongs to. It is what makes a
 * resend after a leader change or reconnect safe: an id at or below the last is reported as already applied
 * instead of being applied twice. Replicated state, snapshotted with the engine. Service thread only.
 */
final class ClientSequences {
    private static final long NONE = Long.MIN_VALUE;

    private final Long2LongHashMap lastCorrelation = new Long2LongHashMap(NONE);
    private final Long2LongHashMap owner = new Long2LongHashMap(NONE);

    enum Verdict { NEXT, ALREADY_APPLIED, OUT_OF_SEQUENCE, WRONG_USER }

    Verdict check(long clientId, long userId, long correlationId) {
        long ownerId = owner.get(clientId);
        if (ownerId != NONE && ownerId != userId) {
            return Verdict.WRONG_USER;
        }
        long last = ownerId == NONE ? 0 : lastCorrelation.get(clientId);
        if (correlationId <= last) {
            return Verdict.ALREADY_APPLIED;
        }
        return correlationId == last + 1 ? Verdict.NEXT : Verdict.OUT_OF_SEQUENCE;
    }

    void applied(long clientId, long userId, long correlationId) {
        owner.put(clientId, userId);
        lastCorrelation.put(clientId, correlationId);
    }

    int size() {
        return owner.size();
    }

    void write(DataOutputStream out) throws IOException {
        Entitlements.writeMap(out, owner);
        Entitlements.writeMap(out, lastCorrelation);
    }

    void read(DataInputStream in) throws IOException {
        Entitlements.readMap(in, owner);
        Entitlements.readMap(in, lastCorrelation);
    }
}
