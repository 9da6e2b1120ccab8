package com.bourse.backoffice.store;

import com.bourse.protocol.ComplianceKind;

import java.time.Instant;

/**
 * One line of the compliance log: on {@code accountId}, {@code userId} (the trader, or the overriding officer)
 * ran into {@code kind} about order or transfer {@code subjectId}; {@code reason} is the rule's code.
 */
public record ComplianceLine(long seq, int n, long accountId, long userId, ComplianceKind kind, long subjectId,
                             String reason, Instant at) {
}
