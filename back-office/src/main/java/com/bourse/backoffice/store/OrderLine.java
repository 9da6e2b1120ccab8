package com.bourse.backoffice.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An order as the blotter shows it. {@code entrySeq} (the journal sequence of its entry) identifies it;
 * order ids are the client's and only unique per account. Side, type and time in force are null only for
 * an entry the engine rejected as malformed.
 */
public record OrderLine(long entrySeq, long orderId, long accountId, long instrumentId, long userId, String side,
                        String orderType, String timeInForce, long price, long stopPrice, long quantity,
                        long displayQuantity, boolean postOnly, OrderStatus status, long leaves, long filledQuantity,
                        String reason, Instant enteredAt, LocalDate tradeDate, Instant updatedAt) {
}
