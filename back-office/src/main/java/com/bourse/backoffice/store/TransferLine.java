package com.bourse.backoffice.store;

import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;

import java.time.Instant;

/** A deposit, withdrawal or internal transfer in its current state; account ids are 0 where not used. */
public record TransferLine(long transferId, TransferKind kind, long fromAccountId, long toAccountId, String asset,
                           long amount, TransferState state, String reason, long requestedBy, Instant requestedAt,
                           Instant updatedAt) {
}
