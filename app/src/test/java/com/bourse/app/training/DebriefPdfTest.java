package com.bourse.app.training;

import com.bourse.protocol.Side;
import com.bourse.ui.port.Debrief;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The debrief's PDF reads like the desk: times to the second, slippage to a tenth of a tick without "-0.0". */
class DebriefPdfTest {
    @TempDir
    Path dir;

    private static String textOf(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void fillsHoldsAndTheCurveReadInSecondsAndAFillAtItsBenchmarkShowsNoMinusZero() throws Exception {
        LocalTime filled = LocalTime.of(10, 15, 7, 123_000_000);
        Debrief debrief = new Debrief("flash-crash", "Flash crash", 7, LocalTime.of(17, 30, 0, 1_000_000), true, "EUR",
                2, -1_250, List.of(new Debrief.PnlPoint(LocalTime.of(9, 0, 0, 500_000_000), 0),
                new Debrief.PnlPoint(LocalTime.of(17, 30, 0, 1_000_000), -1_250)),
                List.of(new Debrief.FillLine(filled, 11, "SAP", 2, Side.SELL, 200, 234_20, 234_20, 234_25, -0.04,
                        1.96)),
                List.of(new Debrief.ReviewLine("Order", 12, LocalTime.of(11, 0, 1, 250_000_000),
                        LocalTime.of(11, 2, 3, 999_000_000))),
                0, 0, List.of(), List.of());
        Path pdf = dir.resolve("debrief.pdf");

        DebriefPdf.write(debrief, pdf);

        String text = textOf(pdf);
        assertThat(text).contains("10:15:07", "at 17:30:00", "held at 11:00:01, decided at 11:02:03", "+2.0")
                .doesNotContain("10:15:07.123", "17:30:00.001", "11:00:01.250", "-0.0");
        assertThat(text.lines().filter(l -> l.contains("SAP")).findFirst().orElseThrow())
                .containsPattern("(^|\\s)0\\.0(\\s|$)");
    }
}
