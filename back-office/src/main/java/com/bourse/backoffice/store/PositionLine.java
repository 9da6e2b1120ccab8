package com.bourse.backoffice.store;

import java.time.Instant;
import java.time.LocalDate;

/** A position as it stood when a trading day was closed. */
public record PositionLine(LocalDate tradeDate, long accountId, String asset, long quantity, Instant closedAt) {
}
