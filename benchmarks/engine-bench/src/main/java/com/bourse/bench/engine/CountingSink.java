package com.bourse.bench.engine;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

/**
 * Counts what the engine reports through every primitive hot-path method, so receiving events costs the engine
 * a few increments and allocates nothing. Anything that arrives as a record through {@link #onEvent} is an event
 * the stream should never cause (held orders, rejected commands) and is counted separately.
 */
final class CountingSink implements EventSink {
    long accepted;
    long rejected;
    ErrorCode firstRejection;
    long trades;
    long tradedQuantity;
    long userCancels;
    long remainderCancels;
    long otherCancels;
    long replaced;
    long bookDeltas;
    long balanceChanges;
    long otherEvents;
    Event firstOtherEvent;

    void reset() {
        accepted = rejected = trades = tradedQuantity = userCancels = remainderCancels = otherCancels = 0;
        replaced = bookDeltas = balanceChanges = otherEvents = 0;
        firstRejection = null;
        firstOtherEvent = null;
    }

    @Override
    public void onEvent(Event event) {
        if (otherEvents++ == 0) {
            firstOtherEvent = event;
        }
    }

    @Override
    public void orderAccepted(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                              TimeInForce tif, long price, long stopPrice, long quantity, long displayQuantity,
                              boolean postOnly, long timestamp) {
        accepted++;
    }

    @Override
    public void orderRejected(long orderId, long accountId, ErrorCode reason) {
        if (rejected++ == 0) {
            firstRejection = reason;
        }
    }

    @Override
    public void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                      long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves, long takerLeaves,
                      long timestamp) {
        trades++;
        tradedQuantity += quantity;
    }

    @Override
    public void orderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) {
        if (reason == CancelReason.USER_REQUEST) {
            userCancels++;
        } else if (reason == CancelReason.IOC_REMAINDER) {
            remainderCancels++;
        } else {
            otherCancels++;
        }
    }

    @Override
    public void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority) {
        replaced++;
    }

    @Override
    public void bookDelta(long instrumentId, Side side, long price, long levelQuantity, int orderCount) {
        bookDeltas++;
    }

    @Override
    public void balanceChanged(long accountId, String asset, long delta, long balance, long held, long journalId) {
        balanceChanges++;
    }

    long events() {
        return accepted + rejected + trades + userCancels + remainderCancels + otherCancels + replaced + bookDeltas
                + balanceChanges + otherEvents;
    }
}
