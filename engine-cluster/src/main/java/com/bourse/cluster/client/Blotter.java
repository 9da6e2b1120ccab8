package com.bourse.cluster.client;

import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.wire.SessionMessage.AccountBalance;

import java.util.List;

/** The working orders and balances a user may see, as of a cluster log position: what a reconnect resyncs from. */
public record Blotter(long logPosition, List<WorkingOrder> orders, List<AccountBalance> balances) {
    public Blotter {
        orders = List.copyOf(orders);
        balances = List.copyOf(balances);
    }
}
