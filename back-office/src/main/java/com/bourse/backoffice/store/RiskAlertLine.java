package com.bourse.backoffice.store;

import java.time.Instant;

/** A flagged order or transfer ({@code subject} ORDER or TRANSFER) and the officer's decision on it. */
public record RiskAlertLine(long alertId, String subject, long subjectId, long accountId, int scoreBps,
                            int amountBps, int frequencyBps, int patternBps, String reason, Instant raisedAt,
                            AlertDecision decision, Long decidedBy, Instant decidedAt, String decisionNote) {
}
