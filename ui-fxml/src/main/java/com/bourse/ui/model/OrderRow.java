package com.bourse.ui.model;

import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.math.BigDecimal;

/**
 * A working order as the blotter shows it. {@code priceUnits} is the raw limit price the ladder places it at.
 *
 * @param status WORKING, STOP_WAITING, HELD (for a risk officer) or TRIGGERED
 */
public record OrderRow(long orderId, long accountId, long instrumentId, String symbol, Side side, OrderType type,
                       TimeInForce timeInForce, BigDecimal price, BigDecimal stopPrice, long priceUnits,
                       long quantity, long leaves, long displayQuantity, String status) {

    public long filled() {
        return quantity - leaves;
    }

    OrderRow withLeaves(long newLeaves) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, newLeaves, displayQuantity, status);
    }

    OrderRow withStatus(String newStatus) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, leaves, displayQuantity, newStatus);
    }

    OrderRow replaced(long newPriceUnits, BigDecimal newPrice, long newLeaves) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, newPrice, stopPrice,
                newPriceUnits, filled() + newLeaves, newLeaves, displayQuantity, status);
    }
}
