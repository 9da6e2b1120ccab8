package com.bourse.simulator.session;

import com.bourse.protocol.Command;
import com.bourse.protocol.wire.CommandCodec;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Everything needed to repeat a session exactly: the scenario (its file and fingerprint), the seed, and every
 * command or news injected from outside with the simulated time it applied at, in the order they were made. Saved
 * as a small text file, one {@code key=value} per line; a command is {@code inject=TIME,BASE64} in its wire encoding
 * ({@link CommandCodec}), so every field round-trips; a trainer's news is
 * {@code news=TIME,SYMBOL,CHANGE,PERMANENT,RECOVERY_MINUTES}.
 */
public record SessionRecord(String scenario, String fingerprint, long seed, List<Injection> injections) {
    private static final String HEADER = "# Bourse simulation session";

    public SessionRecord {
        injections = List.copyOf(injections);
    }

    public void write(Path file) throws IOException {
        CommandCodec codec = new CommandCodec();
        byte[] bytes = new byte[CommandCodec.MAX_ENCODED_LENGTH];
        UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        StringBuilder text = new StringBuilder(HEADER).append('\n')
                .append("scenario=").append(scenario).append('\n')
                .append("fingerprint=").append(fingerprint).append('\n')
                .append("seed=").append(seed).append('\n');
        for (Injection injection : injections) {
            if (injection.news() != null) {
                NewsJump news = injection.news();
                // Double.toString reads back to the same double: the replay's fundamental jumps by the same bits.
                text.append("news=").append(injection.time()).append(',').append(news.symbol()).append(',')
                        .append(news.change()).append(',').append(news.permanent()).append(',')
                        .append(news.recoveryMinutes()).append('\n');
                continue;
            }
            int length = codec.encode(0, 0, injection.command(), buffer, 0);
            text.append("inject=").append(injection.time()).append(',')
                    .append(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, length))).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Reads a saved session; a damaged file fails naming the line and what is wrong with it. */
    public static SessionRecord read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        CommandCodec codec = new CommandCodec();
        String scenario = null;
        String fingerprint = null;
        Long seed = null;
        List<Injection> injections = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = file + ":" + (i + 1) + ": ";
            if (eq <= 0) {
                throw new IOException(where + "expected key=value");
            }
            String value = line.substring(eq + 1);
            try {
                switch (line.substring(0, eq)) {
                    case "scenario" -> scenario = value;
                    case "fingerprint" -> fingerprint = value;
                    case "seed" -> seed = Long.parseLong(value);
                    case "inject" -> {
                        int comma = value.indexOf(',');
                        long time = Long.parseLong(value.substring(0, comma));
                        byte[] bytes = Base64.getDecoder().decode(value.substring(comma + 1));
                        if (!codec.decode(new UnsafeBuffer(bytes), 0, bytes.length)) {
                            throw new IOException(where + "not a command: " + codec.rejection());
                        }
                        Command command = codec.command();
                        injections.add(new Injection(time, command));
                    }
                    case "news" -> {
                        String[] parts = value.split(",", -1);
                        if (parts.length != 5) {
                            throw new IOException(where + "news is TIME,SYMBOL,CHANGE,PERMANENT,RECOVERY_MINUTES");
                        }
                        if (!parts[3].equals("true") && !parts[3].equals("false")) {
                            throw new IOException(where + "permanent is true or false, got " + parts[3]);
                        }
                        injections.add(new Injection(Long.parseLong(parts[0]), new NewsJump(parts[1],
                                Double.parseDouble(parts[2]), Boolean.parseBoolean(parts[3]),
                                Double.parseDouble(parts[4]))));
                    }
                    default -> throw new IOException(where + "unknown key " + line.substring(0, eq));
                }
            } catch (RuntimeException e) {
                throw new IOException(where + e.getMessage(), e);
            }
        }
        if (scenario == null || fingerprint == null || seed == null) {
            throw new IOException(file + ": a session names its scenario, fingerprint and seed");
        }
        return new SessionRecord(scenario, fingerprint, seed, injections);
    }
}
