package com.bourse.cluster.service;

import com.bourse.cluster.metrics.NodeMetrics;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import io.aeron.DirectBufferVector;
import io.aeron.Publication;
import io.aeron.cluster.service.ClientSession;
import io.aeron.logbuffer.BufferClaim;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that cannot keep up with its events must never be left with a silent gap in its stream: the cluster
 * closes its session (the client reconnects and resyncs) and sends it nothing more, while everybody else is
 * served as before.
 */
class EventRouterTest {
    private final NodeMetrics metrics = new NodeMetrics(0);
    private final List<Long> closeRequests = new ArrayList<>();
    private boolean consensusModuleTakesCloses = true;
    private final EventRouter router = new EventRouter(new Entitlements(), metrics, sessionId -> {
        closeRequests.add(sessionId);
        return consensusModuleTakesCloses;
    });

    @Test
    void aSessionThatLosesAnEventIsClosedAndSentNothingMore() {
        FakeSession fast = new FakeSession(1);
        FakeSession slow = new FakeSession(2);
        router.open(fast, 11);
        router.open(slow, 12);

        slow.backPressured = true;
        router.onEvent(bid(100));
        slow.backPressured = false;
        router.onEvent(bid(101));

        assertThat(fast.received).isEqualTo(2);
        assertThat(slow.received).as("nothing after the gap, even once it could take it again").isZero();
        assertThat(closeRequests).containsExactly(2L);
        assertThat(metrics.droppedEvents()).isEqualTo(2);
    }

    @Test
    void aCloseTheConsensusModuleRefusedIsAskedAgainUntilTaken() {
        FakeSession slow = new FakeSession(2);
        router.open(slow, 12);
        consensusModuleTakesCloses = false;
        slow.backPressured = true;

        router.onEvent(bid(100));
        consensusModuleTakesCloses = true;
        router.onEvent(bid(101));
        router.onEvent(bid(102));

        assertThat(closeRequests).containsExactly(2L, 2L);
    }

    @Test
    void aReconnectedSessionUnderTheSameIdWouldBeServedAgainOnceTheOldOneClosed() {
        FakeSession slow = new FakeSession(2);
        router.open(slow, 12);
        slow.backPressured = true;
        router.onEvent(bid(100));

        router.close(2);
        FakeSession reopened = new FakeSession(2);
        router.open(reopened, 12);
        router.onEvent(bid(101));

        assertThat(reopened.received).isEqualTo(1);
    }

    private static Event bid(long price) {
        return new Event.BookDelta(1, Side.BUY, price, 10, 1);
    }

    /** A session whose egress either takes every message or is back-pressured. */
    private static final class FakeSession implements ClientSession {
        private final long id;
        boolean backPressured;
        int received;

        FakeSession(long id) {
            this.id = id;
        }

        @Override
        public long offer(DirectBuffer buffer, int offset, int length) {
            if (backPressured) {
                return Publication.BACK_PRESSURED;
            }
            received++;
            return 64L * received;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public int responseStreamId() {
            return 102;
        }

        @Override
        public String responseChannel() {
            return "aeron:udp?endpoint=localhost:0";
        }

        @Override
        public byte[] encodedPrincipal() {
            return new byte[0];
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isClosing() {
            return false;
        }

        @Override
        public long offer(DirectBufferVector[] vectors) {
            throw new UnsupportedOperationException("the router offers whole buffers");
        }

        @Override
        public long tryClaim(int length, BufferClaim bufferClaim) {
            throw new UnsupportedOperationException("the router offers whole buffers");
        }
    }
}
