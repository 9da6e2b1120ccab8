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
}
