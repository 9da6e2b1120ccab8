package com.bourse.backoffice.audit;

import java.time.Instant;

/** A stored entry of the trail, as a regulator reads it. */
public record AuditRecord(long seq, Instant at, Long userId, String username, AuditAction action, String subject,
                          String details) {
}
