package com.bourse.backoffice.store;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newer version opens the data folder an older one left: the start's read-only look at the file (StoreProbe)
 * comes before the migrations, so it must read the file as that older version wrote it.
 */
class StoreUpgradeTest {
    private static final String HASH = "X'" + "ab".repeat(32) + "'";

    @TempDir
    Path dir;

    @Test
    void aStoreFromBeforeTheLatestMigrationsReadsAsSoundAndIsBroughtUpToDateWithItsAuditTrail() throws Exception {
        StoreConfig config = StoreConfig.in(dir);
        // As a version from before V4 left it: an audit trail without journal_seq, with an entry in it.
        try (HikariDataSource older = Store.pool(config, config.databaseName(), "")) {
            Flyway.configure().dataSource(older).locations(Store.MIGRATIONS).target("3").load().migrate();
            try (Connection connection = older.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("insert into audit_log (seq, at, username, action, details, prev_hash, hash)"
                        + " values (1, 1733300000000, 'alice', 'SIGN_IN', 'signed in', " + HASH + ", " + HASH + ")");
            }
        }

        StoreProbe.Contents contents = StoreProbe.read(config);

        assertThat(contents.auditEntries()).isEqualTo(1);
        try (Store store = Store.open(config);
             Connection connection = store.dataSource().getConnection();
             Statement sql = connection.createStatement();
             ResultSet entry = sql.executeQuery("select username, action, journal_seq from audit_log where seq = 1")) {
            assertThat(entry.next()).isTrue();
            assertThat(entry.getString("username")).isEqualTo("alice");
            assertThat(entry.getString("action")).isEqualTo("SIGN_IN");
            entry.getLong("journal_seq");
            assertThat(entry.wasNull()).as("an entry from before V4 names no journal record").isTrue();
        }
    }
}
