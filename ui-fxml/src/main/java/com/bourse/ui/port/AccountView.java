package com.bourse.ui.port;

import com.bourse.protocol.RiskLimits;

import java.util.Objects;

/**
 * A trading account the signed-in trader may use.
 *
 * @param exposureLimitMinor the desk's gross exposure limit for the account, in minor units of
 *                           {@code baseCurrency}; the dashboard gauges exposure against it
 * @param limits             the account's hard pre-trade limits, which the ticket checks before sending
 */
public record AccountView(long accountId, String name, String baseCurrency, long exposureLimitMinor,
                          RiskLimits limits) {

    public AccountView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(limits, "limits");
    }

    @Override
    public String toString() {
        return accountId + "  " + name;
    }
}
