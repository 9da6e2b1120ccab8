package com.bourse.protocol;

/** How an order prices itself. STOP and STOP_LIMIT wait off-book until the last trade reaches the stop price. */
public enum OrderType {
    LIMIT,
    MARKET,
    STOP,
    STOP_LIMIT;

    /** True when the order carries a limit price once it is live on the book. */
    public boolean hasLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    public boolean isStop() {
        return this == STOP || this == STOP_LIMIT;
    }
}
