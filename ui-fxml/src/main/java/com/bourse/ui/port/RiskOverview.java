package com.bourse.ui.port;

import java.util.List;

/**
 * The venue's risk at a glance: each account's exposure per instrument against its position limit, the day's
 * alerts in time buckets, and the day's highest risk scores.
 *
 * @param exposures one cell per account and instrument the account holds or works
 * @param alertBuckets alerts raised today per bucket, oldest first, consecutive
 * @param topScores the day's highest scores, highest first
 */
public record RiskOverview(List<Exposure> exposures, List<AlertBucket> alertBuckets, List<ScoredAlert> topScores) {

    public RiskOverview {
        exposures = List.copyOf(exposures);
        alertBuckets = List.copyOf(alertBuckets);
        topScores = List.copyOf(topScores);
    }

    /**
     * @param worstPosition the largest absolute position the account could reach in the instrument (held plus
     *                      working orders on the side that grows it)
     * @param maxPosition   the account's position limit
     */
    public record Exposure(long accountId, long instrumentId, long worstPosition, long maxPosition) {
        /** Usage in basis points of the limit (10,000 = at the limit); 0 when there is no limit. */
        public int usageBps() {
            if (maxPosition <= 0) {
                return 0;
            }
            return (int) Math.min(Integer.MAX_VALUE,
                    java.math.BigInteger.valueOf(worstPosition).multiply(java.math.BigInteger.valueOf(10_000))
                            .divide(java.math.BigInteger.valueOf(maxPosition)).longValue());
        }
    }

    /** Alerts raised in [{@code start}, start + width), epoch milliseconds. */
    public record AlertBucket(long start, long widthMillis, int orders, int transfers) {
    }

    /** One alert of the day; {@code decision} e.g. PENDING, APPROVED, REJECTED. */
    public record ScoredAlert(String subject, long subjectId, long accountId, int scoreBps, String reason,
                              List<String> rules, String decision, long raisedAt) {
        public ScoredAlert {
            rules = List.copyOf(rules);
        }
    }
}
