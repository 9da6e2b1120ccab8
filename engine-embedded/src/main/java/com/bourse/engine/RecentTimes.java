package com.bourse.engine;

/**
 * The business times of the last few events of one kind for one account (a fixed ring, no allocation after
 * construction), to ask whether that many happened within a window. Engine thread only.
 */
final class RecentTimes {
    private final long[] times;
    private int next;
    private int size;

    RecentTimes(int capacity) {
        this.times = new long[capacity];
    }

    void add(long time) {
        if (times.length == 0) {
            return;
        }
        times[next] = time;
        next = next + 1 == times.length ? 0 : next + 1;
        if (size < times.length) {
            size++;
        }
    }

    /** Whether the ring is full and even its oldest event happened at or after {@code since}. */
    boolean fullSince(long since) {
        // When full, the oldest event sits where the next one will be written.
        return size == times.length && (size == 0 || times[next] >= since);
    }

    int size() {
        return size;
    }

    /** The {@code i}-th remembered time, oldest first. */
    long get(int i) {
        int at = next - size + i;
        return times[at < 0 ? at + times.length : at];
    }
}
