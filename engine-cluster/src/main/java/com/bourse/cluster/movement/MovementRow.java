package com.bourse.cluster.movement;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;

/**
 * A cash movement as the cluster's replicated record holds it: account ids 0 where the kind uses none, amounts in
 * minor units of {@code asset}, {@code fee} and {@code reference} a payment's ("" and 0 otherwise), {@code reason}
 * the engine's words for the latest state (null when none), times in business epoch milliseconds.
 */
public record MovementRow(long movementId, TransferKind kind, long fromAccountId, long toAccountId, String asset,
                          long amount, long fee, String reference, TransferState state, ErrorCode reason,
                          long requestedBy, long requestedAtMs, long updatedAtMs) {

    public MovementRow {
        reference = reference == null ? "" : reference;
    }

    /** Whether it touches {@code accountId} on either side. */
    public boolean involves(long accountId) {
        return fromAccountId == accountId || toAccountId == accountId;
    }
}
