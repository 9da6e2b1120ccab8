package com.bourse.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A strictly read CSV file (RFC 4180: comma separated, double quotes around fields that need them, doubled
 * quotes inside): a header row, then records that each have exactly the header's fields; blank lines between
 * records are skipped. Remembers the line each record starts on, so a problem can be reported where a person
 * will find it. The one CSV grammar of Bourse: sample-data files, price histories, imports and the tables of a
 * scenario file are all read by it. Immutable once read.
 */
public final class CsvFile {
    static final int MAX_FIELD = 10_000;
    /** The most records a file may have (the header not counted): the limit imports state. */
    public static final int MAX_RECORDS = 1_000_000;

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
        List<CsvRecord> records = new ArrayList<>();
        List<String> header = each(name, reader, firstLine, required, optional, records::add);
        return new CsvFile(name, header, records);
    }

    /**
     * Parse {@code reader} record by record, handing each to {@code record} as soon as it is read, so a file of any
     * length is read in the memory of one record: the way imports read. The header is checked before the first
     * record; a line that breaks the grammar stops the reading with an {@link ImportRejectedException} (records
     * handed over before it stay with the caller, who decides what they mean); a record with the wrong number of
     * fields is reported, with every other such record, once the file is read. At most {@link #MAX_RECORDS} records.
     * Returns the header.
     */
    public static List<String> each(String name, Reader reader, int firstLine, List<String> required,
                                    List<String> optional, Consumer<CsvRecord> record) {
        List<ImportProblem> problems = new ArrayList<>();
        List<String>[] header = new List[1];
        int[] count = new int[1];
        int[] misfits = new int[1];
        try (BufferedReader in = new BufferedReader(reader)) {
            parse(name, in, firstLine, problems, (line, row) -> {
                if (header[0] == null) {
                    header[0] = header(name, firstLine, row, required, optional);
                    return true;
                }
                if (row.size() == 1 && row.getFirst().isEmpty()) {
                    return true; // a blank line
                }
                if (++count[0] > MAX_RECORDS) {
                    problems.add(new ImportProblem(name, line, null, "more than " + MAX_RECORDS + " records"));
                    return false;
                }
                if (row.size() != header[0].size()) {
                    if (++misfits[0] <= ImportRejectedException.MAX_LISTED) {
                        problems.add(new ImportProblem(name, line, null, "has " + row.size()
                                + " fields, the header has " + header[0].size()));
                    }
                    return true;
                }
                Map<String, String> fields = HashMap.newHashMap(row.size());
                for (int i = 0; i < row.size(); i++) {
                    fields.put(header[0].get(i), row.get(i));
                }
                record.accept(new CsvRecord(line, fields));
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        if (header[0] == null && problems.isEmpty()) {
            problems.add(new ImportProblem(name, firstLine, null, "the file is empty"));
        }
        if (!problems.isEmpty()) {
            // every misfit line counted, the first MAX_LISTED listed, plus a grammar or limit problem that stopped it
            int stopped = problems.size() - Math.min(misfits[0], ImportRejectedException.MAX_LISTED);
            throw new ImportRejectedException(problems, misfits[0] + stopped);
        }
        return header[0];
    }

    /** The header row checked against the columns: refused whole, naming every missing, unknown or doubled column. */
    private static List<String> header(String name, int firstLine, List<String> row, List<String> required,
                                       List<String> optional) {
        List<ImportProblem> problems = new ArrayList<>();
        List<String> header = row.stream().map(String::strip).toList();
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
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return header;
    }

    /** Takes each row with the line it starts on; false stops the reading. */
    @FunctionalInterface
    private interface RowSink {
        boolean accept(int line, List<String> row);
    }

    private static void parse(String name, BufferedReader in, int firstLine, List<ImportProblem> problems,
                              RowSink rows) throws IOException {
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
            if (!rows.accept(start, row)) {
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
