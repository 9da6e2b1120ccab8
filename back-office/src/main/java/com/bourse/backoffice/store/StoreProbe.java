package com.bourse.backoffice.store;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static com.bourse.backoffice.store.schema.Tables.AUDIT_CHECKPOINT;
import static com.bourse.backoffice.store.schema.Tables.AUDIT_HEAD;
import static com.bourse.backoffice.store.schema.Tables.AUDIT_LOG;
import static com.bourse.backoffice.store.schema.Tables.USERS;

/**
 * Looks into an installed back-office file before anything opens it for writing: H2 in read-only mode
 * ({@code ACCESS_MODE_DATA=r}), so a damaged file is reported as it was found, never rewritten. H2 reads a file
 * whose newest pages are damaged as the last sound version before them, which may be the empty schema of the first
 * minutes: an installation that reads with no user or no audit trail is therefore damaged too, not new.
 */
public final class StoreProbe {
    /** The newest audit entries read at least, wherever the checkpoint is. */
    static final int AUDIT_TAIL = 1_000;

    private StoreProbe() {
    }

    /** What the file holds. */
    public record Contents(int users, long auditEntries, boolean auditHead) {
    }

    /**
     * Reads the counts an installed store must have, or throws {@link StoreDamagedException} naming the file. The key
     * (if any) has already opened the key vault, so a file it does not decrypt is damaged, not someone else's.
     */
    public static Contents requireInstalled(StoreConfig config) {
        var file = config.databaseFile();
        if (!Files.isRegularFile(file)) {
            throw new StoreDamagedException(file, "the file is missing from an installed data folder", null);
        }
        Contents contents = read(config);
        if (contents.users() == 0 || contents.auditEntries() == 0 || !contents.auditHead()) {
            throw new StoreDamagedException(file, "it reads with " + contents.users() + " users and "
                    + contents.auditEntries() + " audit entries" + (contents.auditHead() ? "" : " and no signed audit head")
                    + ", though this installation was set up (H2 fell back to an older version of the file)", null);
        }
        return contents;
    }

    /**
     * Reads what the start will read, once, so that a damaged page H2 opened past shows up here, before anything
     * relies on it, rather than as an error in the middle of a sign-in: every value of every small table (users,
     * master data, the audit head and checkpoint) and, of the audit trail, the one table that grows with every
     * command, only what a start's check reads: the checkpointed entry and every entry after it, at least the newest
     * {@value #AUDIT_TAIL} (the pages a crash or a torn write damages are the newest: the file appends every commit
     * at its end). Older entries are read by the full walk that follows the start in the background. The cost is
     * bounded by what was appended since the last checkpoint, not by the trail's length; the counts come from the
     * primary index's row count and its ends, not a scan.
     */
    private static void readWhatTheStartReads(DSLContext sql) {
        boolean checkpointed = false;
        Table<?> auditLog = AUDIT_LOG;
        for (Table<?> table : sql.meta().getTables()) {
            if (table.getSchema() == null || !"PUBLIC".equals(table.getSchema().getName())) {
                continue;
            }
            if (AUDIT_LOG.getName().equalsIgnoreCase(table.getName())) {
                auditLog = table;
                continue;
            }
            checkpointed |= AUDIT_CHECKPOINT.getName().equalsIgnoreCase(table.getName());
            readAll(sql.selectFrom(table).fetchLazy());
        }
        Long newest = sql.select(DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG).fetchOne(0, Long.class);
        if (newest == null) {
            return;
        }
        long from = newest - AUDIT_TAIL + 1;
        if (checkpointed) {
            Long checkpoint = sql.select(AUDIT_CHECKPOINT.SEQ).from(AUDIT_CHECKPOINT).fetchOne(AUDIT_CHECKPOINT.SEQ);
            from = checkpoint == null ? from : Math.min(from, checkpoint);
        }
        // The trail's columns as the file has them, not as this version declares them: the probe runs before the
        // migrations, so a file from an older version lacks the newer columns (V4's journal_seq) until Flyway adds
        // them, and reading this version's columns would call a sound file damaged.
        Field<Long> seq = auditLog.field(AUDIT_LOG.SEQ.getName(), Long.class);
        readAll(sql.selectFrom(auditLog).where(seq.ge(from)).orderBy(seq).fetchLazy());
    }

    private static void readAll(Cursor<? extends Record> cursor) {
        try (Cursor<? extends Record> rows = cursor) {
            for (Record row : rows) {
                row.intoArray();
            }
        }
    }

    /** What the file holds, read without writing; {@link StoreDamagedException} when H2 cannot read it. */
    public static Contents read(StoreConfig config) {
        var file = config.databaseFile();
        Contents contents;
        try (Connection connection = DriverManager.getConnection(
                Store.jdbcUrl(config, config.databaseName()) + ";ACCESS_MODE_DATA=r", "bourse",
                config.filePassword() == null ? "bourse" : new String(config.filePassword()) + " bourse")) {
            DSLContext sql = DSL.using(connection, SQLDialect.H2);
            contents = new Contents(sql.fetchCount(USERS), sql.fetchCount(AUDIT_LOG), sql.fetchExists(AUDIT_HEAD));
            readWhatTheStartReads(sql);
        } catch (SQLException e) {
            if (e.getErrorCode() == Store.DATABASE_ALREADY_OPEN) {
                throw new StoreInUseException(file, e);
            }
            throw new StoreDamagedException(file, "H2 cannot read it (" + e.getMessage() + ")", e);
        } catch (DataAccessException e) {
            throw new StoreDamagedException(file, "its tables cannot be read (" + e.getMessage() + ")", e);
        } catch (RuntimeException | AssertionError e) {
            if (e instanceof StoreDamagedException || e instanceof StoreAccessException) {
                throw e;
            }
            throw new StoreDamagedException(file, "H2 cannot read it (" + e + ")", e);
        }
        return contents;
    }
}
