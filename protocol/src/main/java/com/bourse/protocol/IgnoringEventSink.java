package com.bourse.protocol;

/**
 * A sink that ignores every primitive callback and hears only what comes to {@link #onEvent(Event)}: for a sink
 * that learns from a few events and must not pay for the rest. {@link EventSink}'s defaults build an {@link Event}
 * record per call, on the engine thread; here an ignored callback builds nothing. A subclass overrides the
 * callbacks it learns from (and {@code onEvent} for the events that have no primitive path).
 *
 * <p>The engine calls the seven-figure {@code orderReplaced}; an ignoring sink drops both without passing one to
 * the other, so a subclass that learns from amendments overrides that one.
 *
 * <p>Thread-safety is the subclass's: these methods touch no state.
 */
public abstract class IgnoringEventSink implements EventSink {

    @Override
    public void orderAccepted(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                              TimeInForce tif, long price, long stopPrice, long quantity, long displayQuantity,
                              boolean postOnly, long timestamp) {
    }

    @Override
    public void orderRejected(long orderId, long accountId, ErrorCode reason) {
    }

    @Override
    public void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                      long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves, long takerLeaves,
                      long timestamp) {
    }

    @Override
    public void orderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) {
    }

    @Override
    public void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority) {
    }

    @Override
    public void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority,
                              long stopPrice, long orderQuantity) {
    }

    @Override
    public void bookDelta(long instrumentId, Side side, long price, long levelQuantity, int orderCount) {
    }

    @Override
    public void balanceChanged(long accountId, String asset, long delta, long balance, long held, long journalId) {
    }
}
