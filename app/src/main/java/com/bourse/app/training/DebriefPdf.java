package com.bourse.app.training;

import com.bourse.protocol.FixedPoint;
import com.bourse.ui.port.Debrief;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The debrief as a printable A4 page or more: summary, goals, the P&L curve, fills, holds, earlier attempts. */
final class DebriefPdf {
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font CELL_HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final java.time.format.DateTimeFormatter HH_MM_SS =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private DebriefPdf() {
    }

    static void write(Debrief d, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                Document document = new Document(PageSize.A4, 36, 36, 36, 36);
                PdfWriter writer = PdfWriter.getInstance(document, out);
                document.open();
                document.add(new Paragraph("Training debrief — " + d.title(), TITLE));
                document.add(new Paragraph(String.format(Locale.ROOT, "Scenario %s, seed %d, %s at %s. Trading result %s %s; "
                                + "%d fills, %d holds, %d orders refused.", d.scenario(), d.seed(),
                        d.finished() ? "day closed" : "in progress", time(d.reached()), money(d, d.pnlMinor()), d.currency(),
                        d.fills().size(), d.reviews().size(), d.rejectedOrders()), BODY));
                document.add(heading("Goals"));
                if (d.goals().isEmpty()) {
                    document.add(new Paragraph("This scenario sets no goal (practice).", BODY));
                }
                for (Debrief.GoalLine goal : d.goals()) {
                    document.add(new Paragraph((goal.met() ? "MET  " : "NOT MET  ") + goal.text() + " (" + goal.detail()
                            + ")", BODY));
                }
                document.add(heading("P&L over time (" + d.currency() + ")"));
                document.add(org.openpdf.text.Image.getInstance(chart(writer, d)));
                document.add(heading("Fills"));
                PdfPTable fills = table(new float[]{1.2f, 1, 0.8f, 1, 1.2f, 1.2f, 1.2f, 1.1f, 1.1f}, "time", "symbol",
                        "side", "qty", "price", "arrival mid", "VWAP", "vs mid (ticks)", "vs VWAP (ticks)");
                for (Debrief.FillLine f : d.fills()) {
                    cells(fills, time(f.time()), f.symbol(), f.side().name(), Long.toString(f.quantity()),
                            price(f, f.price()), price(f, f.arrivalMid()), price(f, f.intervalVwap()),
                            ticks(f.slippageVsMidTicks()), ticks(f.slippageVsVwapTicks()));
                }
                document.add(fills);
                document.add(heading("Holds and alerts caused"));
                if (d.reviews().isEmpty()) {
                    document.add(new Paragraph("None: no order or transfer of yours waited for a risk officer.", BODY));
                }
                for (Debrief.ReviewLine r : d.reviews()) {
                    document.add(new Paragraph(r.subject() + " " + r.subjectId() + " held at " + time(r.held())
                            + (r.decided() == null ? ", never decided" : ", decided at " + time(r.decided())), BODY));
                }
                document.add(heading("Earlier attempts"));
                if (d.attempts().isEmpty()) {
                    document.add(new Paragraph("This is the first attempt at this scenario.", BODY));
                } else {
                    PdfPTable attempts = table(new float[]{2, 1, 1.5f, 1, 1}, "when", "seed", "result", "goals", "fills");
                    for (Debrief.Attempt a : d.attempts()) {
                        cells(attempts, a.when(), Long.toString(a.seed()), money(d, a.pnlMinor()),
                                a.goalsMet() + "/" + a.goals(), Integer.toString(a.fills()));
                    }
                    document.add(attempts);
                }
                document.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out the debrief: " + e.getMessage(), e);
        }
    }

    /** The curve drawn as vectors: zero line, the P&L, first and last times under it. */
    private static PdfTemplate chart(PdfWriter writer, Debrief d) throws DocumentException, IOException {
        float width = 520;
        float height = 150;
        PdfContentByte canvas = writer.getDirectContent();
        PdfTemplate t = canvas.createTemplate(width, height);
        List<Debrief.PnlPoint> points = d.pnl();
        long min = 0;
        long max = 0;
        for (Debrief.PnlPoint p : points) {
            min = Math.min(min, p.pnlMinor());
            max = Math.max(max, p.pnlMinor());
        }
        if (max == min) {
            max = min + 1;
        }
        float left = 60;
        float bottom = 16;
        float plotW = width - left - 4;
        float plotH = height - bottom - 6;
        t.setColorStroke(Color.LIGHT_GRAY);
        t.rectangle(left, bottom, plotW, plotH);
        t.stroke();
        float zero = bottom + plotH * (0 - min) / (float) (max - min);
        t.setColorStroke(Color.GRAY);
        t.moveTo(left, zero);
        t.lineTo(left + plotW, zero);
        t.stroke();
        t.beginText();
        t.setFontAndSize(org.openpdf.text.pdf.BaseFont.createFont(org.openpdf.text.pdf.BaseFont.HELVETICA,
                org.openpdf.text.pdf.BaseFont.CP1252, false), 7);
        t.showTextAligned(Element.ALIGN_RIGHT, money(d, max), left - 3, bottom + plotH - 6, 0);
        t.showTextAligned(Element.ALIGN_RIGHT, money(d, min), left - 3, bottom, 0);
        if (!points.isEmpty()) {
            t.showTextAligned(Element.ALIGN_LEFT, time(points.getFirst().time()), left, 4, 0);
            t.showTextAligned(Element.ALIGN_RIGHT, time(points.getLast().time()), left + plotW, 4, 0);
        }
        t.endText();
        if (points.size() > 1) {
            t.setColorStroke(new Color(0x1f, 0x6f, 0xd1));
            t.setLineWidth(1.2f);
            for (int i = 0; i < points.size(); i++) {
                float x = left + plotW * i / (points.size() - 1);
                float y = bottom + plotH * (points.get(i).pnlMinor() - min) / (float) (max - min);
                if (i == 0) {
                    t.moveTo(x, y);
                } else {
                    t.lineTo(x, y);
                }
            }
            t.stroke();
        }
        return t;
    }

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, HEAD);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, CELL_HEAD));
            cell.setBackgroundColor(new Color(0xe8, 0xec, 0xf2));
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        return table;
    }

    private static void cells(PdfPTable table, String... values) {
        for (String value : values) {
            table.addCell(new Phrase(value, CELL));
        }
    }

    private static String money(Debrief d, long minor) {
        return FixedPoint.toPlainString(minor, d.minorDigits());
    }

    private static String price(Debrief.FillLine f, long units) {
        return units == 0 ? "-" : FixedPoint.toPlainString(units, f.priceScale());
    }

    /** Slippage to a tenth of a tick, signed; no "-0.0": a fill at the benchmark shows 0.0 (as the panel does). */
    static String ticks(double ticks) {
        return Math.abs(ticks) < 0.05 ? "0.0" : String.format(Locale.ROOT, "%+.1f", ticks);
    }

    /** Simulated time of day to the second, as the desk shows it: a debrief reads seconds, not milliseconds. */
    static String time(java.time.LocalTime time) {
        return time == null ? "" : HH_MM_SS.format(time);
    }
}
