package com.bourse.ui.model;

import java.math.BigDecimal;

/** A position with its average cost, the market price it is marked at and its P&L in its currency. */
public record PositionRow(long accountId, long instrumentId, String symbol, long quantity, long available,
                          BigDecimal averagePrice, BigDecimal lastPrice, BigDecimal marketValue,
                          BigDecimal realisedPnl, BigDecimal unrealisedPnl, String currency) {
}
