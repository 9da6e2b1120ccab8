package com.bourse.csv;

import java.util.List;

/** An import file was refused: nothing of it was imported. Lists every problem found, first one in the message. */
public final class ImportRejectedException extends RuntimeException {
    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.getFirst() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")
                + "; nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
