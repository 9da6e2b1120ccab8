package com.bourse.cluster.movement;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.TransferState;

/**
 * One state a movement went through: the engine's reason (null when none), whose command made it (0: the system)
 * and its business time, epoch milliseconds.
 */
public record MovementStepRow(long movementId, TransferState state, ErrorCode reason, long actingUserId, long atMs) {
}
