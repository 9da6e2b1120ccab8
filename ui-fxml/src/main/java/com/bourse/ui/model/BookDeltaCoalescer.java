package com.bourse.ui.model;

import com.bourse.protocol.Event;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Folds a flood of book updates into at most one update per price level per frame: the venue thread
 * {@link #offer offers} each delta, the FX thread {@link #drain drains} the latest of each level once a pulse.
 * Because a level's delta carries its absolute quantity, keeping only the latest loses nothing, and the
 * pending set can never grow beyond the number of distinct levels: there is no backlog to build up.
 *
 * <p>Thread-safe for one or more producers and one consumer; the two maps are swapped under a lock held
 * only for a map put or a swap.
 */
public final class BookDeltaCoalescer {
    private final Object lock = new Object();
    private HashMap<Long, Event.BookDelta> filling = new HashMap<>();
    private HashMap<Long, Event.BookDelta> draining = new HashMap<>();
    private long offered;
    private long drained;

    public void offer(Event.BookDelta delta) {
        long key = (delta.instrumentId() << 44) ^ ((long) delta.side().ordinal() << 43) ^ delta.price();
        synchronized (lock) {
            filling.put(key, delta);
            offered++;
        }
    }

    /** Hands the latest delta of every level changed since the last drain to {@code apply}; returns how many. */
    public int drain(Consumer<Event.BookDelta> apply) {
        Map<Long, Event.BookDelta> batch;
        synchronized (lock) {
            batch = filling;
            filling = draining;
            draining = (HashMap<Long, Event.BookDelta>) batch;
        }
        int n = batch.size();
        for (Event.BookDelta delta : batch.values()) {
            apply.accept(delta);
        }
        batch.clear();
        synchronized (lock) {
            drained += n;
        }
        return n;
    }

    /** Forgets every level waiting for a drain (a new snapshot supersedes them). */
    public void clear() {
        synchronized (lock) {
            filling.clear();
        }
    }

    /** Levels waiting for the next drain. */
    public int pending() {
        synchronized (lock) {
            return filling.size();
        }
    }

    /** Deltas offered since start. */
    public long offered() {
        synchronized (lock) {
            return offered;
        }
    }

    /** Level updates applied since start (offered minus those folded into a later one). */
    public long drained() {
        synchronized (lock) {
            return drained;
        }
    }
}
