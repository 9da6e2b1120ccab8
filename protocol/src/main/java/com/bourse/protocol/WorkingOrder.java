package com.bourse.protocol;

/**
 * A working order as a blotter shows it.
 *
 * @param status RESTING on the book, STOP_WAITING for its trigger, or HELD for a risk officer
 */
public record WorkingOrder(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                           TimeInForce timeInForce, long price, long stopPrice, long leaves, long visible,
                           long displayQuantity, boolean postOnly, String status) {
}
