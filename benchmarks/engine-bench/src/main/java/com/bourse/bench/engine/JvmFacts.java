package com.bourse.bench.engine;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** What the JVM is doing around a measurement: allocation by this thread, collections, and how it was started. */
final class JvmFacts {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private JvmFacts() {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU time of the whole JVM (every thread, JIT and GC included), nanoseconds. */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    static long allocatedByThisThread() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    static long collections() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    static String describe() {
        StringBuilder gcs = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.append(gcs.isEmpty() ? "" : ", ").append(gc.getName());
        }
        return "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, GC " + gcs + "\n  flags "
                + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** Cost of the timer itself: the p50 of back-to-back {@link System#nanoTime()} calls. */
    static long timerFloorNanos() {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(1_000_000_000L, 3);
        for (int i = 0; i < 2_000_000; i++) {
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            h.recordValue(t1 - t0);
        }
        return h.getValueAtPercentile(50);
    }
}
