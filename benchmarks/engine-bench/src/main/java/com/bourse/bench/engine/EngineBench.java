package com.bourse.bench.engine;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamSpec;
import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * Our engine on the shared order stream, risk checks on: throughput (commands per second, median of the timed
 * rounds), per-command latency percentiles (overall and per kind), bytes allocated per command and collections
 * during the timed loops. Ends with one {@code RESULT} line per variant for benchmarks/run.sh to tabulate.
 *
 * <p>Usage: {@code EngineBench [--variants=1,100] [--commands=N] [--warmup=N] [--rounds=N] [--latency-rounds=N]}
 */
public final class EngineBench {
    private EngineBench() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args);
        System.out.println("== Bourse engine benchmark ==");
        System.out.println(JvmFacts.describe());
        System.out.println("  timer floor (back-to-back System.nanoTime) p50 = " + JvmFacts.timerFloorNanos() + " ns");
        for (String variant : options.variants()) {
            run(StreamSpec.variant(variant, options.commands()), options);
        }
    }

    static void run(StreamSpec spec, BenchOptions options) {
        System.out.printf(Locale.ROOT, "%n-- %s, seed %d --%n", spec.label(), spec.seed());
        long t0 = System.nanoTime();
        OrderStream stream = OrderStream.generate(spec);
        VariantRun run = new VariantRun(stream);
        System.out.printf(Locale.ROOT, "stream generated and translated in %.1f s: %s%n",
                (System.nanoTime() - t0) / 1e9, stream.profile().describe());

        for (int i = 0; i < options.warmupRounds(); i++) {
            VariantRun.Round r = run.throughputRound();
            System.out.printf(Locale.ROOT, "warm-up %d: %,.0f commands/s%n", i + 1, r.commandsPerSecond());
        }
        run.latencyRound();

        double[] rates = new double[options.rounds()];
        double[] cpuCosts = new double[options.rounds()];
        long allocated = 0;
        long steadyAllocated = 0;
        long collections = 0;
        long measured = 0;
        for (int i = 0; i < rates.length; i++) {
            VariantRun.Round r = run.throughputRound();
            rates[i] = r.commandsPerSecond();
            cpuCosts[i] = r.cpuNanosPerCommand();
            allocated += r.allocatedBytes();
            steadyAllocated += r.steadyAllocatedBytes();
            collections += r.collections();
            measured += r.commands();
            System.out.printf(Locale.ROOT, "round %d: %,.0f commands/s, %.0f ns of JVM CPU and %.1f events per command,"
                    + " %,d bytes allocated (%,d in the second half), %d GCs%n", i + 1, r.commandsPerSecond(),
                    r.cpuNanosPerCommand(), r.eventsPerCommand(), r.allocatedBytes(), r.steadyAllocatedBytes(),
                    r.collections());
        }
        KindLatencies latencies = new KindLatencies();
        for (int i = 0; i < options.latencyRounds(); i++) {
            latencies.add(run.latencyRound());
        }
        double median = VariantRun.median(rates);
        double cpuPerCommand = VariantRun.median(cpuCosts);
        double bytesPerCommand = (double) allocated / measured;
        double steadyBytesPerCommand = (double) steadyAllocated / (measured / 2.0);
        System.out.printf(Locale.ROOT, "throughput: median %,.0f commands/s (min %,.0f, max %,.0f) over %d rounds"
                        + " of %,d commands; %.0f ns of JVM CPU per command%n", median, min(rates), max(rates),
                rates.length, stream.size(), cpuPerCommand);
        System.out.printf(Locale.ROOT, "allocation in timed loops: %.4f bytes/command overall (new price levels of a"
                + " fresh engine), %.4f bytes/command in the second halves; %d GCs%n", bytesPerCommand,
                steadyBytesPerCommand, collections);
        System.out.println("latency per command (System.nanoTime around Engine.apply, includes the timer):");
        System.out.print(latencies.report());
        Histogram all = latencies.all();
        System.out.printf(Locale.ROOT, "RESULT engine=bourse variant=%s commands=%d throughput=%.0f p50=%d p99=%d"
                        + " p999=%d max=%d cpuPerCommand=%.0f bytesPerCommand=%.4f steadyBytesPerCommand=%.4f gcs=%d%n",
                spec.label(), stream.size(), median, all.getValueAtPercentile(50), all.getValueAtPercentile(99),
                all.getValueAtPercentile(99.9), all.getMaxValue(), cpuPerCommand, bytesPerCommand,
                steadyBytesPerCommand, collections);
    }

    private static double min(double[] values) {
        double m = Double.MAX_VALUE;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
