package com.bourse.ui.model;

import com.bourse.protocol.Side;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of the trader's own order.
 *
 * @param liquidity MAKER when the order was resting, TAKER when it crossed
 * @param value     price × quantity in the instrument's currency
 */
public record FillRow(long tradeId, Instant time, long orderId, long accountId, String symbol, Side side,
                      BigDecimal price, long quantity, BigDecimal value, String currency, String liquidity,
                      long leaves) {
}
