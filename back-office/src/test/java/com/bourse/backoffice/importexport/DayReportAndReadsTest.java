package com.bourse.backoffice.importexport;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.security.BackOfficeReads;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.store.DayReport;
import com.bourse.protocol.Command;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The back office's day report, and its books read only by the back office and administrators. */
class DayReportAndReadsTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final long AIR = 3;
    static final long OLGA = 8;

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(BackOfficeFixture.START);
    BackOffice office;
    Session olga;
    List<Long> instruments;

    @BeforeEach
    void aliceBuysAirbusFromBobAndPaysHimWithAFee() {
        office = BackOfficeFixture.seeded(dir, clock);
        olga = BackOfficeFixture.signIn(office, "olga", "olga-training-1");
        instruments = office.referenceData().instruments().stream().map(i -> i.instrument().id()).toList();
        long t = clock.millis() + 1_000;
        office.desk().apply(Command.PlaceOrder.limit(t, 2, 1, 1001, AIR, Side.BUY, 16236, 100));
        office.desk().apply(Command.PlaceOrder.limit(t + 1, 3, 2, 1002, AIR, Side.SELL, 16236, 40));
        office.desk().apply(new Command.RequestPayment(t + 2, OLGA, 9_001, 1001, 1002, "EUR", 12_500, 150,
                "invoice 42"));
        office.desk().commit();
        office.desk().projections().awaitCommitted(office.desk().journal().committedSeq(), Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void the_day_report_counts_trades_volume_cash_movements_and_fees_per_currency() {
        DayReport report = office.reads().dayReport(olga, DAY, instruments);

        assertThat(report.instruments()).singleElement().satisfies(air -> {
            assertThat(air.instrumentId()).isEqualTo(AIR);
            assertThat(air.trades()).isEqualTo(1);
            assertThat(air.quantity()).isEqualTo(40);
            assertThat(air.currency()).isEqualTo("EUR");
            assertThat(air.cash()).isEqualTo(40 * 16236);
        });
        assertThat(report.cash()).filteredOn(c -> c.kind().equals("PAYMENT")).singleElement().satisfies(p -> {
            assertThat(p.currency()).isEqualTo("EUR");
            assertThat(p.count()).isEqualTo(1);
            assertThat(p.amount()).isEqualTo(12_500);
            assertThat(p.fees()).isEqualTo(150);
        });
    }

    @Test
    void the_day_report_comes_as_csv_in_currency_units_and_as_pdf() {
        DayReport report = office.reads().dayReport(olga, DAY, instruments);
        StringWriter csv = new StringWriter();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();

        office.reports().dayReportCsv(olga, report, csv);
        office.reports().dayReportPdf(olga, report, pdf);

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("trade_date,section,subject,currency,count,quantity,amount,fees");
        assertThat(lines).contains("2026-11-02,TRADES,AIR,EUR,1,40,6494.40,",
                "2026-11-02,CASH,PAYMENT,EUR,1,,125.00,1.50");
        assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.size()).isGreaterThan(1_000);
    }

    @Test
    void a_traders_session_is_refused_the_books_and_nothing_is_read() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");
        BackOfficeReads reads = office.reads();

        assertThatThrownBy(() -> reads.statement(alice, 1002, "EUR", DAY, DAY))
                .isInstanceOf(BackOfficeReads.ReadRefusedException.class)
                .hasMessageContaining("alice").hasMessageContaining("BACK_OFFICE or ADMIN");
        assertThatThrownBy(() -> reads.accounts(alice)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> reads.movementsInState(alice, TransferState.COMPLETED,
                com.bourse.backoffice.store.Page.first(10))).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> reads.dayReport(alice, DAY, instruments)).isInstanceOf(SecurityException.class);
    }

    @Test
    void the_back_office_and_administrators_read_the_books() {
        Session admin = BackOfficeFixture.signIn(office, "admin", "admin-training-1");

        assertThat(office.reads().statement(olga, 1002, "EUR", DAY, DAY).postings()).isNotEmpty();
        assertThat(office.reads().accounts(admin)).extracting(a -> a.accountId()).contains(1001L, 1002L);
        assertThat(office.reads().payments(olga, com.bourse.backoffice.store.Page.first(10)))
                .anySatisfy(p -> assertThat(p.transferId()).isEqualTo(9_001));
    }
}
