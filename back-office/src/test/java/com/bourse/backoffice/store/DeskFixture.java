package com.bourse.backoffice.store;

import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A store, journal, projection writer and engine in one folder, as the desktop wires them. For tests. */
final class DeskFixture implements AutoCloseable {
    static final EngineConfig ENGINE = EngineConfig.defaults();
    static final ZoneId ZONE = ZoneId.of("UTC");

    final Path dir;
    final Store store;
    final CommandJournal journal;
    final ProjectionWriter writer;
    final JournaledEngine desk;

    private DeskFixture(Path dir, ProjectionWriter.Options options) {
        this.dir = dir;
        this.store = Store.open(StoreConfig.in(dir.resolve("db")).withTradingZone(ZONE));
        this.journal = CommandJournal.open(dir.resolve("commands.journal"), CommandJournal.Fsync.OS_ONLY);
        this.writer = ProjectionWriter.open(store, new Projector(ZONE, ENGINE.defaultLimits()), options);
        this.desk = JournaledEngine.recover(ENGINE, journal, writer);
        awaitProjected();
    }

    static DeskFixture open(Path dir) {
        return new DeskFixture(dir, ProjectionWriter.Options.defaults());
    }

    static DeskFixture open(Path dir, ProjectionWriter.Options options) {
        return new DeskFixture(dir, options);
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
        journal.close();
        store.close();
    }
}
