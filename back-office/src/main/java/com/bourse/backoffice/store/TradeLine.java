package com.bourse.backoffice.store;

import java.time.Instant;
import java.time.LocalDate;

/** One execution between a resting (maker) and an incoming (taker) order. */
public record TradeLine(long tradeId, long instrumentId, long price, long quantity, String takerSide,
                        long makerOrderId, long takerOrderId, long makerAccountId, long takerAccountId,
                        Instant executedAt, LocalDate tradeDate) {
}
