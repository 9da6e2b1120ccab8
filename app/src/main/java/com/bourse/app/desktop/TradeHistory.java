package com.bourse.app.desktop;

import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.ui.port.MarketSnapshot;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent trades of every instrument, heard from the venue since start, so a window that opens later
 * can draw its chart from history. The engine keeps no tape of its own (it needs none); this is a small
 * projection of its trade events. Keeps the latest {@code capacity} trades per instrument.
 *
 * <p>Written on the venue thread; read with {@link #recent} from the venue thread too (inside a query), so the
 * copy lines up exactly with a snapshot. Synchronised anyway, for any other reader.
 */
final class TradeHistory implements EventSink {
    private final int capacity;
    private final Map<Long, ArrayDeque<MarketSnapshot.Print>> tapes = new HashMap<>();

    TradeHistory(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof Event.Trade t) {
            synchronized (this) {
                ArrayDeque<MarketSnapshot.Print> tape = tapes.computeIfAbsent(t.instrumentId(),
                        id -> new ArrayDeque<>());
                if (tape.size() == capacity) {
                    tape.removeFirst();
                }
                tape.addLast(new MarketSnapshot.Print(t.timestamp(), t.price(), t.quantity()));
            }
        }
    }

    synchronized List<MarketSnapshot.Print> recent(long instrumentId) {
        ArrayDeque<MarketSnapshot.Print> tape = tapes.get(instrumentId);
        return tape == null ? List.of() : List.copyOf(tape);
    }
}
