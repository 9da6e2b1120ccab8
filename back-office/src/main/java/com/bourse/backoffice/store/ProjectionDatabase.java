package com.bourse.backoffice.store;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Table;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static com.bourse.backoffice.store.schema.Tables.COMPLIANCE_VIOLATIONS;
import static com.bourse.backoffice.store.schema.Tables.ORDERS;
import static com.bourse.backoffice.store.schema.Tables.ORDER_EVENTS;
import static com.bourse.backoffice.store.schema.Tables.POSTINGS;
import static com.bourse.backoffice.store.schema.Tables.PROJECTION_MARK;
import static com.bourse.backoffice.store.schema.Tables.RISK_ALERTS;
import static com.bourse.backoffice.store.schema.Tables.TRADES;
import static com.bourse.backoffice.store.schema.Tables.TRANSFER_EVENTS;

/**
 * The projections' own H2 file ({@code <name>-projections.mv.db} beside the back-office file), schema from
 * {@code db/projections}. Everything in it is derived from the command journal, so it is disposable: when it
 * opens torn or inconsistent it is deleted and created empty, and the journal projects it again.
 *
 * <p>Why a file of its own: H2 2.5 after a kill -9 mid-commit can reopen with a torn transaction, one it found
 * committed but never finishes: its rows read as committed while the mark committed with them does not, and a
 * write to any of them spins forever, beyond any lock timeout. Repairing that in place is not possible, and the
 * back office's users, roles and audit trail must never be thrown away with it. The checks on open never write:
 * H2's list of recovered transactions, Flyway's history, and counts of committed rows (which H2 answers without
 * waiting for any row lock) under a query timeout.
 *
 * <p>Commits here keep H2's write delay and are never forced to the disk: a lost tail is projected again.
 */
public final class ProjectionDatabase implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProjectionDatabase.class.getName());
    static final String MIGRATIONS = "classpath:db/projections";
    /** Longest a start-up check may take before the file counts as unusable. */
    private static final int CHECK_TIMEOUT_SECONDS = 60;
    /**
     * Longest a projection write waits for an ordinary row lock. Only the writer writes here, so a long wait
     * means damage: better a failed writer (the next start projects again) than a desk that hangs.
     */
    private static final int LOCK_TIMEOUT_MILLIS = 10_000;

    /** Each projection table whose rows carry the journal sequence that wrote them. */
    /**
     * Each append-only table's key grows with the journal (ids are handed out in journal order), so its newest row
     * by key is the one a torn batch would have written last: one primary-key lookup per table instead of a scan
     * of the whole history on every start. Balances are updated in place; one row per account and asset, so
     * they are scanned.
     */
    private static final List<SeqColumn> SEQ_COLUMNS = List.of(
            new SeqColumn(ORDERS, ORDERS.ENTRY_SEQ, ORDERS.ENTRY_SEQ),
            new SeqColumn(ORDER_EVENTS, ORDER_EVENTS.SEQ, ORDER_EVENTS.EVENT_ID),
            new SeqColumn(TRADES, TRADES.SEQ, TRADES.TRADE_ID),
            new SeqColumn(POSTINGS, POSTINGS.SEQ, POSTINGS.POSTING_ID),
            new SeqColumn(BALANCES, BALANCES.LAST_SEQ, null),
            new SeqColumn(TRANSFER_EVENTS, TRANSFER_EVENTS.SEQ, TRANSFER_EVENTS.EVENT_ID),
            new SeqColumn(RISK_ALERTS, RISK_ALERTS.SEQ, RISK_ALERTS.ALERT_ID),
            new SeqColumn(COMPLIANCE_VIOLATIONS, COMPLIANCE_VIOLATIONS.SEQ, COMPLIANCE_VIOLATIONS.SEQ));

    /** @param growingKey the primary key that grows with {@code seq}, or null to scan the table */
    private record SeqColumn(Table<?> table, Field<Long> seq, Field<Long> growingKey) {
        boolean anyAbove(DSLContext sql, long mark) {
            if (growingKey == null) {
                return sql.fetchExists(table, seq.gt(mark));
            }
            Long newest = sql.select(seq).from(table).orderBy(growingKey.desc()).limit(1).fetchOne(seq);
            return newest != null && newest > mark;
        }
    }

    /** H2's error code for a page it cannot read back ("File corrupted while reading record"). */
    static final int FILE_CORRUPTED = 90030;
    /** Beside the file: written when a read finds it damaged, so the next start rebuilds it from the journal. */
    static final String DAMAGED_SUFFIX = ".damaged";

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final String discardedBecause;
    private final Path file;
    private final Path damagedMark;
    private final AtomicBoolean damaged = new AtomicBoolean();

    private ProjectionDatabase(HikariDataSource dataSource, String discardedBecause, StoreConfig config) {
        this.dataSource = dataSource;
        this.file = config.projectionFile();
        this.damagedMark = damagedMark(config);
        this.dsl = DSL.using(new DefaultConfiguration().set(dataSource).set(SQLDialect.H2)
                .set(new DefaultExecuteListenerProvider(new ExecuteListener() {
                    @Override
                    public void exception(ExecuteContext ctx) {
                        RuntimeException clear = reportIfDamaged(ctx.exception());
                        if (clear != null) {
                            ctx.exception(clear);
                        }
                    }
                })));
        this.discardedBecause = discardedBecause;
    }

    private static Path damagedMark(StoreConfig config) {
        return config.directory().resolve(config.projectionDatabaseName() + DAMAGED_SUFFIX);
    }

    /**
     * When {@code failure} is H2 finding a damaged page of this file: the first time, logs it once and marks the
     * file so the next start rebuilds it from the journal; returns the short error to give the reader instead of
     * H2's (a desk panel shows it as it is). Null for any other failure. Any thread: the projection writer reports
     * its own failures here too.
     */
    public RuntimeException reportIfDamaged(Throwable failure) {
        String reason = corruption(failure);
        if (reason == null) {
            return null;
        }
        if (damaged.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.ERROR, "The projection file {0} is damaged ({1}); its figures cannot be read"
                    + " until the next start, which rebuilds it from the command journal", file, reason);
            try {
                Files.writeString(damagedMark, reason + System.lineSeparator());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot mark " + file + " for rebuilding", e);
            }
        }
        return new StoreAccessException("The projection file " + file + " is damaged: these figures cannot be read"
                + " now. Restart the desktop: it rebuilds the file from the command journal (nothing is lost).",
                failure);
    }

    private static String corruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == FILE_CORRUPTED
                    || t instanceof org.h2.mvstore.MVStoreException) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** Whether a read found the file damaged since it opened. */
    public boolean damaged() {
        return damaged.get();
    }

    /**
     * Open the projection file, or delete and recreate it when it cannot be trusted: H2 cannot open it, its
     * schema is not exactly this build's, or it holds rows above its projection mark. Never touches any other
     * file. A file in use by another process is an error, not a reason to delete it.
     */
    static ProjectionDatabase open(StoreConfig config) {
        String problem = null;
        if (Files.exists(damagedMark(config))) {
            problem = "a read found it damaged (" + readMark(damagedMark(config)) + ")";
        } else if (Files.exists(config.projectionFile())) {
            problem = unopenable(config);
        }
        if (problem == null && Files.exists(config.projectionFile())) {
            HikariDataSource existing = Store.pool(config, config.projectionDatabaseName(), projectionSettings());
            try {
                problem = problemWith(existing, config);
            } catch (RuntimeException | Error e) {
                existing.close();
                throw e;
            }
            if (problem == null) {
                return new ProjectionDatabase(existing, null, config);
            }
            existing.close();
        }
        if (problem != null) {
            // Said once here; the journal projects the file again and nothing else reads the damaged one.
            LOG.log(System.Logger.Level.WARNING, "The projection file {0} cannot be trusted ({1}); it is deleted and"
                    + " projected again from the command journal", config.projectionFile(), problem);
            deleteFiles(config);
        }
        HikariDataSource fresh = Store.pool(config, config.projectionDatabaseName(), projectionSettings());
        try {
            Store.checkOpens(fresh, config.projectionFile());
            flyway(fresh).migrate();
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        return new ProjectionDatabase(fresh, problem, config);
    }

    private static String readMark(Path mark) {
        try {
            return Files.readString(mark).strip();
        } catch (IOException e) {
            return "mark unreadable: " + e.getMessage();
        }
    }

    /**
     * H2's defaults otherwise: larger caches or pages, a longer write delay and no auto-compaction used no less
     * CPU per projected event, 2 KB pages more (docs/benchmarks.md, issue 4 round 3); compression is off.
     */
    private static String projectionSettings() {
        return ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS;
    }

    /**
     * Whether H2 opens the file at all, asked once over a plain connection: a pool would keep retrying a file that
     * never opens (for its 30 s connection timeout, logging each attempt) before the start could rebuild it.
     */
    private static String unopenable(StoreConfig config) {
        try (Connection ignored = DriverManager.getConnection(
                Store.jdbcUrl(config, config.projectionDatabaseName()) + projectionSettings(), "bourse",
                config.filePassword() == null ? "bourse" : new String(config.filePassword()) + " bourse")) {
            return null;
        } catch (SQLException e) {
            if (e.getErrorCode() == Store.DATABASE_ALREADY_OPEN) {
                throw new StoreInUseException(config.projectionFile(), e);
            }
            // The back-office file opened with the same key, so a file this key does not open is damaged too.
            return "H2 cannot open it (" + e.getMessage() + ")";
        } catch (RuntimeException | AssertionError e) {
            return "H2 cannot open it (" + e + ")";
        }
    }

    /** Why the file cannot be used as it is, or null when it can. */
    private static String problemWith(HikariDataSource dataSource, StoreConfig config) {
        try (Connection connection = dataSource.getConnection()) {
            int stuck = stuckTransactions(connection);
            if (stuck > 0) {
                return "H2 recovered " + stuck + " transaction(s) of a crash it could not finish, whose rows stay"
                        + " locked for good (a transaction torn by a crash)";
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == Store.DATABASE_ALREADY_OPEN) {
                throw new StoreInUseException(config.projectionFile(), e);
            }
            return "H2 cannot open it (" + e.getMessage() + ")";
        } catch (RuntimeException | AssertionError e) {
            return "H2 cannot open it (" + e + ")";
        }
        try {
            Flyway flyway = flyway(dataSource);
            if (flyway.info().applied().length == 0) {
                flyway.migrate(); // an empty file, e.g. created by a start that died before migrating
                return null;
            }
            ValidateResult schema = flyway.validateWithResult();
            if (!schema.validationSuccessful) {
                return "its schema is not this version's (" + schema.getAllErrorMessages() + ")";
            }
            return rowsAboveMark(DSL.using(dataSource, SQLDialect.H2,
                    new Settings().withQueryTimeout(CHECK_TIMEOUT_SECONDS)));
        } catch (RuntimeException | AssertionError e) {
            return "it cannot be read (" + e + ")";
        }
    }

    /**
     * Transactions H2 found committed in the file but never applied and closed on reopen (H2 2.5 leaves such a
     * recovered transaction in STATUS_COMMITTED: its rows read as committed, yet any write to one of them spins
     * forever, beyond any lock timeout). At this point the only session is ours and it is idle, so any
     * transaction in that state is one of them. H2's engine classes, not its SQL: no query can see this.
     */
    private static int stuckTransactions(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        int stuck = 0;
        for (Transaction t : session.getDatabase().getStore().getTransactionStore().getOpenTransactions()) {
            if (t.getStatus() == Transaction.STATUS_COMMITTED) {
                stuck++;
            }
        }
        return stuck;
    }

    /**
     * Rows the projection holds above its committed mark: what a torn transaction leaves. Only reads of
     * committed rows, so a row locked by a transaction that never finished cannot make this wait.
     */
    private static String rowsAboveMark(DSLContext sql) {
        Long stored = sql.select(PROJECTION_MARK.LAST_SEQ).from(PROJECTION_MARK)
                .where(PROJECTION_MARK.PROJECTION.eq(ProjectionSql.PROJECTION)).fetchOne(PROJECTION_MARK.LAST_SEQ);
        long mark = stored == null ? 0 : stored;
        for (SeqColumn column : SEQ_COLUMNS) {
            if (column.anyAbove(sql, mark)) {
                return "rows of " + column.table().getName() + " are above the projection mark " + mark
                        + " (a transaction torn by a crash)";
            }
        }
        return null;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                // A file made by a newer build is as foreign as one made by an older build: rebuild it too.
                .ignoreMigrationPatterns(new String[0])
                .load();
    }

    /** Delete the projection file and H2's side files of it; the back-office file has another name. */
    private static void deleteFiles(StoreConfig config) {
        String prefix = config.projectionDatabaseName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(config.directory(), prefix + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the damaged projection file " + config.projectionFile(), e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Why the file found on open was deleted and rebuilt from the journal; empty when it was sound or new. */
    public Optional<String> discardedBecause() {
        return Optional.ofNullable(discardedBecause);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
