package com.bourse.ui.view;

/**
 * Where a price axis draws its grid: about {@link #LINES} lines at a step a trader reads at a glance, 1, 2, 2.5 or 5
 * times a power of ten of the price (0.25, 0.50, 1, 2, 5, 10 ...), and always a whole number of ticks; never the odd
 * 1.90 that dividing the range by five gave (687.80 / 685.90 / 684.00). Prices are the instrument's fixed-point
 * units. Stateless.
 */
public final class PriceGrid {
    /** About this many lines over the range shown. */
    public static final int LINES = 5;

    private PriceGrid() {
    }

    /**
     * The grid's step for {@code range} (high minus low) on an instrument whose tick is {@code tick}: the smallest
     * nice step at least a {@link #LINES}th of the range that is a multiple of the tick; for a tick no nice step is a
     * multiple of (3 units, say), the tick times a nice multiplier.
     */
    public static long step(long range, long tick) {
        if (tick <= 0) {
            throw new IllegalArgumentException("tick must be positive: " + tick);
        }
        long wanted = Math.max(1, Math.ceilDiv(Math.max(range, 1), LINES));
        for (long power = 1; power <= Long.MAX_VALUE / 100; power *= 10) {
            long[] nice = power >= 10 ? new long[] {power, 2 * power, 25 * power / 10, 5 * power}
                    : new long[] {power, 2 * power, 5 * power};
            for (long step : nice) {
                if (step >= wanted && step % tick == 0) {
                    return step;
                }
            }
            if (power >= wanted && power / 1000 >= tick) {
                break; // no nice step is a whole number of these ticks
            }
        }
        return tick * niceAtLeast(Math.ceilDiv(wanted, tick));
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code n}. */
    static long niceAtLeast(long n) {
        for (long power = 1; ; power *= 10) {
            for (long nice : new long[] {power, 2 * power, 5 * power}) {
                if (nice >= n) {
                    return nice;
                }
            }
        }
    }

    /** The first grid price above {@code low}. */
    public static long first(long low, long step) {
        return Math.floorDiv(low, step) * step + step;
    }

    /** Whether {@code step} is 1, 2, 2.5 or 5 times a power of ten (for specifications and checks). */
    public static boolean isNice(long step) {
        long power = 1;
        while (power <= step / 10) {
            power *= 10;
        }
        return step == power || step == 2 * power || step == 5 * power || power >= 10 && step == 25 * power / 10;
    }
}
