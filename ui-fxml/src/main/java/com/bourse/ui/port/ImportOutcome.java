package com.bourse.ui.port;

import java.util.List;

/**
 * What an import did: {@code records} taken, or none and every problem by line ("line 4: ...").
 */
public record ImportOutcome(String file, int records, List<String> problems) {

    public ImportOutcome {
        problems = List.copyOf(problems);
    }

    public boolean imported() {
        return problems.isEmpty();
    }
}
