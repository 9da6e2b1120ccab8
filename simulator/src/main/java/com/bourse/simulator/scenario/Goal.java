package com.bourse.simulator.scenario;

import java.util.Set;

/**
 * What the trainee is asked to achieve, in the trainer's words ({@code text}) and as a rule the debrief checks.
 *
 * @param symbol the instrument the goal is about, {@code *} for the whole account
 */
public record Goal(Kind kind, String symbol, Params params, String text) {

    /** The rules a goal can state. */
    public enum Kind {
        /** No position left in the instrument by {@code by} (a time), average slippage within {@code max_slippage_ticks}. */
        FLATTEN("flatten", Set.of("by", "max_slippage_ticks")),
        /** The day's loss, marked to the close, stays within {@code amount} (whole units of the base currency). */
        MAX_LOSS("max_loss", Set.of("amount")),
        /** Every order and transfer held for review is approved or rejected by {@code by}. */
        DECIDE_HOLDS("decide_holds", Set.of("by"));

        private final String word;
        private final Set<String> parameters;

        Kind(String word, Set<String> parameters) {
            this.word = word;
            this.parameters = parameters;
        }

        public String word() {
            return word;
        }

        Set<String> parameters() {
            return parameters;
        }

        static Kind of(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown goal '" + word + "' (known: flatten, max_loss, decide_holds)");
        }
    }
}
