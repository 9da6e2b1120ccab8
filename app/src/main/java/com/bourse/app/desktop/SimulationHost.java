package com.bourse.app.desktop;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.importexport.Bootstrap;
import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.store.JournaledEngine;
import com.bourse.backoffice.store.ProjectedEngineHost;
import com.bourse.engine.Engine;
import com.bourse.engine.venue.EmbeddedVenue;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import com.bourse.simulator.MarketSimulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulation the desktop runs out of the box: the {@link SampleWorld} of {@code sample-data/}, the back office
 * of {@code config.dataDir()} (created and seeded from that world on first run), its durable engine (command
 * journal, projections into H2) hosted by an {@link EmbeddedVenue}, and the {@link MarketSimulator} replaying the
 * world's price histories, one simulated minute every {@code barMillis} of wall time, so the books move. When the
 * day's history is used up the day closes and the next walks it the other way, opening where the last closed. A
 * restart, after a crash too, resumes from the journal: the engine's
 * state, the trades and fills windows open with (read back from the store, {@link TradeHistory}), and the
 * simulated market at the minute it had reached ({@link SimulatorBookmark}), stamped from the restart on.
 * Also the one source of order ids, so two windows of the same trader never reuse one (nor reuse one a
 * previous run used: counters start above the engine's last id per account); the simulator's own ids start above
 * the last id its accounts used.
 *
 * <p>Thread-safe. The simulator runs on its own named scheduler thread and only submits commands; a bar that fails
 * is logged and the next one tries again.
 */
public final class SimulationHost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SimulationHost.class.getName());

    private final SampleWorld world;
    private final BackOffice office;
    private final EmbeddedVenue venue;
    private final Map<Long, Long> lastOrderIds;
    private final ScheduledExecutorService clock;
    private final Map<Long, AtomicLong> orderIds = new ConcurrentHashMap<>();
    private final TradeHistory trades;
    private final SimulatorBookmark bookmark;
    private final ReviewNotes reviewNotes = new ReviewNotes();
    /** Traders' windows' reads of the store (snapshot additions, an order's history): one virtual thread each. */
    private final java.util.concurrent.ExecutorService storeReads = java.util.concurrent.Executors
            .newThreadPerTaskExecutor(Thread.ofVirtual().name("bourse-trader-store-read-", 0)
                    .uncaughtExceptionHandler((t, e) -> LOG.log(System.Logger.Level.ERROR,
                            "a trader window's store read failed on " + t.getName(), e))
                    .factory());
    /** Guarded by {@code this}: the warm-up on the constructing thread, then the scheduler thread. */
    private MarketSimulator simulator;

    public SimulationHost(DesktopConfig config) {
        this.world = SampleWorld.read(config.sampleData());
        long now = System.currentTimeMillis();
        // Set up only in an empty folder; an installed one that reads damaged stops here, naming the file.
        this.office = BackOffice.openOrSetUp(BackOffice.Options.defaults(config.dataDir(),
                config.passphrase().toCharArray()), () -> world);
        try {
            seed(office, world, now);
            this.venue = new EmbeddedVenue(new ProjectedEngineHost(office.desk()));
        } catch (RuntimeException e) {
            office.close();
            throw e;
        }
        this.trades = new TradeHistory(20_000, java.util.Set.copyOf(world.simulatorAccounts()));
        restoreTrades(office, venue, trades);
        venue.subscribe(trades);
        this.lastOrderIds = venue.query(SimulationHost::lastOrderIds).join();
        long simulatorFloor = 0;
        for (long account : world.simulatorAccounts()) {
            simulatorFloor = Math.max(simulatorFloor, lastOrderIds.getOrDefault(account, 0L));
        }
        this.bookmark = new SimulatorBookmark(config.dataDir());
        java.util.Optional<SimulatorBookmark.Position> stopped = bookmark.read();
        this.simulator = stopped.isPresent()
                ? MarketSimulator.resume(world.simulatedMarket(), stopped.get().daySeed(),
                        Math.min(stopped.get().barIndex(), world.simulatedMarket().minutes()),
                        stopped.get().backwards(), simulatorFloor)
                : new MarketSimulator(world.simulatedMarket(), config.seed(), simulatorFloor);
        if (simulatorFloor == 0) {
            // A market that never ran: warm-up minutes stamped in the recent past, one bar period apart, so the
            // chart opens with history. A market that ran before already has its books and its history (restored
            // above), and it goes on from its bookmark at the next bar: nothing is stamped inside the downtime.
            long spacing = config.barMillis() > 0 ? config.barMillis() : 1_500;
            int warmUp = Math.max(1, config.warmUpBars());
            for (int k = warmUp - 1; k >= 0; k--) {
                replayBar(now - k * spacing);
            }
        }
        this.clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bourse-market-simulator");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.log(System.Logger.Level.ERROR, "the market simulator stopped on an error", e));
            return thread;
        });
        if (config.barMillis() > 0) {
            clock.scheduleAtFixedRate(this::nextBar, config.barMillis(), config.barMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Brings the engine's journal to the world's seed before the venue starts (so this thread may drive the
     * engine): on the first run {@link Bootstrap} writes the world into the store and the seed is journaled; when
     * a first run stopped after the store took the world but before the journal took the seed, the same seed is
     * journaled now; any later run finds it in the journal and adds nothing. Returns what it journaled.
     */
    static List<Command> seed(BackOffice office, SampleWorld world, long now) {
        JournaledEngine desk = office.desk();
        Bootstrap.Seed first = new Bootstrap(office.imports(), office.referenceData(), office.users(), office.audit())
                .runIfFirst(world, now);
        List<Command> seed = first.firstRun() ? first.engineCommands()
                : desk.journal().committedSeq() == 0 ? world.seed(now) : List.of();
        for (Command command : seed) {
            desk.apply(command);
        }
        if (!seed.isEmpty()) {
            desk.commit();
        }
        return seed;
    }

    /**
     * The trades a window opens with come from the store: waits until its projections hold every command the
     * journal has (at most a snapshot interval of catching up after a restart), then reads them, before the venue
     * hears anything new.
     */
    private static void restoreTrades(BackOffice office, EmbeddedVenue venue, TradeHistory trades) {
        JournaledEngine desk = office.desk();
        long journaled = desk.journal().committedSeq();
        if (!desk.projections().awaitCommitted(journaled, java.time.Duration.ofMinutes(2))) {
            LOG.log(System.Logger.Level.WARNING, "the store's projections did not reach command " + journaled
                    + " within 2 minutes: the fills and charts start from what they hold");
        }
        trades.restore(office.trades(), venue.query(Engine::instruments).join(),
                venue.query(Engine::accountIds).join());
    }

    private static Map<Long, Long> lastOrderIds(Engine engine) {
        Map<Long, Long> last = new HashMap<>();
        for (long account : engine.accountIds()) {
            last.put(account, engine.lastOrderId(account));
        }
        return last;
    }

    /** The sample world the simulation was built from. */
    public SampleWorld data() {
        return world;
    }

    /** The simulation's back office: store, audit trail, sign-in, repositories. */
    public BackOffice office() {
        return office;
    }

    /**
     * A gateway that hands what a person sends to the venue with its audit entry, both sealed in one journal
     * record: the group commit that acknowledges the command makes its entry durable too.
     */
    public CommandGateway commandGateway() {
        return office.deskCommandGateway((command, auditEntry) -> {
            reviewNotes.noteIfRejection(command);
            if (!venue.submit(command, auditEntry)) {
                throw new IllegalStateException("the simulation is closed or its inbox is full");
            }
        });
    }

    /** The officers' rejection reasons, for the traders' windows. */
    ReviewNotes reviewNotes() {
        return reviewNotes;
    }

    public EmbeddedVenue venue() {
        return venue;
    }

    /** Where traders' windows read the store, off the FX and engine threads. */
    java.util.concurrent.Executor storeReads() {
        return storeReads;
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
                closeDay(timestamp);
                simulator = simulator.nextDay();
            }
            for (Command command : simulator.nextBar(timestamp)) {
                submit(command);
            }
            bookmark.write(new SimulatorBookmark.Position(simulator.seed(), simulator.barIndex(),
                    simulator.backwards()));
        } catch (RuntimeException e) {
            // A failing bar must not kill the timer; the next one tries again.
            LOG.log(System.Logger.Level.ERROR, "simulated minute " + simulator.barIndex() + " failed", e);
        }
    }

    /**
     * The replayed day's session close: DAY orders expire and the day report is written, as the back office's own
     * End of day does, sent by the world's first administrator because a close is an operator's act, not a trader's.
     */
    private void closeDay(long timestamp) {
        world.users().stream()
                .filter(u -> u.roles().contains(Role.ADMIN))
                .mapToLong(SampleWorld.SampleUser::userId)
                .min()
                .ifPresentOrElse(admin -> submit(new Command.EndOfDay(timestamp, admin)),
                        () -> LOG.log(System.Logger.Level.WARNING,
                                "the sample world has no administrator: the simulated day closes without End of day"));
    }

    private void submit(Command command) {
        while (!venue.submit(command)) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        storeReads.shutdownNow();
        try {
            venue.close();
        } finally {
            office.close();
        }
    }
}
