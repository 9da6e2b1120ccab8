package com.bourse.cluster.service;

import com.bourse.cluster.metrics.NodeMetrics;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Role;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
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

    @Test
    void aSessionBackPressuredForAMomentStillGetsEveryEvent() {
        FakeSession briefly = new FakeSession(3);
        router.open(briefly, 12);
        briefly.refuseNext = 5;

        router.onEvent(bid(100));
        router.onEvent(bid(101));

        assertThat(briefly.received).isEqualTo(2);
        assertThat(closeRequests).isEmpty();
        assertThat(metrics.droppedEvents()).isZero();
    }

    /**
     * The engine's hot events reach the router as primitives, the rest as records: each session must get the same
     * bytes either way (owners, back office, anonymous prints, the commanding session's rejection).
     */
    @Test
    void primitiveEventsReachTheSameSessionsWithTheSameBytesAsRecords() {
        Desk records = new Desk();
        Desk primitives = new Desk();
        for (Event event : trading()) {
            records.router.begin(records.owner);
            records.router.onEvent(event);
            records.router.end();
            primitives.router.begin(primitives.owner);
            deliverAsPrimitive(event, primitives.router);
            primitives.router.end();
        }

        assertThat(primitives.owner.messages).isEqualTo(records.owner.messages);
        assertThat(primitives.other.messages).isEqualTo(records.other.messages);
        assertThat(primitives.officer.messages).isEqualTo(records.officer.messages);
        assertThat(records.owner.messages).as("its own, and the rejection it caused").hasSize(7);
        assertThat(records.other.messages).as("book delta and the anonymous print only").hasSize(2);
        assertThat(records.officer.messages).as("back office sees everything").hasSize(7);
    }

    @Test
    void aFollowerSendsNothingButKeepsLearningWhoOwnsWhichOrder() {
        Desk desk = new Desk();
        desk.router.leading(false);
        desk.router.onEvent(new Event.AccountOpened(7, 11, "EUR", null));
        desk.router.orderAccepted(500, 7, 1, 11, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 0, 5, 5, false, 1);
        assertThat(desk.owner.messages).isEmpty();

        desk.router.leading(true);
        desk.router.onEvent(new Event.OrderApproved(500, 13));

        assertThat(desk.owner.messages).as("the approval names only the order; its owner learnt as follower")
                .hasSize(1);
        assertThat(desk.other.messages).isEmpty();
    }

    /** Owner 11 of account 7, another trader 12 of account 8, risk officer 13; the owner's session commands. */
    private final class Desk {
        final EventRouter router = new EventRouter(new Entitlements(), new NodeMetrics(0), id -> true);
        final FakeSession owner = new FakeSession(1);
        final FakeSession other = new FakeSession(2);
        final FakeSession officer = new FakeSession(3);

        Desk() {
            router.open(owner, 11);
            router.open(other, 12);
            router.open(officer, 13);
            router.onEvent(new Event.UserRegistered(13, Role.mask(Role.RISK_OFFICER)));
            router.onEvent(new Event.AccountOpened(7, 11, "EUR", null));
            router.onEvent(new Event.AccountOpened(8, 12, "EUR", null));
            owner.messages.clear();
            other.messages.clear();
            officer.messages.clear();
        }
    }

    private static List<Event> trading() {
        return List.of(
                new Event.OrderAccepted(500, 7, 1, 11, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 0, 5, 5,
                        false, 1_000),
                new Event.BalanceChanged(7, "EUR", 0, 10_000, 500, 3),
                new Event.Trade(900, 1, 100, 2, Side.BUY, 400, 500, 9, 7, 0, 3, 1_000),
                new Event.BookDelta(1, Side.SELL, 100, 0, 0),
                new Event.OrderReplaced(500, 7, 100, 4, true),
                new Event.OrderCancelled(500, 7, 2, CancelReason.USER_REQUEST),
                new Event.OrderRejected(501, 99, ErrorCode.UNKNOWN_ACCOUNT));
    }

    private static void deliverAsPrimitive(Event event, EventRouter sink) {
        switch (event) {
            case Event.OrderAccepted e -> sink.orderAccepted(e.orderId(), e.accountId(), e.instrumentId(), e.userId(),
                    e.side(), e.type(), e.timeInForce(), e.price(), e.stopPrice(), e.quantity(), e.displayQuantity(),
                    e.postOnly(), e.timestamp());
            case Event.BalanceChanged e -> sink.balanceChanged(e.accountId(), e.asset(), e.delta(), e.balance(),
                    e.held(), e.journalId());
            case Event.Trade e -> sink.trade(e.tradeId(), e.instrumentId(), e.price(), e.quantity(), e.takerSide(),
                    e.makerOrderId(), e.takerOrderId(), e.makerAccountId(), e.takerAccountId(), e.makerLeaves(),
                    e.takerLeaves(), e.timestamp());
            case Event.BookDelta e -> sink.bookDelta(e.instrumentId(), e.side(), e.price(), e.levelQuantity(),
                    e.orderCount());
            case Event.OrderReplaced e -> sink.orderReplaced(e.orderId(), e.accountId(), e.price(), e.quantity(),
                    e.keptPriority());
            case Event.OrderCancelled e -> sink.orderCancelled(e.orderId(), e.accountId(), e.cancelledQuantity(),
                    e.reason());
            case Event.OrderRejected e -> sink.orderRejected(e.orderId(), e.accountId(), e.reason());
            default -> throw new IllegalArgumentException("not a hot event: " + event);
        }
    }

    private static Event bid(long price) {
        return new Event.BookDelta(1, Side.BUY, price, 10, 1);
    }

    /** A session whose egress takes every message, or is back-pressured, or refuses the next few offers. */
    private static final class FakeSession implements ClientSession {
        private final long id;
        boolean backPressured;
        int refuseNext;
        int received;
        final List<List<Byte>> messages = new ArrayList<>();

        FakeSession(long id) {
            this.id = id;
        }

        @Override
        public long offer(DirectBuffer buffer, int offset, int length) {
            if (backPressured) {
                return Publication.BACK_PRESSURED;
            }
            if (refuseNext > 0) {
                refuseNext--;
                return Publication.BACK_PRESSURED;
            }
            List<Byte> bytes = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                bytes.add(buffer.getByte(offset + i));
            }
            messages.add(bytes);
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
