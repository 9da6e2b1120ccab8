package com.bourse.backoffice.importexport;

/** Why one field of one line of an import file was refused. Line 1 is the header. */
public record ImportProblem(String file, int line, String field, String message) {
    @Override
    public String toString() {
        return file + " line " + line + (field == null ? "" : ", field '" + field + "'") + ": " + message;
    }
}
