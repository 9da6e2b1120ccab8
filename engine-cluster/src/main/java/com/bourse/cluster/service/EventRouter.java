package com.bourse.cluster.service;

import com.bourse.cluster.metrics.NodeMetrics;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.wire.EventCodec;
import io.aeron.cluster.service.ClientSession;
import java.util.function.LongPredicate;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's event sink inside the cluster: encodes each event once and sends it to every session entitled to
 * it (see {@link Entitlements}), counting what the commanding session was sent. Trades go whole to their parties
 * and back office and as an anonymous print (no orders, accounts or leaves) to everyone else. A rejection goes to
 * the commanding session even when it names an account the user cannot see, so nobody waits for an answer that
 * never comes. Service thread only.
 */
final class EventRouter implements EventSink {
    /**
     * Tries per message (spinning, never parking); a session still back-pressured after them is cut off rather
     * than slowing the cluster. Admin actions (term rotation) are retried like back-pressure.
     */
    private static final int MAX_OFFER_ATTEMPTS = 1_000;

    private final Entitlements entitlements;
    private final Long2ObjectHashMap<ClientSession> sessions = new Long2ObjectHashMap<>();
    private final Long2LongHashMap sessionUser = new Long2LongHashMap(Long.MIN_VALUE);
    private final EventCodec codec = new EventCodec();
    private final UnsafeBuffer full = new UnsafeBuffer(new byte[EventCodec.MAX_ENCODED_LENGTH]);
    private final UnsafeBuffer print = new UnsafeBuffer(new byte[EventCodec.MAX_ENCODED_LENGTH]);
    private final NodeMetrics metrics;
    private final LongPredicate closeSession;
    /** Sessions that lost a message: they get nothing more until the cluster has closed them. */
    private final LongHashSet cutOff = new LongHashSet();
    /** Cut-off sessions whose close the consensus module has taken (it may refuse under back-pressure). */
    private final LongHashSet closing = new LongHashSet();
    private ClientSession origin;
    private int sentToOrigin;

    /**
     * @param closeSession asks the cluster to close a session (through the log, so every node sees the close);
     *                     used when a session could not be sent a message; false when it could not ask now
     */
    EventRouter(Entitlements entitlements, NodeMetrics metrics, LongPredicate closeSession) {
        this.entitlements = entitlements;
        this.metrics = metrics;
        this.closeSession = closeSession;
    }

    void open(ClientSession session, long userId) {
        sessions.put(session.id(), session);
        sessionUser.put(session.id(), userId);
    }

    void close(long sessionId) {
        cutOff.remove(sessionId);
        closing.remove(sessionId);
        sessions.remove(sessionId);
        sessionUser.remove(sessionId);
    }

    int sessionCount() {
        return sessions.size();
    }

    long userOf(long sessionId) {
        return sessionUser.get(sessionId);
    }

    /** Events that follow come from a command of {@code session}. */
    void begin(ClientSession session) {
        origin = session;
        sentToOrigin = 0;
    }

    /** Ends the command; returns how many events its session was sent. */
    int end() {
        origin = null;
        return sentToOrigin;
    }

    @Override
    public void onEvent(Event event) {
        entitlements.learn(event);
        int length = codec.encode(event, full, 0);
        int printLength = -1;
        if (event instanceof Event.CommandRejected) {
            if (origin != null) {
                send(origin, full, length);
            }
        } else {
            boolean isPublic = Entitlements.isPublic(event);
            for (ClientSession session : sessions.values()) {
                long user = sessionUser.get(session.id());
                if (isPublic || entitlements.maySee(user, event)
                        || (session == origin && event instanceof Event.OrderRejected)) {
                    send(session, full, length);
                } else if (event instanceof Event.Trade t) {
                    if (printLength < 0) {
                        printLength = codec.encode(new Event.Trade(t.tradeId(), t.instrumentId(), t.price(),
                                t.quantity(), t.takerSide(), 0, 0, 0, 0, 0, 0, t.timestamp()), print, 0);
                    }
                    send(session, print, printLength);
                }
            }
        }
        entitlements.forget(event);
    }

    private void send(ClientSession session, UnsafeBuffer buffer, int length) {
        if (cutOff.contains(session.id())) {
            metrics.eventDropped();
            requestClose(session.id());
            return;
        }
        for (int attempt = 0; attempt < MAX_OFFER_ATTEMPTS; attempt++) {
            long result = session.offer(buffer, 0, length);
            if (result > 0) {
                if (session == origin) {
                    sentToOrigin++;
                }
                metrics.eventsSent(1);
                return;
            }
            if (result == io.aeron.Publication.NOT_CONNECTED || result == io.aeron.Publication.CLOSED
                    || result == io.aeron.Publication.MAX_POSITION_EXCEEDED) {
                break;
            }
            Thread.onSpinWait();
        }
        // A gap in a client's event stream must never go unnoticed (a missed fill is a wrong blotter), and the
        // cluster must not wait for one slow client: the session is closed, the client reconnects and resyncs
        // from a blotter snapshot, and commands it never saw acknowledged are resent and deduplicated.
        metrics.eventDropped();
        cutOff.add(session.id());
        requestClose(session.id());
    }

    private void requestClose(long sessionId) {
        if (!closing.contains(sessionId) && closeSession.test(sessionId)) {
            closing.add(sessionId);
        }
    }

    /** Sends a session message (ack, blotter chunk) with the same back-pressure policy as events. */
    void sendDirect(ClientSession session, UnsafeBuffer buffer, int length) {
        send(session, buffer, length);
    }
}
