package com.bourse.ui.view.backoffice;

import com.bourse.ui.port.StatementView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementTableTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static StatementView statement(long closing) {
        return new StatementView(1001, "Alice EUR", "EUR", 2, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
                100_000, List.of(
                new StatementView.Line(Instant.parse("2025-03-03T09:00:00Z"), "TRANSFER 7", 11, 25_000, 125_000),
                new StatementView.Line(Instant.parse("2025-03-04T10:30:00.250Z"), "TRADE 9", 12, -5_050, 119_950)),
                closing);
    }

    @Test
    void statementListsOpeningEveryPostingAndClosingInTheExportsWords() {
        List<StatementTable.Row> rows = StatementTable.rows(statement(119_950), ZONE, BackOfficeContext.TIME);

        assertThat(rows).hasSize(4);
        assertThat(rows.getFirst()).isEqualTo(new StatementTable.Row("2025-03-01", "OPENING BALANCE", "", "",
                "1,000.00", true));
        assertThat(rows.get(2)).isEqualTo(new StatementTable.Row("2025-03-04 11:30:00.250", "TRADE 9", "12", "-50.50",
                "1,199.50", false));
        assertThat(rows.getLast().reference()).isEqualTo("CLOSING BALANCE");
    }

    @Test
    void reconciledStatementSaysOpeningPlusPostingsEqualsClosing() {
        StatementView s = statement(119_950);

        assertThat(s.reconciles()).isTrue();
        assertThat(StatementTable.reconciliation(s))
                .isEqualTo("Opening 1,000.00 + postings 199.50 (2) = 1,199.50 = closing 1,199.50  ✓ reconciled");
    }

    @Test
    void mismatchIsShownWithItsDifferenceNotHidden() {
        StatementView s = statement(120_000);

        assertThat(s.reconciles()).isFalse();
        assertThat(StatementTable.reconciliation(s)).contains("DOES NOT RECONCILE by 0.50");
    }
}
