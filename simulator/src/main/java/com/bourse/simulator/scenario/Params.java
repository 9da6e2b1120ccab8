package com.bourse.simulator.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code key=value key=value} column of an agent, event or goal line: only the keys its kind knows, each a
 * number or a word. Immutable.
 */
public record Params(Map<String, String> values) {
    public Params {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)); // file order, in every JVM
    }

    public static Params none() {
        return new Params(Map.of());
    }

    /** Reads {@code text}; an unknown or repeated key, or a pair without '=', fails naming it. */
    static Params parse(String text, Set<String> allowed, String what) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("'" + pair + "' is not key=value");
            }
            String key = pair.substring(0, eq);
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(what + " has no parameter '" + key + "' (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            if (values.put(key, pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("parameter '" + key + "' is given twice");
            }
        }
        return new Params(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** A decimal parameter; the model's own tuning, never money. */
    public BigDecimal decimal(String key, String fallback) {
        String raw = values.getOrDefault(key, fallback);
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + key + "' must be a number, got '" + raw + "'");
        }
    }

    public double real(String key, double fallback) {
        return values.containsKey(key) ? decimal(key, null).doubleValue() : fallback;
    }

    public long whole(String key, long fallback) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        try {
            return decimal(key, null).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("parameter '" + key + "' must be a whole number, got '"
                    + values.get(key) + "'");
        }
    }
}
