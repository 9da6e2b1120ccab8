package com.bourse.simulator.scenario;

/**
 * A scenario file (or a price history it names) that cannot be run: the file, the 1-based line and the reason, so
 * a trainer can fix it in an editor. Nothing of a refused scenario is run.
 */
public final class ScenarioException extends RuntimeException {
    private final String file;
    private final int line;
    private final String reason;

    public ScenarioException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem is the file as a whole (missing, a section absent). */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
