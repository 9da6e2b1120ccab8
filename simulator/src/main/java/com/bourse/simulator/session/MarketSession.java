package com.bourse.simulator.session;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.simulator.agents.Agent;
import com.bourse.simulator.agents.AgentSeat;
import com.bourse.simulator.agents.BookView;
import com.bourse.simulator.agents.FundamentalPath;
import com.bourse.simulator.agents.MarketMaker;
import com.bourse.simulator.agents.MomentumTrader;
import com.bourse.simulator.agents.NoiseTrader;
import com.bourse.simulator.agents.Orders;
import com.bourse.simulator.agents.ValueTrader;
import com.bourse.simulator.scenario.AgentGroup;
import com.bourse.simulator.scenario.Scenario;
import com.bourse.simulator.scenario.ScheduledEvent;
import com.bourse.simulator.scenario.TraineeSetup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated trading day of a {@link Scenario}: builds its world in the engine (currencies, users, instruments,
 * accounts, limits, opening deposits), then drives the simulated clock from the open to the close: once a second
 * the fundamentals step, scheduled events and injected commands fire at their times, and agents act when their
 * Poisson clocks ring, each command applied through the {@link Exchange} at once with its events routed back to
 * the agents (and to the {@code tap}: a UI, a recorder, a hash).
 *
 * <p>Deterministic: the scenario, the seed and the injections decide every event, byte for byte. Time exists only
 * as the commands' timestamps; callers choose how far to {@link #advanceTo} and when (as fast as possible, paced to
 * a wall clock, paused), which changes nothing in what happens. At equal times the order is: fundamentals,
 * scheduled events, injections (in the order they were made), agents (by index).
 *
 * <p>Not thread-safe: one thread drives a session (and its exchange).
 */
public final class MarketSession {
    /** The exchange's operator: halts, reopens and sets limits on the scenario's schedule. */
    public static final long OPERATOR_USER = 2;
    /** The other participant behind scheduled large orders and withdrawals. */
    public static final long PARTICIPANT_USER = 20;
    public static final long PARTICIPANT_ACCOUNT = 20;
    /** Agent {@code i} is user and account {@code AGENT_BASE + i}. */
    public static final long AGENT_BASE = 1_000;
    /** Simulated participants quote all day: limits far above a person's, no throttle to speak of. */
    static final RiskLimits AGENT_LIMITS = new RiskLimits(10_000_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4,
            1_000_000, 60_000);
    private static final long PARTICIPANT_CASH_UNITS = 100_000_000;
    private static final long SECOND = 1_000;

    private final Scenario scenario;
    private final long seed;
    private final Exchange exchange;
    private final EventSink tap;
    private final List<Instrument> instruments;
    private final Map<Long, Integer> instrumentIndex = new HashMap<>();
    private final BookView[] books;
    private final FundamentalPath[] fundamentals;
    private final InstrumentDay[] days;
    private final List<Agent> agents = new ArrayList<>();
    private final long open;
    private final long close;
    private final WakeQueue wakes;
    private final Router router = new Router();
    private final Clock clock = new Clock();
    private final ArrayDeque<Injection> pending = new ArrayDeque<>();
    private final List<Injection> injected = new ArrayList<>();
    private final TraineeActivity trainee = new TraineeActivity();
    private final TraineeSetup traineeSetup;
    private int nextScheduled;
    private long nextSecond;
    private long now;
    private long transferIds;
    private long participantOrders;
    private boolean started;
    private boolean closed;
    private long commands;
    private long events;
    private long heldOrders;
    private long riskAlerts;
    private long rejectedOrders;

    /**
     * @param tap hears every event after the agents did ({@link EventSink#NONE} for none)
     */
    public MarketSession(Scenario scenario, long seed, Exchange exchange, EventSink tap) {
        this.scenario = scenario;
        this.seed = seed;
        this.exchange = exchange;
        this.tap = tap;
        this.instruments = scenario.instruments();
        this.open = scenario.openMillis();
        this.close = scenario.closeMillis();
        this.traineeSetup = scenario.trainee();
        SplittableRandom root = new SplittableRandom(seed);
        int n = instruments.size();
        books = new BookView[n];
        fundamentals = new FundamentalPath[n];
        days = new InstrumentDay[n];
        long sessionSeconds = (close - open) / SECOND;
        for (int i = 0; i < n; i++) {
            Instrument instrument = instruments.get(i);
            instrumentIndex.put(instrument.id(), i);
            books[i] = new BookView(instrument);
            fundamentals[i] = new FundamentalPath(instrument, scenario.fundamentals().get(instrument.symbol()),
                    root.split(), sessionSeconds);
            days[i] = new InstrumentDay(instrument);
        }
        for (AgentGroup group : scenario.agents()) {
            for (int i = 0; i < n; i++) {
                if (group.everyInstrument() || group.symbol().equals(instruments.get(i).symbol())) {
                    for (int k = 0; k < group.count(); k++) {
                        agents.add(agent(group, i, root.split()));
                    }
                }
            }
        }
        wakes = new WakeQueue(agents.size(), open - 60 * SECOND);
        SplittableRandom starts = root.split();
        for (int i = 0; i < agents.size(); i++) {
            wakes.add(open + starts.nextLong(5 * SECOND), i);
        }
        now = open - 60 * SECOND;
        nextSecond = open;
    }

    private Agent agent(AgentGroup group, int instrument, SplittableRandom random) {
        long id = AGENT_BASE + agents.size();
        Instrument spec = instruments.get(instrument);
        AgentSeat seat = new AgentSeat(id, id, books[instrument], random,
                scenario.currency(spec.currency()).minorDigits(), group.position());
        return switch (group.kind()) {
            case MARKET_MAKER -> new MarketMaker(seat, group.params(), fundamentals[instrument]);
            case NOISE -> new NoiseTrader(seat, group.params());
            case VALUE -> new ValueTrader(seat, group.params(), fundamentals[instrument]);
            case MOMENTUM -> new MomentumTrader(seat, group.params());
        };
    }

    // ---- Driving ------------------------------------------------------------------------------------------------

    /** Builds the scenario's world in the engine, a minute before the open. Called by the first advance if not before. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        for (Command command : setup(open - 60 * SECOND)) {
            send(command);
        }
    }

    /** Runs everything due up to and including {@code time} (capped at the close; the close ends the day). */
    public void advanceTo(long time) {
        start();
        long until = Math.min(time, close);
        while (true) {
            long next = Math.min(nextSecond, wakes.isEmpty() ? Long.MAX_VALUE : wakes.nextTime());
            if (nextScheduled < scenario.events().size()) {
                next = Math.min(next, scenario.millisAt(scenario.events().get(nextScheduled).time()));
            }
            if (!pending.isEmpty()) {
                next = Math.min(next, pending.peekFirst().time());
            }
            if (next > until) {
                break;
            }
            now = next;
            if (nextSecond == now) {
                second();
            }
            while (nextScheduled < scenario.events().size()
                    && scenario.millisAt(scenario.events().get(nextScheduled).time()) == now) {
                scheduled(scenario.events().get(nextScheduled++));
            }
            while (!pending.isEmpty() && pending.peekFirst().time() == now) {
                Injection injection = pending.pollFirst();
                injected.add(injection);
                if (injection.command() != null) {
                    send(injection.command());
                } else {
                    NewsJump news = injection.news();
                    each(news.symbol(), i -> fundamentals[i].news(news.change(), news.permanent(),
                            news.recoveryMinutes()));
                }
            }
            while (!wakes.isEmpty() && wakes.nextTime() == now) {
                int agent = wakes.poll();
                long wake = agents.get(agent).wake(clock);
                if (wake < close) {
                    wakes.add(wake, agent);
                }
            }
        }
        now = Math.max(now, until);
        if (until == close && !closed) {
            closed = true;
            send(new Command.EndOfDay(close, OPERATOR_USER));
        }
    }

    /** Runs the rest of the day. */
    public void runToClose() {
        advanceTo(close);
    }

    /**
     * Applies {@code command} from outside (the trainee, a trainer) at the next simulated millisecond, stamped with
     * that time, and records it. Returns the time it will apply at.
     */
    public long inject(Command command) {
        long at = Math.max(now + 1, pending.isEmpty() ? now + 1 : pending.peekLast().time());
        injectAt(at, command);
        return at;
    }

    /** Applies {@code command} at simulated time {@code time} (later than now, not before an earlier injection). */
    public void injectAt(long time, Command command) {
        checkInjectionTime(time);
        pending.addLast(new Injection(time, Stamp.at(command, time)));
    }

    /**
     * A trainer's news at the next simulated millisecond (after anything injected before it), recorded like a
     * command: the fundamental jumps there, and the agents trade on it. Returns the time it will apply at.
     *
     * @throws IllegalArgumentException for a symbol the scenario does not trade
     */
    public long injectNews(NewsJump news) {
        if (!news.symbol().equals("*") && instruments.stream().noneMatch(i -> i.symbol().equals(news.symbol()))) {
            throw new IllegalArgumentException("no instrument " + news.symbol() + " in " + scenario.name());
        }
        long at = Math.max(now + 1, pending.isEmpty() ? now + 1 : pending.peekLast().time());
        checkInjectionTime(at);
        pending.addLast(new Injection(at, news));
        return at;
    }

    /** Queues a recorded injection, command or news, at its own time (a replay, or the rest of one after a jump). */
    public void injectAt(Injection injection) {
        if (injection.command() != null) {
            injectAt(injection.time(), injection.command());
        } else {
            checkInjectionTime(injection.time());
            pending.addLast(injection);
        }
    }

    private void checkInjectionTime(long time) {
        if (time <= now || time > close) {
            throw new IllegalArgumentException("an injection must be after now (" + now + ") and by the close ("
                    + close + "), got " + time);
        }
        if (!pending.isEmpty() && time < pending.peekLast().time()) {
            throw new IllegalArgumentException("injections are made in time order");
        }
    }

    /**
     * A session that repeats a recorded one exactly: the same scenario (checked by its fingerprint), the same seed,
     * and the recorded injections queued at their times. Drive it at any pace; it may go on past the record.
     */
    public static MarketSession replay(Scenario scenario, SessionRecord record, Exchange exchange, EventSink tap) {
        if (!scenario.fingerprint().equals(record.fingerprint())) {
            throw new IllegalArgumentException("scenario " + scenario.source() + " changed since the session was "
                    + "recorded (fingerprint " + scenario.fingerprint() + ", recorded " + record.fingerprint() + ")");
        }
        MarketSession session = new MarketSession(scenario, record.seed(), exchange, tap);
        for (Injection injection : record.injections()) {
            session.injectAt(injection);
        }
        return session;
    }

    // ---- What happened ------------------------------------------------------------------------------------------

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    public long now() {
        return now;
    }

    public long openMillis() {
        return open;
    }

    public long closeMillis() {
        return close;
    }

    public boolean finished() {
        return closed;
    }

    /** The record to save: the scenario, the seed and every injection applied so far. */
    public SessionRecord record() {
        return new SessionRecord(scenario.source(), scenario.fingerprint(), seed, injected);
    }

    public List<InstrumentDay> days() {
        return List.of(days);
    }

    public List<Agent> agents() {
        return Collections.unmodifiableList(agents);
    }

    public BookView book(int instrument) {
        return books[instrument];
    }

    public TraineeActivity trainee() {
        return trainee;
    }

    public long commands() {
        return commands;
    }

    public long events() {
        return events;
    }

    public long heldOrders() {
        return heldOrders;
    }

    public long riskAlerts() {
        return riskAlerts;
    }

    public long rejectedOrders() {
        return rejectedOrders;
    }

    // ---- Inside -------------------------------------------------------------------------------------------------

    private void send(Command command) {
        commands++;
        exchange.apply(command, router);
    }

    /** Once a simulated second: the fundamentals step and the books are sampled. */
    private void second() {
        boolean minute = (now - open) % (60 * SECOND) == 0;
        for (int i = 0; i < books.length; i++) {
            fundamentals[i].step();
            BookView book = books[i];
            if (book.twoSided() && !book.halted()) {
                days[i].spread(book.spread());
            }
            if (minute) {
                days[i].minute(book.doubleMid());
            }
        }
        nextSecond += SECOND;
    }

    private void scheduled(ScheduledEvent event) {
        switch (event) {
            case ScheduledEvent.Halt e -> each(e.symbol(), i -> send(new Command.HaltInstrument(now, OPERATOR_USER,
                    instruments.get(i).id())));
            case ScheduledEvent.Resume e -> each(e.symbol(), i -> send(new Command.ResumeInstrument(now,
                    OPERATOR_USER, instruments.get(i).id())));
            case ScheduledEvent.News e -> each(e.symbol(), i -> fundamentals[i].news(e.change(), e.permanent(),
                    e.recoveryMinutes()));
            case ScheduledEvent.Volatility e -> each(e.symbol(), i -> fundamentals[i].volatility(e.factor()));
            case ScheduledEvent.LargeOrder e -> {
                Instrument instrument = scenario.instrument(e.symbol());
                long orderId = ++participantOrders;
                send(e.price() == null
                        ? Command.PlaceOrder.market(now, PARTICIPANT_USER, orderId, PARTICIPANT_ACCOUNT,
                        instrument.id(), e.side(), e.quantity())
                        : new Command.PlaceOrder(now, PARTICIPANT_USER, orderId, PARTICIPANT_ACCOUNT, instrument.id(),
                        e.side(), OrderType.LIMIT, TimeInForce.DAY,
                        FixedPoint.toUnits(e.price(), instrument.priceScale()), 0, e.quantity(), 0, false));
            }
            case ScheduledEvent.LimitChange e -> send(new Command.SetRiskLimits(now, OPERATOR_USER,
                    traineeSetup.accountId(), e.limits()));
            case ScheduledEvent.Withdrawal e -> send(new Command.RequestTransfer(now, PARTICIPANT_USER, ++transferIds,
                    TransferKind.WITHDRAWAL, PARTICIPANT_ACCOUNT, 0, e.currency(),
                    minor(e.currency(), e.amount())));
        }
    }

    private void each(String symbol, java.util.function.IntConsumer action) {
        for (int i = 0; i < instruments.size(); i++) {
            if (symbol.equals("*") || instruments.get(i).symbol().equals(symbol)) {
                action.accept(i);
            }
        }
    }

    private long minor(String currency, BigDecimal amount) {
        return FixedPoint.toUnits(amount, scenario.currency(currency).minorDigits(), RoundingMode.DOWN);
    }

    /** The world: reference data, users, accounts, limits, then opening balances as settled deposits. */
    private List<Command> setup(long t) {
        long system = Command.SYSTEM_USER;
        List<Command> commands = new ArrayList<>();
        for (Currency currency : scenario.currencies()) {
            commands.add(new Command.AddCurrency(t, system, currency));
        }
        commands.add(new Command.RegisterUser(t, system, OPERATOR_USER, Role.mask(Role.ADMIN, Role.RISK_OFFICER)));
        commands.add(new Command.RegisterUser(t, system, PARTICIPANT_USER, Role.TRADER.bit()));
        commands.add(new Command.RegisterUser(t, system, traineeSetup.userId(), traineeSetup.roleMask()));
        for (Instrument instrument : instruments) {
            commands.add(new Command.ListInstrument(t, system, instrument));
        }
        commands.add(new Command.OpenAccount(t, system, traineeSetup.accountId(), traineeSetup.userId(),
                traineeSetup.baseCurrency(), SelfTradePrevention.CANCEL_NEWEST));
        commands.add(new Command.SetRiskLimits(t, system, traineeSetup.accountId(), traineeSetup.limits()));
        commands.add(new Command.OpenAccount(t, system, PARTICIPANT_ACCOUNT, PARTICIPANT_USER,
                scenario.currencies().getFirst().code(), SelfTradePrevention.CANCEL_NEWEST));
        commands.add(new Command.SetRiskLimits(t, system, PARTICIPANT_ACCOUNT, AGENT_LIMITS));
        for (Agent agent : agents) {
            long id = agent.accountId();
            commands.add(new Command.RegisterUser(t, system, id, Role.TRADER.bit()));
            commands.add(new Command.OpenAccount(t, system, id, id, agent.instrument().currency(),
                    SelfTradePrevention.CANCEL_OLDEST));
            commands.add(new Command.SetRiskLimits(t, system, id, AGENT_LIMITS));
        }
        traineeSetup.cash().forEach((currency, amount) -> deposit(commands, t, traineeSetup.accountId(), currency,
                minor(currency, amount)));
        traineeSetup.positions().forEach((symbol, quantity) -> deposit(commands, t, traineeSetup.accountId(), symbol,
                quantity));
        for (Currency currency : scenario.currencies()) {
            deposit(commands, t, PARTICIPANT_ACCOUNT, currency.code(),
                    FixedPoint.fromWhole(PARTICIPANT_CASH_UNITS, currency.minorDigits()));
        }
        Map<String, Long> participantSells = new java.util.LinkedHashMap<>();
        for (ScheduledEvent event : scenario.events()) {
            if (event instanceof ScheduledEvent.LargeOrder order && order.side() == Side.SELL) {
                participantSells.merge(order.symbol(), order.quantity(), Long::sum);
            }
        }
        participantSells.forEach((symbol, quantity) -> deposit(commands, t, PARTICIPANT_ACCOUNT, symbol, quantity));
        int agentIndex = 0;
        for (AgentGroup group : scenario.agents()) {
            for (Instrument instrument : instruments) {
                if (!group.everyInstrument() && !group.symbol().equals(instrument.symbol())) {
                    continue;
                }
                for (int k = 0; k < group.count(); k++) {
                    long account = AGENT_BASE + agentIndex++;
                    deposit(commands, t, account, instrument.currency(), minor(instrument.currency(), group.cash()));
                    deposit(commands, t, account, instrument.symbol(), group.position());
                }
            }
        }
        return commands;
    }

    private void deposit(List<Command> commands, long t, long account, String asset, long amount) {
        if (amount <= 0) {
            return;
        }
        long id = ++transferIds;
        commands.add(new Command.RequestTransfer(t, Command.SYSTEM_USER, id, TransferKind.DEPOSIT, 0, account, asset,
                amount));
        commands.add(new Command.SettleTransfer(t, Command.SYSTEM_USER, id, true));
    }

    private Agent agentOfAccount(long accountId) {
        long index = accountId - AGENT_BASE;
        return index >= 0 && index < agents.size() ? agents.get((int) index) : null;
    }

    private int instrument(long instrumentId) {
        Integer index = instrumentIndex.get(instrumentId);
        return index == null ? -1 : index;
    }

    /** The agents' view of the clock and their way to the engine. */
    private final class Clock implements Orders {
        @Override
        public long now() {
            return now;
        }

        @Override
        public void send(Command command) {
            MarketSession.this.send(command);
        }
    }

    /** Routes each event to the books, the statistics, the agents it concerns and the tap, without allocating. */
    private final class Router implements EventSink {
        @Override
        public void orderAccepted(long orderId, long accountId, long instrumentId, long userId, Side side,
                                  OrderType type, TimeInForce tif, long price, long stopPrice, long quantity,
                                  long displayQuantity, boolean postOnly, long timestamp) {
            events++;
            if (accountId == traineeSetup.accountId()) {
                int i = instrument(instrumentId);
                trainee.accepted(orderId, i < 0 ? 0 : books[i].doubleMid());
            }
            tap.orderAccepted(orderId, accountId, instrumentId, userId, side, type, tif, price, stopPrice, quantity,
                    displayQuantity, postOnly, timestamp);
        }

        @Override
        public void orderRejected(long orderId, long accountId, ErrorCode reason) {
            events++;
            rejectedOrders++;
            if (reason == ErrorCode.REJECTED_BY_RISK_OFFICER) {
                trainee.decided(ReviewSubject.ORDER, orderId, now);
            }
            Agent agent = agentOfAccount(orderId >>> 32);
            if (agent != null) {
                agent.onRejected(orderId);
            }
            tap.orderRejected(orderId, accountId, reason);
        }

        @Override
        public void trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide,
                          long makerOrderId, long takerOrderId, long makerAccountId, long takerAccountId,
                          long makerLeaves, long takerLeaves, long timestamp) {
            events++;
            int i = instrument(instrumentId);
            if (i >= 0) {
                books[i].onTrade(price);
                days[i].trade(price, quantity);
            }
            Side makerSide = takerSide == Side.BUY ? Side.SELL : Side.BUY;
            Agent maker = agentOfAccount(makerAccountId);
            if (maker != null) {
                maker.onFill(makerOrderId, makerSide, price, quantity, makerLeaves);
            }
            Agent taker = agentOfAccount(takerAccountId);
            if (taker != null) {
                taker.onFill(takerOrderId, takerSide, price, quantity, takerLeaves);
            }
            long traineeAccount = traineeSetup.accountId();
            if (makerAccountId == traineeAccount) {
                trainee.filled(timestamp, makerOrderId, instrumentId, makerSide, price, quantity);
            }
            if (takerAccountId == traineeAccount) {
                trainee.filled(timestamp, takerOrderId, instrumentId, takerSide, price, quantity);
            }
            tap.trade(tradeId, instrumentId, price, quantity, takerSide, makerOrderId, takerOrderId, makerAccountId,
                    takerAccountId, makerLeaves, takerLeaves, timestamp);
        }

        @Override
        public void orderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) {
            events++;
            if (reason == CancelReason.RISK_OFFICER) {
                trainee.decided(ReviewSubject.ORDER, orderId, now);
            }
            Agent agent = agentOfAccount(accountId);
            if (agent != null) {
                agent.onDone(orderId);
            }
            tap.orderCancelled(orderId, accountId, cancelledQuantity, reason);
        }

        @Override
        public void orderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority) {
            events++;
            Agent agent = agentOfAccount(accountId);
            if (agent != null) {
                agent.onReplaced(orderId, price, quantity);
            }
            tap.orderReplaced(orderId, accountId, price, quantity, keptPriority);
        }

        @Override
        public void bookDelta(long instrumentId, Side side, long price, long levelQuantity, int orderCount) {
            events++;
            int i = instrument(instrumentId);
            if (i >= 0) {
                books[i].onLevel(side, price, levelQuantity);
            }
            tap.bookDelta(instrumentId, side, price, levelQuantity, orderCount);
        }

        @Override
        public void balanceChanged(long accountId, String asset, long delta, long balance, long held,
                                   long journalId) {
            events++;
            tap.balanceChanged(accountId, asset, delta, balance, held, journalId);
        }

        @Override
        public void onEvent(Event event) {
            events++;
            switch (event) {
                case Event.OrderExpired e -> {
                    Agent agent = agentOfAccount(e.accountId());
                    if (agent != null) {
                        agent.onDone(e.orderId());
                    }
                }
                case Event.InstrumentStatusChanged e -> {
                    int i = instrument(e.instrumentId());
                    if (i >= 0) {
                        books[i].onStatus(e.halted());
                        if (e.halted()) {
                            days[i].halted();
                        }
                    }
                }
                case Event.OrderHeld e -> heldOrders++;
                case Event.RiskAlert e -> {
                    riskAlerts++;
                    trainee.held(e.subject(), e.subjectId(), e.accountId(), now);
                }
                case Event.OrderApproved e -> trainee.decided(ReviewSubject.ORDER, e.orderId(), now);
                case Event.TransferStateChanged e -> {
                    if (e.state() != TransferState.PENDING) {
                        trainee.decided(ReviewSubject.TRANSFER, e.transferId(), now);
                    }
                }
                default -> {
                }
            }
            tap.onEvent(event);
        }
    }
}
