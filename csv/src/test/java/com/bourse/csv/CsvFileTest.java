package com.bourse.csv;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFileTest {
    private static CsvFile read(String text, int firstLine) {
        return CsvFile.read("t.csv", new StringReader(text), firstLine, List.of("a", "b"), List.of("c"));
    }

    @Test
    void aQuotedFieldKeepsItsCommasAndDoubledQuotes() {
        CsvFile file = read("a,b\n1,\"x, \"\"y\"\"\"\n", 1);

        assertThat(file.records().getFirst().fields()).containsEntry("b", "x, \"y\"");
    }

    @Test
    void aTableInsideALargerFileCountsLinesFromItsHeader() {
        CsvFile file = read("a,b\n\n1,2\n", 20);

        assertThat(file.records()).extracting(CsvFile.CsvRecord::line).containsExactly(22);
    }

    @Test
    void aBadRecordOfAnEmbeddedTableIsReportedAtItsLineInTheFile() {
        assertThatThrownBy(() -> read("a,b\n1,2,3,4\n", 20))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst())
                        .hasToString("t.csv line 21: has 4 fields, the header has 2"));
    }

    @Test
    void anUnknownColumnIsRefusedNamingTheColumnsThereAre() {
        assertThatThrownBy(() -> read("a,b,d\n", 5))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems().getFirst())
                        .hasToString("t.csv line 5, field 'd': unknown column (the columns are a,b, optionally c)"));
    }
}
