package com.bourse.csv;

/** Why one field of one line of a file was refused. Line 1 is the header (of a whole CSV file). */
public record ImportProblem(String file, int line, String field, String message) {
    /** The field and why, without the file and line: for messages that place the problem themselves. */
    public String reason() {
        return (field == null ? "" : "field '" + field + "': ") + message;
    }

    @Override
    public String toString() {
        return file + " line " + line + (field == null ? ": " : ", ") + reason();
    }
}
