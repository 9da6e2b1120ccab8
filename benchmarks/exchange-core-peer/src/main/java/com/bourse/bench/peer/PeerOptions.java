package com.bourse.bench.peer;

import exchange.core2.core.common.CoreWaitStrategy;

import java.util.List;

/**
 * Command-line settings of the exchange-core run, as {@code --name=value}; the stream options mean the same as
 * for our engine's benchmark so both JVMs replay the same stream.
 *
 * @param variants        which streams: {@code 1} (one instrument), {@code 100} (a hundred instruments)
 * @param commands        length of each stream
 * @param warmupRounds    untimed rounds before measuring
 * @param rounds          timed throughput rounds
 * @param latencyRate     commands per second offered in the latency round (a fixed schedule); 0 ({@code auto})
 *                        means a quarter of the throughput just measured. Paced sends do not batch: each command
 *                        crosses the pipeline's threads alone, so on two cores the sustainable paced rate is far
 *                        below the batch throughput, and the default is a low 10,000 a second
 * @param latencyCommands how many commands of the stream the latency round sends (a prefix)
 * @param waitStrategy    how exchange-core's pipeline threads wait for work
 * @param groupLimit      most commands in one of its processing groups (its {@code msgsInGroupLimit})
 */
record PeerOptions(List<String> variants, int commands, int warmupRounds, int rounds, int latencyRate,
                   int latencyCommands, CoreWaitStrategy waitStrategy, int groupLimit) {

    static PeerOptions parse(String... args) {
        List<String> variants = List.of("1", "100");
        int commands = 5_000_000;
        int warmup = 2;
        int rounds = 3;
        int rate = 10_000;
        int latencyCommands = 50_000;
        CoreWaitStrategy wait = CoreWaitStrategy.YIELDING;
        int group = 4_096;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String value = arg.substring(eq + 1).replace("_", "");
            switch (arg.substring(2, eq)) {
                case "variants" -> variants = List.of(value.split(","));
                case "commands" -> commands = Integer.parseInt(value);
                case "warmup" -> warmup = Integer.parseInt(value);
                case "rounds" -> rounds = Integer.parseInt(value);
                case "latency-rate" -> rate = value.equals("auto") ? 0 : Integer.parseInt(value);
                case "latency-commands" -> latencyCommands = Integer.parseInt(value);
                case "group" -> group = Integer.parseInt(value);
                case "wait" -> wait = switch (value) {
                    case "yielding" -> CoreWaitStrategy.YIELDING;
                    case "busy-spin" -> CoreWaitStrategy.BUSY_SPIN;
                    case "blocking" -> CoreWaitStrategy.BLOCKING;
                    default -> throw new IllegalArgumentException("--wait must be yielding, busy-spin or blocking");
                };
                // Our engine's benchmark takes this; accepted so run.sh can pass the same arguments to both.
                case "latency-rounds" -> {
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + " (known: --variants=1,100"
                        + " --commands=N --warmup=N --rounds=N --latency-rate=N|auto --latency-commands=N"
                        + " --wait=yielding|busy-spin|blocking --group=N)");
            }
        }
        for (String v : variants) {
            if (!v.equals("1") && !v.equals("100")) {
                throw new IllegalArgumentException("variant must be 1 or 100, got " + v);
            }
        }
        if (commands <= 0 || warmup < 0 || rounds <= 0 || rate < 0 || latencyCommands < 0 || group <= 0
                || group >= 16_384) {
            throw new IllegalArgumentException("counts and rates must be positive, warmup >= 0, group below a quarter"
                    + " of the 64k ring");
        }
        return new PeerOptions(variants, commands, warmup, rounds, rate, Math.min(latencyCommands, commands), wait,
                group);
    }
}
