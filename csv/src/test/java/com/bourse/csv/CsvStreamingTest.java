package com.bourse.csv;

import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports read a file record by record: the stated limit of records is the limit, and no file is held whole. */
class CsvStreamingTest {
    static final List<String> COLUMNS = List.of("id", "name");

    @Test
    void aFileOfExactlyTheStatedLimitOfRecordsIsReadRecordByRecord() {
        AtomicLong seen = new AtomicLong();
        AtomicLong lastLine = new AtomicLong();

        CsvFile.each("big.csv", new GeneratedCsv(CsvFile.MAX_RECORDS), 1, COLUMNS, List.of(), r -> {
            seen.incrementAndGet();
            lastLine.set(r.line());
        });

        assertThat(seen.get()).isEqualTo(CsvFile.MAX_RECORDS);
        assertThat(lastLine.get()).isEqualTo(CsvFile.MAX_RECORDS + 1);
    }

    @Test
    void oneRecordMoreThanTheLimitIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> CsvFile.each("big.csv", new GeneratedCsv(CsvFile.MAX_RECORDS + 1), 1, COLUMNS,
                List.of(), r -> { }))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("big.csv line " + (CsvFile.MAX_RECORDS + 2))
                .hasMessageContaining("more than 1000000 records");
    }

    @Test
    void aBrokenLineStopsTheReadingNamingItsLine() {
        var reader = new java.io.StringReader("id,name\n1,a\n2,\"b\n");
        assertThatThrownBy(() -> CsvFile.each("broken.csv", reader, 1, COLUMNS, List.of(), r -> { }))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("broken.csv line 3").hasMessageContaining("never closed");
    }

    /** A header and {@code records} lines made on the fly: the file never exists whole in memory. */
    private static final class GeneratedCsv extends Reader {
        private final long records;
        private long next = -1;
        private String line = "";
        private int at;

        GeneratedCsv(long records) {
            this.records = records;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at == line.length()) {
                if (next >= records) {
                    return -1;
                }
                line = next < 0 ? "id,name\n" : next + ",instrument " + next + "\n";
                next++;
                at = 0;
            }
            int n = Math.min(length, line.length() - at);
            line.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
