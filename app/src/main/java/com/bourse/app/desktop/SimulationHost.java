package com.bourse.app.desktop;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.sim.MarketSimulator;
import com.bourse.engine.sim.SampleData;
import com.bourse.engine.venue.EmbeddedVenue;
import com.bourse.protocol.Command;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulation the desktop runs out of the box: the embedded engine seeded with {@code sample-data/}, and
 * the market simulator replaying the sample price histories, one simulated minute every
 * {@code barMillis} of wall time, so the books move. When the day's history is used up it starts again.
 * Also the one source of order ids, so two windows of the same trader never reuse one.
 *
 * <p>Thread-safe. The simulator runs on its own scheduler thread and only submits commands.
 */
public final class SimulationHost implements AutoCloseable {
    private final SampleData data;
    private final EmbeddedVenue venue;
    private final ScheduledExecutorService clock;
    private final long seed;
    private final Map<Long, AtomicLong> orderIds = new ConcurrentHashMap<>();
    private final TradeHistory trades = new TradeHistory(20_000);
    private MarketSimulator simulator;

    public SimulationHost(DesktopConfig config) {
        this.data = SampleData.load(config.sampleData());
        this.seed = config.seed();
        this.venue = new EmbeddedVenue(new Engine(EngineConfig.defaults()));
        venue.subscribe(trades);
        long now = System.currentTimeMillis();
        for (Command command : data.bootstrapCommands(now)) {
            submit(command);
        }
        this.simulator = new MarketSimulator(data, seed);
        // Warm-up minutes are stamped in the recent past, one bar period apart, so the chart opens with history.
        long spacing = config.barMillis() > 0 ? config.barMillis() : 1_500;
        int warmUp = Math.max(1, config.warmUpBars());
        for (int k = warmUp - 1; k >= 0; k--) {
            replayBar(now - k * spacing);
        }
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bourse-market-simulator");
            t.setDaemon(true);
            return t;
        });
        if (config.barMillis() > 0) {
            clock.scheduleAtFixedRate(this::nextBar, config.barMillis(), config.barMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public SampleData data() {
        return data;
    }

    public EmbeddedVenue venue() {
        return venue;
    }

    /** The trades heard so far, for charts; read it on the venue thread to line up with a snapshot. */
    TradeHistory trades() {
        return trades;
    }

    /** A fresh id for an account, above any it used: the account number in the high digits, a counter below. */
    public long newOrderId(long accountId) {
        return orderIds.computeIfAbsent(accountId, id -> new AtomicLong(id * 1_000_000_000L)).incrementAndGet();
    }

    /** Replays the next simulated minute now (the timer does this on its own). */
    public void nextBar() {
        replayBar(System.currentTimeMillis());
    }

    private synchronized void replayBar(long timestamp) {
        try {
            if (!simulator.hasNextBar()) {
                simulator = new MarketSimulator(data, seed + simulator.barIndex());
            }
            for (Command command : simulator.nextBar(timestamp)) {
                submit(command);
            }
        } catch (RuntimeException e) {
            // A failing bar must not kill the timer; the next one tries again.
            e.printStackTrace();
        }
    }

    private void submit(Command command) {
        while (!venue.submit(command)) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        venue.close();
    }
}
