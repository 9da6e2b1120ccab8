package com.bourse.ui.port;

import com.bourse.protocol.TransferState;

import java.time.Instant;

/**
 * A cash movement in its current state. Account ids are 0 where the kind uses none (a deposit has no payer, a
 * withdrawal no payee); {@code fee} and {@code reference} are a payment's (0 and "" otherwise); {@code reason} is
 * the venue's words for the latest state, or "".
 */
public record Movement(long movementId, MovementKind kind, long fromAccountId, long toAccountId, String currency,
                       long amount, long fee, String reference, TransferState state, String reason,
                       long requestedBy, Instant requestedAt, Instant updatedAt) {

    public Movement {
        reference = reference == null ? "" : reference;
        reason = reason == null ? "" : reason;
    }

    /** The account the movement is for: the payer, or the payee of a deposit. */
    public long accountId() {
        return fromAccountId != 0 ? fromAccountId : toAccountId;
    }

    /** Whether it touches {@code accountId} on either side. */
    public boolean involves(long accountId) {
        return fromAccountId == accountId || toAccountId == accountId;
    }
}
