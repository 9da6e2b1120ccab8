package com.bourse.backoffice.store;

import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.CommandJournal;
import com.bourse.engine.host.Durability;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A store, journal, projection writer and engine in one folder, as the desktop wires them. For tests. */
final class DeskFixture implements AutoCloseable {
    static final EngineConfig ENGINE = EngineConfig.defaults();
    static final ZoneId ZONE = ZoneId.of("UTC");
    /** The journal key of every test desk (a real desk derives its key from the key vault). */
    static final SecretKey KEY = new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(), "AES");

    final Path dir;
    final Store store;
    final CommandJournal journal;
    final ProjectionWriter writer;
    final JournaledEngine desk;

    private DeskFixture(Path dir, ProjectionWriter.Options options, long snapshotEvery) {
        this.dir = dir;
        this.store = Store.open(StoreConfig.in(dir.resolve("db")).withTradingZone(ZONE));
        this.writer = ProjectionWriter.open(store, new Projector(ZONE, ENGINE.defaultLimits()), options);
        this.desk = JournaledEngine.recover(journalOptions(dir, Durability.PROCESS_CRASH), snapshotEvery, writer);
        this.journal = desk.journal();
        awaitProjected();
    }

    static DeskFixture open(Path dir) {
        return new DeskFixture(dir, ProjectionWriter.Options.defaults(), JournaledEngine.DEFAULT_SNAPSHOT_EVERY);
    }

    static DeskFixture open(Path dir, ProjectionWriter.Options options) {
        return new DeskFixture(dir, options, JournaledEngine.DEFAULT_SNAPSHOT_EVERY);
    }

    /** A desk that snapshots engine and projector every {@code snapshotEvery} commands. */
    static DeskFixture snapshottingEvery(Path dir, long snapshotEvery) {
        return new DeskFixture(dir, ProjectionWriter.Options.defaults(), snapshotEvery);
    }

    static com.bourse.engine.host.JournaledEngine.Options journalOptions(Path dir, Durability durability) {
        return new com.bourse.engine.host.JournaledEngine.Options(journalDir(dir), ENGINE, durability, KEY,
                com.bourse.engine.host.JournaledEngine.Retention.ALL_HISTORY);
    }

    static Path journalDir(Path dir) {
        return dir.resolve("journal");
    }

    /** Copies the journal's segments (not its snapshots) of one desk folder into another, empty one. */
    static void copyJournal(Path from, Path to) {
        try {
            Files.createDirectories(journalDir(to));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(journalDir(from), "journal-*.log")) {
                for (Path file : files) {
                    Files.copy(file, journalDir(to).resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Apply and acknowledge each command; returns the events of the last one. */
    List<Event> run(Command... commands) {
        return run(List.of(commands));
    }

    List<Event> run(List<Command> commands) {
        List<Event> last = new ArrayList<>();
        for (Command command : commands) {
            last = desk.apply(command).events();
        }
        desk.commit();
        return last;
    }

    /** Wait until every acknowledged command is in the tables. */
    DeskFixture awaitProjected() {
        if (!writer.awaitCommitted(journal.committedSeq(), Duration.ofSeconds(60))) {
            throw new AssertionError("projection did not catch up", writer.failure());
        }
        return this;
    }

    /** The projection file, where the writer puts what it derives from the journal. */
    DSLContext projections() {
        return store.projections().dsl();
    }

    /** Every row of a table in primary-key order, as plain values. */
    List<List<Object>> dump(Table<?> table) {
        return dump(store, table);
    }

    static List<List<Object>> dump(Store store, Table<?> table) {
        List<List<Object>> rows = new ArrayList<>();
        DSLContext sql = store.projections().dsl();
        for (Record r : sql.selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetch()) {
            rows.add(java.util.Arrays.stream(r.intoArray()).map(v -> v == null ? (Object) "<null>" : v).toList());
        }
        return rows;
    }

    @Override
    public void close() {
        writer.close();
        desk.close();
        store.close();
    }
}
