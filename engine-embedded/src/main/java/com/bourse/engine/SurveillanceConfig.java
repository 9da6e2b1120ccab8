package com.bourse.engine;

import com.bourse.protocol.SurveillanceRule;

/**
 * Thresholds of the named surveillance rules ({@link SurveillanceRule}); part of the {@link EngineConfig}, so
 * every replica must share them. Times are business milliseconds (command timestamps), amounts are relative
 * to the large-amount line or to the account's own history, never absolute money.
 *
 * @param patternPerRuleBps        what each rule that fires adds to the pattern part of the score (capped at 1.0)
 * @param holdingRuleMask          rules that hold the order or transfer for review on their own, whatever the score
 * @param structuringBandBps       a movement within this far below the large-amount line counts as just under it
 * @param structuringCount         this many such movements by one account within the window is structuring
 * @param structuringWindowMillis  the structuring window
 * @param layeringCancelMillis     an order cancelled within this long after entry was cancelled quickly
 * @param layeringTicks            an order within this many ticks of the best price on its side entered near the touch
 * @param layeringCancels          this many quick cancels of near-touch orders on one side within the window ...
 * @param layeringWindowMillis     ... make an order that would trade on the other side layering
 * @param behaviourMinHistory      orders an account must have entered before its behaviour counts as history
 * @param behaviourNotionalMultiple an order worth this many times the account's average order is a change of behaviour
 * @param behaviourNewInstrumentMultiple a first order in an instrument worth this many times the average is one too
 */
public record SurveillanceConfig(int patternPerRuleBps, int holdingRuleMask,
                                 int structuringBandBps, int structuringCount, long structuringWindowMillis,
                                 long layeringCancelMillis, int layeringTicks, int layeringCancels,
                                 long layeringWindowMillis,
                                 int behaviourMinHistory, int behaviourNotionalMultiple,
                                 int behaviourNewInstrumentMultiple) {

    /** Longest remembered run of events of one kind (structuring movements, quick cancels per side). */
    static final int MAX_COUNT = 64;

    public SurveillanceConfig {
        require(patternPerRuleBps > 0 && patternPerRuleBps <= 10_000, "patternPerRuleBps", "in (0, 10000]",
                patternPerRuleBps);
        require((holdingRuleMask & ~allRules()) == 0, "holdingRuleMask", "a mask of SurveillanceRule bits",
                holdingRuleMask);
        require(structuringBandBps > 0 && structuringBandBps < 10_000, "structuringBandBps", "in (0, 10000)",
                structuringBandBps);
        require(structuringCount >= 2 && structuringCount <= MAX_COUNT, "structuringCount", "in [2, 64]",
                structuringCount);
        require(structuringWindowMillis > 0, "structuringWindowMillis", "positive", structuringWindowMillis);
        require(layeringCancelMillis > 0, "layeringCancelMillis", "positive", layeringCancelMillis);
        require(layeringTicks >= 0 && layeringTicks <= 1_000_000, "layeringTicks", "in [0, 1000000]", layeringTicks);
        require(layeringCancels >= 1 && layeringCancels <= MAX_COUNT, "layeringCancels", "in [1, 64]",
                layeringCancels);
        require(layeringWindowMillis > 0, "layeringWindowMillis", "positive", layeringWindowMillis);
        require(behaviourMinHistory >= 1, "behaviourMinHistory", "at least 1", behaviourMinHistory);
        require(behaviourNotionalMultiple >= 2 && behaviourNotionalMultiple <= 1_000, "behaviourNotionalMultiple",
                "in [2, 1000]", behaviourNotionalMultiple);
        require(behaviourNewInstrumentMultiple >= 1 && behaviourNewInstrumentMultiple <= 1_000,
                "behaviourNewInstrumentMultiple", "in [1, 1000]", behaviourNewInstrumentMultiple);
    }

    /**
     * The desk's rules: each rule adds 0.5 to the pattern; structuring, layering and wash trades hold on their
     * own; three movements within 10% under the line in 10 minutes; three near-touch orders (3 ticks) cancelled
     * within 2 s on one side in 30 s; after 20 orders, an order 10 times the average, or a first order in an
     * instrument 3 times the average.
     */
    public static SurveillanceConfig defaults() {
        return new SurveillanceConfig(5_000,
                SurveillanceRule.mask(SurveillanceRule.STRUCTURING, SurveillanceRule.LAYERING,
                        SurveillanceRule.WASH_TRADE),
                1_000, 3, 600_000, 2_000, 3, 3, 30_000, 20, 10, 3);
    }

    /** The same thresholds with other rules holding on their own (none: rules only add to the score). */
    public SurveillanceConfig withHoldingRules(SurveillanceRule... rules) {
        return new SurveillanceConfig(patternPerRuleBps, SurveillanceRule.mask(rules), structuringBandBps,
                structuringCount, structuringWindowMillis, layeringCancelMillis, layeringTicks, layeringCancels,
                layeringWindowMillis, behaviourMinHistory, behaviourNotionalMultiple, behaviourNewInstrumentMultiple);
    }

    boolean holds(int ruleMask) {
        return (ruleMask & holdingRuleMask) != 0;
    }

    private static int allRules() {
        return SurveillanceRule.mask(SurveillanceRule.values());
    }

    private static void require(boolean valid, String setting, String expected, long actual) {
        if (!valid) {
            throw new IllegalArgumentException(setting + " must be " + expected + ", got " + actual);
        }
    }
}
