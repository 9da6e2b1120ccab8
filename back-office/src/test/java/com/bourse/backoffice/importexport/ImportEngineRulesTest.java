package com.bourse.backoffice.importexport;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.security.Session;
import com.bourse.csv.ImportRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An import asks the engine's rules before the store writes: the store and the engine never disagree. */
class ImportEngineRulesTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(BackOfficeFixture.START);
    BackOffice office;
    Session admin;

    @BeforeEach
    void seeded() {
        office = BackOfficeFixture.seeded(dir, clock);
        admin = BackOfficeFixture.signIn(office, "admin", "admin-training-1");
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void anInstrumentWithinTheFileRulesButRefusedByTheEngineIsNotStored() {
        // Scale 12 and band 9,999 bps pass the file's rules; at tick 1 the band spans more levels than a book holds.
        assertThatThrownBy(() -> office.imports().instruments(admin, "wide.csv", new StringReader(ImportTest.HEADER
                + "10,BNP,BNP Paribas,EUR,2,1,1,6512,1000\n"
                + "11,WIDE,Too wide a band,EUR,12,1,1,234200000000000,9999\n")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
                    assertThat(e.getMessage()).contains("wide.csv line 3").contains("the engine refuses")
                            .contains("INVALID_CONFIGURATION").endsWith("nothing was imported");
                });

        assertThat(office.referenceData().instruments()).hasSize(6);
        assertThat(office.desk().engine().instruments()).hasSize(6);
    }
}
