package com.bourse.app.desktop;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.importexport.Bootstrap;
import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.store.JournaledEngine;
import com.bourse.backoffice.store.ProjectedEngineHost;
import com.bourse.engine.Engine;
import com.bourse.engine.sim.MarketSimulator;
import com.bourse.engine.sim.SampleData;
import com.bourse.engine.venue.EmbeddedVenue;
import com.bourse.protocol.Command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulation the desktop runs out of the box: the back office of {@code config.dataDir()} (created and
 * seeded from {@code sample-data/} by {@link Bootstrap} on first run), its durable engine (command journal,
 * projections into H2) hosted by an {@link EmbeddedVenue}, and the market simulator replaying the sample price
 * histories, one simulated minute every {@code barMillis} of wall time, so the books move. When the day's
 * history is used up it starts again. A restart, after a crash too, resumes from the journal.
 * Also the one source of order ids, so two windows of the same trader never reuse one (nor reuse one a
 * previous run used: counters start above the engine's last id per account).
 *
 * <p>Thread-safe. The simulator runs on its own scheduler thread and only submits commands.
 */
public final class SimulationHost implements AutoCloseable {
    private final SampleData data;
    private final BackOffice office;
    private final EmbeddedVenue venue;
    private final Set<Long> simulatorAccounts = new HashSet<>();
    private final Map<Long, Long> lastOrderIds;
    private final ScheduledExecutorService clock;
    private final long seed;
    private final Map<Long, AtomicLong> orderIds = new ConcurrentHashMap<>();
    private final TradeHistory trades = new TradeHistory(20_000);
    private MarketSimulator simulator;
    /** Added to the simulator's order ids so they rise above every id its accounts used before (restarts). */
    private long simulatorIdShift;
    private long highestSimulatorId;

    public SimulationHost(DesktopConfig config) {
        this.data = SampleData.load(config.sampleData());
        this.seed = config.seed();
        long now = System.currentTimeMillis();
        this.office = BackOffice.open(BackOffice.Options.defaults(config.dataDir(),
                config.passphrase().toCharArray()));
        try {
            seed(office, config.sampleData(), now);
            this.venue = new EmbeddedVenue(new ProjectedEngineHost(office.desk()));
        } catch (RuntimeException e) {
            office.close();
            throw e;
        }
        venue.subscribe(trades);
        for (SampleData.SampleAccount account : data.accounts()) {
            if (account.ownerUsername().equals(SampleData.SIMULATOR_USERNAME)) {
                simulatorAccounts.add(account.accountId());
            }
        }
        simulatorAccounts.add(MarketSimulator.FLOW_ACCOUNT);
        this.lastOrderIds = venue.query(SimulationHost::lastOrderIds).join();
        for (long account : simulatorAccounts) {
            highestSimulatorId = Math.max(highestSimulatorId, lastOrderIds.getOrDefault(account, 0L));
        }
        this.simulatorIdShift = highestSimulatorId;
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

    /**
     * First run: {@link Bootstrap} loads the sample users, instruments and accounts into the store and gives the
     * engine's seed, to which the simulator's own risk limits are added. Later runs find the seed in the
     * journal and add nothing. Runs before the venue starts, so this thread may drive the engine.
     */
    private void seed(BackOffice office, java.nio.file.Path sampleData, long now) {
        JournaledEngine desk = office.desk();
        Bootstrap.Seed seeded = office.seedIfFirstRun(sampleData);
        if (!seeded.firstRun() && desk.journal().committedSeq() > 0) {
            return;
        }
        // A first run, or a crash after the store took the users but before the journal took the seed.
        for (Command command : data.bootstrapCommands(now)) {
            if (!seeded.firstRun() || command instanceof Command.SetRiskLimits) {
                desk.apply(command);
            }
        }
        desk.commit();
    }

    private static Map<Long, Long> lastOrderIds(Engine engine) {
        Map<Long, Long> last = new HashMap<>();
        for (long account : engine.accountIds()) {
            last.put(account, engine.lastOrderId(account));
        }
        return last;
    }

    public SampleData data() {
        return data;
    }

    /** The simulation's back office: store, audit trail, sign-in, repositories. */
    public BackOffice office() {
        return office;
    }

    /** A gateway that audits what a person sends and hands it to the venue. */
    public CommandGateway commandGateway() {
        return office.commandGateway(command -> {
            if (!venue.submit(command)) {
                throw new IllegalStateException("the simulation is closed or its inbox is full");
            }
        });
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
        return orderIds.computeIfAbsent(accountId,
                id -> new AtomicLong(Math.max(id * 1_000_000_000L, lastOrderIds.getOrDefault(id, 0L)))).incrementAndGet();
    }

    /** Replays the next simulated minute now (the timer does this on its own). */
    public void nextBar() {
        replayBar(System.currentTimeMillis());
    }

    private synchronized void replayBar(long timestamp) {
        try {
            if (!simulator.hasNextBar()) {
                simulator = new MarketSimulator(data, seed + simulator.barIndex());
                simulatorIdShift = highestSimulatorId; // a fresh simulator counts from its base again
            }
            for (Command command : simulator.nextBar(timestamp)) {
                submit(shifted(command));
            }
        } catch (RuntimeException e) {
            // A failing bar must not kill the timer; the next one tries again.
            e.printStackTrace();
        }
    }

    private Command shifted(Command command) {
        if (command instanceof Command.PlaceOrder p && simulatorIdShift != 0) {
            command = new Command.PlaceOrder(p.timestamp(), p.userId(), p.orderId() + simulatorIdShift, p.accountId(),
                    p.instrumentId(), p.side(), p.type(), p.timeInForce(), p.price(), p.stopPrice(), p.quantity(),
                    p.displayQuantity(), p.postOnly());
        }
        if (command instanceof Command.PlaceOrder p) {
            highestSimulatorId = Math.max(highestSimulatorId, p.orderId());
        }
        return command;
    }

    private void submit(Command command) {
        while (!venue.submit(command)) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        try {
            venue.close();
        } finally {
            office.close();
        }
    }
}
