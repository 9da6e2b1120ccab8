package com.bourse.backoffice.importexport;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.security.WrongPassphraseException;
import com.bourse.backoffice.store.FieldCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static com.bourse.backoffice.store.schema.Tables.ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionAtRestTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(BackOfficeFixture.START);

    @Test
    void bankDetailsAndNamesAreCiphertextInTheDatabaseAndInTheFile() throws Exception {
        try (BackOffice office = BackOfficeFixture.seeded(dir, clock)) {
            byte[] stored = office.store().dsl().select(ACCOUNTS.IBAN_ENC).from(ACCOUNTS)
                    .where(ACCOUNTS.ACCOUNT_ID.eq(1002L)).fetchOne(ACCOUNTS.IBAN_ENC);
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("FR1420041010050500013M02606");
            assertThat(stored).hasSize(12 + "FR1420041010050500013M02606".length() + 16);
        }
        byte[] file = Files.readAllBytes(dir.resolve("db").resolve("bourse.mv.db"));
        String raw = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("FR1420041010050500013M02606").doesNotContain("Bob Keller")
                .doesNotContain("ASML Holding"); // the whole file is encrypted too
    }

    @Test
    void sameValueEncryptsDifferentlyEachTimeAndCannotBeMovedToAnotherRow() throws Exception {
        try (BackOffice office = BackOfficeFixture.seeded(dir, clock)) {
            FieldCipher cipher = new FieldCipher(office.vault().dataKey());
            byte[] a = cipher.encrypt("DE89370400440532013000", FieldCipher.place("accounts", "iban", 1001));
            byte[] b = cipher.encrypt("DE89370400440532013000", FieldCipher.place("accounts", "iban", 1001));
            assertThat(HexFormat.of().formatHex(a)).isNotEqualTo(HexFormat.of().formatHex(b));

            byte[] bobs = office.store().dsl().select(ACCOUNTS.IBAN_ENC).from(ACCOUNTS)
                    .where(ACCOUNTS.ACCOUNT_ID.eq(1002L)).fetchOne(ACCOUNTS.IBAN_ENC);
            office.store().dsl().update(ACCOUNTS).set(ACCOUNTS.IBAN_ENC, bobs).where(ACCOUNTS.ACCOUNT_ID.eq(1001L))
                    .execute();
            assertThatThrownBy(() -> office.referenceData().account(1001))
                    .isInstanceOf(FieldCipher.TamperedValueException.class)
                    .hasMessageContaining("accounts.iban#1001");

            bobs[20] ^= 1;
            office.store().dsl().update(ACCOUNTS).set(ACCOUNTS.IBAN_ENC, bobs).where(ACCOUNTS.ACCOUNT_ID.eq(1002L))
                    .execute();
            assertThatThrownBy(() -> office.referenceData().account(1002))
                    .isInstanceOf(FieldCipher.TamperedValueException.class);
        }
    }

    @Test
    void wrongPassphraseIsAClearErrorAndNoFileIsOverwritten() throws Exception {
        BackOfficeFixture.seeded(dir, clock).close();
        Path db = dir.resolve("db").resolve("bourse.mv.db");
        byte[] vaultBefore = Files.readAllBytes(dir.resolve("keys.vault"));
        byte[] dbBefore = Files.readAllBytes(db);
        byte[] journalBefore = Files.readAllBytes(dir.resolve("journal").resolve("journal-0.log"));

        BackOffice.Options wrong = new BackOffice.Options(dir, "not the passphrase at all".toCharArray(),
                com.bourse.backoffice.security.Argon2Params.forTests(), com.bourse.backoffice.security.Argon2Params.forTests(), true,
                java.time.ZoneId.of("UTC"), java.time.Duration.ofHours(8), com.bourse.engine.EngineConfig.defaults(),
                com.bourse.engine.host.Durability.POWER_LOSS, clock);
        assertThatThrownBy(() -> BackOffice.open(wrong)).isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("passphrase does not open the key store");

        assertThat(Files.readAllBytes(dir.resolve("keys.vault"))).isEqualTo(vaultBefore);
        assertThat(Files.readAllBytes(db)).isEqualTo(dbBefore);
        assertThat(Files.readAllBytes(dir.resolve("journal").resolve("journal-0.log"))).isEqualTo(journalBefore);
        try (BackOffice right = BackOffice.open(BackOfficeFixture.options(dir, clock))) {
            assertThat(right.users().all()).isNotEmpty();
        }
    }
}
