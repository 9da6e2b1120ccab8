package com.bourse.engine;

import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.SurveillanceRule;

/**
 * The soft risk layer: score = wA·amount + wF·frequency + wP·pattern, each component in [0, 10000] bps. The
 * pattern part is made of named {@link SurveillanceRule}s: each one that fires adds
 * {@link SurveillanceConfig#patternPerRuleBps()} (capped at 1.0) and is named in the alert.
 *
 * <p>Scoring only reads: the account's history and the book as they stand before the order or transfer.
 * The desks record what happened afterwards through the {@code record...} methods. Engine thread only (it
 * keeps the last components and rules in fields so the alert can report them without allocating).
 */
final class RiskScore {
    static final int ONE = 10_000;
    /** The long-standing heuristics: five times the usual size, once the account has this much history. */
    private static final int OUTSIZED_MULTIPLE = 5;
    private static final int OUTSIZED_ORDER_HISTORY = 5;
    private static final int OUTSIZED_TRANSFER_HISTORY = 3;
    /** Each notional added to the running sum is capped so a million of them cannot overflow it. */
    private static final long NOTIONAL_CAP = Long.MAX_VALUE / 4_000_000;

    private final EngineConfig config;
    private final SurveillanceConfig rules;
    int amount;
    int frequency;
    int pattern;
    int score;
    /** The rules that fired in the last scoring, as {@link SurveillanceRule} bits. */
    int ruleMask;
    /** Whether the last scored order would enter near the touch (within the layering ticks of its side's best). */
    boolean nearTouch;

    RiskScore(EngineConfig config) {
        this.config = config;
        this.rules = config.surveillance();
    }

    /**
     * Scores an order before it touches the book; returns the combined score in bps.
     *
     * @param limitPrice its limit price, 0 for a market or stop order
     * @param mayTrade   whether it goes to matching at once (not a waiting stop, not post-only)
     */
    int scoreOrder(Account account, InstrumentState instrument, boolean buy, long limitPrice, boolean mayTrade,
                   long quantity, long notional, long timestamp) {
        amount = ratio(notional, instrument.largeAmount);
        frequency = ratio(account.ordersInWindowAt(timestamp) + 1L, account.limits.maxOrdersPerWindow());
        int fired = 0;
        if (account.orderCount >= OUTSIZED_ORDER_HISTORY
                && quantity > OUTSIZED_MULTIPLE * averageOf(account.orderQuantitySum, account.orderCount)) {
            fired |= SurveillanceRule.OUTSIZED_ORDER.bit();
        }
        long reference = instrument.spec.referencePrice();
        long halfBand = Math.multiplyExact(reference, (long) instrument.spec.bandBps()) / 20_000;
        if (limitPrice > 0 && Math.abs(limitPrice - reference) > halfBand) {
            fired |= SurveillanceRule.NEAR_BAND_EDGE.bit();
        }
        if (structures(account, notional, instrument.largeAmount, timestamp)) {
            fired |= SurveillanceRule.STRUCTURING.bit();
        }
        nearTouch = limitPrice > 0 && nearTouch(instrument, buy, limitPrice);
        if (mayTrade && crosses(instrument, buy, limitPrice)) {
            if (account.quickCancels(!buy).fullSince(timestamp - rules.layeringWindowMillis())) {
                fired |= SurveillanceRule.LAYERING.bit();
            }
            if (account.ownerHasOtherAccounts && tradesWithSameOwner(account, instrument, buy, limitPrice, quantity)) {
                fired |= SurveillanceRule.WASH_TRADE.bit();
            }
        }
        if (changesBehaviour(account, instrument, notional)) {
            fired |= SurveillanceRule.BEHAVIOUR_CHANGE.bit();
        }
        return combine(fired);
    }

    /** Scores a transfer of {@code amountMinor} against the account's history and available funds. */
    int scoreTransfer(Account account, long amountMinor, long largeAmount, long availableBefore, boolean debits,
                      long timestamp) {
        amount = ratio(amountMinor, largeAmount);
        frequency = ratio(account.transfersInWindow + 1L, account.limits.maxOrdersPerWindow());
        int fired = 0;
        if (account.transferCount >= OUTSIZED_TRANSFER_HISTORY
                && amountMinor > OUTSIZED_MULTIPLE * averageOf(account.transferAmountSum, account.transferCount)) {
            fired |= SurveillanceRule.OUTSIZED_TRANSFER.bit();
        }
        // Moving out (nearly) everything the account holds is the classic pattern of a taken-over account.
        if (debits && availableBefore > 0 && amountMinor >= availableBefore - availableBefore / 10) {
            fired |= SurveillanceRule.ACCOUNT_DRAIN.bit();
        }
        if (structures(account, amountMinor, largeAmount, timestamp)) {
            fired |= SurveillanceRule.STRUCTURING.bit();
        }
        nearTouch = false;
        return combine(fired);
    }

    /**
     * Whether the last scoring must wait for a risk officer: a score at or above the account's own review threshold
     * (the installation's when it has none), or a rule that holds on its own.
     */
    boolean needsReview(Account account, int score) {
        int threshold = account.limits.reviewThresholdBps();
        return score >= (threshold > 0 ? threshold : config.reviewThresholdBps()) || rules.holds(ruleMask);
    }

    // ---- What happened, for the next scorings ----------------------------------------------------

    /** An accepted order: its size joins the account's history, its time the structuring window if it counts. */
    void recordOrder(Account account, InstrumentState instrument, long notional, long timestamp) {
        account.orderNotionalSum += Math.min(notional, NOTIONAL_CAP);
        account.hasOrdered[instrument.assetIndex] = true;
        recordMovement(account, notional, instrument.largeAmount, timestamp);
    }

    /** A requested transfer's amount joins the structuring window if it is just under the line. */
    void recordMovement(Account account, long amount, long largeAmount, long timestamp) {
        if (justUnderLine(amount, largeAmount)) {
            account.movementsUnderLine.add(timestamp);
        }
    }

    /** The owner cancels a working order: a near-touch order that lived only briefly counts towards layering. */
    void recordCancel(Order order, long timestamp) {
        if (order.enteredNearTouch && order.state == OrderState.RESTING
                && timestamp - order.enteredAt <= rules.layeringCancelMillis()) {
            order.account.quickCancels(order.isBuy()).add(timestamp);
        }
    }

    // ---- The rules -------------------------------------------------------------------------------

    /** The latest of enough movements just under the line within the window: an amount split to stay below it. */
    private boolean structures(Account account, long amount, long largeAmount, long timestamp) {
        return justUnderLine(amount, largeAmount)
                && account.movementsUnderLine.fullSince(timestamp - rules.structuringWindowMillis());
    }

    private boolean justUnderLine(long amount, long largeAmount) {
        long band = largeAmount / ONE * rules.structuringBandBps()
                + largeAmount % ONE * rules.structuringBandBps() / ONE;
        return amount <= largeAmount && amount >= largeAmount - band;
    }

    /** A price within the layering ticks of the best price on its own side, or better than it. */
    private boolean nearTouch(InstrumentState instrument, boolean buy, long price) {
        PriceLevel best = instrument.side(buy).best();
        if (best == null) {
            return true;
        }
        long behind = buy ? best.price - price : price - best.price;
        return behind <= 0 || behind / instrument.spec.tickSize() <= rules.layeringTicks();
    }

    /** Would the order meet the other side at once (a market order meets any resting order)? */
    private static boolean crosses(InstrumentState instrument, boolean buy, long limitPrice) {
        PriceLevel best = instrument.side(!buy).best();
        return best != null && (limitPrice == 0 || (buy ? best.price <= limitPrice : best.price >= limitPrice));
    }

    /**
     * Walks the levels the order would sweep, as matching would, for a resting order of another account of the
     * same owner within reach: the queue's visible slices ahead of it must leave some of the order for it.
     * Matching stops at the account's own resting order unless self-trades cancel the resting order.
     */
    private static boolean tradesWithSameOwner(Account account, InstrumentState instrument, boolean buy,
                                               long limitPrice, long quantity) {
        BookSide opposite = instrument.side(!buy);
        long limit = limitPrice > 0 ? limitPrice : buy ? instrument.highestPrice : instrument.lowestPrice;
        boolean skipsOwn = account.selfTradePrevention == SelfTradePrevention.CANCEL_OLDEST;
        long remaining = quantity;
        for (PriceLevel level = opposite.best(); level != null; level = opposite.nextAfter(level)) {
            if (buy ? level.price > limit : level.price < limit) {
                return false;
            }
            long ahead = 0;
            long levelTotal = 0;
            for (Order o = level.head; o != null; o = o.levelNext) {
                if (o.account == account) {
                    if (!skipsOwn) {
                        return false;
                    }
                    continue;
                }
                if (o.account.ownerUserId == account.ownerUserId) {
                    return ahead < remaining;
                }
                ahead += o.visible;
                levelTotal += o.leaves;
            }
            remaining -= levelTotal;
            if (remaining <= 0) {
                return false;
            }
        }
        return false;
    }

    /** After enough history: an order far above the account's average, or a first one in an instrument at size. */
    private boolean changesBehaviour(Account account, InstrumentState instrument, long notional) {
        if (account.orderCount < rules.behaviourMinHistory()) {
            return false;
        }
        long average = averageOf(account.orderNotionalSum, account.orderCount);
        if (average <= 0) {
            return false;
        }
        long multiple = notional / average;
        return multiple >= rules.behaviourNotionalMultiple()
                || (!account.hasOrdered[instrument.assetIndex] && multiple >= rules.behaviourNewInstrumentMultiple());
    }

    private int combine(int fired) {
        ruleMask = fired;
        pattern = (int) Math.min(ONE, (long) Integer.bitCount(fired) * rules.patternPerRuleBps());
        score = (int) (((long) config.amountWeightBps() * amount + (long) config.frequencyWeightBps() * frequency
                + (long) config.patternWeightBps() * pattern) / ONE);
        return score;
    }

    private static long averageOf(long sum, long count) {
        return count == 0 ? 0 : sum / count;
    }

    private static int ratio(long value, long full) {
        if (value >= full) {
            return ONE;
        }
        if (value <= 0) {
            return 0;
        }
        return (int) (value <= Long.MAX_VALUE / ONE ? value * ONE / full : value / (full / ONE));
    }
}
