package com.bourse.backoffice.store;

import org.jooq.Field;
import org.jooq.TableField;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One generated table column and how a batch row gives its value, bound straight into JDBC: a {@code long}
 * column reads a primitive with no box. The field's generated type picks the factory, so a value of the wrong
 * type does not compile. Stateless.
 *
 * @param <T> the batch's row type
 */
sealed interface Column<T> {
    Field<?> field();

    void bind(PreparedStatement statement, int index, T row) throws SQLException;

    /** A not-null BIGINT. */
    static <T> Column<T> longs(TableField<?, Long> field, ToLongFunction<T> value) {
        return new LongColumn<>(field, value);
    }

    /** A not-null INT. */
    static <T> Column<T> ints(TableField<?, Integer> field, ToIntFunction<T> value) {
        return new IntColumn<>(field, value);
    }

    /** A not-null BOOLEAN. */
    static <T> Column<T> flag(TableField<?, Boolean> field, Predicate<T> value) {
        return new FlagColumn<>(field, value);
    }

    /** Any other column, or one that may be null (a null value is bound as SQL NULL). */
    static <T, V> Column<T> value(TableField<?, V> field, Function<T, V> value) {
        return new ValueColumn<>(field, value, field.getDataType().getSQLType());
    }

    record LongColumn<T>(Field<?> field, ToLongFunction<T> value) implements Column<T> {
        @Override
        public void bind(PreparedStatement statement, int index, T row) throws SQLException {
            statement.setLong(index, value.applyAsLong(row));
        }
    }

    record IntColumn<T>(Field<?> field, ToIntFunction<T> value) implements Column<T> {
        @Override
        public void bind(PreparedStatement statement, int index, T row) throws SQLException {
            statement.setInt(index, value.applyAsInt(row));
        }
    }

    record FlagColumn<T>(Field<?> field, Predicate<T> value) implements Column<T> {
        @Override
        public void bind(PreparedStatement statement, int index, T row) throws SQLException {
            statement.setBoolean(index, value.test(row));
        }
    }

    record ValueColumn<T, V>(Field<?> field, Function<T, V> value, int sqlType) implements Column<T> {
        @Override
        public void bind(PreparedStatement statement, int index, T row) throws SQLException {
            V v = value.apply(row);
            switch (v) {
                case null -> statement.setNull(index, sqlType);
                case String s -> statement.setString(index, s);
                case Long l -> statement.setLong(index, l);
                // LocalDate and the rest: the driver's own java.time conversion (JDBC 4.2), no java.sql.Date calendar.
                default -> statement.setObject(index, v);
            }
        }
    }
}
