package com.bourse.ui.port;

/**
 * An officer's search of the audit trail; blank text and null instants mean any.
 *
 * @param user    part of a username
 * @param action  an action's name, exactly (blank: any)
 * @param subject part of a subject, e.g. "order:42" or "account:1001"
 * @param from    epoch milliseconds, inclusive; null for no start
 * @param until   epoch milliseconds, exclusive; null for no end
 * @param limit   the newest this many entries
 */
public record AuditSearch(String user, String action, String subject, Long from, Long until, int limit) {
}
