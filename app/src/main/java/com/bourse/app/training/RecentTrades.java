package com.bourse.app.training;

import com.bourse.ui.port.MarketSnapshot;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The latest prints per instrument, so a window's chart opens with the session's history. Engine thread only. */
final class RecentTrades {
    private final int capacity;
    private final Map<Long, ArrayDeque<MarketSnapshot.Print>> prints = new HashMap<>();

    RecentTrades(int capacity) {
        this.capacity = capacity;
    }

    void add(long instrumentId, MarketSnapshot.Print print) {
        ArrayDeque<MarketSnapshot.Print> tape = prints.computeIfAbsent(instrumentId, id -> new ArrayDeque<>());
        if (tape.size() == capacity) {
            tape.pollFirst();
        }
        tape.addLast(print);
    }

    List<MarketSnapshot.Print> recent(long instrumentId) {
        ArrayDeque<MarketSnapshot.Print> tape = prints.get(instrumentId);
        return tape == null ? List.of() : List.copyOf(tape);
    }

    void clear() {
        prints.clear();
    }
}
