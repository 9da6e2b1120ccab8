package com.bourse.backoffice.store;

import com.bourse.protocol.TransferState;

import java.time.Instant;

/** One step of a transfer's state machine and who caused it. */
public record TransferEventLine(long eventId, long seq, long transferId, TransferState state, String reason,
                                long actingUserId, Instant at) {
}
