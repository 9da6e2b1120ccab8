package com.bourse.ui.model;

import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.math.BigDecimal;

/**
 * A working order as the blotter shows it. {@code priceUnits} is the raw limit price the ladder places it at.
 *
 * @param status WORKING, STOP_WAITING, HELD (for a risk officer), TRIGGERED, or REJECTED for an order the venue
 *               refused at entry (shown until the trader dismisses it, never working)
 * @param reason why the order is where it is, when it is not simply working: why it is held (and, for an order meant
 *               to trade now, when it expires unless an officer approves it) or refused; empty otherwise
 * @param ocoPeerId the other order of its one-cancels-other group, 0 when it has none
 */
public record OrderRow(long orderId, long accountId, long instrumentId, String symbol, Side side, OrderType type,
                       TimeInForce timeInForce, BigDecimal price, BigDecimal stopPrice, long priceUnits,
                       long quantity, long leaves, long displayQuantity, String status, String reason,
                       long ocoPeerId) {
    public static final String REJECTED = "REJECTED";

    public OrderRow(long orderId, long accountId, long instrumentId, String symbol, Side side, OrderType type,
                    TimeInForce timeInForce, BigDecimal price, BigDecimal stopPrice, long priceUnits, long quantity,
                    long leaves, long displayQuantity, String status, String reason) {
        this(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice, priceUnits, quantity,
                leaves, displayQuantity, status, reason, 0);
    }

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

    /** Working at the venue (on the book, waiting for a trigger or an officer): not a refused entry. */
    public boolean isWorking() {
        return !REJECTED.equals(status);
    }

    /** The blotter's OCO column: the group's name (its target's order id) and this leg's part, or empty. */
    public String ocoGroup() {
        if (ocoPeerId == 0) {
            return "";
        }
        return "OCO " + Math.min(orderId, ocoPeerId) + (type.isStop() ? " · stop" : " · target");
    }

    /** What traded of it (nothing for a refused order, which never worked). */
    public long filled() {
        return isWorking() ? quantity - leaves : 0;
    }

    OrderRow withLeaves(long newLeaves) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, newLeaves, displayQuantity, status, reason, ocoPeerId);
    }

    OrderRow withStatus(String newStatus) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, leaves, displayQuantity, newStatus, reason, ocoPeerId);
    }

    OrderRow replaced(long newPriceUnits, BigDecimal newPrice, long newLeaves) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, newPrice, stopPrice,
                newPriceUnits, filled() + newLeaves, newLeaves, displayQuantity, status, reason, ocoPeerId);
    }

    OrderRow withOcoPeer(long peerId) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, leaves, displayQuantity, status, reason, peerId);
    }

    OrderRow withReason(String newReason) {
        return new OrderRow(orderId, accountId, instrumentId, symbol, side, type, timeInForce, price, stopPrice,
                priceUnits, quantity, leaves, displayQuantity, status, newReason, ocoPeerId);
    }
}
