package com.bourse.ui.view.backoffice;

import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.StatementView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement as the screen lists it: an opening line, one line per posting, a closing line, with the amounts
 * and balances in the asset's decimals, and the reconciliation line (opening + postings = closing) spelled out.
 * The same columns and words as the CSV export, so the two can be compared line by line.
 */
public final class StatementTable {

    /** One line on screen; {@code amount} empty on the opening and closing lines. */
    public record Row(String dateTime, String reference, String journal, String amount, String balance,
                      boolean summary) {
    }

    private StatementTable() {
    }

    public static List<Row> rows(StatementView s, ZoneId zone, DateTimeFormatter time) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(s.from().toString(), "OPENING BALANCE", "", "",
                Decimals.format(s.openingBalance(), s.digits()), true));
        for (StatementView.Line line : s.lines()) {
            rows.add(new Row(time.format(line.at().atZone(zone)), line.reference(), Long.toString(line.journalId()),
                    Decimals.format(line.amount(), s.digits()), Decimals.format(line.balanceAfter(), s.digits()),
                    false));
        }
        rows.add(new Row(s.to().toString(), "CLOSING BALANCE", "", "",
                Decimals.format(s.closingBalance(), s.digits()), true));
        return rows;
    }

    /** "Opening 1,000.00 + postings 250.00 = 1,250.00 = closing 1,250.00: reconciled" or the mismatch. */
    public static String reconciliation(StatementView s) {
        long postings = s.openingPlusPostings() - s.openingBalance();
        String sum = "Opening " + Decimals.format(s.openingBalance(), s.digits()) + " + postings "
                + Decimals.format(postings, s.digits()) + " (" + s.lines().size() + ") = "
                + Decimals.format(s.openingPlusPostings(), s.digits());
        if (s.reconciles()) {
            return sum + " = closing " + Decimals.format(s.closingBalance(), s.digits()) + "  ✓ reconciled";
        }
        return sum + " ≠ closing " + Decimals.format(s.closingBalance(), s.digits()) + "  ✗ DOES NOT RECONCILE by "
                + Decimals.format(s.closingBalance() - s.openingPlusPostings(), s.digits());
    }
}
