package com.bourse.protocol;

/**
 * A working order as a blotter shows it.
 *
 * @param status RESTING on the book, STOP_WAITING for its trigger, or HELD for a risk officer
 * @param ocoPeerId the other order of its one-cancels-other group, 0 when it has none
 * @param bracket the bracket the order belongs to (as its entry, target or stop), {@link Bracket#NONE} for none
 */
public record WorkingOrder(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                           TimeInForce timeInForce, long price, long stopPrice, long leaves, long visible,
                           long displayQuantity, boolean postOnly, String status, long ocoPeerId, Bracket bracket) {

    public WorkingOrder {
        if (bracket == null) {
            throw new IllegalArgumentException("a working order's bracket is Bracket.NONE when it has none");
        }
    }

    /** A working order of no bracket. */
    public WorkingOrder(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                        TimeInForce timeInForce, long price, long stopPrice, long leaves, long visible,
                        long displayQuantity, boolean postOnly, String status, long ocoPeerId) {
        this(orderId, accountId, instrumentId, userId, side, type, timeInForce, price, stopPrice, leaves, visible,
                displayQuantity, postOnly, status, ocoPeerId, Bracket.NONE);
    }

    /** A working order of no OCO group (as a blotter answer of a cluster older than schema version 9 reads). */
    public WorkingOrder(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                        TimeInForce timeInForce, long price, long stopPrice, long leaves, long visible,
                        long displayQuantity, boolean postOnly, String status) {
        this(orderId, accountId, instrumentId, userId, side, type, timeInForce, price, stopPrice, leaves, visible,
                displayQuantity, postOnly, status, 0);
    }

    /**
     * A bracket as each of its orders carries it: a limit entry that, once it fills, enters a take-profit target and
     * a protective stop as an OCO pair (prices in the instrument's units). An entry still working carries the legs it
     * will enter; each working leg the entry it came from, so any window names the legs after their entry.
     */
    public record Bracket(long entryId, long targetId, long targetPrice, long stopId, long stopPrice) {
        /** No bracket. */
        public static final Bracket NONE = new Bracket(0, 0, 0, 0, 0);

        public boolean isNone() {
            return entryId == 0;
        }
    }
}
