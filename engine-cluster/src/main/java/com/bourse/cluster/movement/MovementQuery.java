package com.bourse.cluster.movement;

import com.bourse.protocol.TransferState;

/**
 * What a window asks the cluster about cash movements: those now in {@code state} (null: any state) of
 * {@code accountId} (0: every account the session may see), newest first, at most {@code maxMovements}; or, with a
 * non-zero {@code movementId}, that one movement and every state it went through.
 */
public record MovementQuery(long requestId, TransferState state, long accountId, long movementId, int maxMovements) {

    /** The most movements one answer carries, whatever was asked. */
    public static final int MAX_MOVEMENTS = 2_000;

    public static MovementQuery inState(TransferState state, long accountId, int maxMovements) {
        return new MovementQuery(0, state, accountId, 0, maxMovements);
    }

    public static MovementQuery history(long movementId) {
        return new MovementQuery(0, null, 0, movementId, 1);
    }

    public MovementQuery withRequestId(long id) {
        return new MovementQuery(id, state, accountId, movementId, maxMovements);
    }

    public boolean isHistory() {
        return movementId != 0;
    }
}
