package com.bourse.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strictly read CSV file (RFC 4180: comma separated, double quotes around fields that need them, doubled
 * quotes inside): a header row, then records that each have exactly the header's fields; blank lines between
 * records are skipped. Remembers the line each record starts on, so a problem can be reported where a person
 * will find it. The one CSV grammar of Bourse: sample-data files, price histories, imports and the tables of a
 * scenario file are all read by it. Immutable once read.
 */
public final class CsvFile {
    static final int MAX_FIELD = 10_000;
    static final int MAX_RECORDS = 1_000_000;

    private final String name;
    private final List<String> header;
    private final List<CsvRecord> records;

    private CsvFile(String name, List<String> header, List<CsvRecord> records) {
        this.name = name;
        this.header = header;
        this.records = records;
    }

    /** One record: its starting line and its fields by header name. */
    public record CsvRecord(int line, Map<String, String> fields) {
    }

    /**
     * Parse {@code reader}; {@code required} columns must all be in the header (others are refused too, so a
     * misspelt column is not silently ignored).
     */
    public static CsvFile read(String name, Reader reader, List<String> required, List<String> optional) {
        return read(name, reader, 1, required, optional);
    }

    /**
     * Parse a table that starts on line {@code firstLine} of the file {@code name} (the header's line), such as a
     * table section inside a larger file: every line number reported counts from there.
     */
    public static CsvFile read(String name, Reader reader, int firstLine, List<String> required,
                               List<String> optional) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            parse(name, in, firstLine, rows, lines, problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        if (rows.isEmpty()) {
            throw new ImportRejectedException(List.of(new ImportProblem(name, firstLine, null, "the file is empty")));
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(new ImportProblem(name, firstLine, column, "required column is missing"));
            }
        }
        for (String column : header) {
            if (!required.contains(column) && !optional.contains(column)) {
                problems.add(new ImportProblem(name, firstLine, column, "unknown column (the columns are "
                        + String.join(",", required) + (optional.isEmpty() ? "" : ", optionally "
                        + String.join(",", optional)) + ")"));
            }
            if (header.indexOf(column) != header.lastIndexOf(column)) {
                problems.add(new ImportProblem(name, firstLine, column, "column appears twice"));
            }
        }
        List<CsvRecord> records = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.getFirst().isEmpty()) {
                continue; // a blank line
            }
            if (row.size() != header.size()) {
                problems.add(new ImportProblem(name, lines.get(r), null, "has " + row.size() + " fields, the header has "
                        + header.size()));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), row.get(i));
            }
            records.add(new CsvRecord(lines.get(r), fields));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new CsvFile(name, header, records);
    }

    private static void parse(String name, BufferedReader in, int firstLine, List<List<String>> rows,
                              List<Integer> lines, List<ImportProblem> problems) throws IOException {
        int line = firstLine;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read(); // byte order mark some spreadsheets write
        }
        while (c != -1) {
            int start = line;
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false;
            boolean atFieldStart = true;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        problems.add(new ImportProblem(name, start, null, "a quoted field is never closed"));
                        return;
                    }
                    row.add(field.toString());
                    break;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                            c = in.read();
                            continue;
                        }
                        quoted = false;
                        afterQuote = true;
                        c = next;
                        continue;
                    }
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                    atFieldStart = true;
                    c = in.read();
                    continue;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        c = in.read();
                        if (c == '\n') {
                            c = in.read();
                        }
                    } else {
                        c = in.read();
                    }
                    line++;
                    row.add(field.toString());
                    break;
                } else if (ch == '"' && atFieldStart) {
                    quoted = true;
                } else if (afterQuote) {
                    problems.add(new ImportProblem(name, line, null, "text after a closing quote"));
                    return;
                } else if (ch == '"') {
                    problems.add(new ImportProblem(name, line, null, "a quote inside an unquoted field"));
                    return;
                } else {
                    field.append(ch);
                }
                atFieldStart = false;
                if (field.length() > MAX_FIELD) {
                    problems.add(new ImportProblem(name, start, null, "a field is longer than " + MAX_FIELD
                            + " characters"));
                    return;
                }
                c = in.read();
            }
            rows.add(row);
            lines.add(start);
            if (rows.size() > MAX_RECORDS) {
                problems.add(new ImportProblem(name, start, null, "more than " + MAX_RECORDS + " records"));
                return;
            }
        }
    }

    public String name() {
        return name;
    }

    public List<String> header() {
        return header;
    }

    public List<CsvRecord> records() {
        return records;
    }
}
