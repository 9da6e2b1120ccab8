package com.bourse.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The back-office database: an H2 file (MVStore) behind a HikariCP pool, its schema created and migrated by
 * Flyway from {@code db/migration}, queried through jOOQ classes generated from the same migrations.
 *
 * <p>Durability is split by what can be rebuilt. Projections commit at H2's default write delay (H2 writes
 * committed changes to the file within about half a second): they are derived from the command journal, and
 * after a crash the missing tail is projected again, so they do not pay for a file write per commit. What
 * cannot be rebuilt (the audit trail, users, master data) is forced to the disk with {@link #forceToDisk()}
 * right after it commits. Thread-safe; close it once when the application stops.
 */
public final class Store implements AutoCloseable {
    private final StoreConfig config;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Store(StoreConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, SQLDialect.H2);
    }

    /** Open (or create) the database and bring its schema to the latest migration. */
    public static Store open(StoreConfig config) {
        try {
            Files.createDirectories(config.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory " + config.directory(), e);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("bourse-store");
        hikari.setJdbcUrl(jdbcUrl(config));
        hikari.setUsername("bourse");
        // H2 wants "filePassword userPassword" for an encrypted file; the user password only guards the URL.
        hikari.setPassword(config.filePassword() == null ? "bourse" : new String(config.filePassword()) + " bourse");
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(true);
        hikari.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            checkOpens(dataSource, config);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Store(config, dataSource);
    }

    static String jdbcUrl(StoreConfig config) {
        String path = config.directory().toAbsolutePath().resolve(config.databaseName()).toString();
        return "jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE"
                + (config.filePassword() == null ? "" : ";CIPHER=AES");
    }

    private static void checkOpens(DataSource dataSource, StoreConfig config) {
        try (Connection ignored = dataSource.getConnection()) {
            // opened: the file exists and the password (if any) fits
        } catch (SQLException e) {
            // 90049: encryption error, 28000: wrong user/password. Either way the file was not touched.
            if (e.getErrorCode() == 90049 || e.getErrorCode() == 28000 || "28000".equals(e.getSQLState())) {
                throw new StoreAccessException("The database " + config.databaseFile()
                        + " cannot be opened with this key: wrong passphrase or not this installation's file", e);
            }
            if (e.getErrorCode() == 90020) {
                throw new StoreAccessException("The database " + config.databaseFile()
                        + " is in use by another Bourse process", e);
            }
            throw new StoreAccessException("The database " + config.databaseFile() + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public StoreConfig config() {
        return config;
    }

    /**
     * Write every committed change to the file and fsync it ({@code CHECKPOINT SYNC}): after this returns, a
     * killed process or a power cut loses none of it.
     */
    public void forceToDisk() {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(CHECKPOINT_SYNC);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot force the database to disk: " + e.getMessage(), e);
        }
    }

    /** H2's own command, not a query on our tables: jOOQ has no builder for it. */
    static final String CHECKPOINT_SYNC = "CHECKPOINT SYNC";

    @Override
    public void close() {
        dataSource.close();
    }
}
