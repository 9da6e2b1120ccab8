package com.bourse.simulator.scenario;

import java.util.List;

/**
 * How an instrument's fundamental value moves: a mean-reverting random walk of the log price with stochastic
 * volatility and jumps, or a historical path of minute closes. These are the model's settings, not money.
 *
 * @param dailyVolatility fraction of the price one standard deviation of a day's move is (0.02 = 2 %)
 * @param halfLifeMinutes how fast a deviation from the long-run value halves; 0 means no mean reversion
 * @param jumpsPerDay     expected number of jumps a day
 * @param jumpSize        mean absolute size of a jump, as a fraction of the price
 * @param volClustering   volatility of the log volatility (0 keeps volatility constant; 1 clusters strongly)
 * @param history         minute closes in price units when the path is historical, empty for the random walk
 * @param historyFile     the file the history came from, for messages; empty for the random walk
 */
public record FundamentalSpec(double dailyVolatility, double halfLifeMinutes, double jumpsPerDay, double jumpSize,
                              double volClustering, List<Long> history, String historyFile) {
    public FundamentalSpec {
        history = List.copyOf(history);
    }

    public boolean historical() {
        return !history.isEmpty();
    }
}
