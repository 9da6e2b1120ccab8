package com.bourse.bench.support;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Collections the JVM has run and the milliseconds they took, summed over every collector: take one before a timed
 * stretch and {@link #since} after it, which is where a p99 far above the median usually comes from.
 */
public record GcCounts(long collections, long millis) {

    public static GcCounts now() {
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += gc.getCollectionCount();
            millis += gc.getCollectionTime();
        }
        return new GcCounts(collections, millis);
    }

    /** What ran between {@code start} and now. */
    public static GcCounts since(GcCounts start) {
        GcCounts now = now();
        return new GcCounts(now.collections - start.collections, now.millis - start.millis);
    }
}
