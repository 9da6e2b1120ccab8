package com.bourse.ui.view;

import java.util.Arrays;

/**
 * What each frame cost: the time between pulses, the time spent applying market data, how many book levels
 * and events were applied and what was still waiting. Kept in fixed arrays (the last {@code capacity}
 * frames) so measuring allocates nothing per frame. FX thread writes; read after a run.
 */
public final class FrameStats {
    private final long[] intervals;
    private final long[] workNanos;
    private final int[] backlog;
    private int count;
    private long frames;
    private long levelsApplied;
    private long eventsApplied;
    private int maxBacklog;

    public FrameStats(int capacity) {
        intervals = new long[capacity];
        workNanos = new long[capacity];
        backlog = new int[capacity];
    }

    void record(long intervalNanos, long work, int levels, int events, int waitingAfter) {
        int i = (int) (frames % intervals.length);
        intervals[i] = intervalNanos;
        workNanos[i] = work;
        backlog[i] = waitingAfter;
        frames++;
        count = (int) Math.min(frames, intervals.length);
        levelsApplied += levels;
        eventsApplied += events;
        maxBacklog = Math.max(maxBacklog, waitingAfter);
    }

    public synchronized void reset() {
        frames = 0;
        count = 0;
        levelsApplied = 0;
        eventsApplied = 0;
        maxBacklog = 0;
    }

    public long frames() {
        return frames;
    }

    public long levelsApplied() {
        return levelsApplied;
    }

    public long eventsApplied() {
        return eventsApplied;
    }

    /** The most that was still queued right after any frame's drain (levels plus events). */
    public int maxBacklog() {
        return maxBacklog;
    }

    /** Percentile (0-100) of the interval between frames, in milliseconds. */
    public double intervalPercentileMillis(double percentile) {
        return percentile(intervals, percentile) / 1e6;
    }

    /** Percentile of the time a frame spent applying updates, in milliseconds. */
    public double workPercentileMillis(double percentile) {
        return percentile(workNanos, percentile) / 1e6;
    }

    /** Mean backlog over the first and the last quarter of the recorded frames: equal means no growth. */
    public double[] backlogTrend() {
        int quarter = Math.max(1, count / 4);
        return new double[]{mean(backlog, 0, quarter), mean(backlog, count - quarter, count)};
    }

    private double percentile(long[] values, double percentile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(percentile / 100.0 * count) - 1);
        return sorted[Math.max(0, index)];
    }

    private double mean(int[] values, int from, int to) {
        if (to <= from) {
            return 0;
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[(int) ((frames - count + i) % values.length)];
        }
        return (double) sum / (to - from);
    }
}
