package com.bourse.backoffice.audit;

import java.time.Instant;

/**
 * What an officer looks for in the trail; every criterion is optional (null or blank: any).
 *
 * @param user    part of the username, any case
 * @param action  the action, exactly
 * @param subject part of the subject (an order id, an account, a username), any case
 * @param from    entries at or after this instant
 * @param until   entries before this instant
 * @param limit   at most this many entries, the newest
 */
public record AuditQuery(String user, AuditAction action, String subject, Instant from, Instant until, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("an audit search returns 1 to " + MAX_LIMIT + " entries, not " + limit);
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("the search's start (" + from + ") must be before its end (" + until
                    + ")");
        }
    }
}
