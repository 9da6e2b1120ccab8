package com.bourse.backoffice.store;

import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;

import java.time.Instant;

/**
 * A deposit, withdrawal, internal transfer or payment in its current state; account ids are 0 where not used.
 * A payment's fee (paid by the payer on top of the amount) and reference; 0 and "" for other kinds.
 */
public record TransferLine(long transferId, TransferKind kind, long fromAccountId, long toAccountId, String asset,
                           long amount, TransferState state, String reason, long requestedBy, Instant requestedAt,
                           Instant updatedAt, long fee, String reference) {
}
