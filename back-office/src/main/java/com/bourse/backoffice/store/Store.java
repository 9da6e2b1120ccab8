package com.bourse.backoffice.store;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The back office's two H2 files (MVStore), each behind its own HikariCP pool, their schemas created and
 * migrated by Flyway, queried through jOOQ classes generated from the same migrations:
 * <ul>
 *   <li>the back-office file ({@code <name>.mv.db}, {@code db/migration}): users, roles, the audit trail, the
 *   accounts and instruments reference data, what the journal cannot give back. {@link #dsl()};</li>
 *   <li>the projection file ({@code <name>-projections.mv.db}, {@code db/projections}): every table the
 *   projection writer derives from the command journal. {@link #projections()}.</li>
 * </ul>
 *
 * <p>Durability is split by what can be rebuilt. Projections commit at H2's default write delay and are never
 * forced: after a crash the missing tail is projected again, and a projection file that opens torn is deleted
 * and projected again from the journal whole ({@link ProjectionDatabase}). The back-office file writes every
 * commit through ({@code WRITE_DELAY=0}, so a killed process loses none), and the audit trail (with the user or
 * master-data change it records) is forced to the disk with {@link #forceToDisk()} right after it commits.
 * The two files are never queried together. Thread-safe; close it once when the application stops.
 */
public final class Store implements AutoCloseable {
    /** H2's error code for a file another process holds open. */
    static final int DATABASE_ALREADY_OPEN = 90020;

    private final StoreConfig config;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final ProjectionDatabase projections;

    private Store(StoreConfig config, HikariDataSource dataSource, ProjectionDatabase projections) {
        this.config = config;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, SQLDialect.H2);
        this.projections = projections;
    }

    /**
     * Open (or create) both files and bring their schemas to the latest migration. The back-office file opens
     * first, so a wrong key fails before the projection file is looked at; a projection file that cannot be
     * trusted is then deleted and created empty (the journal refills it).
     */
    public static Store open(StoreConfig config) {
        try {
            Files.createDirectories(config.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory " + config.directory(), e);
        }
        // Back-office commits are rare (users, master data, audit) and cannot be rebuilt: write each through,
        // always at the end of the file (see BACK_OFFICE_SETTINGS).
        HikariDataSource dataSource = pool(config, config.databaseName(), BACK_OFFICE_SETTINGS);
        try {
            checkOpens(dataSource, config.databaseFile());
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    // Files made before the projections moved out still list V1 (their projection tables,
                    // now unused); that migration lives in db/projections.
                    .ignoreMigrationPatterns("*:future", "versioned:missing")
                    .load()
                    .migrate();
            return new Store(config, dataSource, ProjectionDatabase.open(config));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    static final String MIGRATIONS = "classpath:db/migration";

    /**
     * Every commit written through ({@code WRITE_DELAY=0}), and every chunk appended at the end of the file
     * ({@code REUSE_SPACE=FALSE}). H2 2.5 (MVStore) reuses the space of chunks freed more than its retention time
     * (45 s) ago; a commit after such a pause can land in that space, in the middle of the file, and the store
     * header H2 then rewrites to point at it names the chunk before it instead (FileStore.storeBuffer sets
     * lastChunk only after writeChunk wrote the header). After a kill the start finds neither the header nor the
     * file's last footer pointing at that chunk and silently opens the version before it: the commit, forced and
     * fsynced, is gone until a later commit happens to name it. Appended at the end, the newest chunk is the one
     * the start reads from the file's last block. The file grows by what each commit writes while it is open; a
     * clean close compacts it.
     */
    static final String BACK_OFFICE_SETTINGS = ";WRITE_DELAY=0;REUSE_SPACE=FALSE";

    /** A pool over the H2 file {@code databaseName} in the store's folder; {@code settings} go on the URL. */
    static HikariDataSource pool(StoreConfig config, String databaseName, String settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("bourse-" + databaseName);
        hikari.setJdbcUrl(jdbcUrl(config, databaseName) + settings);
        hikari.setUsername("bourse");
        // H2 wants "filePassword userPassword" for an encrypted file; the user password only guards the URL.
        hikari.setPassword(config.filePassword() == null ? "bourse" : new String(config.filePassword()) + " bourse");
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(true);
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    static String jdbcUrl(StoreConfig config, String databaseName) {
        String path = config.directory().toAbsolutePath().resolve(databaseName).toString();
        return "jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE"
                + (config.filePassword() == null ? "" : ";CIPHER=AES");
    }

    static void checkOpens(DataSource dataSource, Path file) {
        try (Connection ignored = dataSource.getConnection()) {
            // opened: the file exists and the password (if any) fits
        } catch (SQLException e) {
            // 90049: encryption error, 28000: wrong user/password. Either way the file was not touched.
            if (e.getErrorCode() == 90049 || e.getErrorCode() == 28000 || "28000".equals(e.getSQLState())) {
                throw new StoreAccessException("The database " + file
                        + " cannot be opened with this key: wrong passphrase or not this installation's file", e);
            }
            if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
                throw new StoreInUseException(file, e);
            }
            throw new StoreAccessException("The database " + file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The back-office file: users, roles, audit trail, reference data. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The back-office file's connections. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The projection file: orders, trades, ledger, transfers, risk alerts, account controls, the mark. */
    public ProjectionDatabase projections() {
        return projections;
    }

    public StoreConfig config() {
        return config;
    }

    /**
     * Write every committed change to the back-office file and fsync it ({@code CHECKPOINT SYNC}): after this returns, a
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
        try {
            projections.close();
        } finally {
            dataSource.close();
        }
    }
}
