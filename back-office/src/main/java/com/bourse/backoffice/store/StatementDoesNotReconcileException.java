package com.bourse.backoffice.store;

/**
 * A statement whose postings do not add up: at {@code postingId} the opening balance plus the postings so far
 * gives {@code expected}, but the ledger says {@code recorded}. The projection is wrong (or was edited); the
 * statement is not shown rather than shown with figures that do not reconcile.
 */
public final class StatementDoesNotReconcileException extends IllegalStateException {
    private final long accountId;
    private final String asset;
    private final long difference;

    StatementDoesNotReconcileException(long accountId, String asset, long postingId, long expected, long recorded) {
        super("statement of account " + accountId + " in " + asset + " does not reconcile at posting " + postingId
                + ": opening plus postings is " + expected + " but the ledger's balance is " + recorded
                + " (difference " + Math.subtractExact(recorded, expected) + ")");
        this.accountId = accountId;
        this.asset = asset;
        this.difference = recorded - expected;
    }

    public long accountId() {
        return accountId;
    }

    public String asset() {
        return asset;
    }

    /** The ledger's balance minus the one the statement's own figures give. */
    public long difference() {
        return difference;
    }
}
