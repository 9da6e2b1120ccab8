package com.bourse.backoffice.store;

import java.time.Instant;

/** An account's balance of a currency or position in an instrument ({@code security}), and what is held of it. */
public record BalanceLine(long accountId, String asset, boolean security, long balance, long held,
                          Instant updatedAt) {

    public long available() {
        return balance - held;
    }
}
