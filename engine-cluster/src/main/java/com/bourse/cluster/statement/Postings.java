package com.bourse.cluster.statement;

import java.util.List;

/**
 * The cluster's answer to a {@link StatementQuery}, as of one log position: the balance at the window's start, the
 * postings in it in log order, the balance at its end. {@code heldSinceMs} is since when the cluster holds every
 * posting (business time of the last End of day, of the oldest posting it let go, or of the first command it saw);
 * {@code sinceLedgerBegan} says the record began with the ledger (nothing was ever let go), so the day of
 * {@code heldSinceMs} is held whole.
 */
public record Postings(long logPosition, long heldSinceMs, boolean sinceLedgerBegan, long openingBalance,
                       List<PostingRow> postings, long closingBalance) {

    public Postings {
        postings = List.copyOf(postings);
    }
}
