package com.bourse.cluster.service;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

/**
 * The engine's events to two sinks, each through the same method it was called by (so the router keeps its
 * allocation-free primitive path): first the router, which sends them, then the {@link DeskRecord}, which remembers
 * what a later window will ask. Service thread only.
 */
final class TeeSink implements EventSink {
    private final EventSink first;
    private final EventSink second;

    TeeSink(EventSink first, EventSink second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void onEvent(Event event) {
        first.onEvent(event);
        second.onEvent(event);
    }

    @Override
    public void orderAccepted(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                              TimeInForce tif, long price, long stopPrice, long quantity, long displayQuantity,
                              boolean postOnly, long timestamp) {
        first.orderAccepted(orderId, accountId, instrumentId, userId, side, type, tif, price, stopPrice, quantity,
                displayQuantity, postOnly, timestamp);
        second.orderAccepted(orderId, accountId, instrumentId, userId, side, type, tif, price, stopPrice, quantity,
                displayQuantity, postOnly, timestamp);
    }

    @Override
    public void orderRejected(long orderId, long accountId, ErrorCode reason) {
        first.orderRejected(orderId, accountId, reason);
        second.orderRejected(orderId, accountId, reason);
    }

    @Override
    public void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                      long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves, long takerLeaves,
                      long timestamp) {
        first.trade(tradeId, instrumentId, price, quantity, takerSide, makerOrderId, takerOrderId, makerAccountId,
                takerAccountId, makerLeaves, takerLeaves, timestamp);
        second.trade(tradeId, instrumentId, price, quantity, takerSide, makerOrderId, takerOrderId, makerAccountId,
                takerAccountId, makerLeaves, takerLeaves, timestamp);
    }

    @Override
    public void orderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) {
        first.orderCancelled(orderId, accountId, cancelledQuantity, reason);
        second.orderCancelled(orderId, accountId, cancelledQuantity, reason);
    }

    @Override
    public void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority) {
        first.orderReplaced(orderId, accountId, price, quantity, keptPriority);
        second.orderReplaced(orderId, accountId, price, quantity, keptPriority);
    }

    @Override
    public void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority,
                              long stopPrice, long orderQuantity) {
        first.orderReplaced(orderId, accountId, price, quantity, keptPriority, stopPrice, orderQuantity);
        second.orderReplaced(orderId, accountId, price, quantity, keptPriority, stopPrice, orderQuantity);
    }

    @Override
    public void bookDelta(long instrumentId, Side side, long price, long levelQuantity, int orderCount) {
        first.bookDelta(instrumentId, side, price, levelQuantity, orderCount);
        second.bookDelta(instrumentId, side, price, levelQuantity, orderCount);
    }

    @Override
    public void balanceChanged(long accountId, String asset, long delta, long balance, long held, long journalId) {
        first.balanceChanged(accountId, asset, delta, balance, held, journalId);
        second.balanceChanged(accountId, asset, delta, balance, held, journalId);
    }
}
