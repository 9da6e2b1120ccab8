package com.bourse.bench.engine;

import com.bourse.bench.stream.OrderStream;
import org.HdrHistogram.Histogram;

import java.util.Locale;

/** One HdrHistogram of nanoseconds per command kind; recording allocates nothing. Single-threaded. */
final class KindLatencies {
    private static final long HIGHEST_NANOS = 10_000_000_000L;
    private final Histogram[] byKind = {histogram(), histogram(), histogram()};

    void record(byte kind, long nanos) {
        byKind[kind].recordValue(Math.min(nanos, HIGHEST_NANOS));
    }

    void add(KindLatencies other) {
        for (int k = 0; k < byKind.length; k++) {
            byKind[k].add(other.byKind[k]);
        }
    }

    Histogram kind(byte kind) {
        return byKind[kind];
    }

    Histogram all() {
        Histogram all = histogram();
        for (Histogram h : byKind) {
            all.add(h);
        }
        return all;
    }

    static String summary(String label, Histogram h) {
        return String.format(Locale.ROOT,
                "%-11s n=%,12d  p50=%,7d  p90=%,7d  p99=%,7d  p99.9=%,8d  p99.99=%,9d  max=%,11d ns",
                label, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99),
                h.getMaxValue());
    }

    String report() {
        StringBuilder b = new StringBuilder();
        b.append("  ").append(summary("all", all())).append('\n');
        for (byte k = 0; k < byKind.length; k++) {
            b.append("  ").append(summary(OrderStream.kindName(k), byKind[k])).append('\n');
        }
        return b.toString();
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST_NANOS, 3);
    }
}
