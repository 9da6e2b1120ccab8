package com.bourse.backoffice.importexport;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditRecord;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.backoffice.store.Page;
import com.bourse.csv.ImportRejectedException;
import com.bourse.protocol.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportTest {
    static final String HEADER = "instrument_id,symbol,name,currency,price_scale,tick_size,lot_size,reference_price,band_bps\n";

    @RegisterExtension
    final BackOfficeFixture.SignedInAdmin seeded = new BackOfficeFixture.SignedInAdmin();

    @Test
    void goodFileIsImportedWholeAndReturnsTheEngineCommandsToListIt() {
        ReferenceDataImport.Result result = seeded.office().imports().instruments(seeded.admin(), "new.csv",
                new StringReader(HEADER
                + "10,BNP,BNP Paribas,EUR,2,1,1,6512,1000\n"
                + "11,\"ORA\",\"Orange, S.A.\",EUR,3,5,10,10250,500\n"));

        assertThat(result.records()).isEqualTo(2);
        assertThat(result.engineCommands()).allSatisfy(c -> assertThat(c).isInstanceOf(Command.ListInstrument.class));
        assertThat(seeded.office().referenceData().instruments())
                .extracting(InstrumentLine::name).contains("Orange, S.A.");
        assertThat(lastAudit().action()).isEqualTo(AuditAction.IMPORT);
    }

    @Test
    void malformedLineNamesTheLineAndFieldAndNothingIsImported() {
        int before = seeded.office().referenceData().instruments().size();

        assertThatThrownBy(() -> seeded.office().imports().instruments(seeded.admin(), "new.csv",
                new StringReader(HEADER
                + "10,BNP,BNP Paribas,EUR,2,1,1,6512,1000\n"
                + "11,ORA,Orange,EUR,2,five,1,10250,500\n")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.line()).isEqualTo(3);
                        assertThat(p.field()).isEqualTo("tick_size");
                    });
                    assertThat(e.getMessage()).startsWith("new.csv line 3, field 'tick_size': 'five' is not a whole number")
                            .endsWith("nothing was imported");
                });
        assertThat(seeded.office().referenceData().instruments()).hasSize(before);
        assertThat(lastAudit().action()).isEqualTo(AuditAction.IMPORT_REFUSED);
    }

    @Test
    void everyProblemOfTheFileIsListedNotOnlyTheFirst() {
        assertThatThrownBy(() -> seeded.office().imports().instruments(seeded.admin(), "bad.csv",
                new StringReader(HEADER
                + "1,ASML,Duplicate of an existing id,EUR,2,10,1,68450,1000\n"
                + "12,XYZ,Unknown currency,CHF,2,1,1,100,1000\n"
                + "13,QQ,Off tick reference,EUR,2,10,1,68455,1000\n")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                .extracting(p -> p.line() + ":" + p.field())
                        .containsExactly("2:instrument_id", "2:symbol", "3:currency", "4:reference_price"));
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsOrAnUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> seeded.office().imports().instruments(seeded.admin(), "short.csv",
                new StringReader(HEADER + "14,AB,Too short,EUR\n")))
                .hasMessageContaining("short.csv line 2: has 4 fields, the header has 9");
        assertThatThrownBy(() -> seeded.office().imports().instruments(seeded.admin(), "quote.csv",
                new StringReader(HEADER + "14,AB,\"never closed,EUR,2,1,1,100,1000\n")))
                .hasMessageContaining("quote.csv line 2: a quoted field is never closed");
    }

    @Test
    void accountsNeedAKnownOwnerAndAValidIban() {
        assertThatThrownBy(() -> seeded.office().imports().accounts(seeded.admin(), "accounts.csv", new StringReader(
                "account_id,owner_username,name,base_currency,self_trade_prevention,iban\n"
                        + "2001,alice,Alice - Bonds,EUR,CANCEL_OLDEST,DE89370400440532013001\n"
                        + "2002,zoe,Zoe,EUR,CANCEL_OLDEST,\n")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                .extracting(p -> p.line() + ":" + p.field()).containsExactly("2:iban", "3:owner_username"));
    }

    @Test
    void usersImportNeedsAnAdministrator() {
        Session alice = BackOfficeFixture.signIn(seeded.office(), "alice", "alice-training-1");

        assertThatThrownBy(() -> seeded.office().imports().users(alice, "users.csv", new StringReader(
                "user_id,username,display_name,roles,password\n20,zoe,Zoe,TRADER,zoe-training-1\n")))
                .hasMessageContaining("only an administrator");
        assertThat(seeded.office().users().findByUsername("zoe")).isEmpty();
    }

    private AuditRecord lastAudit() {
        return seeded.office().audit().entries(Page.first(10_000)).getLast();
    }
}
