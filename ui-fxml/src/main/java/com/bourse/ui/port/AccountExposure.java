package com.bourse.ui.port;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * An account's use of its limits now, and its latest orders.
 *
 * @param positions       per instrument: the position held and what working buy and sell orders could add
 * @param workingOrders   working orders (held ones included)
 * @param largestOrder    the largest open quantity of a working order
 * @param ordersInWindow  orders entered in the current throttle window
 * @param recentOrders    newest first
 */
public record AccountExposure(long accountId, List<InstrumentExposure> positions, int workingOrders,
                              long largestOrder, int ordersInWindow, List<RecentOrder> recentOrders) {

    public AccountExposure {
        positions = List.copyOf(positions);
        recentOrders = List.copyOf(recentOrders);
    }

    /**
     * The account's positions and working orders as the venue holds them, without the store's figures (orders in
     * the window, latest orders): one row per instrument, in {@code instruments}' order, where it holds a position
     * or works an order. {@code orders} may hold other accounts' orders; they are skipped.
     */
    public static AccountExposure fromBook(long accountId, List<Instrument> instruments,
                                           ToLongFunction<String> positionOf, Iterable<WorkingOrder> orders) {
        Map<Long, long[]> working = new HashMap<>();
        int count = 0;
        long largest = 0;
        for (WorkingOrder order : orders) {
            if (order.accountId() != accountId) {
                continue;
            }
            long[] sides = working.computeIfAbsent(order.instrumentId(), id -> new long[2]);
            sides[order.side() == Side.BUY ? 0 : 1] += order.leaves();
            count++;
            largest = Math.max(largest, order.leaves());
        }
        List<InstrumentExposure> rows = new ArrayList<>();
        for (Instrument i : instruments) {
            long position = positionOf.applyAsLong(i.symbol());
            long[] sides = working.getOrDefault(i.id(), new long[2]);
            if (position != 0 || sides[0] != 0 || sides[1] != 0) {
                rows.add(new InstrumentExposure(i.id(), position, sides[0], sides[1]));
            }
        }
        return new AccountExposure(accountId, rows, count, largest, 0, List.of());
    }

    /** The largest absolute position the account could reach in any instrument (held plus working buys). */
    public long worstPosition() {
        long worst = 0;
        for (InstrumentExposure p : positions) {
            worst = Math.max(worst, Math.max(Math.abs(p.position() + p.workingBuy()),
                    Math.abs(p.position() - p.workingSell())));
        }
        return worst;
    }

    public record InstrumentExposure(long instrumentId, long position, long workingBuy, long workingSell) {
    }

    /** One order the account entered, as the blotter has it; {@code status} e.g. FILLED, REJECTED. */
    public record RecentOrder(long orderId, long instrumentId, Side side, long quantity, long price, String status,
                              String reason, long enteredAt) {
    }
}
