package com.bourse.cluster.metrics;

import java.io.PrintStream;
import java.time.Instant;

/**
 * One JSON object per line: time, level, component, event name and key/value pairs. Used for what happens
 * rarely (sessions, elections, refusals), never per command.
 */
public final class StructuredLog {
    private final String component;
    private final PrintStream out;

    public StructuredLog(String component, PrintStream out) {
        this.component = component;
        this.out = out;
    }

    public static StructuredLog stdout(String component) {
        return new StructuredLog(component, System.out);
    }

    public void info(String event, Object... keyValues) {
        write("INFO", event, keyValues);
    }

    public void warn(String event, Object... keyValues) {
        write("WARN", event, keyValues);
    }

    private void write(String level, String event, Object... keyValues) {
        StringBuilder line = new StringBuilder(128);
        line.append("{\"ts\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"component\":\"").append(escape(component)).append("\",\"event\":\"")
                .append(escape(event)).append('"');
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.append(",\"").append(escape(String.valueOf(keyValues[i]))).append("\":");
            Object value = keyValues[i + 1];
            if (value instanceof Number || value instanceof Boolean) {
                line.append(value);
            } else {
                line.append('"').append(escape(String.valueOf(value))).append('"');
            }
        }
        line.append('}');
        out.println(line);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
