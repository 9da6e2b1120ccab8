package com.bourse.app.training;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;
import com.bourse.simulator.scenario.Scenario;
import com.bourse.simulator.scenario.ScenarioReader;
import com.bourse.simulator.session.Injection;
import com.bourse.simulator.session.MarketSession;
import com.bourse.simulator.session.Pacer;
import com.bourse.simulator.session.SessionRecord;
import com.bourse.ui.port.Debrief;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TrainingControl;
import com.bourse.ui.port.TrainingStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A training session in the desktop: an in-memory engine driven by a scenario's agent-based {@link MarketSession}
 * on one named engine thread, paced by a {@link Pacer} the toolbar sets. The trainee's commands and the trainer's
 * injections are applied through the session (so they are in its record), and every event reaches the windows
 * through the session's tap, on the engine thread, right after the agents heard it. Nothing is kept in the back
 * office: a session is replayable from its record ({@code <home>/training/sessions/*.session}), which is saved when
 * the day closes or on demand; finished attempts are listed in {@code <home>/training/attempts.csv}.
 *
 * <p>Reset, jumping back and reopening a saved session build a fresh engine and session (replaying the record up to
 * the time) with the windows muted, then hand each window a new snapshot ({@link MarketFeed#reload}).
 *
 * <p>Thread-safe: every public method hands its work to the engine thread.
 */
public final class TrainingHost implements TrainingControl, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TrainingHost.class.getName());
    private static final long TICK_MILLIS = 20;
    private static final int DEPTH_LEVELS = 2_000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TrainingConfig config;
    private final ScheduledExecutorService thread;
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Runnable> worldChanged = new CopyOnWriteArrayList<>();
    private final AttemptHistory attempts;
    private final EventSink tap = this::heard;
    /** Enough prints per instrument for a reloaded window's chart to show hours of the session, not minutes. */
    private final RecentTrades trades = new RecentTrades(20_000);
    private final TrainerSeat trainer = new TrainerSeat();
    /** Trainee order ids only grow, across resets too: the account in the high bits, a counter below. */
    private final java.util.concurrent.atomic.AtomicLong traineeOrders = new java.util.concurrent.atomic.AtomicLong();

    // Engine thread only.
    private Scenario scenario;
    private String scenarioName;
    private long seed;
    private MarketSession session;
    private Engine engine;
    private Pacer pacer;
    private TraineeLedger ledger;
    private SessionRecord replayRecord;
    private List<Debrief.Attempt> earlier = List.of();
    private boolean muted;
    private boolean attemptRecorded;
    private int speed = 1;
    private long version;

    private volatile TrainingStatus status;
    private volatile long nowMillis;
    private volatile Scenario published;

    public TrainingHost(TrainingConfig config) {
        this.config = config;
        this.attempts = new AttemptHistory(config.home().resolve("attempts.csv"));
        Scenario first = ScenarioReader.read(config.scenario()); // a malformed file stops here, naming line and reason
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "bourse-training-engine");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.log(System.Logger.Level.ERROR, "training engine failed", e));
            return t;
        });
        call(() -> {
            build(first, TrainingConfig.nameOf(config.scenario()), config.seed(), null, 0);
            return null;
        }).join();
        thread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    // ---- For the trainee's session and the desktop --------------------------------------------------------------

    /** The scenario running now (its instruments, currencies and trainee seat). */
    public Scenario scenario() {
        return published;
    }

    /** Simulated time now, epoch milliseconds. */
    public long now() {
        return nowMillis;
    }

    public long newOrderId(long accountId) {
        traineeOrders.compareAndSet(0, accountId << 32);
        return traineeOrders.incrementAndGet();
    }

    /** Runs when a start or a reopened session changes the scenario: the windows built for the old one must go. */
    public void onScenarioChanged(Runnable action) {
        worldChanged.add(action);
    }

    /** The trainee's command, applied at the next simulated millisecond and recorded; refused while replaying. */
    boolean submit(Command command, MarketFeed feed) {
        thread.execute(() -> {
            if (replayRecord != null) {
                feed.notice("Replaying a saved session: the orders are the recorded ones (start a session to trade)");
            } else if (session.finished()) {
                feed.notice("The trading day is over: reset or start a session to trade again");
            } else {
                session.inject(command);
            }
        });
        return !thread.isShutdown();
    }

    /** A snapshot of the account's market and, from the same point, every event after it. */
    CompletableFuture<MarketSnapshot> connect(MarketFeed feed, long accountId, AutoCloseable[] subscription) {
        return call(() -> {
            Subscriber subscriber = new Subscriber(feed, accountId);
            subscribers.add(subscriber);
            subscription[0] = () -> subscribers.remove(subscriber);
            return snapshot(accountId);
        });
    }

    // ---- TrainingControl ----------------------------------------------------------------------------------------

    @Override
    public List<String> scenarios() {
        try (Stream<Path> files = Files.list(config.scenariosFolder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".scn"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            return List.of(scenarioName);
        }
    }

    @Override
    public TrainingStatus status() {
        return status;
    }

    @Override
    public void start(String name, long newSeed) {
        run(() -> {
            Path file = TrainingConfig.resolve(name, config.scenariosFolder());
            Scenario next = ScenarioReader.read(file);
            build(next, name, newSeed, null, 0);
            pacer.resume();
            publish();
            // Said after the books' reload, which would otherwise read as a reconnection to a trainee.
            tell(next.name() + ", seed " + newSeed + ": the market runs from the open");
        });
    }

    @Override
    public void pause() {
        run(() -> {
            pacer.pause();
            publish();
        });
    }

    @Override
    public void resume() {
        run(() -> {
            pacer.resume();
            publish();
        });
    }

    @Override
    public void speed(int newSpeed) {
        run(() -> {
            speed = newSpeed;
            pacer.speed(newSpeed);
            publish();
        });
    }

    @Override
    public void reset() {
        run(() -> {
            build(scenario, scenarioName, seed, replayRecord, 0);
            tell("Back to the open of " + scenario.name() + ", seed " + seed + ": press Resume to run it");
        });
    }

    @Override
    public void jumpTo(LocalTime time) {
        run(() -> {
            long target = Math.min(scenario.millisAt(time), scenario.closeMillis());
            if (target >= session.now()) {
                pacer.jumpTo(target);
                ledger.sample(session.now());
                finishIfClosed();
                publish();
                return;
            }
            SessionRecord record = replayRecord != null ? replayRecord : session.record();
            List<Injection> before = new ArrayList<>();
            for (Injection injection : record.injections()) {
                if (injection.time() <= target) {
                    before.add(injection);
                }
            }
            SessionRecord upTo = new SessionRecord(record.scenario(), record.fingerprint(), record.seed(), before);
            SessionRecord keep = replayRecord;
            build(scenario, scenarioName, seed, upTo, target);
            if (keep != null) {
                // Replaying: the rest of the record plays on from here.
                replayRecord = keep;
                for (Injection injection : keep.injections()) {
                    if (injection.time() > target) {
                        session.injectAt(injection);
                    }
                }
            }
            publish();
        });
    }

    @Override
    public void inject(TrainerAction action) {
        run(() -> {
            if (replayRecord != null || session.finished()) {
                tell("A trainer's event needs a running session (not a replay, not after the close)");
                return;
            }
            if (action instanceof TrainerAction.News news) {
                try {
                    session.injectNews(TrainerSeat.newsJump(news));
                } catch (IllegalArgumentException e) {
                    tell("Trainer: " + e.getMessage());
                    return;
                }
            } else {
                for (Command command : trainer.commands(action, scenario, engine, session.now())) {
                    session.inject(command);
                }
            }
            tell("Trainer: " + describe(action) + " at " + timeOf(session.now() + 1));
        });
    }

    @Override
    public CompletableFuture<Debrief> debrief() {
        return call(this::buildDebrief);
    }

    @Override
    public CompletableFuture<Path> save() {
        return call(this::saveRecord);
    }

    @Override
    public CompletableFuture<Void> open(Path sessionFile) {
        return call(() -> {
            SessionRecord record = SessionRecord.read(sessionFile);
            Path file = Path.of(record.scenario());
            if (!Files.isRegularFile(file)) {
                file = config.scenariosFolder().resolve(file.getFileName());
            }
            Scenario recorded = ScenarioReader.read(file);
            build(recorded, TrainingConfig.nameOf(file), record.seed(), record, 0);
            publish();
            return null;
        });
    }

    @Override
    public CompletableFuture<Path> exportPdf(Path file) {
        return call(() -> {
            DebriefPdf.write(buildDebrief(), file);
            return file;
        });
    }

    @Override
    public Path sessionsFolder() {
        return config.home().resolve("sessions");
    }

    /** The record of the session so far, for tests and saving. */
    public CompletableFuture<SessionRecord> record() {
        return call(() -> replayRecord != null ? replayRecord : session.record());
    }

    /** The hash-ready event tap of the current session: events heard from now on go to {@code sink} too. */
    public AutoCloseable listen(EventSink sink) {
        Subscriber subscriber = new Subscriber(new SinkFeed(sink), -1);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- Engine thread -------------------------------------------------------------------------------------------

    private void build(Scenario next, String name, long newSeed, SessionRecord replay, long upTo) {
        boolean changed = scenario != null && !next.instruments().equals(scenario.instruments());
        scenario = next;
        scenarioName = name;
        seed = newSeed;
        replayRecord = replay != null && upTo == 0 ? replay : null;
        engine = new Engine(EngineConfig.defaults().withExpectedLiveOrders(1 << 16));
        String base = next.trainee().baseCurrency();
        ledger = new TraineeLedger(next.trainee().accountId(), next.instruments(), base,
                next.currency(base).minorDigits());
        trades.clear();
        muted = true;
        try {
            session = replay == null ? new MarketSession(next, newSeed, engine::apply, tap)
                    : MarketSession.replay(next, replay, engine::apply, tap);
            ledger.attach(session);
            session.start();
            if (upTo > 0) {
                session.advanceTo(upTo);
            }
        } finally {
            muted = false;
        }
        ledger.sample(session.now());
        pacer = new Pacer(session, System::nanoTime);
        pacer.speed(speed);
        attemptRecorded = session.finished();
        earlier = attempts.of(name);
        version++;
        published = next;
        publish();
        if (changed) {
            worldChanged.forEach(Runnable::run);
        } else {
            for (Subscriber subscriber : subscribers) {
                if (subscriber.accountId() >= 0) {
                    subscriber.feed().reload(snapshot(subscriber.accountId()));
                }
            }
        }
    }

    private void tick() {
        if (pacer == null || pacer.paused() || session.finished()) {
            return;
        }
        try {
            pacer.tick();
            ledger.sample(session.now());
            finishIfClosed();
        } catch (RuntimeException e) {
            pacer.pause();
            LOG.log(System.Logger.Level.ERROR, "the training session stopped on an error", e);
            tell("The session stopped on an error: " + e.getMessage());
        }
        publish();
    }

    private void finishIfClosed() {
        if (!session.finished() || attemptRecorded) {
            return;
        }
        attemptRecorded = true;
        pacer.pause();
        if (replayRecord == null) {
            try {
                Path saved = saveRecord();
                Debrief debrief = buildDebrief();
                attempts.append(scenarioName, debrief, saved.getFileName().toString());
                tell("The day closed: the debrief is ready (session saved as " + saved.getFileName() + ")");
            } catch (IOException | UncheckedIOException e) {
                LOG.log(System.Logger.Level.ERROR, "could not keep the finished session", e);
                tell("The day closed, but the session could not be saved: " + e.getMessage());
            }
        }
    }

    private Path saveRecord() throws IOException {
        Files.createDirectories(sessionsFolder());
        Path file = sessionsFolder().resolve(scenarioName + "-seed" + seed + "-"
                + LocalDateTime.now().format(FILE_TIME) + ".session");
        (replayRecord != null ? replayRecord : session.record()).write(file);
        return file;
    }

    private Debrief buildDebrief() {
        return DebriefBuilder.build(scenarioName, session, ledger, earlier);
    }

    private void heard(Event event) {
        ledger.onEvent(event);
        if (event instanceof Event.Trade trade) {
            trades.add(trade.instrumentId(), new MarketSnapshot.Print(trade.timestamp(), trade.price(),
                    trade.quantity()));
        }
        if (muted) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            subscriber.feed().onEvent(event);
        }
    }

    private MarketSnapshot snapshot(long accountId) {
        Map<Long, MarketSnapshot.Book> books = new HashMap<>();
        for (Instrument i : engine.instruments()) {
            books.put(i.id(), new MarketSnapshot.Book(engine.depth(i.id(), Side.BUY, DEPTH_LEVELS),
                    engine.depth(i.id(), Side.SELL, DEPTH_LEVELS), engine.lastTradePrice(i.id()), trades.recent(i.id())));
        }
        List<WorkingOrder> orders = new ArrayList<>(engine.workingOrders(accountId));
        List<MarketSnapshot.Balance> balances = new ArrayList<>();
        for (String asset : engine.assets()) {
            long balance = engine.balance(accountId, asset);
            long held = engine.held(accountId, asset);
            if (balance != 0 || held != 0) {
                balances.add(new MarketSnapshot.Balance(accountId, asset, balance, held));
            }
        }
        return new MarketSnapshot(books, orders, balances);
    }

    private void publish() {
        nowMillis = session.now();
        status = new TrainingStatus(scenarioName, scenario.name(), seed, timeOf(session.now()), scenario.open(),
                scenario.close(), speed, pacer.paused(), replayRecord != null, session.finished(), version);
    }

    private LocalTime timeOf(long millis) {
        return Instant.ofEpochMilli(millis).atZone(scenario.zone()).toLocalTime();
    }

    private void tell(String message) {
        for (Subscriber subscriber : subscribers) {
            subscriber.feed().notice(message);
        }
    }

    private static String describe(TrainerAction action) {
        return switch (action) {
            case TrainerAction.Halt h -> "halt " + h.symbol();
            case TrainerAction.Resume r -> "resume " + r.symbol();
            case TrainerAction.LargeOrder o -> "large " + o.side().name().toLowerCase(java.util.Locale.ROOT) + " order, "
                    + o.quantity() + " " + o.symbol();
            case TrainerAction.LimitChange l -> "trainee's largest order cut to " + l.maxOrderQuantity();
            case TrainerAction.News n -> "news on " + n.symbol() + ", " + (n.percent().signum() > 0 ? "+" : "")
                    + n.percent().toPlainString() + " % " + (n.permanent() ? "for good" : "fading in "
                    + n.recoveryMinutes() + " min");
        };
    }

    private <T> CompletableFuture<T> call(Callable<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    answer.complete(work.call());
                } catch (Exception | Error e) {
                    LOG.log(System.Logger.Level.WARNING, "training request failed", e);
                    answer.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    /** Runs {@code work} on the engine thread; a failure is logged and told to the windows, the session stays. */
    private void run(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "training request failed", e);
                    tell(e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "training session closed", e);
        }
    }

    private record Subscriber(MarketFeed feed, long accountId) {
    }

    /** A plain event sink (a hash, a test) as a feed that ignores reloads and notices. */
    private record SinkFeed(EventSink sink) implements MarketFeed {
        @Override
        public void onEvent(Event event) {
            sink.onEvent(event);
        }

        @Override
        public void reload(MarketSnapshot snapshot) {
        }

        @Override
        public void notice(String message) {
        }
    }
}
