package com.bourse.engine;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The working orders of every account, found by account and client order id. A client order id is unique within
 * its account only: orders of different accounts may share one, so each map entry heads a short chain (through
 * {@link Order#sameIdNext}) of the working orders carrying that id, one per account at most. Engine thread only.
 */
final class WorkingOrders {
    private final Long2ObjectHashMap<Order> byClientId;
    private int size;
    /** Whether the last {@link #find} by id alone matched orders of several accounts. */
    boolean ambiguous;

    WorkingOrders(int expected) {
        this.byClientId = new Long2ObjectHashMap<>(expected * 2, 0.65f);
    }

    void add(Order order) {
        order.sameIdNext = byClientId.put(order.orderId, order);
        size++;
    }

    void remove(Order order) {
        Order head = byClientId.get(order.orderId);
        if (head == order) {
            if (order.sameIdNext == null) {
                byClientId.remove(order.orderId);
            } else {
                byClientId.put(order.orderId, order.sameIdNext);
            }
        } else {
            Order previous = head;
            while (previous != null && previous.sameIdNext != order) {
                previous = previous.sameIdNext;
            }
            if (previous == null) {
                return;
            }
            previous.sameIdNext = order.sameIdNext;
        }
        order.sameIdNext = null;
        size--;
    }

    /**
     * The working order {@code orderId} of {@code accountId}, or null. An {@code accountId} of 0 (a sender that
     * names no account) finds the one working order with that id; when several accounts have one it finds none
     * and sets {@link #ambiguous}.
     */
    Order find(long accountId, long orderId) {
        ambiguous = false;
        Order head = byClientId.get(orderId);
        if (accountId == 0) {
            if (head != null && head.sameIdNext != null) {
                ambiguous = true;
                return null;
            }
            return head;
        }
        for (Order o = head; o != null; o = o.sameIdNext) {
            if (o.account.accountId == accountId) {
                return o;
            }
        }
        return null;
    }

    /**
     * The one held order {@code orderId} (held orders are what officers decide on); when none is held, any working
     * order with that id (so the decision is refused as not held), or null. Sets {@link #ambiguous}.
     */
    Order findHeld(long orderId) {
        ambiguous = false;
        Order found = null;
        for (Order o = byClientId.get(orderId); o != null; o = o.sameIdNext) {
            if (o.state == OrderState.HELD) {
                if (found != null) {
                    ambiguous = true;
                    return null;
                }
                found = o;
            }
        }
        return found != null ? found : byClientId.get(orderId);
    }

    int size() {
        return size;
    }
}
