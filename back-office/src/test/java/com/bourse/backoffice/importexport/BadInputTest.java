package com.bourse.backoffice.importexport;

import com.bourse.backoffice.security.NewUser;
import com.bourse.backoffice.security.UserChangeRefusedException;
import com.bourse.backoffice.security.UserView;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.protocol.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.util.Set;

import static com.bourse.backoffice.store.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile and odd input: each value is refused with a clear message or stored exactly as typed, never run. */
class BadInputTest {
    @RegisterExtension
    final BackOfficeFixture.SignedInAdmin seeded = new BackOfficeFixture.SignedInAdmin();

    @ParameterizedTest
    @ValueSource(strings = {"Robert'); DROP TABLE users;--", "O'Brien \"Bobby\" ; DELETE FROM accounts",
            "山田 太郎", "Ελένη Παπαδοπούλου", "محمد بن سلمان", "Zoë 🚀 Ünïcødé", "=HYPERLINK(\"http://x\")",
            "name with \\ backslash % and _ wildcards"})
    void displayNamesAreStoredExactlyAsTyped(String name) {
        seeded.office().users().create(seeded.admin(), 
                new NewUser(40, "guest", name, Set.of(Role.TRADER), "guest-password-1".toCharArray()));

        assertThat(seeded.office().users().findByUsername("guest")).get()
                .extracting(UserView::displayName).isEqualTo(name);
        assertThat(seeded.office().store().dsl().fetchCount(USERS)).isGreaterThan(5);
    }

    @Test
    void accountNamesWithSqlAndNonLatinTextSurviveImportAndStayEncrypted() {
        String name = "Société Générale'; DROP TABLE accounts;-- 株式会社";
        seeded.office().imports().accounts(seeded.admin(), "a.csv", new StringReader(
                "account_id,owner_username,name,base_currency,self_trade_prevention\n"
                        + "3001,bob,\"" + name + "\",EUR,CANCEL_BOTH\n"));

        assertThat(seeded.office().referenceData().account(3001)).get().extracting(AccountLine::name).isEqualTo(name);
        assertThat(seeded.office().referenceData().accounts()).hasSizeGreaterThan(4);
    }

    @Test
    void tooLongNamesAreRefusedWithTheLimit() {
        assertThatThrownBy(() -> seeded.office().users().create(seeded.admin(), 
                new NewUser(41, "longname", "x".repeat(201),
                Set.of(Role.TRADER), "guest-password-1".toCharArray())))
                .isInstanceOf(UserChangeRefusedException.class).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> seeded.office().imports().instruments(seeded.admin(), "i.csv",
                new StringReader(ImportTest.HEADER
                + "20,LONG," + "N".repeat(5_000) + ",EUR,2,1,1,100,1000\n")))
                .hasMessageContaining("line 2, field 'name': has 5000 characters, at most 200 allowed");
    }

    @Test
    void userNamesAreRefusedUnlessPlain() {
        for (String bad : new String[] {"admin' --", "ALICE", "a", "ünïcode", "x".repeat(40), ""}) {
            assertThatThrownBy(() -> seeded.office().users().create(seeded.admin(), new NewUser(42, bad, "Someone",
                    Set.of(Role.TRADER), "guest-password-1".toCharArray())))
                    .as(bad).isInstanceOf(UserChangeRefusedException.class).hasMessageContaining("user name");
        }
    }

    @Test
    void typedAmountsAreWholeMinorUnitsOrRefused() {
        assertThat(Inputs.amount("amount", "1250.50", 2)).isEqualTo(125_050);
        assertThatThrownBy(() -> Inputs.amount("amount", "-1", 2)).hasMessage("amount must be a positive amount, got -1");
        assertThatThrownBy(() -> Inputs.amount("amount", "0.001", 2)).hasMessage("amount has more than 2 decimals");
        assertThatThrownBy(() -> Inputs.amount("amount", "1e30", 2)).hasMessage("amount is too large");
        assertThatThrownBy(() -> Inputs.amount("amount", "12,50", 2)).hasMessageContaining("is not an amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "02/11/2026", "2026-13-01", "yesterday", "2026-11-02'; DROP TABLE postings;--",
            " ", "2026-1-2"})
    void malformedDatesAreRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> Inputs.dateRange(text, "2026-11-30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("from");
    }

    @Test
    void statementRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> Inputs.dateRange("2026-11-30", "2026-11-01")).hasMessageContaining("before");
        assertThat(Inputs.dateRange("2026-11-01", "2026-11-30").to()).hasToString("2026-11-30");
    }
}
