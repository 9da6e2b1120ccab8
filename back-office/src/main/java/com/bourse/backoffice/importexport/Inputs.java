package com.bourse.backoffice.importexport;

import com.bourse.csv.FieldReader;
import com.bourse.protocol.FixedPoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Values people type into the desk, turned into what the store works with, or refused with a message that
 * names the field. Money goes through {@link BigDecimal} here and nowhere else: the store holds whole minor
 * units in {@code long}.
 */
public final class Inputs {
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Inputs() {
    }

    /** An ISO date (2026-11-02); refuses 2026-02-30, 02/11/2026, blanks and anything else. */
    public static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required (a date like 2026-11-02)");
        }
        try {
            return LocalDate.parse(text.strip(), ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + FieldReader.shorten(text)
                    + "' is not a date like 2026-11-02");
        }
    }

    /** Whole trade dates from {@code from} to {@code to}, both included. */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    /** A date range for statements and reports; the end may not come before the start. */
    public static DateRange dateRange(String fromText, String toText) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        return new DateRange(from, to);
    }

    /**
     * A positive amount of money typed in currency units (e.g. "1250.50" EUR) as whole minor units; refuses
     * negatives, zero, more decimals than the currency has, and amounts too large to hold.
     */
    public static long amount(String field, String text, int minorDigits) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + FieldReader.shorten(text) + "' is not an amount");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be a positive amount, got " + value.toPlainString());
        }
        if (value.scale() > minorDigits && value.stripTrailingZeros().scale() > minorDigits) {
            throw new IllegalArgumentException(field + " has more than " + minorDigits + " decimals");
        }
        try {
            return FixedPoint.toUnits(value, minorDigits);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " is too large");
        }
    }

    /** Whole minor units shown in currency units: 123456 with 2 digits is "1234.56". */
    public static String money(long minorUnits, int minorDigits) {
        return FixedPoint.toPlainString(minorUnits, minorDigits);
    }
}
