package com.bourse.backoffice.store;

import com.bourse.protocol.SurveillanceRule;

import java.time.Instant;
import java.util.List;

/**
 * A flagged order or transfer ({@code subject} ORDER or TRANSFER), the surveillance rules that fired for it and
 * the officer's decision on it.
 */
public record RiskAlertLine(long alertId, String subject, long subjectId, long accountId, int scoreBps,
                            int amountBps, int frequencyBps, int patternBps, String reason, Instant raisedAt,
                            AlertDecision decision, Long decidedBy, Instant decidedAt, String decisionNote,
                            List<SurveillanceRule> rules) {

    public RiskAlertLine {
        rules = List.copyOf(rules);
    }
}
