package com.bourse.backoffice.store;

import java.time.Instant;

/**
 * One state change of an order: ACCEPTED, HELD, APPROVED, TRIGGERED, FILL, AMENDED, REPLACED, CANCELLED,
 * EXPIRED, REJECTED or REQUEST_REFUSED (a cancel or amend the engine refused). {@code leaves} is after it.
 * {@code stopPrice} is a stop order's trigger as entered (ACCEPTED) and after an amendment (AMENDED, REPLACED), else 0
 * (and 0 for amendments projected before the store kept it).
 */
public record OrderEventLine(long eventId, long seq, long entrySeq, long orderId, long accountId, String kind,
                             long price, long stopPrice, long quantity, long leaves, String reason, Long tradeId,
                             long actingUserId, Instant at) {
}
