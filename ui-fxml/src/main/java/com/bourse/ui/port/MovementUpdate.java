package com.bourse.ui.port;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.TransferState;

/** A movement changed state at the venue; {@code reason} is null when none was given. */
public record MovementUpdate(long movementId, MovementKind kind, long fromAccountId, long toAccountId,
                             String currency, long amount, TransferState state, ErrorCode reason) {
}
