package com.bourse.bench.engine;

import com.bourse.bench.stream.OrderStream;
import com.bourse.engine.Engine;
import com.bourse.protocol.Command;

import java.util.Arrays;

/**
 * Benchmarks one stream on our engine. Every round runs the whole stream on a fresh, funded engine (set up and
 * collected before the clock starts): throughput rounds apply commands back to back, latency rounds put
 * {@link System#nanoTime()} around each {@link Engine#apply}. Each round is checked against the stream.
 */
final class VariantRun {
    private final OrderStream stream;
    private final BenchMarket market;
    private final Command[] commands;
    private final byte[] kinds;
    private final CountingSink sink = new CountingSink();

    VariantRun(OrderStream stream) {
        this.stream = stream;
        this.market = new BenchMarket(stream.spec());
        this.commands = BenchMarket.commands(stream);
        this.kinds = new byte[stream.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = stream.kind(i);
        }
    }

    /**
     * Figures of one throughput round. {@code steadyAllocatedBytes} counts only the second half of the stream:
     * a fresh engine allocates each price level the first time a price is used, the first half pays for that.
     */
    record Round(long nanos, long cpuNanos, long allocatedBytes, long steadyAllocatedBytes, long collections,
                 int commands, long events) {
        double commandsPerSecond() {
            return commands * 1e9 / nanos;
        }

        /** CPU time the JVM spent per command: the cost, whatever else the machine was running. */
        double cpuNanosPerCommand() {
            return (double) cpuNanos / commands;
        }

        double eventsPerCommand() {
            return (double) events / commands;
        }
    }

    Round throughputRound() {
        Engine engine = freshEngine();
        int half = commands.length / 2;
        long collections = JvmFacts.collections();
        long allocatedAtStart = JvmFacts.allocatedByThisThread();
        long cpuAtStart = JvmFacts.processCpuNanos();
        long start = System.nanoTime();
        applyRange(engine, commands, 0, half, sink);
        long allocatedAtHalf = JvmFacts.allocatedByThisThread();
        applyRange(engine, commands, half, commands.length, sink);
        long nanos = System.nanoTime() - start;
        long cpuNanos = JvmFacts.processCpuNanos() - cpuAtStart;
        long allocatedAtEnd = JvmFacts.allocatedByThisThread();
        collections = JvmFacts.collections() - collections;
        StreamCheck.verify(stream, sink, engine);
        return new Round(nanos, cpuNanos, allocatedAtEnd - allocatedAtStart, allocatedAtEnd - allocatedAtHalf,
                collections, commands.length, sink.events());
    }

    KindLatencies latencyRound() {
        Engine engine = freshEngine();
        KindLatencies latencies = new KindLatencies();
        applyTimed(engine, commands, kinds, sink, latencies);
        StreamCheck.verify(stream, sink, engine);
        return latencies;
    }

    private Engine freshEngine() {
        Engine engine = market.newEngine();
        sink.reset();
        // Leave the set-up garbage behind so no collection lands inside the measured loop.
        System.gc();
        return engine;
    }

    private static void applyRange(Engine engine, Command[] commands, int from, int to, CountingSink sink) {
        for (int i = from; i < to; i++) {
            engine.apply(commands[i], sink);
        }
    }

    private static void applyTimed(Engine engine, Command[] commands, byte[] kinds, CountingSink sink,
                                   KindLatencies latencies) {
        for (int i = 0; i < commands.length; i++) {
            long start = System.nanoTime();
            engine.apply(commands[i], sink);
            long nanos = System.nanoTime() - start;
            latencies.record(kinds[i], nanos);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
