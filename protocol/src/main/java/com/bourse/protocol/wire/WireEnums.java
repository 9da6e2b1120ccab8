package com.bourse.protocol.wire;

/**
 * Maps the domain enums to and from their wire numbers. The schema numbers each value with the ordinal of the
 * domain enum of the same name, so the mapping is an array index; the raw value 255 is the schema's null.
 */
final class WireEnums {
    static final short NULL = 255;

    private WireEnums() {
    }

    static short raw(Enum<?> value) {
        return value == null ? NULL : (short) value.ordinal();
    }

    static short raw(boolean value) {
        return value ? (short) 1 : (short) 0;
    }

    /** The domain value of a raw number, null for the schema's null; a number the schema lacks is malformed. */
    static <E extends Enum<E>> E domain(E[] values, short raw, String field) {
        if (raw == NULL) {
            return null;
        }
        if (raw < 0 || raw >= values.length) {
            throw new MalformedMessageException(field + " has unknown value " + raw);
        }
        return values[raw];
    }

    /** Like {@link #domain} for a field that must be present. */
    static <E extends Enum<E>> E required(E[] values, short raw, String field) {
        E value = domain(values, raw, field);
        if (value == null) {
            throw new MalformedMessageException(field + " is missing");
        }
        return value;
    }

    static boolean bool(short raw, String field) {
        if (raw == 0) {
            return false;
        }
        if (raw == 1) {
            return true;
        }
        throw new MalformedMessageException(field + " is not a boolean: " + raw);
    }
}
