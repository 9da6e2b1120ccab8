package com.bourse.ui.port;

import com.bourse.protocol.WorkingOrder;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** What a control would touch right now: working orders, and how many accounts they belong to. */
public record ControlImpact(int workingOrders, int accounts) {

    /**
     * What a mass cancel or kill switch over {@code accountIds} (empty: every account) and {@code instrumentId} (0:
     * every instrument) would touch among {@code orders}, the venue's working orders.
     */
    public static ControlImpact of(Iterable<WorkingOrder> orders, Collection<Long> accountIds, long instrumentId) {
        Set<Long> only = Set.copyOf(accountIds);
        int count = 0;
        Set<Long> touched = new HashSet<>();
        for (WorkingOrder order : orders) {
            if ((only.isEmpty() || only.contains(order.accountId()))
                    && (instrumentId == 0 || order.instrumentId() == instrumentId)) {
                count++;
                touched.add(order.accountId());
            }
        }
        return new ControlImpact(count, touched.size());
    }

    /** E.g. "cancels 14 working orders of 3 accounts". */
    public String cancels() {
        return "cancels " + workingOrders + " working order" + (workingOrders == 1 ? "" : "s") + " of " + accounts
                + " account" + (accounts == 1 ? "" : "s");
    }
}
