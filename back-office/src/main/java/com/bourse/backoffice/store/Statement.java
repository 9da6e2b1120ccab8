package com.bourse.backoffice.store;

import java.time.LocalDate;
import java.util.List;

/**
 * An account's statement for one asset over whole trade dates {@code from}..{@code to} inclusive: the balance
 * before the first day, every posting in order, and the balance after the last day. Opening plus the sum of
 * the postings equals closing.
 */
public record Statement(long accountId, String asset, LocalDate from, LocalDate to, long openingBalance,
                        List<PostingLine> postings, long closingBalance) {

    public Statement {
        postings = List.copyOf(postings);
    }

    /**
     * The statement from its opening balance and postings, checked as it is built: each posting's balance must
     * be the balance before it plus its delta, and the closing balance is the last one's (the opening balance
     * when there are none), so opening + postings = closing holds by the ledger's own figures, not by addition.
     *
     * @throws StatementDoesNotReconcileException naming the account, asset, posting and difference otherwise
     */
    public static Statement reconciled(long accountId, String asset, LocalDate from, LocalDate to, long opening,
                                       List<PostingLine> postings) {
        long running = opening;
        for (PostingLine p : postings) {
            running = Math.addExact(running, p.delta());
            if (p.balanceAfter() != running) {
                throw new StatementDoesNotReconcileException(accountId, asset, p.postingId(), running,
                        p.balanceAfter());
            }
        }
        return new Statement(accountId, asset, from, to, opening, postings, running);
    }

    /** The sum of the postings' deltas. */
    public long movement() {
        long sum = 0;
        for (PostingLine p : postings) {
            sum = Math.addExact(sum, p.delta());
        }
        return sum;
    }
}
