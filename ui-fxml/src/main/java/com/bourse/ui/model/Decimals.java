package com.bourse.ui.model;

import com.bourse.protocol.FixedPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The edge between the engine's fixed-point longs and what a trader reads and types. Prices are counts of
 * 10^-scale units, cash counts of minor units; {@link BigDecimal} exists only here and in the views. The
 * arithmetic is {@link FixedPoint}'s; this class adds the trader's formatting and typing rules.
 * Stateless and thread-safe.
 */
public final class Decimals {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,18})?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    private Decimals() {
    }

    public static BigDecimal of(long units, int scale) {
        return FixedPoint.toDecimal(units, scale);
    }

    /** "1,234.50" for a table or the ladder: grouped, exactly {@code scale} decimals. */
    public static String format(long units, int scale) {
        return format(of(units, scale), scale);
    }

    public static String format(BigDecimal value, int scale) {
        if (value == null) {
            return "";
        }
        return formatter(scale).format(value.setScale(scale, RoundingMode.HALF_EVEN));
    }

    /** "1234.50" for an input field. */
    public static String plain(long units, int scale) {
        return FixedPoint.toPlainString(units, scale);
    }

    /** Whole units of a long that is {@code scale} decimals fixed-point, e.g. cash in minor units. */
    public static long unitsOf(BigDecimal value, int scale) {
        return FixedPoint.toUnits(value, scale);
    }

    /**
     * Reads a decimal typed by a trader into units of 10^-scale, with a decimal comma accepted where the user's
     * locale writes one. Letters, more decimals than the scale allows or a number too large are refused with
     * words for the field's hint.
     */
    public static Parsed parse(String text, int scale) {
        return parse(text, scale, Locale.getDefault(Locale.Category.FORMAT));
    }

    /**
     * As {@link #parse(String, int)} for a trader whose numbers are written the {@code locale}'s way: where its
     * decimal separator is a comma, "162,36" is 162.36 (and "162.36" still is, since a price is never typed with
     * grouping); elsewhere a comma is refused rather than guessed.
     */
    public static Parsed parse(String text, int scale, Locale locale) {
        String t = text == null ? "" : text.strip();
        if (DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' && t.indexOf('.') < 0
                && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', '.');
        }
        if (t.isEmpty()) {
            return new Parsed.Invalid("Required");
        }
        if (!DECIMAL.matcher(t).matches()) {
            if (t.matches("-?\\d{16,}([.,]\\d*)?")) {
                return new Parsed.Invalid("Number too large");
            }
            return new Parsed.Invalid("Enter a number, like " + plain(12345, Math.min(scale, 2)));
        }
        BigDecimal value = new BigDecimal(t);
        if (value.stripTrailingZeros().scale() > scale) {
            return new Parsed.Invalid("At most " + scale + " decimals");
        }
        try {
            return new Parsed.Value(FixedPoint.toUnits(value, scale));
        } catch (ArithmeticException e) {
            return new Parsed.Invalid("Number too large");
        }
    }

    /** Reads a whole quantity. */
    public static Parsed parseWhole(String text) {
        String t = text == null ? "" : text.strip().replace(",", "");
        if (t.isEmpty()) {
            return new Parsed.Invalid("Required");
        }
        if (!WHOLE.matcher(t).matches()) {
            return new Parsed.Invalid("Enter a whole number of units");
        }
        return new Parsed.Value(Long.parseLong(t));
    }

    private static DecimalFormat formatter(int scale) {
        DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format;
    }

    /** What a typed number turned out to be. */
    public sealed interface Parsed {
        record Value(long units) implements Parsed {
        }

        record Invalid(String message) implements Parsed {
        }
    }
}
