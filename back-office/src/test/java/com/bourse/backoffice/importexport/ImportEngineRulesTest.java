package com.bourse.backoffice.importexport;

import com.bourse.csv.ImportRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An import asks the engine's rules before the store writes: the store and the engine never disagree. */
class ImportEngineRulesTest {
    @RegisterExtension
    final BackOfficeFixture.SignedInAdmin seeded = new BackOfficeFixture.SignedInAdmin();

    @Test
    void anInstrumentWithinTheFileRulesButRefusedByTheEngineIsNotStored() {
        // Scale 12 and band 9,999 bps pass the file's rules; at tick 1 the band spans more levels than a book holds.
        assertThatThrownBy(() -> seeded.office().imports().instruments(seeded.admin(), "wide.csv",
                new StringReader(ImportTest.HEADER
                + "10,BNP,BNP Paribas,EUR,2,1,1,6512,1000\n"
                + "11,WIDE,Too wide a band,EUR,12,1,1,234200000000000,9999\n")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
                    assertThat(e.getMessage()).contains("wide.csv line 3").contains("the engine refuses")
                            .contains("INVALID_CONFIGURATION").endsWith("nothing was imported");
                });

        assertThat(seeded.office().referenceData().instruments()).hasSize(6);
        assertThat(seeded.office().desk().engine().instruments()).hasSize(6);
    }
}
