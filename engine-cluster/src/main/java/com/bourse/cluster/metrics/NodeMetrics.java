package com.bourse.cluster.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * What a cluster node reports about itself: commands and events counted, the service time of each command as a
 * latency histogram, open sessions, leader and log position. Written by the service thread, read by the metrics
 * exporter; counters are atomics and the histogram is an HdrHistogram {@link Recorder}, so reading never stops
 * the writer.
 */
public final class NodeMetrics {
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong rejectedMessages = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong droppedEvents = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong leaderMemberId = new AtomicLong(-1);
    private final AtomicLong logPosition = new AtomicLong();
    private final AtomicLong role = new AtomicLong(-1);
    private volatile EngineSnapshotDigest engineSnapshot = EngineSnapshotDigest.NONE;
    private final Recorder latencyNs = new Recorder(3_600_000_000_000L, 3);
    private final Histogram total = new Histogram(3_600_000_000_000L, 3);
    private final int memberId;

    public NodeMetrics(int memberId) {
        this.memberId = memberId;
    }

    public void commandApplied(long serviceNanos, long position) {
        commands.incrementAndGet();
        logPosition.lazySet(position);
        latencyNs.recordValue(Math.max(0, serviceNanos));
    }

    public void messageRejected() {
        rejectedMessages.incrementAndGet();
    }

    public void eventsSent(int count) {
        events.addAndGet(count);
    }

    public void eventDropped() {
        droppedEvents.incrementAndGet();
    }

    public void sessionCount(int count) {
        sessions.set(count);
    }

    public void leader(int memberId) {
        leaderMemberId.set(memberId);
    }

    public void role(int code) {
        role.set(code);
    }

    public void logPosition(long position) {
        logPosition.lazySet(position);
    }

    /**
     * The engine snapshot just taken at {@code logPosition}. Its CRC-32 lets another process check that members
     * hold the same engine state without shipping the bytes: equal positions must give equal digests.
     */
    public void engineSnapshotTaken(long logPosition, byte[] engineBytes) {
        CRC32 crc = new CRC32();
        crc.update(engineBytes);
        engineSnapshot = new EngineSnapshotDigest(logPosition, crc.getValue());
    }

    public int memberId() {
        return memberId;
    }

    public long commands() {
        return commands.get();
    }

    public long events() {
        return events.get();
    }

    public long droppedEvents() {
        return droppedEvents.get();
    }

    public long rejectedMessages() {
        return rejectedMessages.get();
    }

    public long sessions() {
        return sessions.get();
    }

    public long leaderMemberId() {
        return leaderMemberId.get();
    }

    public long logPosition() {
        return logPosition.get();
    }

    public long role() {
        return role.get();
    }

    /** The last engine snapshot's log position and CRC-32, {@link EngineSnapshotDigest#NONE} before the first. */
    public EngineSnapshotDigest engineSnapshot() {
        return engineSnapshot;
    }

    /** Where the last engine snapshot was taken and the CRC-32 of its bytes; one value so readers never mix two. */
    public record EngineSnapshotDigest(long logPosition, long crc32) {
        public static final EngineSnapshotDigest NONE = new EngineSnapshotDigest(-1, 0);
    }

    /** The command service-time histogram since the node started (a copy; exporter thread only). */
    public synchronized Histogram latencySnapshot() {
        total.add(latencyNs.getIntervalHistogram());
        return total.copy();
    }
}
