package com.bourse.backoffice.importexport;

import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.csv.ImportRejectedException;
import com.bourse.protocol.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file larger than one chunk streams into the store inside one transaction: all of it or nothing, and the engine
 * is told, chunk by chunk after the commit, exactly what the store holds, in file order.
 */
class ImportStreamingTest {
    static final int ROWS = 2 * ReferenceDataImport.CHUNK_ROWS + 5;

    @RegisterExtension
    final BackOfficeFixture.SignedInAdmin seeded = new BackOfficeFixture.SignedInAdmin();

    @Test
    void aFileOfSeveralChunksIsImportedWholeAndTheEngineIsToldEachRowInFileOrder() {
        ReferenceDataImport.Result result = seeded.office().imports().instruments(seeded.admin(), "many.csv",
                new StringReader(instruments(ROWS, -1)));

        assertThat(result.records()).isEqualTo(ROWS);
        List<Long> told = new ArrayList<>();
        List<Integer> chunks = new ArrayList<>();
        result.engineCommands().forEachChunk(chunk -> {
            chunks.add(chunk.size());
            chunk.forEach(c -> told.add(((Command.ListInstrument) c).instrument().id()));
        });
        assertThat(told).containsExactlyElementsOf(LongStream.range(0, ROWS).map(ImportStreamingTest::idOf)
                .boxed().toList());
        assertThat(chunks).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(ReferenceDataImport.CHUNK_ROWS));
        assertThat(result.engineCommands()).hasSize(ROWS);
        assertThat(seeded.office().referenceData().instruments()).extracting(l -> l.instrument().id())
                .contains(idOf(0), idOf(ROWS - 1));
    }

    @Test
    void aBadLastLineAfterChunksWereWrittenLeavesNothingInTheStore() {
        List<InstrumentLine> before = seeded.office().referenceData().instruments();

        assertThatThrownBy(() -> seeded.office().imports().instruments(seeded.admin(), "late.csv",
                new StringReader(instruments(ROWS, ROWS - 1))))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.line()).isEqualTo(ROWS + 1); // the header is line 1
                        assertThat(p.field()).isEqualTo("tick_size");
                    });
                    assertThat(e.getMessage()).endsWith("nothing was imported");
                });

        assertThat(seeded.office().referenceData().instruments()).isEqualTo(before);
        assertThat(seeded.office().desk().engine().instruments()).hasSize(before.size());
    }

    @Test
    void aFileBadOnEveryLineListsTheFirstThousandProblemsAndCountsEveryOne() {
        int rows = ImportRejectedException.MAX_LISTED + 500;
        StringBuilder csv = new StringBuilder(ImportTest.HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(idOf(i)).append(",S").append(i).append(",Name,EUR,2,one,1,100,1000\n");
        }

        assertThatThrownBy(() -> seeded.office().imports().instruments(seeded.admin(), "bad.csv",
                new StringReader(csv.toString())))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problems()).hasSize(ImportRejectedException.MAX_LISTED);
                    assertThat(e.getMessage()).contains("(and " + (rows - 1) + " more)");
                });
    }

    private static long idOf(long row) {
        return 100_000 + row;
    }

    /** {@code rows} sound instruments; the one at {@code badRow} (if any) has a tick size that is not a number. */
    private static String instruments(int rows, int badRow) {
        StringBuilder csv = new StringBuilder(ImportTest.HEADER);
        for (int i = 0; i < rows; i++) {
            long id = idOf(i);
            csv.append(id).append(",I").append(id).append(",Imported ").append(id).append(",EUR,2,")
                    .append(i == badRow ? "one" : "1").append(",1,10000,1000\n");
        }
        return csv.toString();
    }
}
