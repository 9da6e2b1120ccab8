package com.bourse.protocol;

/**
 * Receives the engine's events as they happen, on the engine thread.
 *
 * <p>The hot-path methods take primitives so a sink that counts or encodes (benchmarks, the wire) allocates
 * nothing; by default each builds the {@link Event} record and hands it to {@link #onEvent(Event)}, so a sink
 * that wants records (tests, projections, the UI) implements just that one method. A sink that learns from a few
 * events and ignores the rest without building them extends {@link IgnoringEventSink}.
 */
@FunctionalInterface
public interface EventSink {

    void onEvent(Event event);

    default void orderAccepted(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                               TimeInForce tif, long price, long stopPrice, long quantity, long displayQuantity,
                               boolean postOnly, long timestamp) {
        onEvent(new Event.OrderAccepted(orderId, accountId, instrumentId, userId, side, type, tif, price, stopPrice,
                quantity, displayQuantity, postOnly, timestamp));
    }

    default void orderRejected(long orderId, long accountId, ErrorCode reason) {
        onEvent(new Event.OrderRejected(orderId, accountId, reason));
    }

    default void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                       long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves, long takerLeaves,
                       long timestamp) {
        onEvent(new Event.Trade(tradeId, instrumentId, price, quantity, takerSide, makerOrderId, takerOrderId,
                makerAccountId, takerAccountId, makerLeaves, takerLeaves, timestamp));
    }

    default void orderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) {
        onEvent(new Event.OrderCancelled(orderId, accountId, cancelledQuantity, reason));
    }

    default void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority) {
        onEvent(new Event.OrderReplaced(orderId, accountId, price, quantity, keptPriority));
    }

    /**
     * An amendment with its stop price and new total ({@link Event.OrderReplaced}); the engine calls this one. An
     * amendment of a limit order nothing of which filled is the same event as the five-figure one, and goes there,
     * so a sink that encodes that one keeps its allocation-free path.
     */
    default void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority,
                               long stopPrice, long orderQuantity) {
        if (stopPrice == 0 && orderQuantity == quantity) {
            orderReplaced(orderId, accountId, price, quantity, keptPriority);
        } else {
            onEvent(new Event.OrderReplaced(orderId, accountId, price, quantity, keptPriority, stopPrice,
                    orderQuantity));
        }
    }

    default void bookDelta(long instrumentId, Side side, long price, long levelQuantity, int orderCount) {
        onEvent(new Event.BookDelta(instrumentId, side, price, levelQuantity, orderCount));
    }

    default void balanceChanged(long accountId, String asset, long delta, long balance, long held, long journalId) {
        onEvent(new Event.BalanceChanged(accountId, asset, delta, balance, held, journalId));
    }

    /** Discards everything; for hostings that only need the state. */
    EventSink NONE = new IgnoringEventSink() {
        @Override
        public void onEvent(Event event) {
        }
    };
}
