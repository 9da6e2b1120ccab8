package com.bourse.backoffice.importexport;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.DayReport;
import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.backoffice.store.PostingLine;
import com.bourse.backoffice.store.ReferenceDataRepository;
import com.bourse.backoffice.store.Statement;
import com.bourse.backoffice.store.TradeLine;
import com.bourse.protocol.FixedPoint;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.OutputStream;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Account statements and trade reports as CSV (for spreadsheets and regulators' tools) and PDF (OpenPDF, for
 * people). Amounts are converted from minor units with the currency's digits here, at the edge. Every export
 * is audited with who asked for what. Thread-safe.
 */
public final class Reports {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ReferenceDataRepository reference;
    private final AuditTrail audit;
    private final ZoneId zone;

    public Reports(ReferenceDataRepository reference, AuditTrail audit, ZoneId zone) {
        this.reference = reference;
        this.audit = audit;
        this.zone = zone;
    }

    public void statementCsv(Session who, Statement statement, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        int digits = digitsOf(statement.asset());
        csv.row(List.of("account_id", "asset", "date_time", "reference", "journal_id", "amount", "balance"));
        csv.row(List.of(statement.accountId(), statement.asset(), statement.from().toString(), "OPENING BALANCE", "",
                new CsvWriter.Money(""), money(statement.openingBalance(), digits)));
        for (PostingLine p : statement.postings()) {
            csv.row(List.of(statement.accountId(), statement.asset(), TIME.format(p.postedAt().atZone(zone)),
                    p.refKind() + " " + p.refId(), p.journalId(), money(p.delta(), digits),
                    money(p.balanceAfter(), digits)));
        }
        csv.row(List.of(statement.accountId(), statement.asset(), statement.to().toString(), "CLOSING BALANCE", "",
                new CsvWriter.Money(""), money(statement.closingBalance(), digits)));
        audited(who, "statement account:" + statement.accountId(), statement.asset() + " " + statement.from() + ".."
                + statement.to() + " as CSV, " + statement.postings().size() + " postings");
    }

    public void statementPdf(Session who, Statement statement, OutputStream out) {
        int digits = digitsOf(statement.asset());
        Optional<AccountLine> account = reference.account(statement.accountId());
        Document document = new Document(PageSize.A4, 36, 36, 48, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph("Account statement", FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16)));
            document.add(new Paragraph("Account " + statement.accountId()
                    + account.map(a -> " - " + a.name()).orElse("") + "\nAsset " + statement.asset() + "    Period "
                    + statement.from() + " to " + statement.to() + " (" + zone + ")",
                    FontFactory.getFont(FontFactory.HELVETICA, 10)));
            document.add(new Paragraph(" "));
            PdfPTable table = table(new float[] {3.2f, 2.2f, 1.6f, 2f, 2.2f}, 2,
                    "Date and time", "Reference", "Journal", "Amount", "Balance");
            row(table, statement.from().toString(), "Opening balance", "", "",
                    grouped(statement.openingBalance(), digits));
            for (PostingLine p : statement.postings()) {
                row(table, TIME.format(p.postedAt().atZone(zone)), p.refKind() + " " + p.refId(),
                        Long.toString(p.journalId()), grouped(p.delta(), digits), grouped(p.balanceAfter(), digits));
            }
            row(table, statement.to().toString(), "Closing balance", "", "",
                    grouped(statement.closingBalance(), digits));
            document.add(table);
            // the reconciliation a reader checks, as the screen spells it (Statement.reconciled asserted it)
            document.add(new Paragraph("Opening " + grouped(statement.openingBalance(), digits) + " + postings "
                    + grouped(statement.movement(), digits) + " (" + statement.postings().size() + ") = closing "
                    + grouped(statement.closingBalance(), digits) + ": reconciled",
                    FontFactory.getFont(FontFactory.HELVETICA, 9)));
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the statement PDF", e);
        } finally {
            document.close();
        }
        audited(who, "statement account:" + statement.accountId(), statement.asset() + " " + statement.from() + ".."
                + statement.to() + " as PDF, " + statement.postings().size() + " postings");
    }

    public void tradesCsv(Session who, long instrumentId, List<TradeLine> trades, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        InstrumentLine instrument = instrument(instrumentId);
        int scale = instrument == null ? 0 : instrument.instrument().priceScale();
        csv.row(List.of("trade_id", "executed_at", "trade_date", "symbol", "price", "quantity", "taker_side",
                "maker_order_id", "maker_account_id", "taker_order_id", "taker_account_id"));
        for (TradeLine t : trades) {
            csv.row(List.of(t.tradeId(), TIME.format(t.executedAt().atZone(zone)), t.tradeDate().toString(),
                    instrument == null ? Long.toString(instrumentId) : instrument.instrument().symbol(),
                    money(t.price(), scale), t.quantity(), t.takerSide(), t.makerOrderId(), t.makerAccountId(),
                    t.takerOrderId(), t.takerAccountId()));
        }
        audited(who, "trades instrument:" + instrumentId, trades.size() + " trades as CSV");
    }

    public void tradesPdf(Session who, long instrumentId, List<TradeLine> trades, OutputStream out) {
        InstrumentLine instrument = instrument(instrumentId);
        int scale = instrument == null ? 0 : instrument.instrument().priceScale();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 48, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph("Trade report " + (instrument == null ? "instrument " + instrumentId
                    : instrument.instrument().symbol() + " - " + instrument.name()),
                    FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16)));
            document.add(new Paragraph(" "));
            PdfPTable table = table(new float[] {1.2f, 3f, 1.6f, 1.2f, 1f, 1.8f, 1.6f, 1.8f, 1.6f},
                    "Trade", "Executed at", "Price", "Quantity", "Taker", "Maker order", "Maker account",
                    "Taker order", "Taker account");
            for (TradeLine t : trades) {
                row(table, Long.toString(t.tradeId()), TIME.format(t.executedAt().atZone(zone)),
                        money(t.price(), scale).text(), Long.toString(t.quantity()), t.takerSide(),
                        Long.toString(t.makerOrderId()), Long.toString(t.makerAccountId()),
                        Long.toString(t.takerOrderId()), Long.toString(t.takerAccountId()));
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the trade report PDF", e);
        } finally {
            document.close();
        }
        audited(who, "trades instrument:" + instrumentId, trades.size() + " trades as PDF");
    }

    /**
     * The day report as CSV: a TRADES line per instrument (trades, shares, settled cash in its currency), then
     * a CASH line per currency and kind of movement completed that day (count, amount, fees).
     */
    public void dayReportCsv(Session who, DayReport report, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row(List.of("trade_date", "section", "subject", "currency", "count", "quantity", "amount", "fees"));
        for (DayReport.InstrumentDay i : report.instruments()) {
            String currency = i.currency() == null ? "" : i.currency();
            csv.row(List.of(report.tradeDate().toString(), "TRADES", symbolOf(i.instrumentId()), currency,
                    i.trades(), i.quantity(), money(i.cash(), digitsOf(currency)), new CsvWriter.Money("")));
        }
        for (DayReport.CashDay c : report.cash()) {
            int digits = digitsOf(c.currency());
            csv.row(List.of(report.tradeDate().toString(), "CASH", c.kind(), c.currency(), c.count(), "",
                    money(c.amount(), digits), money(c.fees(), digits)));
        }
        audited(who, "day report " + report.tradeDate(), report.trades() + " trades, " + report.cash().size()
                + " movement lines as CSV");
    }

    public void dayReportPdf(Session who, DayReport report, OutputStream out) {
        Document document = new Document(PageSize.A4, 36, 36, 48, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph("Day report " + report.tradeDate(),
                    FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16)));
            document.add(new Paragraph("Trading day in " + zone + ": " + report.trades() + " trades",
                    FontFactory.getFont(FontFactory.HELVETICA, 10)));
            document.add(new Paragraph(" "));
            PdfPTable trades = table(new float[] {2f, 1.2f, 1.4f, 1.6f, 2.4f}, 2,
                    "Instrument", "Currency", "Trades", "Quantity", "Volume");
            for (DayReport.InstrumentDay i : report.instruments()) {
                String currency = i.currency() == null ? "" : i.currency();
                row(trades, symbolOf(i.instrumentId()), currency, Long.toString(i.trades()),
                        Long.toString(i.quantity()), money(i.cash(), digitsOf(currency)).text());
            }
            document.add(trades);
            document.add(new Paragraph(" "));
            PdfPTable cash = table(new float[] {1.2f, 2f, 1.2f, 2.4f, 2.4f}, 2,
                    "Currency", "Movement", "Count", "Amount", "Fees");
            for (DayReport.CashDay c : report.cash()) {
                int digits = digitsOf(c.currency());
                row(cash, c.currency(), c.kind(), Long.toString(c.count()), money(c.amount(), digits).text(),
                        money(c.fees(), digits).text());
            }
            document.add(cash);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the day report PDF", e);
        } finally {
            document.close();
        }
        audited(who, "day report " + report.tradeDate(), report.trades() + " trades, " + report.cash().size()
                + " movement lines as PDF");
    }

    private String symbolOf(long instrumentId) {
        InstrumentLine line = instrument(instrumentId);
        return line == null ? Long.toString(instrumentId) : line.instrument().symbol();
    }

    private static PdfPTable table(float[] widths, String... headers) {
        return table(widths, headers.length, headers);
    }

    /** A table whose headers from {@code firstFigure} on stand right, over their right-aligned figures. */
    private static PdfPTable table(float[] widths, int firstFigure, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        for (int i = 0; i < headers.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(headers[i], bold));
            cell.setGrayFill(0.9f);
            if (i >= firstFigure) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
        return table;
    }

    private static void row(PdfPTable table, String... cells) {
        Font font = FontFactory.getFont(FontFactory.HELVETICA, 8);
        for (int i = 0; i < cells.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(cells[i], font));
            if (i >= cells.length - 2 || cells[i].matches("-?[0-9.]+")) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
    }

    private int digitsOf(String asset) {
        Map<String, Integer> digits = reference.minorDigits();
        return digits.getOrDefault(asset, 0); // a security position counts whole units
    }

    private InstrumentLine instrument(long id) {
        for (InstrumentLine line : reference.instruments()) {
            if (line.instrument().id() == id) {
                return line;
            }
        }
        return null;
    }

    /** An amount for a printed page: thousands grouped (250,000.00), exact (no double on the way). */
    private static String grouped(long units, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", FixedPoint.toDecimal(units, digits));
    }

    private static CsvWriter.Money money(long units, int digits) {
        return new CsvWriter.Money(FixedPoint.toPlainString(units, digits));
    }

    private void audited(Session who, String subject, String details) {
        audit.append(AuditEntry.of(who.userId(), who.username(), AuditAction.EXPORT, subject, details));
    }
}
