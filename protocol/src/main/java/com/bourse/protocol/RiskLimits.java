package com.bourse.protocol;

/**
 * Hard pre-trade limits of one account, set by a risk officer.
 *
 * @param maxOrderQuantity    largest quantity of a single order
 * @param maxOrderNotional    largest value of a single order, in minor units of the instrument's currency
 * @param maxPosition         largest absolute position per instrument, counting working buy orders
 * @param maxOrdersPerWindow  throttle: more orders than this in one window are rejected
 * @param throttleWindowMillis length of a throttle window; windows are aligned to multiples of it
 */
public record RiskLimits(long maxOrderQuantity, long maxOrderNotional, long maxPosition, int maxOrdersPerWindow,
                         long throttleWindowMillis) {

    /** The desk's defaults: generous size limits and the original rule of 10 orders a minute. */
    public static RiskLimits defaults() {
        return new RiskLimits(1_000_000, 10_000_000_000L, 10_000_000, 10, 60_000);
    }

    public boolean isValid() {
        return maxOrderQuantity > 0 && maxOrderNotional > 0 && maxPosition > 0 && maxOrdersPerWindow > 0
                && throttleWindowMillis > 0;
    }
}
