package com.bourse.simulator.scenario;

import java.util.Set;

/** The kinds of simulated participant a scenario can populate a market with, and the parameters each knows. */
public enum AgentKind {
    /** Quotes both sides around its estimate of the fundamental; skews with inventory, widens in fast markets. */
    MARKET_MAKER("market_maker", Set.of("interval_s", "half_spread_ticks", "vol_spread", "levels", "level_ticks",
            "size", "skew_ticks", "max_inventory", "noise_ticks")),
    /** Zero-intelligence flow: limit and market orders of random side and size, and cancellations. */
    NOISE("noise", Set.of("interval_s", "market_pct", "size", "offset_ticks", "cancel_pct", "max_orders")),
    /** Trades toward its (noisy) estimate of the fundamental when the market is far enough from it. */
    VALUE("value", Set.of("interval_s", "threshold_ticks", "size", "noise_ticks", "max_position")),
    /** Follows the trend of the mid price it sees: a fast average above the slow one buys. */
    MOMENTUM("momentum", Set.of("interval_s", "fast_s", "slow_s", "threshold_ticks", "size", "max_position"));

    private final String word;
    private final Set<String> parameters;

    AgentKind(String word, Set<String> parameters) {
        this.word = word;
        this.parameters = parameters;
    }

    /** How a scenario file names the kind. */
    public String word() {
        return word;
    }

    public Set<String> parameters() {
        return parameters;
    }

    static AgentKind of(String word) {
        for (AgentKind kind : values()) {
            if (kind.word.equals(word)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown agent kind '" + word + "' (known: market_maker, noise, value, "
                + "momentum)");
    }
}
