package com.bourse.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one fixed-point helper. Prices and quantities are {@code long} counts of 10^-scale units and cash is a
 * {@code long} count of minor units (scale = the currency's minor digits); {@link BigDecimal} appears only at the
 * edges (input, display, reports), and never a {@code double}.
 *
 * <p>Every conversion is exact unless a {@link RoundingMode} is passed: a value that would lose a digit or does
 * not fit in a {@code long} throws {@link ArithmeticException}, the same contract as {@link Math#multiplyExact}.
 * A scale outside 0..{@value #MAX_SCALE} is a bug in the caller and throws {@link IllegalArgumentException}.
 * Stateless and thread-safe; {@link #pow10} and {@link #fromWhole} allocate nothing.
 */
public final class FixedPoint {
    /** 10^18 is the largest power of ten a {@code long} holds. */
    public static final int MAX_SCALE = 18;

    private static final long[] POWERS_OF_TEN = {
            1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
            10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
            1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L,
            1_000_000_000_000_000_000L};

    private FixedPoint() {
    }

    /** 10^{@code exponent}, for 0 ≤ exponent ≤ {@value #MAX_SCALE}. */
    public static long pow10(int exponent) {
        if (exponent < 0 || exponent > MAX_SCALE) {
            throw new IllegalArgumentException("10^" + exponent + " is not a long power of ten (0.." + MAX_SCALE + ")");
        }
        return POWERS_OF_TEN[exponent];
    }

    /** {@code whole} units (e.g. whole currency units) as a fixed-point count of 10^-scale; overflow throws. */
    public static long fromWhole(long whole, int scale) {
        return Math.multiplyExact(whole, pow10(scale));
    }

    /** The exact decimal value of {@code units} counts of 10^-scale. */
    public static BigDecimal toDecimal(long units, int scale) {
        checkScale(scale);
        return BigDecimal.valueOf(units, scale);
    }

    /** "1234.50": the exact value with exactly {@code scale} decimals, no grouping, no exponent. */
    public static String toPlainString(long units, int scale) {
        return toDecimal(units, scale).toPlainString();
    }

    /**
     * {@code value} as a count of 10^-scale, exactly: more decimals than the scale allows, or a count that does not
     * fit in a {@code long}, throws {@link ArithmeticException}. Trailing zeros beyond the scale are not digits lost.
     */
    public static long toUnits(BigDecimal value, int scale) {
        return toUnits(value, scale, RoundingMode.UNNECESSARY);
    }

    /** {@code value} as a count of 10^-scale, rounded by {@code rounding}; a count beyond a {@code long} throws. */
    public static long toUnits(BigDecimal value, int scale, RoundingMode rounding) {
        checkScale(scale);
        return value.setScale(scale, rounding).unscaledValue().longValueExact();
    }

    /**
     * {@code units} of 10^-fromScale as a count of 10^-toScale: exact when the scale grows (overflow throws),
     * rounded by {@code rounding} when it shrinks ({@link RoundingMode#UNNECESSARY} throws if a digit is lost).
     */
    public static long rescale(long units, int fromScale, int toScale, RoundingMode rounding) {
        checkScale(fromScale);
        checkScale(toScale);
        if (toScale >= fromScale) {
            return Math.multiplyExact(units, pow10(toScale - fromScale));
        }
        long divisor = pow10(fromScale - toScale);
        long quotient = units / divisor;
        long remainder = units % divisor;
        if (remainder == 0) {
            return quotient;
        }
        // The rare inexact case goes through BigDecimal so every RoundingMode keeps its documented meaning.
        return BigDecimal.valueOf(units, fromScale).setScale(toScale, rounding).unscaledValue().longValueExact();
    }

    private static void checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale " + scale + " is outside 0.." + MAX_SCALE);
        }
    }
}
