package com.bourse.backoffice.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyVaultTest {
    @TempDir
    Path dir;

    @Test
    void reopeningWithTheSamePassphraseGivesTheSameKeys() {
        Path file = dir.resolve("keys.vault");
        KeyVault created = KeyVault.openOrCreate(file, "a long enough passphrase".toCharArray(), Argon2Params.forTests());
        KeyVault reopened = KeyVault.open(file, "a long enough passphrase".toCharArray());

        assertThat(reopened.dataKey().getEncoded()).isEqualTo(created.dataKey().getEncoded());
        assertThat(reopened.databaseFileKey()).isEqualTo(created.databaseFileKey());
        assertThat(reopened.auditVerifyingKey().getEncoded()).isEqualTo(created.auditVerifyingKey().getEncoded());
        assertThat(reopened.sessionCredentialSecret()).isEqualTo(created.sessionCredentialSecret())
                .isNotEqualTo(created.dataKey().getEncoded());
    }

    @Test
    void wrongPassphraseIsAClearErrorAndLeavesTheVaultUntouched() throws Exception {
        Path file = dir.resolve("keys.vault");
        KeyVault.openOrCreate(file, "a long enough passphrase".toCharArray(), Argon2Params.forTests());
        byte[] before = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);

        assertThatThrownBy(() -> KeyVault.openOrCreate(file, "a wrong but long passphrase".toCharArray(),
                Argon2Params.forTests()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("passphrase does not open the key store")
                .hasMessageContaining("Nothing was changed");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void aShortPassphraseIsRefusedBeforeAnyVaultIsWritten() {
        Path file = dir.resolve("keys.vault");
        assertThatThrownBy(() -> KeyVault.openOrCreate(file, "short".toCharArray(), Argon2Params.forTests()))
                .hasMessageContaining("at least 12 characters");
        assertThat(file).doesNotExist();
    }
}
