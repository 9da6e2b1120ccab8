package com.bourse.backoffice.audit;

/**
 * Result of checking the whole trail. When not intact, {@code firstBadSeq} is the first entry that is wrong
 * (or, for {@link Problem#REMOVED}, the first one missing) and {@code message} says what was found.
 */
public record AuditVerification(boolean intact, long entries, Long firstBadSeq, Problem problem, String message) {

    public enum Problem {
        /** The entry's content no longer matches its hash, or it was rewritten and its successor no longer follows. */
        ALTERED,
        /** An entry is missing: a gap in the sequence, a link to nothing, or the tail shorter than the signed head. */
        REMOVED,
        /** The entry is genuine but not where it belongs: it links to an entry stored after it. */
        REORDERED,
        /** Entries after the signed head that no signature covers. */
        UNSIGNED_ENTRIES,
        /** The head's signature does not verify with the installation's key, or the head is gone. */
        BAD_SIGNATURE
    }

    static AuditVerification ok(long entries) {
        return new AuditVerification(true, entries, null, null, "all " + entries + " entries are intact");
    }

    static AuditVerification broken(long entries, Long seq, Problem problem, String message) {
        return new AuditVerification(false, entries, seq, problem, message);
    }
}
