package com.bourse.backoffice.store;

import java.time.Instant;

/**
 * One account's side of a trade: what its order got. {@code buy} is the account's side, {@code maker} whether its
 * order was resting, {@code leaves} what the order had open after it; {@code seq} the journal sequence of the command
 * that traded.
 */
public record FillLine(long seq, long tradeId, long instrumentId, long accountId, long orderId, boolean buy, boolean maker,
                       long price, long quantity, long leaves, Instant executedAt) {
}
