package com.bourse.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The named patterns the risk layer looks for; each one that fires adds to the pattern part of the risk score
 * and is named in the {@link Event.RiskAlert}, so an officer sees why an order or transfer is worth their time.
 * Carried as a bit mask (bit {@code ordinal()}); never reorder or remove a constant, only append.
 */
public enum SurveillanceRule {
    /** An order several times the account's usual size. */
    OUTSIZED_ORDER,
    /** A limit price more than half the price band away from the reference price. */
    NEAR_BAND_EDGE,
    /** A transfer several times the account's usual transfer. */
    OUTSIZED_TRANSFER,
    /** A transfer that moves out (nearly) everything the account holds of the asset. */
    ACCOUNT_DRAIN,
    /** Several movements by one account just under the review line within a short window: amounts split to stay under it. */
    STRUCTURING,
    /** Orders near the touch placed and cancelled quickly on one side while the account trades the other side. */
    LAYERING,
    /** An order that would trade against a resting order of another account of the same owner. */
    WASH_TRADE,
    /** An order far outside the account's own history: much larger than its running average, or a first order in a new instrument at size. */
    BEHAVIOUR_CHANGE;

    private static final SurveillanceRule[] VALUES = values();

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }

    public static int mask(SurveillanceRule... rules) {
        int mask = 0;
        for (SurveillanceRule rule : rules) {
            mask |= rule.bit();
        }
        return mask;
    }

    /** The rules a mask names, in declaration order; bits of rules this build does not know are ignored. */
    public static List<SurveillanceRule> of(int mask) {
        List<SurveillanceRule> rules = new ArrayList<>(Integer.bitCount(mask));
        for (SurveillanceRule rule : VALUES) {
            if (rule.in(mask)) {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }
}
