package com.bourse.ui.port;

import java.util.Objects;

/**
 * A movement as entered: {@code movementId} is the idempotency key (a retry sends the same one), account ids 0
 * where the kind uses none, amounts in minor units of {@code currency}, {@code fee} and {@code reference} for a
 * payment only.
 */
public record MovementRequest(long movementId, MovementKind kind, long fromAccountId, long toAccountId,
                              String currency, long amount, long fee, String reference) {

    public MovementRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        reference = reference == null ? "" : reference;
    }
}
