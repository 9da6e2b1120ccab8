package com.bourse.engine;

import com.bourse.protocol.Command;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.TimeInForce;
import org.agrona.collections.LongArrayList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Immediate orders (market, immediate-or-cancel, fill-or-kill) that the risk evaluator holds for an officer do not
 * wait indefinitely: an order meant to trade now that is still held {@link Command#HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS}
 * after it was held expires ({@code OrderExpired}), releasing what it held, so a flatten held for review never
 * freezes the position: the trader sees it expire and can send it again, smaller or after calling the officer.
 * Resting orders (limit DAY and GTC, stops) wait for the officer as before.
 *
 * <p>The engine reads no clock: an order expires when the first command stamped at or after its deadline is applied,
 * before that command (the simulated market and any trader's command advance time), so a replay of the journal
 * expires it at the same place. Nothing of it is in the snapshot: the held immediate orders are found again in the
 * restored state (their deadline is their entry time plus the limit: an immediate order is held only at entry).
 *
 * <p>Engine thread only; allocates nothing unless an order is held or expires.
 */
final class HeldOrderExpiry {
    private final EngineState state;
    private final Matcher matcher;
    /** Held immediate orders in the order they were held: account, client order id and deadline. */
    private final LongArrayList accounts = new LongArrayList();
    private final LongArrayList orderIds = new LongArrayList();
    private final LongArrayList deadlines = new LongArrayList();
    private long nextDeadline = Long.MAX_VALUE;

    HeldOrderExpiry(EngineState state, Matcher matcher) {
        this.state = state;
        this.matcher = matcher;
        List<Order> held = new ArrayList<>();
        for (Account account : state.accountList) {
            for (Order o = account.firstOrder; o != null; o = o.accountNext) {
                if (o.state == OrderState.HELD && isImmediate(o)) {
                    held.add(o);
                }
            }
        }
        held.sort(Comparator.comparingLong(o -> o.entrySeq));
        for (Order o : held) {
            track(o, o.enteredAt + Command.HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS);
        }
    }

    /** An order the engine will not keep waiting for an officer. */
    static boolean isImmediate(Order o) {
        return !o.type.isStop()
                && (o.type == OrderType.MARKET || o.timeInForce == TimeInForce.IOC || o.timeInForce == TimeInForce.FOK);
    }

    /** After a new order: starts its clock when the evaluator held it and it is an immediate one. */
    void afterPlace(Command.PlaceOrder c) {
        Order o = state.liveOrders.find(c.accountId(), c.orderId());
        if (o != null && o.state == OrderState.HELD && isImmediate(o)) {
            track(o, c.timestamp() + Command.HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS);
        }
    }

    /** Before a command stamped {@code now}: expires every held immediate order whose deadline has come. */
    void expireDue(long now) {
        if (now < nextDeadline) {
            return;
        }
        long next = Long.MAX_VALUE;
        int kept = 0;
        for (int k = 0; k < orderIds.size(); k++) {
            Order o = state.liveOrders.find(accounts.getLong(k), orderIds.getLong(k));
            long deadline = deadlines.getLong(k);
            if (o == null || o.state != OrderState.HELD) {
                continue; // decided by an officer, or cancelled by the trader: nothing to expire
            }
            if (deadline <= now) {
                matcher.expire(o);
                continue;
            }
            accounts.setLong(kept, accounts.getLong(k));
            orderIds.setLong(kept, orderIds.getLong(k));
            deadlines.setLong(kept, deadline);
            kept++;
            next = Math.min(next, deadline);
        }
        truncate(kept);
        nextDeadline = next;
    }

    private void track(Order o, long deadline) {
        accounts.addLong(o.account.accountId);
        orderIds.addLong(o.orderId);
        deadlines.addLong(deadline);
        nextDeadline = Math.min(nextDeadline, deadline);
    }

    private void truncate(int size) {
        while (orderIds.size() > size) {
            int last = orderIds.size() - 1;
            accounts.removeAt(last);
            orderIds.removeAt(last);
            deadlines.removeAt(last);
        }
    }
}
