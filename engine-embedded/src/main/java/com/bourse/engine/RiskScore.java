package com.bourse.engine;

/**
 * The soft risk layer: score = wA·amount + wF·frequency + wP·pattern, each component in [0, 10000] bps.
 * Stateless apart from the configuration; the account supplies its history. Engine thread only (it keeps
 * the last components so the alert can report them without allocating).
 */
final class RiskScore {
    static final int ONE = 10_000;
    private final EngineConfig config;
    int amount;
    int frequency;
    int pattern;
    int score;

    RiskScore(EngineConfig config) {
        this.config = config;
    }

    /** Scores an order; returns the combined score in bps. */
    int scoreOrder(Account account, InstrumentState instrument, long price, long quantity, long notional,
                   long timestamp) {
        amount = ratio(notional, instrument.largeAmount);
        frequency = ratio(account.ordersInWindowAt(timestamp) + 1L, account.limits.maxOrdersPerWindow());
        int outsized = account.orderCount >= 5 && quantity > 5 * averageOf(account.orderQuantitySum, account.orderCount)
                ? ONE / 2 : 0;
        long halfBand = Math.multiplyExact(instrument.spec.referencePrice(), (long) instrument.spec.bandBps()) / 20_000;
        int nearBandEdge = price > 0 && Math.abs(price - instrument.spec.referencePrice()) > halfBand ? ONE / 2 : 0;
        pattern = outsized + nearBandEdge;
        return combine();
    }

    /** Scores a transfer of {@code amountMinor} against the account's history and available funds. */
    int scoreTransfer(Account account, long amountMinor, long largeAmount, long availableBefore, boolean debits) {
        amount = ratio(amountMinor, largeAmount);
        frequency = ratio(account.transfersInWindow + 1L, account.limits.maxOrdersPerWindow());
        int outsized = account.transferCount >= 3
                && amountMinor > 5 * averageOf(account.transferAmountSum, account.transferCount) ? ONE / 2 : 0;
        // Moving out (nearly) everything the account holds is the classic pattern of a taken-over account.
        int drains = debits && availableBefore > 0 && amountMinor >= availableBefore - availableBefore / 10
                ? ONE / 2 : 0;
        pattern = outsized + drains;
        return combine();
    }

    boolean needsReview(int score) {
        return score >= config.reviewThresholdBps();
    }

    private int combine() {
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
