package com.bourse.protocol;

/**
 * Life of a transfer: PENDING (funds held, possibly waiting for a risk officer) → PROCESSING (sent to settle)
 * → COMPLETED | FAILED, or CANCELLED/FAILED straight from PENDING. Terminal states are final.
 */
public enum TransferState {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
