package com.bourse.cluster.client;

import com.bourse.protocol.wire.SessionMessage.DepthLevel;
import com.bourse.protocol.wire.SessionMessage.LastTrade;

import java.util.List;

/**
 * What a joining or reconnecting client starts from: every book's visible depth, last trade prices and the user's
 * blotter, all as of one cluster log position (the events after it continue from exactly there).
 */
public record MarketState(long logPosition, List<DepthLevel> levels, List<LastTrade> lastTrades, Blotter blotter,
                          Backfill backfill) {
    public MarketState {
        levels = List.copyOf(levels);
        lastTrades = List.copyOf(lastTrades);
        backfill = backfill == null ? Backfill.NONE : backfill;
    }

    /** Books and blotter with no {@link Backfill} (none asked). */
    public MarketState(long logPosition, List<DepthLevel> levels, List<LastTrade> lastTrades, Blotter blotter) {
        this(logPosition, levels, lastTrades, blotter, Backfill.NONE);
    }
}
