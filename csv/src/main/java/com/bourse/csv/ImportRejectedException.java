package com.bourse.csv;

import java.util.List;

/**
 * An import file was refused: nothing of it was imported. Lists the problems found (the first
 * {@link #MAX_LISTED} of a file that has more, which still counts them all), the first one in the message.
 */
public final class ImportRejectedException extends RuntimeException {
    /** Problems listed at most: a file bad on every one of a million lines is refused in bounded memory. */
    public static final int MAX_LISTED = 1_000;

    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        this(problems, problems.size());
    }

    /** @param found every problem found, of which {@code problems} are the ones listed */
    public ImportRejectedException(List<ImportProblem> problems, int found) {
        super(problems.getFirst() + (found > 1 ? " (and " + (found - 1) + " more)" : "")
                + "; nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
