package com.bourse.engine;

import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.SelfTradePrevention;

/**
 * An account: balances and holds per ledger asset (currencies and instrument positions), limits, kill
 * switch, throttle window and the history the risk score and its surveillance rules read. Engine thread only.
 */
final class Account {
    final long accountId;
    final long ownerUserId;
    final String baseCurrency;
    final SelfTradePrevention selfTradePrevention;
    /** The contra account of deposits and withdrawals: it may go negative, customer accounts never do. */
    final boolean external;
    RiskLimits limits;
    boolean killSwitch;
    long[] balance;
    long[] held;
    /** Open quantity of working buy orders per instrument asset, for the position limit. */
    long[] pendingBuy;
    long lastOrderId;

    long orderWindowStart = Long.MIN_VALUE;
    int ordersInWindow;
    long transferWindowStart = Long.MIN_VALUE;
    int transfersInWindow;
    long orderCount;
    long orderQuantitySum;
    long transferCount;
    long transferAmountSum;
    /** Sum of accepted orders' notional (each capped), halved with {@link #orderCount}: their running average. */
    long orderNotionalSum;
    /** Per ledger asset: has the account ever entered an order in this instrument? */
    boolean[] hasOrdered;
    /** Times of the latest movements (orders, transfers) just under the large-amount line, for structuring. */
    final RecentTimes movementsUnderLine;
    /** Times of the latest quick cancels of near-touch buy orders, then sell orders, for layering. */
    final RecentTimes quickBuyCancels;
    final RecentTimes quickSellCancels;
    /** Another account has the same (non-system) owner: orders are checked for wash trades. */
    boolean ownerHasOtherAccounts;

    /** Working orders (resting, waiting stops, held) in entry order. */
    Order firstOrder;
    Order lastOrder;

    Account(long accountId, long ownerUserId, String baseCurrency, SelfTradePrevention stp, RiskLimits limits,
            int assets, boolean external, SurveillanceConfig surveillance) {
        this.accountId = accountId;
        this.ownerUserId = ownerUserId;
        this.baseCurrency = baseCurrency;
        this.selfTradePrevention = stp;
        this.limits = limits;
        this.balance = new long[assets];
        this.held = new long[assets];
        this.pendingBuy = new long[assets];
        this.hasOrdered = new boolean[assets];
        this.external = external;
        this.movementsUnderLine = new RecentTimes(surveillance.structuringCount() - 1);
        this.quickBuyCancels = new RecentTimes(surveillance.layeringCancels());
        this.quickSellCancels = new RecentTimes(surveillance.layeringCancels());
    }

    RecentTimes quickCancels(boolean buySide) {
        return buySide ? quickBuyCancels : quickSellCancels;
    }

    long available(int asset) {
        return balance[asset] - held[asset];
    }

    void growAssets(int assets) {
        if (balance.length < assets) {
            balance = java.util.Arrays.copyOf(balance, assets);
            held = java.util.Arrays.copyOf(held, assets);
            pendingBuy = java.util.Arrays.copyOf(pendingBuy, assets);
            hasOrdered = java.util.Arrays.copyOf(hasOrdered, assets);
        }
    }

    void link(Order order) {
        order.accountNext = null;
        order.accountPrev = lastOrder;
        if (lastOrder == null) {
            firstOrder = order;
        } else {
            lastOrder.accountNext = order;
        }
        lastOrder = order;
    }

    void unlink(Order order) {
        if (order.accountPrev == null) {
            firstOrder = order.accountNext;
        } else {
            order.accountPrev.accountNext = order.accountNext;
        }
        if (order.accountNext == null) {
            lastOrder = order.accountPrev;
        } else {
            order.accountNext.accountPrev = order.accountPrev;
        }
        order.accountPrev = order.accountNext = null;
    }

    /** Orders already counted in the throttle window holding {@code timestamp}. */
    int ordersInWindowAt(long timestamp) {
        return Math.floorDiv(timestamp, limits.throttleWindowMillis()) == orderWindowStart ? ordersInWindow : 0;
    }

    /** Whether one more order fits in the throttle window; changes nothing, so a refused order leaves no trace. */
    boolean admitOrder(long timestamp) {
        return ordersInWindowAt(timestamp) < limits.maxOrdersPerWindow();
    }

    /** Counts an accepted order into the throttle window holding {@code timestamp}. */
    void countOrder(long timestamp) {
        long window = Math.floorDiv(timestamp, limits.throttleWindowMillis());
        if (window != orderWindowStart) {
            orderWindowStart = window;
            ordersInWindow = 0;
        }
        ordersInWindow++;
    }

    /** Moves the transfer-frequency window to the one holding {@code timestamp}. */
    void rollTransferWindow(long timestamp) {
        long window = Math.floorDiv(timestamp, limits.throttleWindowMillis());
        if (window != transferWindowStart) {
            transferWindowStart = window;
            transfersInWindow = 0;
        }
    }
}
