package com.bourse.ui.model;

import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.math.BigDecimal;

/**
 * A working order as the blotter shows it. {@code priceUnits} is the raw limit price the ladder places it at.
 *
 * @param status WORKING, STOP_WAITING, HELD (for a risk officer) or TRIGGERED
 * @param reason why the order is where it is, when it is not simply working: why it is held (and, for an order meant
 *               to trade now, when it expires unless an officer approves it); empty otherwise
 */
public record OrderRow(long orderId, long accountId, long instrumentId, String symbol, Side side, OrderType type,
                       TimeInForce timeInForce, BigDecimal price, BigDecimal stopPrice, long priceUnits,
                       long quantity, long leaves, long displayQuantity, String status, String reason) {

    public OrderRow(long orderId, long accountId, long instrumentId, String symbol, Side side, OrderType type,
                    TimeInForce timeInForce, BigDecimal price, BigDecimal stopPrice, long priceUnits, long quantity,
                    long leaves, long displayQuantity, String status) {
        this(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice, priceUnits, quantity,
                leaves, displayQuantity, status, "");
    }

    /** An order that trades now or not at all: held for review, it expires rather than wait (the engine's rule). */
    public boolean isImmediate() {
        return !type.isStop() && (type == OrderType.MARKET || timeInForce == TimeInForce.IOC
                || timeInForce == TimeInForce.FOK);
    }

    /** A stop that protects a position: never selected for the trader after a cancel, only by the trader. */
    public boolean isProtective() {
        return type.isStop();
    }

    public long filled() {
        return quantity - leaves;
    }

    OrderRow withLeaves(long newLeaves) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, newLeaves, displayQuantity, status, reason);
    }

    OrderRow withStatus(String newStatus) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, leaves, displayQuantity, newStatus, reason);
    }

    OrderRow replaced(long newPriceUnits, BigDecimal newPrice, long newLeaves) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, newPrice, stopPrice,
                newPriceUnits, filled() + newLeaves, newLeaves, displayQuantity, status, reason);
    }

    OrderRow withReason(String newReason) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, leaves, displayQuantity, status, newReason);
    }
}
