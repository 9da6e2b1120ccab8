package com.bourse.ui.port;

import com.bourse.protocol.EventSink;

/**
 * Where a {@link TradingSession} delivers a trader's market: the events, in order, and, when the session had to
 * resync (a live venue that lost its connection loses the events sent meanwhile), a whole new snapshot that
 * replaces what the views show. Events delivered after a {@link #reload} continue from that snapshot.
 *
 * <p>Events and reloads are called on the venue's thread, in order; a notice may come from another thread (the
 * session's sending worker). All must return quickly.
 */
public interface MarketFeed extends EventSink {

    /** Replace the views' state with {@code snapshot}; events queued before it are dropped (it includes them). */
    void reload(MarketSnapshot snapshot);

    /** Something the trader must see that no engine event says, e.g. a command the venue never acknowledged. */
    void notice(String message);
}
