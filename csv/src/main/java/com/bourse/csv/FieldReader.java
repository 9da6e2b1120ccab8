package com.bourse.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads typed values out of CSV records, collecting a problem (file, line, field, why) for each bad one
 * instead of stopping at the first, so a person fixes a file in one go. Values are taken verbatim: nothing
 * is trimmed away silently except surrounding blanks of numbers, and nothing is ever interpreted as SQL.
 */
public final class FieldReader {
    private final String file;
    private final List<ImportProblem> problems = new ArrayList<>();
    private int found;

    public FieldReader(String file) {
        this.file = file;
    }

    /** Records a problem; past {@link ImportRejectedException#MAX_LISTED} of them, it is only counted. */
    public void problem(CsvFile.CsvRecord record, String field, String message) {
        found++;
        if (problems.size() < ImportRejectedException.MAX_LISTED) {
            problems.add(new ImportProblem(file, record.line(), field, message));
        }
    }

    /** How many problems were found so far: a line that added none is sound by the file's rules. */
    public int problemCount() {
        return found;
    }

    /** Throws {@link ImportRejectedException} if any problem was found so far. */
    public void rejectIfProblems() {
        if (found > 0) {
            throw new ImportRejectedException(problems, found);
        }
    }

    public String text(CsvFile.CsvRecord record, String field, int maxLength, boolean required) {
        String value = record.fields().get(field);
        if (value == null || value.isEmpty()) {
            if (required) {
                problem(record, field, "is required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            problem(record, field, "has " + value.length() + " characters, at most " + maxLength + " allowed");
            return null;
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            problem(record, field, "contains a control character");
            return null;
        }
        return value;
    }

    public String matching(CsvFile.CsvRecord record, String field, Pattern pattern, String expected) {
        String value = text(record, field, 64, true);
        if (value != null && !pattern.matcher(value).matches()) {
            problem(record, field, "'" + shorten(value) + "' is not " + expected);
            return null;
        }
        return value;
    }

    /** A whole number in {@code [min, max]}; refuses decimals, signs where negative is not allowed, overflow. */
    public long number(CsvFile.CsvRecord record, String field, long min, long max) {
        String raw = record.fields().get(field);
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problem(record, field, "is required");
            return 0;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            String why = value.matches("[+-]?\\d+") ? "is too large (at most " + max + ")" : "'" + shorten(value)
                    + "' is not a whole number";
            problem(record, field, why);
            return 0;
        }
        if (parsed < min) {
            problem(record, field, parsed < 0 && min >= 0 ? "must not be negative, got " + parsed
                    : "must be at least " + min + ", got " + parsed);
            return 0;
        }
        if (parsed > max) {
            problem(record, field, "must be at most " + max + ", got " + parsed);
            return 0;
        }
        return parsed;
    }

    public <E extends Enum<E>> E choice(CsvFile.CsvRecord record, String field, Class<E> type) {
        String value = record.fields().get(field);
        if (value == null || value.isEmpty()) {
            problem(record, field, "is required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(record, field, "'" + shorten(value) + "' is not one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    /** {@code value} cut to 40 characters, so a problem quoting a runaway field stays readable. */
    public static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
