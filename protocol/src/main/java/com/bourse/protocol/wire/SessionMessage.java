package com.bourse.protocol.wire;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.WorkingOrder;

import java.util.List;

/** Messages between a cluster client and the engine's host that are not engine commands or events. */
public sealed interface SessionMessage {

    /** What the engine did with one command: sent to the commanding session after the command's events. */
    record CommandAck(long clientId, long correlationId, AckStatus status, long logPosition, int eventCount)
            implements SessionMessage {
    }

    /** A (re)connecting client asks for the working orders and balances its user may see. */
    record BlotterRequest(long requestId) implements SessionMessage {
    }

    /**
     * One chunk of the answer to a {@link BlotterRequest}; the chunk with {@code last} ends it. {@code lastOrderIds}
     * names each account of the answer once (empty from a cluster older than schema version 4).
     */
    record BlotterChunk(long requestId, long logPosition, boolean last, List<WorkingOrder> orders,
                        List<AccountBalance> balances, List<LastOrderId> lastOrderIds) implements SessionMessage {
        public BlotterChunk {
            orders = List.copyOf(orders);
            balances = List.copyOf(balances);
            lastOrderIds = List.copyOf(lastOrderIds);
        }
    }

    /**
     * A joining or reconnecting client asks for the books (up to {@code depthLevels} per side and instrument) and
     * its blotter as of one log position: {@link DepthChunk}s answer first, then {@link BlotterChunk}s with the
     * same request id and position, the last of which ends the answer. Nothing else is sent between them.
     */
    record MarketRequest(long requestId, int depthLevels, boolean riskState, boolean dayFills)
            implements SessionMessage {

        /** Books and blotter only (what a client older than schema version 8 asks). */
        public MarketRequest(long requestId, int depthLevels) {
            this(requestId, depthLevels, false, false);
        }
    }

    /**
     * One chunk of what a window cannot have heard before it opened, in the answer to a {@link MarketRequest} that
     * asked for it (schema version 8): between the {@link DepthChunk}s and the {@link BlotterChunk}s, same request
     * id and log position. Held items are the user's own, or every account's for a risk officer or administrator;
     * kill switches likewise; {@code steps} are today's fills and other security movements of the user's own
     * accounts, each account's in the engine's order.
     */
    record DeskChunk(long requestId, long logPosition, List<HeldOrder> heldOrders, List<HeldTransfer> heldTransfers,
                     List<Long> killSwitches, List<Long> haltedInstruments, List<DayStep> steps)
            implements SessionMessage {
        public DeskChunk {
            heldOrders = List.copyOf(heldOrders);
            heldTransfers = List.copyOf(heldTransfers);
            killSwitches = List.copyOf(killSwitches);
            haltedInstruments = List.copyOf(haltedInstruments);
            steps = List.copyOf(steps);
        }
    }

    /**
     * Why an item waits for a risk officer, as the engine scored it when it held it: the score and its three parts
     * in basis points of 1, the reason, the surveillance rules that fired (bit {@code SurveillanceRule.ordinal()})
     * and the business time it was held (epoch ms).
     */
    record Review(int scoreBps, int amountBps, int frequencyBps, int patternBps, ErrorCode reason, int ruleMask,
                  long heldAt) {
    }

    /** An order waiting for a risk officer; {@code quantity} is its open quantity. */
    record HeldOrder(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                     TimeInForce timeInForce, long price, long stopPrice, long quantity, Review review) {
    }

    /** A transfer waiting for a risk officer; {@code accountId} is the account the review is about. */
    record HeldTransfer(long transferId, TransferKind kind, long accountId, long fromAccountId, long toAccountId,
                        String asset, long amount, long fee, Review review) {
    }

    /**
     * One change today of a position: a fill ({@code side} given: what the account did, the order's open quantity
     * after it in {@code leaves}) or a movement other than a trade ({@code side} null: {@code quantity} entered, or
     * left when negative, carried at {@code price}; a position held when the day began comes first as one).
     */
    record DayStep(long accountId, long instrumentId, long time, long tradeId, long orderId, Side side, long price,
                   long quantity, boolean maker, long leaves) {

        public boolean isFill() {
            return side != null;
        }
    }

    /** One chunk of the depth part of the answer to a {@link MarketRequest}. */
    record DepthChunk(long requestId, long logPosition, List<DepthLevel> levels, List<LastTrade> lastTrades)
            implements SessionMessage {
        public DepthChunk {
            levels = List.copyOf(levels);
            lastTrades = List.copyOf(lastTrades);
        }
    }

    /** A visible price level of one side of one instrument's book. */
    record DepthLevel(long instrumentId, Side side, long price, long quantity, int orderCount) {
    }

    /** An instrument's last trade price (0 before any trade). */
    record LastTrade(long instrumentId, long price) {
    }

    /**
     * The highest client order id an account has used (0 if none). The engine accepts only ids above it, so a
     * client that starts afresh numbers its orders from here.
     */
    record LastOrderId(long accountId, long orderId) {
    }

    /** An account's balance and funds held of one asset (a currency code or an instrument symbol). */
    record AccountBalance(long accountId, String asset, long balance, long held) {
    }

    /** Outcome of one command at the engine's host. */
    enum AckStatus {
        /** Applied now; the events the session may see were sent before the ack. */
        APPLIED,
        /** A resend of a correlation id applied earlier: not applied again. */
        ALREADY_APPLIED,
        /** Could not be decoded; nothing changed. */
        MALFORMED,
        /** The acting user is not the session's authenticated user; nothing changed. */
        WRONG_USER,
        /** An earlier correlation id of this client never arrived; nothing changed. */
        OUT_OF_SEQUENCE;

        /** True when the command is in the engine's log and took effect (now or before). */
        public boolean applied() {
            return this == APPLIED || this == ALREADY_APPLIED;
        }
    }
}
