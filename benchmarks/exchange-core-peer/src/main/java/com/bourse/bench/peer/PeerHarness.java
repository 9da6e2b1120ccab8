package com.bourse.bench.peer;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamProfile;
import exchange.core2.core.ExchangeApi;
import exchange.core2.core.ExchangeCore;
import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiReset;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.config.ExchangeConfiguration;
import exchange.core2.core.common.config.PerformanceConfiguration;
import exchange.core2.core.orderbook.OrderBookDirectImpl;

import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * One running exchange-core (one risk engine, one matching engine, its fast direct order book, no journaling),
 * reset and set up again before every round. The benchmark thread is the single producer; a round ends when the
 * results consumer has seen the last command come out of the pipeline.
 */
final class PeerHarness implements AutoCloseable {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final OrderStream stream;
    private final ApiCommand[] commands;
    private final PeerMarket market;
    private final ResultCounter counter = new ResultCounter();
    private final ExchangeCore core;
    private final ExchangeApi api;

    PeerHarness(OrderStream stream, CoreWaitStrategy waitStrategy, int groupLimit) {
        this.stream = stream;
        this.commands = PeerMarket.commands(stream);
        this.market = new PeerMarket(stream.spec());
        PerformanceConfiguration performance = PerformanceConfiguration.baseBuilder()
                .ringBufferSize(64 * 1024)
                .matchingEnginesNum(1)
                .riskEnginesNum(1)
                .msgsInGroupLimit(groupLimit)
                .waitStrategy(waitStrategy)
                .orderBookFactory(OrderBookDirectImpl::new)
                .build();
        ExchangeConfiguration configuration = ExchangeConfiguration.defaultBuilder()
                .performanceCfg(performance)
                .build();
        this.core = ExchangeCore.builder().resultsConsumer(counter).exchangeConfiguration(configuration).build();
        core.startup();
        this.api = core.getApi();
    }

    static String configuration(CoreWaitStrategy waitStrategy, int groupLimit) {
        return "exchange-core 0.5.3: 1 risk engine, 1 matching engine, OrderBookDirectImpl, ring 64k, groups of"
                + " up to " + groupLimit + ", " + waitStrategy + " waits, no journaling, risk FULL_PER_CURRENCY";
    }

    /** Wall time from first send to last result, and CPU time of the whole JVM (all pipeline threads) meanwhile. */
    record Round(long nanos, long cpuNanos, int commands) {
        double commandsPerSecond() {
            return commands * 1e9 / nanos;
        }

        double cpuNanosPerCommand() {
            return (double) cpuNanos / commands;
        }
    }

    /** Sends the whole stream as fast as the ring takes it. */
    Round throughputRound() {
        prepare(commands.length, false);
        long cpuAtStart = OS.getProcessCpuTime();
        long start = System.nanoTime();
        for (ApiCommand command : commands) {
            api.submitCommand(command);
        }
        awaitDone();
        long cpuNanos = OS.getProcessCpuTime() - cpuAtStart;
        StreamCheck.verify(stream.profile(), counter);
        return new Round(counter.finishedAt - start, cpuNanos, commands.length);
    }

    /**
     * Sends the first {@code count} commands on a fixed schedule of {@code rate} per second; each command's
     * latency runs from its scheduled send time to its result, so a stalled sender does not hide queueing.
     */
    ResultCounter latencyRound(int count, int rate) {
        prepare(count, true);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            waitUntil(due);
            commands[i].timestamp = due;
            api.submitCommand(commands[i]);
        }
        awaitDone();
        if (counter.failures != 0) {
            throw new IllegalStateException("exchange-core failed " + counter.failures + " commands, first "
                    + counter.firstFailure);
        }
        return counter;
    }

    /**
     * Sleeps while the next send is far off and yields when it is close: on two cores a spinning sender would
     * take a whole core from the pipeline it measures.
     */
    private static void waitUntil(long due) {
        long now;
        while ((now = System.nanoTime()) < due) {
            if (due - now > 200_000) {
                LockSupport.parkNanos(due - now - 100_000);
            } else {
                Thread.yield();
            }
        }
    }

    private void prepare(long expected, boolean timeEach) {
        CommandResultCode reset = api.submitCommandAsync(ApiReset.builder().build()).join();
        if (reset != CommandResultCode.SUCCESS) {
            throw new IllegalStateException("exchange-core reset failed: " + reset);
        }
        market.setUp(api);
        counter.expect(expected, timeEach);
        System.gc();
    }

    private void awaitDone() {
        // Park rather than spin: on two cores a spinning waiter would steal time from the pipeline it waits for.
        while (!counter.isDone()) {
            LockSupport.parkNanos(100_000);
        }
    }

    @Override
    public void close() {
        core.shutdown();
    }

    /** Same checks as our engine's benchmark, from exchange-core's events. */
    static final class StreamCheck {
        private StreamCheck() {
        }

        static void verify(StreamProfile p, ResultCounter c) {
            expect("failed commands (first " + c.firstFailure + ")", c.failures, 0);
            expect("trades", c.trades, p.trades());
            expect("traded quantity", c.tradedQuantity, p.tradedQuantity());
            expect("IOC remainders rejected", c.remainders, p.aggressiveWithRemainder());
            expect("cancels", c.reduces, p.cancels());
        }

        private static void expect(String what, long actual, long expected) {
            if (actual != expected) {
                throw new IllegalStateException("exchange-core disagrees with the stream on " + what + ": " + actual
                        + " instead of " + expected);
            }
        }
    }
}
