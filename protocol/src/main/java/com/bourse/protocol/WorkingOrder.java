package com.bourse.protocol;

/**
 * A working order as a blotter shows it.
 *
 * @param status RESTING on the book, STOP_WAITING for its trigger, or HELD for a risk officer
 * @param ocoPeerId the other order of its one-cancels-other group, 0 when it has none
 */
public record WorkingOrder(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                           TimeInForce timeInForce, long price, long stopPrice, long leaves, long visible,
                           long displayQuantity, boolean postOnly, String status, long ocoPeerId) {

    /** A working order of no OCO group (as a blotter answer of a cluster older than schema version 9 reads). */
    public WorkingOrder(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                        TimeInForce timeInForce, long price, long stopPrice, long leaves, long visible,
                        long displayQuantity, boolean postOnly, String status) {
        this(orderId, accountId, instrumentId, userId, side, type, timeInForce, price, stopPrice, leaves, visible,
                displayQuantity, postOnly, status, 0);
    }
}
