package com.bourse.engine;

import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

/**
 * A working order. Mutable and pooled so the matching path allocates nothing; it links itself into its
 * price level's queue and its account's list of working orders (intrusive lists keep cancel O(1)).
 * Engine thread only.
 */
final class Order {
    long orderId;
    long userId;
    Account account;
    InstrumentState instrument;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    long price;
    long stopPrice;
    /** Open quantity not yet filled or cancelled. */
    long leaves;
    /** Quantity filled so far: the order's total (FIX OrderQty) is {@code filled + leaves}. */
    long filled;
    /** Visible part of the open quantity; equals leaves unless iceberg. */
    long visible;
    /** Iceberg slice size; 0 for a fully visible order. */
    long displayQuantity;
    boolean postOnly;
    /** Reached the market at least once; a later rejection of an amendment cancels rather than refuses it. */
    boolean wentLive;
    OrderState state;
    /** Order of entry, never changes: mass cancels and expiry walk orders in this order. */
    long entrySeq;
    /** Time priority: renewed when the order loses its place (re-price, size up, iceberg refill). */
    long prioritySeq;
    /** Price the buy hold was computed at (limit price, or the band's top for market and stop orders). */
    long holdPrice;
    /** Cash (buy) or position (sell) still held for this order. */
    long held;
    /** Business time of entry, and whether it entered near the touch: a quick cancel of it may be layering. */
    long enteredAt;
    boolean enteredNearTouch;
    /** Why a held order waits and the surveillance rules that fired (an approval overrides them); null and 0 else. */
    com.bourse.protocol.ErrorCode heldReason;
    int heldRules;

    PriceLevel level;
    Order levelPrev;
    Order levelNext;
    Order accountPrev;
    Order accountNext;
    /** Next in the instrument's waiting-stops list or its queue of elected stops, or the pool's free list. */
    Order nextStop;
    /** Next working order with the same client order id (of another account): {@link WorkingOrders}. */
    Order sameIdNext;
    /** A stop that has been elected: it trades as a market or limit order and never waits for a trigger again. */
    boolean elected;
    /** The trade price that elected this stop: the lowest (sell) or highest (buy) of the trades that reached it. */
    long electedAt;
    /** The other order of its one-cancels-other group (same account, instrument and side), or null. */
    Order ocoPeer;
    /**
     * A bracket's entry order: the target and stop it enters once it stops working, for what it filled (ids 0: it
     * is no bracket's entry). Prices in the instrument's units; the legs' side is this order's opposite.
     */
    long bracketTargetId;
    long bracketTargetPrice;
    long bracketStopId;
    long bracketStopPrice;
    /** A bracket's target or stop: the id of the entry that entered it (0 for any other order). */
    long bracketEntryId;

    boolean isBuy() {
        return side == Side.BUY;
    }

    void clear() {
        account = null;
        instrument = null;
        level = null;
        levelPrev = levelNext = accountPrev = accountNext = nextStop = sameIdNext = ocoPeer = null;
        bracketTargetId = bracketTargetPrice = bracketStopId = bracketStopPrice = bracketEntryId = 0;
        side = null;
        type = null;
        timeInForce = null;
        state = null;
        orderId = userId = price = stopPrice = leaves = filled = visible = displayQuantity = electedAt = 0;
        entrySeq = prioritySeq = holdPrice = held = enteredAt = 0;
        postOnly = false;
        enteredNearTouch = false;
        wentLive = false;
        elected = false;
        heldReason = null;
        heldRules = 0;
    }
}
