package com.bourse.ui.port;

import com.bourse.protocol.TransferState;

import java.time.Instant;

/** One step of a movement's life, who caused it and the venue's words for it ("" when none). */
public record MovementStep(TransferState state, String reason, long actingUserId, String actingUser, Instant at) {
}
