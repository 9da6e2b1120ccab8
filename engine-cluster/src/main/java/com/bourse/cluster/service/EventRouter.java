package com.bourse.cluster.service;

import com.bourse.cluster.metrics.NodeMetrics;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.wire.EventCodec;
import io.aeron.Publication;
import io.aeron.cluster.service.ClientSession;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's event sink inside the cluster: encodes each event once and sends it to every session entitled to
 * it (see {@link Entitlements}), counting what the commanding session was sent. Trades go whole to their parties
 * and back office and as an anonymous print (no orders, accounts or leaves) to everyone else. A rejection goes to
 * the commanding session even when it names an account the user cannot see, so nobody waits for an answer that
 * never comes.
 *
 * <p>The engine's hot events (accepted, rejected, trade, cancelled, replaced, book delta, balance change) arrive
 * through the primitive {@link EventSink} methods and are encoded straight into the send buffer, with no record;
 * the rest arrive as records through {@link #onEvent}. Both paths send the same bytes to the same sessions.
 *
 * <p>On a follower nothing is encoded or sent (Aeron makes a follower's sends no-ops anyway): the router only keeps
 * the entitlement tables, which are replicated state. Service thread only.
 */
final class EventRouter implements EventSink {
    /**
     * How long one message may wait for a back-pressured session (spinning, never parking); a session still
     * back-pressured after it is cut off rather than slowing the cluster. Bounded by time, not by a number of
     * tries, so the stall is the same whatever an offer costs on this machine. Admin actions (term rotation) are
     * retried like back-pressure.
     */
    private static final long MAX_OFFER_WAIT_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long NO_ACCOUNT = Long.MIN_VALUE + 1;

    private final Entitlements entitlements;
    private final EventCodec codec = new EventCodec();
    private final UnsafeBuffer full = new UnsafeBuffer(new byte[EventCodec.MAX_ENCODED_LENGTH]);
    private final UnsafeBuffer print = new UnsafeBuffer(new byte[EventCodec.MAX_ENCODED_LENGTH]);
    private final TradePrint pendingPrint = new TradePrint();
    private final NodeMetrics metrics;
    private final LongPredicate closeSession;
    /** Open sessions and their users, side by side: iterated for every event, so plain arrays. */
    private ClientSession[] sessions = new ClientSession[8];
    private long[] users = new long[8];
    private int sessionCount;
    /** Sessions that lost a message: they get nothing more until the cluster has closed them. */
    private final LongHashSet cutOff = new LongHashSet();
    /** Cut-off sessions whose close the consensus module has taken (it may refuse under back-pressure). */
    private final LongHashSet closing = new LongHashSet();
    private boolean leading = true;
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

    /** Whether this node leads; only the leader's sends reach anyone, so a follower skips encoding and routing. */
    void leading(boolean leading) {
        this.leading = leading;
    }

    void open(ClientSession session, long userId) {
        int at = indexOf(session.id());
        if (at < 0) {
            if (sessionCount == sessions.length) {
                sessions = Arrays.copyOf(sessions, sessionCount * 2);
                users = Arrays.copyOf(users, sessionCount * 2);
            }
            at = sessionCount++;
        }
        sessions[at] = session;
        users[at] = userId;
    }

    void close(long sessionId) {
        cutOff.remove(sessionId);
        closing.remove(sessionId);
        int at = indexOf(sessionId);
        if (at >= 0) {
            int last = --sessionCount;
            System.arraycopy(sessions, at + 1, sessions, at, last - at);
            System.arraycopy(users, at + 1, users, at, last - at);
            sessions[last] = null;
        }
    }

    int sessionCount() {
        return sessionCount;
    }

    /** Ids of the open sessions of {@code userId} (a disabled user's are closed at once). */
    long[] sessionsOf(long userId) {
        long[] ids = new long[sessionCount];
        int n = 0;
        for (int i = 0; i < sessionCount; i++) {
            if (users[i] == userId) {
                ids[n++] = sessions[i].id();
            }
        }
        return Arrays.copyOf(ids, n);
    }

    long userOf(long sessionId) {
        int at = indexOf(sessionId);
        return at < 0 ? Long.MIN_VALUE : users[at];
    }

    private int indexOf(long sessionId) {
        for (int i = 0; i < sessionCount; i++) {
            if (sessions[i].id() == sessionId) {
                return i;
            }
        }
        return -1;
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

    private boolean serving() {
        return leading && sessionCount > 0;
    }

    // ---- The engine's hot events: primitives in, bytes out ---------------------------------------

    @Override
    public void orderAccepted(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                              TimeInForce tif, long price, long stopPrice, long quantity, long displayQuantity,
                              boolean postOnly, long timestamp) {
        entitlements.orderAccepted(orderId, accountId);
        if (serving()) {
            int length = codec.encodeOrderAccepted(full, 0, orderId, accountId, instrumentId, userId, side, type, tif,
                    price, stopPrice, quantity, displayQuantity, postOnly, timestamp);
            toAccounts(accountId, NO_ACCOUNT, false, length, null);
        }
    }

    @Override
    public void orderRejected(long orderId, long accountId, ErrorCode reason) {
        if (serving()) {
            int length = codec.encodeOrderRejected(full, 0, orderId, accountId, reason);
            toAccounts(accountId, NO_ACCOUNT, true, length, null);
        }
        entitlements.orderEnded(orderId);
    }

    @Override
    public void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                      long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves, long takerLeaves,
                      long timestamp) {
        if (serving()) {
            int length = codec.encodeTrade(full, 0, tradeId, instrumentId, price, quantity, takerSide, makerOrderId,
                    takerOrderId, makerAccountId, takerAccountId, makerLeaves, takerLeaves, timestamp);
            pendingPrint.set(tradeId, instrumentId, price, quantity, takerSide, timestamp);
            toAccounts(makerAccountId, takerAccountId, false, length, pendingPrint);
        }
        entitlements.traded(makerOrderId, makerLeaves, takerOrderId, takerLeaves);
    }

    @Override
    public void orderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) {
        if (serving()) {
            int length = codec.encodeOrderCancelled(full, 0, orderId, accountId, cancelledQuantity, reason);
            toAccounts(accountId, NO_ACCOUNT, false, length, null);
        }
        entitlements.orderEnded(orderId);
    }

    @Override
    public void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority) {
        if (serving()) {
            int length = codec.encodeOrderReplaced(full, 0, orderId, accountId, price, quantity, keptPriority);
            toAccounts(accountId, NO_ACCOUNT, false, length, null);
        }
    }

    @Override
    public void bookDelta(long instrumentId, Side side, long price, long levelQuantity, int orderCount) {
        if (serving()) {
            toEveryone(codec.encodeBookDelta(full, 0, instrumentId, side, price, levelQuantity, orderCount));
        }
    }

    @Override
    public void balanceChanged(long accountId, String asset, long delta, long balance, long held, long journalId) {
        if (serving()) {
            int length = codec.encodeBalanceChanged(full, 0, accountId, asset, delta, balance, held, journalId);
            toAccounts(accountId, NO_ACCOUNT, false, length, null);
        }
    }

    // ---- Everything else, as records ------------------------------------------------------------

    @Override
    public void onEvent(Event event) {
        entitlements.learn(event);
        if (serving()) {
            int length = codec.encode(event, full, 0);
            switch (event) {
                case Event.CommandRejected ignored -> {
                    if (origin != null) {
                        send(origin, full, length);
                    }
                }
                case Event.Trade t -> {
                    pendingPrint.set(t.tradeId(), t.instrumentId(), t.price(), t.quantity(), t.takerSide(),
                            t.timestamp());
                    toAccounts(t.makerAccountId(), t.takerAccountId(), false, length, pendingPrint);
                }
                default -> {
                    if (Entitlements.isPublic(event)) {
                        toEveryone(length);
                    } else {
                        boolean toOrigin = event instanceof Event.OrderRejected;
                        for (int i = 0; i < sessionCount; i++) {
                            ClientSession session = sessions[i];
                            if (entitlements.maySee(users[i], event) || (toOrigin && session == origin)) {
                                send(session, full, length);
                            }
                        }
                    }
                }
            }
        }
        entitlements.forget(event);
    }

    // ---- Routing ---------------------------------------------------------------------------------

    private void toEveryone(int length) {
        for (int i = 0; i < sessionCount; i++) {
            send(sessions[i], full, length);
        }
    }

    /**
     * The encoded event to the owners of {@code accountA} and {@code accountB} and to back office, plus the
     * commanding session when {@code toOrigin}; the anonymous print of {@code trade}, when given, to everyone else.
     */
    private void toAccounts(long accountA, long accountB, boolean toOrigin, int length, TradePrint trade) {
        long ownerA = entitlements.ownerOf(accountA);
        long ownerB = accountB == NO_ACCOUNT ? Entitlements.UNKNOWN : entitlements.ownerOf(accountB);
        int printLength = -1;
        for (int i = 0; i < sessionCount; i++) {
            ClientSession session = sessions[i];
            long user = users[i];
            boolean owner = user != Entitlements.UNKNOWN && (user == ownerA || user == ownerB);
            if (owner || entitlements.isBackOffice(user) || (toOrigin && session == origin)) {
                send(session, full, length);
            } else if (trade != null) {
                if (printLength < 0) {
                    printLength = trade.encode(codec, print);
                }
                send(session, print, printLength);
            }
        }
    }

    /** What everyone who is not a party sees of a trade: no orders, accounts or leaves. Reused, never shared. */
    private static final class TradePrint {
        private long tradeId;
        private long instrumentId;
        private long price;
        private long quantity;
        private Side takerSide;
        private long timestamp;

        void set(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long timestamp) {
            this.tradeId = tradeId;
            this.instrumentId = instrumentId;
            this.price = price;
            this.quantity = quantity;
            this.takerSide = takerSide;
            this.timestamp = timestamp;
        }

        int encode(EventCodec codec, UnsafeBuffer buffer) {
            return codec.encodeTrade(buffer, 0, tradeId, instrumentId, price, quantity, takerSide, 0, 0, 0, 0, 0, 0,
                    timestamp);
        }
    }

    private void send(ClientSession session, UnsafeBuffer buffer, int length) {
        if (cutOff.contains(session.id())) {
            metrics.eventDropped();
            requestClose(session.id());
            return;
        }
        long result = session.offer(buffer, 0, length);
        if (result <= 0 && retryable(result)) {
            long deadline = System.nanoTime() + MAX_OFFER_WAIT_NS;
            do {
                Thread.onSpinWait();
                result = session.offer(buffer, 0, length);
            } while (result <= 0 && retryable(result) && System.nanoTime() - deadline < 0);
        }
        if (result > 0) {
            if (session == origin) {
                sentToOrigin++;
            }
            metrics.eventsSent(1);
            return;
        }
        // A gap in a client's event stream must never go unnoticed (a missed fill is a wrong blotter), and the
        // cluster must not wait for one slow client: the session is closed, the client reconnects and resyncs
        // from a blotter snapshot, and commands it never saw acknowledged are resent and deduplicated.
        metrics.eventDropped();
        cutOff.add(session.id());
        requestClose(session.id());
    }

    private static boolean retryable(long result) {
        return result != Publication.NOT_CONNECTED && result != Publication.CLOSED
                && result != Publication.MAX_POSITION_EXCEEDED;
    }

    private void requestClose(long sessionId) {
        if (!closing.contains(sessionId) && closeSession.test(sessionId)) {
            closing.add(sessionId);
        }
    }

    /** Sends a session message (ack, blotter chunk) with the same back-pressure policy as events. */
    void sendDirect(ClientSession session, UnsafeBuffer buffer, int length) {
        if (leading) {
            send(session, buffer, length);
        }
    }
}
