package com.bourse.cluster.client;

import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.wire.SessionMessage.AccountBalance;
import com.bourse.protocol.wire.SessionMessage.LastOrderId;

import java.util.List;
import java.util.OptionalLong;

/**
 * The working orders and balances a user may see, as of a cluster log position: what a reconnect resyncs from.
 * {@code lastOrderIds} names each of those accounts once with the highest order id it has used (empty from a
 * cluster older than schema version 4).
 */
public record Blotter(long logPosition, List<WorkingOrder> orders, List<AccountBalance> balances,
                      List<LastOrderId> lastOrderIds) {
    public Blotter {
        orders = List.copyOf(orders);
        balances = List.copyOf(balances);
        lastOrderIds = List.copyOf(lastOrderIds);
    }

    /** The highest order id {@code accountId} has used (0 if none); empty when the cluster did not say. */
    public OptionalLong lastOrderId(long accountId) {
        for (LastOrderId last : lastOrderIds) {
            if (last.accountId() == accountId) {
                return OptionalLong.of(last.orderId());
            }
        }
        return OptionalLong.empty();
    }
}
