package com.bourse.engine;

import com.bourse.protocol.RiskLimits;

/**
 * Settings of an engine that every replica must share (they shape the events). Weights and scores are in
 * basis points of 1 so the risk score is integer arithmetic and identical on every machine.
 *
 * @param amountWeightBps      weight of the amount component (default 0.4)
 * @param frequencyWeightBps   weight of the frequency component (default 0.3)
 * @param patternWeightBps     weight of the pattern component (default 0.3)
 * @param reviewThresholdBps   a score at or above this holds the order or transfer for review (default 0.8)
 * @param largeAmountUnits     amounts above this many whole currency units always go to review (default 100,000)
 * @param defaultLimits        limits of a newly opened account
 * @param expectedLiveOrders   sizes the order index and pool so a warmed engine does not grow them
 * @param surveillance         thresholds of the named surveillance rules that make up the pattern part
 */
public record EngineConfig(int amountWeightBps, int frequencyWeightBps, int patternWeightBps,
                           int reviewThresholdBps, long largeAmountUnits, RiskLimits defaultLimits,
                           int expectedLiveOrders, SurveillanceConfig surveillance) {

    public EngineConfig {
        if (amountWeightBps < 0 || frequencyWeightBps < 0 || patternWeightBps < 0
                || amountWeightBps + frequencyWeightBps + patternWeightBps != 10_000) {
            throw new IllegalArgumentException("risk weights must be non-negative and sum to 10000 bps (1.0), got "
                    + amountWeightBps + "+" + frequencyWeightBps + "+" + patternWeightBps);
        }
        if (reviewThresholdBps <= 0 || reviewThresholdBps > 10_000) {
            throw new IllegalArgumentException("reviewThresholdBps must be in (0, 10000], got " + reviewThresholdBps);
        }
        if (largeAmountUnits <= 0) {
            throw new IllegalArgumentException("largeAmountUnits must be positive, got " + largeAmountUnits);
        }
        if (defaultLimits == null || !defaultLimits.isValid()) {
            throw new IllegalArgumentException("defaultLimits must be positive, got " + defaultLimits);
        }
        if (expectedLiveOrders < 16) {
            throw new IllegalArgumentException("expectedLiveOrders must be at least 16, got " + expectedLiveOrders);
        }
        if (surveillance == null) {
            throw new IllegalArgumentException("surveillance settings are missing");
        }
    }

    /** A configuration with the default surveillance thresholds. */
    public EngineConfig(int amountWeightBps, int frequencyWeightBps, int patternWeightBps, int reviewThresholdBps,
                        long largeAmountUnits, RiskLimits defaultLimits, int expectedLiveOrders) {
        this(amountWeightBps, frequencyWeightBps, patternWeightBps, reviewThresholdBps, largeAmountUnits,
                defaultLimits, expectedLiveOrders, SurveillanceConfig.defaults());
    }

    /** The desk's rules: 0.4·amount + 0.3·frequency + 0.3·pattern, review at 0.8, large above 100,000. */
    public static EngineConfig defaults() {
        return new EngineConfig(4_000, 3_000, 3_000, 8_000, 100_000, RiskLimits.defaults(), 1 << 16);
    }

    public EngineConfig withDefaultLimits(RiskLimits limits) {
        return new EngineConfig(amountWeightBps, frequencyWeightBps, patternWeightBps, reviewThresholdBps,
                largeAmountUnits, limits, expectedLiveOrders, surveillance);
    }

    public EngineConfig withExpectedLiveOrders(int orders) {
        return new EngineConfig(amountWeightBps, frequencyWeightBps, patternWeightBps, reviewThresholdBps,
                largeAmountUnits, defaultLimits, orders, surveillance);
    }

    public EngineConfig withReviewThresholdBps(int threshold) {
        return new EngineConfig(amountWeightBps, frequencyWeightBps, patternWeightBps, threshold,
                largeAmountUnits, defaultLimits, expectedLiveOrders, surveillance);
    }

    public EngineConfig withSurveillance(SurveillanceConfig settings) {
        return new EngineConfig(amountWeightBps, frequencyWeightBps, patternWeightBps, reviewThresholdBps,
                largeAmountUnits, defaultLimits, expectedLiveOrders, settings);
    }
}
