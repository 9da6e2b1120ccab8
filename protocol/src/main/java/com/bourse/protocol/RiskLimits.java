package com.bourse.protocol;

/**
 * Hard pre-trade limits of one account, set by a risk officer.
 *
 * @param maxOrderQuantity    largest quantity of a single order
 * @param maxOrderNotional    largest value of a single order, in minor units of the instrument's currency
 * @param maxPosition         largest absolute position per instrument, counting working buy orders
 * @param maxOrdersPerWindow  throttle: more orders than this in one window are rejected
 * @param throttleWindowMillis length of a throttle window; windows are aligned to multiples of it
 * @param priceBandBps        the account's own price band: half-width in basis points of each instrument's
 *                            reference price, inside the instrument's band; 0 leaves the instrument's band alone
 * @param reviewThresholdBps  the risk score (bps) at or above which the account's orders and transfers wait for an
 *                            officer; 0 uses the installation's threshold
 */
public record RiskLimits(long maxOrderQuantity, long maxOrderNotional, long maxPosition, int maxOrdersPerWindow,
                         long throttleWindowMillis, int priceBandBps, int reviewThresholdBps) {
    /** A score is at most 1.0 (10,000 bps): a higher threshold would never hold anything. */
    public static final int MAX_THRESHOLD_BPS = 10_000;
    /** A band of 100% or more would let prices reach zero: the instrument's own band rule. */
    public static final int MAX_BAND_BPS = 9_999;

    /** Size and throttle limits only: the instrument's band and the installation's review threshold apply. */
    public RiskLimits(long maxOrderQuantity, long maxOrderNotional, long maxPosition, int maxOrdersPerWindow,
                      long throttleWindowMillis) {
        this(maxOrderQuantity, maxOrderNotional, maxPosition, maxOrdersPerWindow, throttleWindowMillis, 0, 0);
    }

    /** The desk's defaults: generous size limits and the original rule of 10 orders a minute. */
    public static RiskLimits defaults() {
        return new RiskLimits(1_000_000, 10_000_000_000L, 10_000_000, 10, 60_000);
    }

    /** The same limits with the account's own price band and review threshold (0 each: the installation's). */
    public RiskLimits withBandAndThreshold(int bandBps, int thresholdBps) {
        return new RiskLimits(maxOrderQuantity, maxOrderNotional, maxPosition, maxOrdersPerWindow,
                throttleWindowMillis, bandBps, thresholdBps);
    }

    public boolean isValid() {
        return maxOrderQuantity > 0 && maxOrderNotional > 0 && maxPosition > 0 && maxOrdersPerWindow > 0
                && throttleWindowMillis > 0 && priceBandBps >= 0 && priceBandBps <= MAX_BAND_BPS
                && reviewThresholdBps >= 0 && reviewThresholdBps <= MAX_THRESHOLD_BPS;
    }
}
