package com.bourse.bench.peer;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamSpec;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * exchange-core 0.5.3 on the same generated stream as our engine: throughput (median of timed rounds, first
 * send to last result) and end-to-end latency at a fixed offered rate. Ends with one {@code RESULT} line per
 * variant for benchmarks/run.sh.
 *
 * <p>Usage: {@code ExchangeCorePeer [--variants=1,100] [--commands=N] [--warmup=N] [--rounds=N]
 * [--latency-rate=N|auto] [--latency-commands=N] [--wait=yielding|busy-spin|blocking] [--group=N]}
 */
public final class ExchangeCorePeer {
    private ExchangeCorePeer() {
    }

    public static void main(String[] args) {
        PeerOptions options = PeerOptions.parse(args);
        System.out.println("== exchange-core peer benchmark ==");
        System.out.println("JVM " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB\n  flags "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println(PeerHarness.configuration(options.waitStrategy(), options.groupLimit()));
        for (String variant : options.variants()) {
            run(StreamSpec.variant(variant, options.commands()), options);
        }
        // exchange-core leaves non-daemon helper threads behind after shutdown.
        System.exit(0);
    }

    static void run(StreamSpec spec, PeerOptions options) {
        System.out.printf(Locale.ROOT, "%n-- %s, seed %d --%n", spec.label(), spec.seed());
        OrderStream stream = OrderStream.generate(spec);
        System.out.println("stream: " + stream.profile().describe());
        try (PeerHarness harness = new PeerHarness(stream, options.waitStrategy(), options.groupLimit())) {
            for (int i = 0; i < options.warmupRounds(); i++) {
                System.out.printf(Locale.ROOT, "warm-up %d: %,.0f commands/s%n", i + 1,
                        harness.throughputRound().commandsPerSecond());
            }
            double[] rates = new double[options.rounds()];
            double[] cpuCosts = new double[options.rounds()];
            for (int i = 0; i < rates.length; i++) {
                PeerHarness.Round r = harness.throughputRound();
                rates[i] = r.commandsPerSecond();
                cpuCosts[i] = r.cpuNanosPerCommand();
                System.out.printf(Locale.ROOT, "round %d: %,.0f commands/s, %.0f ns of JVM CPU per command%n", i + 1,
                        rates[i], cpuCosts[i]);
            }
            double median = median(rates);
            double cpuPerCommand = median(cpuCosts);
            System.out.printf(Locale.ROOT, "throughput: median %,.0f commands/s (min %,.0f, max %,.0f) over %d rounds"
                            + " of %,d commands; %.0f ns of JVM CPU per command%n", median,
                    Arrays.stream(rates).min().orElse(0), Arrays.stream(rates).max().orElse(0), rates.length,
                    stream.size(), cpuPerCommand);

            Histogram h = null;
            int offered = options.latencyRate() > 0 ? options.latencyRate() : (int) Math.max(1_000, median / 4);
            if (options.latencyCommands() > 0) {
                h = harness.latencyRound(options.latencyCommands(), offered).latency;
                System.out.printf(Locale.ROOT, "latency at %,d commands/s offered, first %,d commands"
                                + " (scheduled send to result, includes the pipeline's thread hand-offs):%n"
                                + "  all         n=%,12d  p50=%,7d  p90=%,7d  p99=%,7d  p99.9=%,8d"
                                + "  p99.99=%,9d  max=%,11d ns%n",
                        offered, options.latencyCommands(), h.getTotalCount(),
                        h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                        h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue());
            }
            System.out.printf(Locale.ROOT, "RESULT engine=exchange-core variant=%s commands=%d throughput=%.0f"
                            + " p50=%d p99=%d p999=%d max=%d cpuPerCommand=%.0f latencyRate=%d%n", spec.label(),
                    stream.size(), median,
                    h == null ? -1 : h.getValueAtPercentile(50), h == null ? -1 : h.getValueAtPercentile(99),
                    h == null ? -1 : h.getValueAtPercentile(99.9), h == null ? -1 : h.getMaxValue(), cpuPerCommand,
                    offered);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
