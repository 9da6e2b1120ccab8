package com.bourse.cluster.service;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records the clustered service keeps beside the engine sit on the engine's event path: an order's flow they
 * learn nothing from must reach them without an event record being built for it.
 */
class ServiceRecordsHotPathTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long ACCOUNT = 200;
    /** Enough callbacks that one event record each (24 bytes at the least) would be megabytes. */
    private static final int ORDERS = 50_000;

    @Test
    void aRestingOrdersFlowReachesTheDeskMovementAndPostingRecordsWithoutAllocating() {
        // given the records chained as the service chains them after its router
        EventSink records = new TeeSink(new DeskRecord(), new TeeSink(new MovementRecord(), new PostingRecord()));
        orderFlow(records, 1); // loads what the first call needs, as the service's first order does

        // when orders rest, are amended and cancelled, with funds held and released and the book moving
        long before = THREADS.getCurrentThreadAllocatedBytes();
        orderFlow(records, ORDERS);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        // then nothing was built for them: far less than one byte per callback
        assertThat(allocated).as("bytes allocated for %,d orders' callbacks", ORDERS).isLessThan(ORDERS / 10);
    }

    /** What the engine calls for each order that rests, is amended and then cancelled by its trader. */
    private static void orderFlow(EventSink sink, int orders) {
        for (long id = 1; id <= orders; id++) {
            sink.balanceChanged(ACCOUNT, "EUR", 0, 50_000_000, 10_000 * id % 1_000_000, 0);
            sink.orderAccepted(id, ACCOUNT, 1, 20, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_900, 0, 10, 10,
                    false, id);
            sink.bookDelta(1, Side.BUY, 9_900, 10 * id, (int) id);
            sink.orderReplaced(id, ACCOUNT, 9_800, 20, false, 0, 20);
            sink.orderReplaced(id, ACCOUNT, 9_800, 20, false, 9_700, 30);
            sink.bookDelta(1, Side.BUY, 9_800, 20, 1);
            sink.orderCancelled(id, ACCOUNT, 20, CancelReason.USER_REQUEST);
            sink.orderRejected(id, ACCOUNT, ErrorCode.UNKNOWN_ORDER); // a second cancel of it
            sink.bookDelta(1, Side.BUY, 9_800, 0, 0);
        }
    }
}
