package com.bourse.cluster.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A {@link StructuredLog} for what an outsider can provoke (refused sign-ins, malformed messages): at most
 * {@code perSecond} lines of each event a second; the lines left out are counted and the next line written says
 * how many ({@code "suppressed":n}). One thread only (the consensus module's, or the service's).
 */
public final class RateLimitedLog {
    private final StructuredLog log;
    private final int perSecond;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new HashMap<>();

    private static final class Window {
        long startNs;
        int written;
        long suppressed;
    }

    public RateLimitedLog(StructuredLog log, int perSecond, LongSupplier nanoClock) {
        this.log = log;
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
    }

    public RateLimitedLog(StructuredLog log, int perSecond) {
        this(log, perSecond, System::nanoTime);
    }

    /** Writes a WARN line unless this event already wrote {@code perSecond} lines in the current second. */
    public boolean warn(String event, Object... keyValues) {
        Window window = windows.computeIfAbsent(event, e -> new Window());
        long now = nanoClock.getAsLong();
        if (now - window.startNs >= 1_000_000_000L) {
            window.startNs = now;
            window.written = 0;
        }
        if (window.written >= perSecond) {
            window.suppressed++;
            return false;
        }
        window.written++;
        if (window.suppressed > 0) {
            Object[] withCount = new Object[keyValues.length + 2];
            System.arraycopy(keyValues, 0, withCount, 0, keyValues.length);
            withCount[keyValues.length] = "suppressed";
            withCount[keyValues.length + 1] = window.suppressed;
            window.suppressed = 0;
            log.warn(event, withCount);
        } else {
            log.warn(event, keyValues);
        }
        return true;
    }
}
