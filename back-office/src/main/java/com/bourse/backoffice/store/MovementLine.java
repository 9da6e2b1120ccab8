package com.bourse.backoffice.store;

import java.time.Instant;

/**
 * A security entering or leaving an account other than by a trade (a deposit, a withdrawal, a transfer, an opening
 * balance): {@code delta} units of {@code asset} at the journal sequence {@code seq}, and {@code lastPrice}, the
 * instrument's last trade price before it (0 when it had not traded yet), which is what the position carries it at.
 */
public record MovementLine(long seq, long accountId, String asset, long delta, long lastPrice, Instant postedAt) {
}
