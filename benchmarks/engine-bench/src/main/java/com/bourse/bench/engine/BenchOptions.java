package com.bourse.bench.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line settings of a benchmark run, as {@code --name=value}. The defaults are the full run; run.sh's
 * smoke mode passes small counts.
 *
 * @param variants      which streams: {@code 1} (one instrument), {@code 100} (a hundred instruments)
 * @param commands      length of each stream
 * @param warmupRounds  untimed rounds (each on a fresh engine) before measuring
 * @param rounds        timed throughput rounds
 * @param latencyRounds rounds timing each command
 */
record BenchOptions(List<String> variants, int commands, int warmupRounds, int rounds, int latencyRounds) {

    static BenchOptions parse(String... args) {
        List<String> variants = List.of("1", "100");
        int commands = 5_000_000;
        int warmup = 3;
        int rounds = 5;
        int latency = 2;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String value = arg.substring(eq + 1);
            switch (arg.substring(2, eq)) {
                case "variants" -> variants = List.of(value.split(","));
                case "commands" -> commands = Integer.parseInt(value.replace("_", ""));
                case "warmup" -> warmup = Integer.parseInt(value);
                case "rounds" -> rounds = Integer.parseInt(value);
                case "latency-rounds" -> latency = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (known: --variants=1,100 --commands=N --warmup=N --rounds=N --latency-rounds=N)");
            }
        }
        List<String> checked = new ArrayList<>();
        for (String v : variants) {
            if (!v.equals("1") && !v.equals("100")) {
                throw new IllegalArgumentException("variant must be 1 or 100, got " + v);
            }
            checked.add(v);
        }
        if (commands <= 0 || warmup < 0 || rounds <= 0 || latency <= 0) {
            throw new IllegalArgumentException("commands, rounds and latency-rounds must be positive, warmup >= 0");
        }
        return new BenchOptions(List.copyOf(checked), commands, warmup, rounds, latency);
    }
}
