package com.bourse.bench.stream;

import java.util.Locale;

/**
 * What the generator's shadow books saw while building a stream: the actual command mix and what matching did.
 * An engine fed the stream must end with the same trades, volume and working orders; the benchmarks check it,
 * so a fast run that did different work fails instead of reporting a number.
 *
 * @param adds                     resting limit orders (GTC)
 * @param cancels                  cancels, each of an order live at that moment
 * @param aggressive               immediate-or-cancel limit orders priced through the touch
 * @param trades                   executions (one per resting order an aggressive order met)
 * @param tradedQuantity           lots traded
 * @param aggressiveWithRemainder  aggressive orders whose unfilled rest was cancelled
 * @param levelsCrossed            price levels traded through, summed over aggressive orders
 * @param maxLevelsCrossed         most price levels one aggressive order traded through
 * @param meanLiveOrders           working orders of the instrument a command touched, averaged over the stream
 * @param liveAtEnd                working orders on all books after the last command
 */
public record StreamProfile(long adds, long cancels, long aggressive, long trades, long tradedQuantity,
                            long aggressiveWithRemainder, long levelsCrossed, int maxLevelsCrossed,
                            double meanLiveOrders, long liveAtEnd) {

    public long commands() {
        return adds + cancels + aggressive;
    }

    public double meanLevelsCrossed() {
        return aggressive == 0 ? 0 : (double) levelsCrossed / aggressive;
    }

    public double meanTradesPerAggressive() {
        return aggressive == 0 ? 0 : (double) trades / aggressive;
    }

    public String describe() {
        double n = commands();
        return String.format(Locale.ROOT,
                "%,d commands: %.1f%% resting adds, %.1f%% cancels, %.1f%% aggressive IOC; %,d trades (%.2f per"
                        + " aggressive order), %.2f levels crossed on average (max %d), %.1f%% of aggressive orders"
                        + " left a remainder; %.0f working orders per book on average, %,d at the end",
                commands(), 100 * adds / n, 100 * cancels / n, 100 * aggressive / n, trades,
                meanTradesPerAggressive(), meanLevelsCrossed(), maxLevelsCrossed,
                aggressive == 0 ? 0 : 100.0 * aggressiveWithRemainder / aggressive, meanLiveOrders, liveAtEnd);
    }
}
