package com.bourse.cluster.statement;

/**
 * What a window asks the cluster for an account's statement of one asset: the postings with business time in
 * {@code fromMs} (inclusive) .. {@code toMs} (exclusive), the balance at each end, and since when the cluster holds
 * postings.
 */
public record StatementQuery(long requestId, long accountId, String asset, long fromMs, long toMs) {

    public StatementQuery {
        asset = asset == null ? "" : asset;
    }

    public static StatementQuery of(long accountId, String asset, long fromMs, long toMs) {
        return new StatementQuery(0, accountId, asset, fromMs, toMs);
    }

    public StatementQuery withRequestId(long id) {
        return new StatementQuery(id, accountId, asset, fromMs, toMs);
    }
}
