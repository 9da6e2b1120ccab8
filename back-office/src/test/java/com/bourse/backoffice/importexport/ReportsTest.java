package com.bourse.backoffice.importexport;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.security.NewUser;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.store.Page;
import com.bourse.backoffice.store.Statement;
import com.bourse.backoffice.store.TradeLine;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final long AIR = 3; // Bob holds Airbus in the sample balances

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(BackOfficeFixture.START);
    BackOffice office;
    Session admin;

    @BeforeEach
    void aliceBuysFromBob() {
        office = BackOfficeFixture.seeded(dir, clock);
        admin = BackOfficeFixture.signIn(office, "admin", "admin-training-1");
        long t = clock.millis() + 1_000;
        office.desk().apply(Command.PlaceOrder.limit(t, 2, 1, 1001, AIR, Side.BUY, 16236, 100));
        office.desk().apply(Command.PlaceOrder.limit(t + 1, 3, 2, 1002, AIR, Side.SELL, 16236, 40));
        office.desk().commit();
        office.desk().projections().awaitCommitted(office.desk().journal().committedSeq(), Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void statementCsvRunsFromOpeningToClosingBalanceInCurrencyUnits() {
        Statement statement = office.ledger().statement(1001, "EUR", DAY, DAY);
        StringWriter csv = new StringWriter();

        office.reports().statementCsv(admin, statement, csv);

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("account_id,asset,date_time,reference,journal_id,amount,balance");
        assertThat(lines.get(1)).isEqualTo("1001,EUR,2026-11-02,OPENING BALANCE,,,0.00");
        assertThat(lines).anyMatch(l -> l.contains(",TRANSFER 1,1,250000.00,250000.00"));
        assertThat(lines).anyMatch(l -> l.contains(",TRADE 1,") && l.endsWith(",-6494.40,243505.60"));
        assertThat(lines.getLast()).isEqualTo("1001,EUR,2026-11-02,CLOSING BALANCE,,,"
                + Inputs.money(office.desk().engine().balance(1001, "EUR"), 2));
        assertThat(office.audit().entries(Page.first(10_000)).getLast().action()).isEqualTo(AuditAction.EXPORT);
    }

    @Test
    void tradeReportsComeAsCsvAndPdf() {
        List<TradeLine> trades = office.trades().trades(AIR, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"),
                Page.first(100));
        StringWriter csv = new StringWriter();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();

        office.reports().tradesCsv(admin, AIR, trades, csv);
        office.reports().tradesPdf(admin, AIR, trades, pdf);

        assertThat(csv.toString().lines()).hasSize(2).last().asString()
                .contains(",AIR,162.36,40,SELL,1,1001,2,1002");
        assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.size()).isGreaterThan(1_000);
    }

    @Test
    void statementPdfIsWritten() {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        office.reports().statementPdf(admin, office.ledger().statement(1001, "EUR", DAY, DAY), pdf);
        assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell(new CsvWriter.Money("-12.50"))).isEqualTo("-12.50");
        assertThat(CsvWriter.cell("Keller, Bob")).isEqualTo("\"Keller, Bob\"");
    }

    @Test
    void exportsNameWhoAskedInTheAuditTrail() {
        office.users().create(admin, new NewUser(50, "clerk", "Back office clerk", java.util.Set.of(Role.ADMIN),
                "clerk-password-1".toCharArray()));
        Session clerk = BackOfficeFixture.signIn(office, "clerk", "clerk-password-1");

        office.reports().statementCsv(clerk, office.ledger().statement(1002, "EUR", DAY, DAY), new StringWriter());

        assertThat(office.audit().entries(Page.first(10_000)).getLast()).satisfies(e -> {
            assertThat(e.username()).isEqualTo("clerk");
            assertThat(e.subject()).isEqualTo("statement account:1002");
        });
    }
}
