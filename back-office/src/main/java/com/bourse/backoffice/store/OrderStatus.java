package com.bourse.backoffice.store;

/** Where an order stands in the blotter. The last four are final. */
public enum OrderStatus {
    /** Waiting for a risk officer. */
    HELD,
    /** A stop order waiting for its trigger price. */
    WAITING_TRIGGER,
    WORKING,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    EXPIRED,
    REJECTED;

    public boolean isFinal() {
        return this == FILLED || this == CANCELLED || this == EXPIRED || this == REJECTED;
    }
}
