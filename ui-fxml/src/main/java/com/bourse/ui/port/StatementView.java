package com.bourse.ui.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An account's statement of one asset over whole trade dates: the opening balance, every posting in order and
 * the closing balance, in minor units ({@code digits} decimals; whole units for a position).
 */
public record StatementView(long accountId, String accountName, String asset, int digits, LocalDate from,
                            LocalDate to, long openingBalance, List<Line> lines, long closingBalance) {

    public StatementView {
        lines = List.copyOf(lines);
    }

    /** One posting: what moved and the balance it left. */
    public record Line(Instant at, String reference, long journalId, long amount, long balanceAfter) {
    }

    /** Opening plus every posting, exactly. */
    public long openingPlusPostings() {
        long sum = openingBalance;
        for (Line line : lines) {
            sum = Math.addExact(sum, line.amount());
        }
        return sum;
    }

    /** Whether opening plus the postings equals the closing balance (it must; a mismatch is shown, not hidden). */
    public boolean reconciles() {
        return openingPlusPostings() == closingBalance;
    }
}
