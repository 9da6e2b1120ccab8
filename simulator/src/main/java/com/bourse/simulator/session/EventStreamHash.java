package com.bourse.simulator.session;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.wire.EventCodec;
import org.agrona.concurrent.UnsafeBuffer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of the event stream as the wire encodes it (SBE, {@link EventCodec}): two runs with equal hashes said the
 * same things in the same order, byte for byte. Also counts the events. Not thread-safe: the session's thread.
 */
public final class EventStreamHash implements EventSink {
    private final EventCodec codec = new EventCodec();
    private final byte[] bytes = new byte[EventCodec.MAX_ENCODED_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final MessageDigest digest;
    private long events;

    public EventStreamHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public long events() {
        return events;
    }

    /** The hash so far, as hex; the stream can go on after. */
    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests clone", e);
        }
    }

    private void add(int length) {
        digest.update(bytes, 0, length);
        events++;
    }

    @Override
    public void onEvent(Event event) {
        add(codec.encode(event, buffer, 0));
    }

    @Override
    public void orderAccepted(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                              TimeInForce tif, long price, long stopPrice, long quantity, long displayQuantity,
                              boolean postOnly, long timestamp) {
        add(codec.encodeOrderAccepted(buffer, 0, orderId, accountId, instrumentId, userId, side, type, tif, price,
                stopPrice, quantity, displayQuantity, postOnly, timestamp));
    }

    @Override
    public void orderRejected(long orderId, long accountId, ErrorCode reason) {
        add(codec.encodeOrderRejected(buffer, 0, orderId, accountId, reason));
    }

    @Override
    public void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                      long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves, long takerLeaves,
                      long timestamp) {
        add(codec.encodeTrade(buffer, 0, tradeId, instrumentId, price, quantity, takerSide, makerOrderId,
                takerOrderId, makerAccountId, takerAccountId, makerLeaves, takerLeaves, timestamp));
    }

    @Override
    public void orderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) {
        add(codec.encodeOrderCancelled(buffer, 0, orderId, accountId, cancelledQuantity, reason));
    }

    @Override
    public void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority) {
        add(codec.encodeOrderReplaced(buffer, 0, orderId, accountId, price, quantity, keptPriority));
    }

    @Override
    public void bookDelta(long instrumentId, Side side, long price, long levelQuantity, int orderCount) {
        add(codec.encodeBookDelta(buffer, 0, instrumentId, side, price, levelQuantity, orderCount));
    }

    @Override
    public void balanceChanged(long accountId, String asset, long delta, long balance, long held, long journalId) {
        add(codec.encodeBalanceChanged(buffer, 0, accountId, asset, delta, balance, held, journalId));
    }
}
