package com.bourse.ui.port;

import com.bourse.protocol.Side;

import java.util.List;

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
