package com.bourse.protocol.wire;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Random;

/**
 * Random values of any command or event record, built from its components so a record added to the protocol is
 * covered without touching the tests. Enums are sometimes null (the wire carries null enums); strings never are
 * (null travels as empty). Every value is reproducible from the seed of the {@link Random}.
 */
final class WireSamples {
    private static final String[] WORDS = {"EUR", "USD", "ACME", "BOURSE-1", "Zürich", "日本円", "", "x", "AAPL.O"};

    private WireSamples() {
    }

    static <T> T random(Class<T> type, Random random) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(types[i], random);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }

    private static Object value(Class<?> type, Random random) {
        if (type == long.class) {
            return switch (random.nextInt(6)) {
                case 0 -> 0L;
                case 1 -> Long.MAX_VALUE;
                case 2 -> Long.MIN_VALUE;
                case 3 -> -1L;
                default -> random.nextLong();
            };
        }
        if (type == int.class) {
            return random.nextInt(4) == 0 ? Integer.MIN_VALUE : random.nextInt();
        }
        if (type == boolean.class) {
            return random.nextBoolean();
        }
        if (type == String.class) {
            StringBuilder text = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(10) == 0) {
                text.append("long reason ".repeat(random.nextInt(60)));
            }
            return text.toString();
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return random.nextInt(8) == 0 ? null : constants[random.nextInt(constants.length)];
        }
        if (type.isRecord()) {
            return random(type, random);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
