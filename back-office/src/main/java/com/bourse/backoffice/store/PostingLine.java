package com.bourse.backoffice.store;

import java.time.Instant;

/**
 * One ledger posting on an account: {@code delta} moved, {@code balanceAfter} the balance it left.
 * {@code refKind} is TRADE or TRANSFER and {@code refId} the trade or transfer id.
 */
public record PostingLine(long postingId, long journalId, long accountId, String asset, long delta,
                          long balanceAfter, String refKind, long refId, Instant postedAt) {
}
