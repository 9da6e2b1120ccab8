package com.bourse.backoffice.store;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UniqueKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes one projection table's rows as prepared JDBC batches. The table's {@link Column}s, one per generated
 * field, say where each value comes from; the SQL is rendered by jOOQ from those fields and a row is bound by
 * walking the same list, so no parameter position is written by hand. Every column of the generated table must
 * be given exactly once, checked when the writer is made. A mutable table (an order, a balance...) inserts a row
 * the store does not have yet and updates the given columns, by primary key, of one it has; an append-only
 * table (events, trades, postings) only inserts.
 *
 * <p>The statements are prepared once over the writer's connection and reused for every batch; the caller owns
 * the transaction. Writer thread only.
 *
 * @param <T> the batch's row type ({@link ProjectionBatch})
 */
final class TableWriter<T> implements SqlResource {
    /**
     * Rows per multi-row insert: H2 runs each statement of a JDBC batch as its own command, so sixteen rows to a
     * statement cut the writer's CPU per inserted row by about a sixth (more rows per statement did not help).
     */
    static final int ROWS_PER_INSERT = 16;

    private final Predicate<T> stored;
    private final BoundStatement<T> insert;
    private final BoundStatement<T> insertMany;
    private final BoundStatement<T> update;
    /** Rows to insert in this batch: bound {@link #ROWS_PER_INSERT} to a statement, the rest one by one. */
    private final List<T> inserts = new ArrayList<>();

    private TableWriter(Predicate<T> stored, BoundStatement<T> insert, BoundStatement<T> insertMany,
                        BoundStatement<T> update) {
        this.stored = stored;
        this.insert = insert;
        this.insertMany = insertMany;
        this.update = update;
    }

    /** Rows that are only ever added: every column is inserted. */
    static <T> TableWriter<T> append(Connection connection, Table<?> table, List<Column<T>> columns)
            throws SQLException {
        return upsert(connection, table, columns, row -> false);
    }

    /**
     * Rows that change: one the store does not have yet ({@code stored} false) is inserted whole, one it has gets
     * its {@code mutable} columns set where its primary key matches.
     */
    static <T> TableWriter<T> upsert(Connection connection, Table<?> table, List<Column<T>> columns,
                                     Predicate<T> stored, Field<?>... mutable) throws SQLException {
        Map<Field<?>, Column<T>> byField = byField(table, columns);
        List<BoundStatement<T>> made = new ArrayList<>();
        try {
            BoundStatement<T> insert = opened(made, BoundStatement.insert(connection, table, byField, 1));
            BoundStatement<T> insertMany = opened(made,
                    BoundStatement.insert(connection, table, byField, ROWS_PER_INSERT));
            BoundStatement<T> update = mutable.length == 0 ? null
                    : opened(made, BoundStatement.update(connection, table, byField, List.of(mutable)));
            return new TableWriter<>(stored, insert, insertMany, update);
        } catch (SQLException | RuntimeException e) {
            SqlResource.closeAll(made);
            throw e;
        }
    }

    private static <S> S opened(List<? super S> made, S statement) {
        made.add(statement);
        return statement;
    }

    /** Bind every row into its statement's batch and run the batches; the rows are in the caller's transaction. */
    void write(List<T> rows) throws SQLException {
        for (T row : rows) {
            if (update != null && stored.test(row)) {
                update.add(row);
            } else {
                inserts.add(row);
            }
        }
        int whole = inserts.size() - inserts.size() % ROWS_PER_INSERT;
        for (int i = 0; i < whole; i += ROWS_PER_INSERT) {
            insertMany.add(inserts.subList(i, i + ROWS_PER_INSERT));
        }
        for (int i = whole; i < inserts.size(); i++) {
            insert.add(inserts.subList(i, i + 1));
        }
        inserts.clear();
        insertMany.run();
        insert.run();
        if (update != null) {
            update.run();
        }
    }

    @Override
    public void close() throws SQLException {
        SqlResource.closeAll(update == null ? List.of(insert, insertMany) : List.of(insert, insertMany, update));
    }

    /** The columns by field, in the generated table's order, refusing a missing, repeated or foreign column. */
    private static <T> Map<Field<?>, Column<T>> byField(Table<?> table, List<Column<T>> columns) {
        Map<Field<?>, Column<T>> given = new LinkedHashMap<>();
        for (Column<T> column : columns) {
            if (table.indexOf(column.field()) < 0) {
                throw new IllegalArgumentException(column.field() + " is not a column of " + table.getName());
            }
            if (given.put(column.field(), column) != null) {
                throw new IllegalArgumentException(column.field() + " is given twice for " + table.getName());
            }
        }
        Map<Field<?>, Column<T>> ordered = new LinkedHashMap<>();
        Set<String> missing = new HashSet<>();
        for (Field<?> field : table.fields()) {
            Column<T> column = given.get(field);
            if (column == null) {
                missing.add(field.getName());
            } else {
                ordered.put(field, column);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(table.getName() + " is written without a value for " + missing);
        }
        return ordered;
    }

    /** A prepared statement whose {@code ?}s are the given columns, in order, for each of its rows. */
    private static final class BoundStatement<T> implements SqlResource {
        private final PreparedStatement statement;
        private final Column<T>[] columns;
        private final int rowsPerStatement;
        private int pending;

        @SuppressWarnings("unchecked")
        private BoundStatement(Connection connection, String sql, List<Column<T>> columns, int rowsPerStatement)
                throws SQLException {
            this.columns = columns.toArray(Column[]::new);
            this.rowsPerStatement = rowsPerStatement;
            this.statement = connection.prepareStatement(sql);
        }

        /** {@code insert ... values (...), (...)} with {@code rows} rows of every column. */
        static <T> BoundStatement<T> insert(Connection connection, Table<?> table, Map<Field<?>, Column<T>> columns,
                                            int rows) throws SQLException {
            List<Field<?>> fields = List.copyOf(columns.keySet());
            return new BoundStatement<>(connection, SqlStatements.insert(table, fields, rows),
                    List.copyOf(columns.values()), rows);
        }

        /** Binds {@code set} then the primary key's columns, the order {@link SqlStatements#update} renders. */
        static <T> BoundStatement<T> update(Connection connection, Table<?> table, Map<Field<?>, Column<T>> columns,
                                            List<Field<?>> set) throws SQLException {
            UniqueKey<?> key = table.getPrimaryKey();
            if (key == null) {
                throw new IllegalArgumentException(table.getName() + " has no primary key to update by");
            }
            List<Field<?>> keys = List.copyOf(key.getFields());
            List<Column<T>> bound = new ArrayList<>();
            for (Field<?> field : concat(set, keys)) {
                Column<T> column = columns.get(field);
                if (column == null) {
                    throw new IllegalArgumentException(field + " is not a column of " + table.getName());
                }
                bound.add(column);
            }
            return new BoundStatement<>(connection, SqlStatements.update(table, set, keys), bound, 1);
        }

        private static List<Field<?>> concat(List<Field<?>> a, List<Field<?>> b) {
            List<Field<?>> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        void add(T row) throws SQLException {
            for (int i = 0; i < columns.length; i++) {
                columns[i].bind(statement, i + 1, row);
            }
            statement.addBatch();
            pending++;
        }

        /** One statement's rows, exactly {@link #rowsPerStatement} of them. */
        void add(List<T> rows) throws SQLException {
            if (rows.size() != rowsPerStatement) {
                throw new IllegalArgumentException(rows.size() + " rows for a statement of " + rowsPerStatement);
            }
            int parameter = 1;
            for (T row : rows) {
                for (Column<T> column : columns) {
                    column.bind(statement, parameter++, row);
                }
            }
            statement.addBatch();
            pending++;
        }

        void run() throws SQLException {
            if (pending > 0) {
                pending = 0;
                statement.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
