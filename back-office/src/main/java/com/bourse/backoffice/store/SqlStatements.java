package com.bourse.backoffice.store;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text rendered by jOOQ from the generated table classes, with a {@code ?} per value, for the projection
 * writer's prepared JDBC batches ({@link TableWriter}): jOOQ owns every name and the order of the {@code ?}s is
 * the order of the fields given, which the binder walks.
 */
final class SqlStatements {
    private static final DSLContext RENDER = DSL.using(SQLDialect.H2);

    private SqlStatements() {
    }

    /** {@code insert into T (f1, f2, ...) values (?, ?, ...)} in the order given. */
    static String insert(Table<?> table, Field<?>... fields) {
        return insert(table, List.of(fields));
    }

    /** {@code insert into T (f1, f2, ...) values (?, ?, ...)} in the order given. */
    static String insert(Table<?> table, List<Field<?>> fields) {
        return insert(table, fields, 1);
    }

    /** {@code insert into T (f1, f2, ...) values (?, ?, ...), (?, ?, ...)...}: {@code rows} rows, fields in order. */
    static String insert(Table<?> table, List<Field<?>> fields, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("an insert needs at least one row, not " + rows);
        }
        var step = RENDER.insertInto(table).columns(fields).values(params(fields));
        for (int i = 1; i < rows; i++) {
            step = step.values(params(fields));
        }
        return step.getSQL(ParamType.INDEXED);
    }

    private static List<Param<?>> params(List<Field<?>> fields) {
        List<Param<?>> params = new ArrayList<>();
        for (Field<?> field : fields) {
            params.add(param(field));
        }
        return params;
    }

    /** {@code update T set s1 = ?, s2 = ? ... where k1 = ? and k2 = ?}: bind the set values, then the keys. */
    static String update(Table<?> table, List<Field<?>> set, List<Field<?>> keys) {
        UpdateSetMoreStep<?> step = null;
        for (Field<?> field : set) {
            step = step == null ? setFirst(table, field) : setNext(step, field);
        }
        Condition where = DSL.noCondition();
        for (Field<?> key : keys) {
            where = where.and(eqParam(key));
        }
        return step.where(where).getSQL(ParamType.INDEXED);
    }

    @SuppressWarnings("unchecked")
    private static <T> UpdateSetMoreStep<?> setFirst(Table<?> table, Field<T> field) {
        return RENDER.update(table).set(field, (Field<T>) param(field));
    }

    @SuppressWarnings("unchecked")
    private static <T> UpdateSetMoreStep<?> setNext(UpdateSetMoreStep<?> step, Field<T> field) {
        return step.set(field, (Field<T>) param(field));
    }

    @SuppressWarnings("unchecked")
    private static <T> Condition eqParam(Field<T> field) {
        return field.eq((Field<T>) param(field));
    }

    private static <T> Param<T> param(Field<T> field) {
        return DSL.param(field.getName(), field.getDataType());
    }
}
