package com.bourse.bench.peer;

import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import org.HdrHistogram.Histogram;

import java.util.function.ObjLongConsumer;

/**
 * exchange-core's results consumer, the last stage of its pipeline: counts the order commands that came out,
 * their trades and IOC remainders, and optionally records each one's latency from the time it was meant to be
 * sent (carried in the command's timestamp). Runs on exchange-core's results thread; the benchmark thread reads
 * the counts only after {@link #isDone()} turned true (a volatile write/read pair orders them).
 */
final class ResultCounter implements ObjLongConsumer<OrderCommand> {
    private static final long HIGHEST_NANOS = 60_000_000_000L;

    private long expected = Long.MAX_VALUE;
    private boolean recordLatency;
    private long processed;
    long failures;
    CommandResultCode firstFailure;
    long trades;
    long tradedQuantity;
    long remainders;
    long reduces;
    long finishedAt;
    final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
    private volatile boolean done;

    /** Called by the benchmark thread while the pipeline is idle (after set-up joined, before publishing). */
    void expect(long commands, boolean timeEach) {
        processed = failures = trades = tradedQuantity = remainders = reduces = 0;
        firstFailure = null;
        finishedAt = 0;
        latency.reset();
        recordLatency = timeEach;
        expected = commands;
        done = false;
    }

    boolean isDone() {
        return done;
    }

    long processed() {
        return processed;
    }

    @Override
    public void accept(OrderCommand cmd, long seq) {
        if (cmd.command != OrderCommandType.PLACE_ORDER && cmd.command != OrderCommandType.CANCEL_ORDER) {
            return;
        }
        if (cmd.resultCode != CommandResultCode.SUCCESS && failures++ == 0) {
            firstFailure = cmd.resultCode;
        }
        for (MatcherTradeEvent e = cmd.matcherEvent; e != null; e = e.nextEvent) {
            if (e.eventType == MatcherEventType.TRADE) {
                trades++;
                tradedQuantity += e.size;
            } else if (e.eventType == MatcherEventType.REJECT) {
                remainders++;
            } else if (e.eventType == MatcherEventType.REDUCE) {
                reduces++;
            }
        }
        if (recordLatency) {
            latency.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, System.nanoTime() - cmd.timestamp)));
        }
        if (++processed == expected) {
            finishedAt = System.nanoTime();
            done = true;
        }
    }
}
