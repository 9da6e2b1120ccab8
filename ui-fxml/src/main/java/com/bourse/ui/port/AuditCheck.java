package com.bourse.ui.port;

/**
 * What verifying the trail's hash chain and signed head found.
 *
 * @param firstBad the first entry found wrong, as stored now; null when intact or when the entry is gone
 * @param firstBadSeq its sequence (or the first missing one); 0 when intact
 * @param problem e.g. ALTERED, REMOVED, BAD_SIGNATURE; empty when intact
 */
public record AuditCheck(boolean intact, long entries, long firstBadSeq, String problem, String message,
                         AuditLine firstBad) {
}
