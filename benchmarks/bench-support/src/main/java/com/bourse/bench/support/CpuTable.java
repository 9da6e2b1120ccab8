package com.bourse.bench.support;

import java.util.List;

/**
 * The Markdown table of CPU microseconds per unit of work (an order, a payment), for the whole process and per
 * thread kind: the figure to compare between runs on a shared machine, where other work stretches the latencies
 * much more than the CPU our own threads need.
 */
public final class CpuTable {
    private CpuTable() {
    }

    /** One run: its name, how many units it did, the process's CPU and each kind's (ns, in the labels' order). */
    public record Line(String what, long units, long processNanos, long[] nanosByKind) {
    }

    /** Prints the table; a run with no CPU measured or no units done is left out. */
    public static void print(String unit, List<String> kindLabels, List<Line> lines) {
        StringBuilder header = new StringBuilder("| run | CPU µs per " + unit + " |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (String label : kindLabels) {
            header.append(' ').append(label).append(" |");
            rule.append("---:|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Line line : lines) {
            if (line.processNanos() <= 0 || line.units() == 0) {
                continue;
            }
            StringBuilder row = new StringBuilder("| " + line.what() + " | "
                    + String.format("%.1f", line.processNanos() / 1e3 / line.units()) + " |");
            for (long nanos : line.nanosByKind()) {
                row.append(String.format(" %.1f |", nanos / 1e3 / line.units()));
            }
            System.out.println(row);
        }
    }
}
