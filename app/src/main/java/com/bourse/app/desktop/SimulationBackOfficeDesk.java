package com.bourse.app.desktop;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.importexport.ReferenceDataImport;
import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.NewUser;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.UserChangeRefusedException;
import com.bourse.backoffice.security.UserDirectory;
import com.bourse.backoffice.security.UserView;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.Page;
import com.bourse.backoffice.store.PostingLine;
import com.bourse.backoffice.store.Statement;
import com.bourse.backoffice.store.TradeLine;
import com.bourse.backoffice.store.TransferEventLine;
import com.bourse.backoffice.store.TransferLine;
import com.bourse.csv.ImportRejectedException;
import com.bourse.engine.Engine;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Role;
import com.bourse.protocol.Side;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.WorkingOrder;
import com.bourse.ui.port.AccountDetail;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.BackOfficeDesk;
import com.bourse.ui.port.DayReport;
import com.bourse.ui.port.ImportOutcome;
import com.bourse.ui.port.Movement;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.port.MovementOutcome;
import com.bourse.ui.port.MovementRequest;
import com.bourse.ui.port.MovementStep;
import com.bourse.ui.port.MovementUpdate;
import com.bourse.ui.port.StatementView;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.UserRow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The back office's desk on the simulation: accounts, cash and positions read from the embedded engine (so a page
 * shows what the venue holds now), movements, statements, trades and users from the back office's store once its
 * projections have caught up with the venue, and every command sent through the store's audited
 * {@link CommandGateway} as the signed-in person. A movement's answer is the venue's: the desk watches the events
 * of its id until the venue has processed the command, then tells what the last of them said.
 *
 * <p>Thread-safe. Store reads, audits and sends run on the desk's own named thread, never the engine's or the FX
 * thread; movement listeners are called on the venue's thread.
 */
public final class SimulationBackOfficeDesk implements BackOfficeDesk {
    private static final System.Logger LOG = System.getLogger(SimulationBackOfficeDesk.class.getName());
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(10);
    private static final int RECENT = 50;

    private final SimulationHost host;
    private final BackOffice office;
    private final TraderIdentity user;
    private final Session signedIn;
    private final CommandGateway gateway;
    private final ExecutorService worker;
    private final Map<Long, List<Event>> watched = new ConcurrentHashMap<>();
    private final Map<Long, Event.TransferStateChanged> paymentDetails = new ConcurrentHashMap<>();
    private final List<Consumer<MovementUpdate>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger expired = new AtomicInteger();
    private final AutoCloseable subscription;
    private volatile boolean closed;

    public SimulationBackOfficeDesk(SimulationHost host, TraderIdentity user, Session signedIn,
                                    CommandGateway gateway) {
        this.host = host;
        this.office = host.office();
        this.user = user;
        this.signedIn = signedIn;
        this.gateway = gateway;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bourse-back-office-desk-" + user.username());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.log(System.Logger.Level.ERROR, "the back-office desk's worker stopped on an error", e));
            return thread;
        });
        this.subscription = host.venue().subscribe(this::heard);
    }

    /** Venue thread: feeds the movements being answered, the listeners and the expiry count. */
    private void heard(Event event) {
        switch (event) {
            case Event.TransferStateChanged t -> {
                List<Event> watching = watched.get(t.transferId());
                if (watching != null) {
                    watching.add(t);
                }
                if (t.kind() == TransferKind.PAYMENT) {
                    paymentDetails.put(t.transferId(), t);
                }
                MovementUpdate update = new MovementUpdate(t.transferId(), kindOf(t.kind()), t.fromAccountId(),
                        t.toAccountId(), t.asset(), t.amount(), t.state(), t.reason());
                for (Consumer<MovementUpdate> listener : listeners) {
                    try {
                        listener.accept(update);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "a movement listener failed", e);
                    }
                }
            }
            case Event.CommandRejected r -> {
                List<Event> watching = watched.get(r.refId());
                if (watching != null) {
                    watching.add(r);
                }
            }
            case Event.OrderExpired e -> expired.incrementAndGet();
            default -> {
            }
        }
    }

    private static MovementKind kindOf(TransferKind kind) {
        return switch (kind) {
            case DEPOSIT -> MovementKind.DEPOSIT;
            case WITHDRAWAL -> MovementKind.WITHDRAWAL;
            case INTERNAL -> MovementKind.TRANSFER;
            case PAYMENT -> MovementKind.PAYMENT;
        };
    }

    @Override
    public TraderIdentity user() {
        return user;
    }

    @Override
    public List<Currency> currencies() {
        return host.data().currencies();
    }

    @Override
    public List<Instrument> instruments() {
        return host.data().instruments();
    }

    @Override
    public ZoneId tradingZone() {
        return office.store().config().tradingZone();
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(tradingZone());
    }

    private <T> CompletableFuture<T> onWorker(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, worker);
    }

    /** Waits (worker thread) until the projections hold everything the venue has done up to now. */
    private void caughtUp() {
        long seq = host.venue().query(engine -> office.desk().journal().lastSeq()).join();
        if (!office.desk().projections().awaitCommitted(seq, PROJECTION_WAIT)) {
            LOG.log(System.Logger.Level.WARNING, "back-office desk: the projections had not reached " + seq
                    + " after " + PROJECTION_WAIT + "; the newest movements may be missing");
        }
    }

    // ---- Accounts -----------------------------------------------------------------------------------

    private record EngineAccounts(Set<Long> killSwitches) {
    }

    @Override
    public CompletableFuture<List<AccountSummary>> accounts() {
        return host.venue().query(engine -> {
            Set<Long> kills = new java.util.HashSet<>();
            for (long account : engine.accountIds()) {
                if (engine.killSwitchEngaged(account)) {
                    kills.add(account);
                }
            }
            return new EngineAccounts(kills);
        }).thenApplyAsync(view -> {
            Map<Long, UserView> users = new HashMap<>();
            office.users().all().forEach(u -> users.put(u.userId(), u));
            List<AccountSummary> list = new ArrayList<>();
            for (AccountLine a : office.reads().accounts(signedIn)) {
                list.add(summary(a, users.get(a.ownerUserId()), view.killSwitches().contains(a.accountId())));
            }
            list.sort(Comparator.comparingLong(AccountSummary::accountId));
            return list;
        }, worker);
    }

    private static AccountSummary summary(AccountLine a, UserView owner, boolean killed) {
        AccountSummary.Status status = killed ? AccountSummary.Status.KILL_SWITCH
                : owner != null && !owner.enabled() ? AccountSummary.Status.OWNER_DISABLED
                : AccountSummary.Status.ACTIVE;
        return new AccountSummary(a.accountId(), a.name(), a.ownerUserId(),
                owner == null ? "user " + a.ownerUserId() : owner.displayName(), a.baseCurrency(), status);
    }

    private record EngineAccount(List<AccountDetail.Cash> cash, List<AccountDetail.Holding> positions,
                                 List<WorkingOrder> orders, boolean killed) {
    }

    @Override
    public CompletableFuture<AccountDetail> account(long accountId) {
        Set<String> currencyCodes = new java.util.HashSet<>();
        currencies().forEach(c -> currencyCodes.add(c.code()));
        return host.venue().query(engine -> engineAccount(engine, accountId, currencyCodes))
                .thenApplyAsync(view -> {
                    caughtUp();
                    AccountLine line = office.reads().account(signedIn, accountId)
                            .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
                    AccountSummary summary = summary(line, office.users().find(line.ownerUserId()).orElse(null),
                            view.killed());
                    List<Movement> movements = allMovements().stream().filter(m -> m.involves(accountId))
                            .limit(RECENT).toList();
                    return new AccountDetail(summary, view.cash(), view.positions(), view.orders(), movements,
                            recentTrades(accountId));
                }, worker);
    }

    private EngineAccount engineAccount(Engine engine, long accountId, Set<String> currencyCodes) {
        List<AccountDetail.Cash> cash = new ArrayList<>();
        List<AccountDetail.Holding> positions = new ArrayList<>();
        Map<String, Instrument> bySymbol = new HashMap<>();
        engine.instruments().forEach(i -> bySymbol.put(i.symbol(), i));
        for (String asset : engine.assets()) {
            long balance = engine.balance(accountId, asset);
            long held = engine.held(accountId, asset);
            if (currencyCodes.contains(asset)) {
                if (balance != 0 || held != 0) {
                    cash.add(new AccountDetail.Cash(asset, balance, held));
                }
            } else if ((balance != 0 || held != 0) && bySymbol.containsKey(asset)) {
                positions.add(new AccountDetail.Holding(bySymbol.get(asset).id(), asset, balance, held));
            }
        }
        cash.sort(Comparator.comparing(AccountDetail.Cash::currency));
        positions.sort(Comparator.comparing(AccountDetail.Holding::symbol));
        return new EngineAccount(cash, positions, engine.workingOrders(accountId),
                engine.killSwitchEngaged(accountId));
    }

    private List<AccountDetail.TradeRow> recentTrades(long accountId) {
        Instant to = Instant.now().plusSeconds(60);
        Instant from = to.minus(Duration.ofDays(7));
        List<AccountDetail.TradeRow> rows = new ArrayList<>();
        for (Instrument i : instruments()) {
            Page page = Page.first(Page.MAX_LIMIT);
            List<TradeLine> batch;
            do {
                batch = office.reads().trades(signedIn, i.id(), from, to, page);
                for (TradeLine t : batch) {
                    Side taker = Side.valueOf(t.takerSide());
                    if (t.takerAccountId() == accountId) {
                        rows.add(new AccountDetail.TradeRow(t.tradeId(), t.instrumentId(), taker, t.quantity(),
                                t.price(), t.executedAt()));
                    } else if (t.makerAccountId() == accountId) {
                        rows.add(new AccountDetail.TradeRow(t.tradeId(), t.instrumentId(),
                                taker == Side.BUY ? Side.SELL : Side.BUY, t.quantity(), t.price(), t.executedAt()));
                    }
                }
                page = page.next();
            } while (batch.size() == Page.MAX_LIMIT);
        }
        rows.sort(Comparator.comparing(AccountDetail.TradeRow::executedAt).reversed());
        return rows.size() > RECENT ? List.copyOf(rows.subList(0, RECENT)) : rows;
    }

    // ---- Movements ----------------------------------------------------------------------------------

    @Override
    public long newMovementId() {
        return MovementCommands.newMovementId();
    }

    @Override
    public CompletableFuture<MovementOutcome> request(MovementRequest r) {
        Command command = MovementCommands.request(r, user.userId(), System.currentTimeMillis());
        return onWorker(() -> answer(r.movementId(), command));
    }

    @Override
    public CompletableFuture<MovementOutcome> cancel(long movementId) {
        return onWorker(() -> answer(movementId, MovementCommands.cancel(movementId, user.userId(),
                System.currentTimeMillis())));
    }

    @Override
    public CompletableFuture<MovementOutcome> settle(long movementId, boolean settled) {
        return onWorker(() -> answer(movementId, MovementCommands.settle(movementId, settled, user.userId(),
                System.currentTimeMillis())));
    }

    /**
     * Worker thread: sends {@code command} as the signed-in person and tells what the venue said about
     * {@code movementId} by the time it had processed the command (its events are heard before a later query
     * returns: the venue hands out a batch's events before it answers the next query).
     */
    private MovementOutcome answer(long movementId, Command command) {
        List<Event> heard = new CopyOnWriteArrayList<>();
        watched.put(movementId, heard);
        try {
            if (closed) {
                return new MovementOutcome.NotSent(movementId, "This desk is closed");
            }
            if (gateway.deliver(signedIn, command) instanceof CommandGateway.Outcome.NotSent notSent) {
                return new MovementOutcome.NotSent(movementId, "Not sent: " + notSent.reason());
            }
            host.venue().query(engine -> Boolean.TRUE).join();
        } finally {
            watched.remove(movementId);
        }
        if (heard.isEmpty()) {
            return new MovementOutcome.NotSent(movementId, "The venue gave no answer about movement " + movementId);
        }
        boolean held = false;
        Event.TransferStateChanged last = null;
        for (Event e : heard) {
            if (e instanceof Event.CommandRejected rejected) {
                return new MovementOutcome.Refused(movementId, rejected.reason());
            }
            last = (Event.TransferStateChanged) e;
            held |= last.state() == TransferState.PENDING && last.reason() != null;
        }
        return new MovementOutcome.Recorded(movementId, last.state(), last.reason(),
                held && last.state() == TransferState.PENDING);
    }

    @Override
    public CompletableFuture<List<Movement>> movements(TransferState state) {
        return onWorker(() -> {
            caughtUp();
            if (state == null) {
                return allMovements();
            }
            List<Movement> list = new ArrayList<>();
            inState(state).forEach(t -> list.add(movement(t)));
            list.sort(Comparator.comparing(Movement::updatedAt).reversed());
            return list;
        });
    }

    private List<Movement> allMovements() {
        List<Movement> list = new ArrayList<>();
        for (TransferState s : TransferState.values()) {
            inState(s).forEach(t -> list.add(movement(t)));
        }
        list.sort(Comparator.comparing(Movement::updatedAt).reversed());
        return list;
    }

    private List<TransferLine> inState(TransferState state) {
        List<TransferLine> all = new ArrayList<>();
        Page page = Page.first(Page.MAX_LIMIT);
        List<TransferLine> batch;
        do {
            batch = office.reads().movementsInState(signedIn, state, page);
            all.addAll(batch);
            page = page.next();
        } while (batch.size() == Page.MAX_LIMIT);
        return all;
    }

    private Movement movement(TransferLine t) {
        Event.TransferStateChanged payment = paymentDetails.get(t.transferId());
        String reason = "";
        if (t.reason() != null && !t.reason().isBlank()) {
            try {
                reason = ErrorCode.valueOf(t.reason()).description();
            } catch (IllegalArgumentException e) {
                reason = t.reason();
            }
        }
        return new Movement(t.transferId(), kindOf(t.kind()), t.fromAccountId(), t.toAccountId(), t.asset(),
                t.amount(), payment == null ? 0 : payment.fee(), payment == null ? "" : payment.reference(),
                t.state(), reason, t.requestedBy(), t.requestedAt(), t.updatedAt());
    }

    @Override
    public CompletableFuture<List<MovementStep>> history(long movementId) {
        return onWorker(() -> {
            caughtUp();
            Map<Long, String> names = new HashMap<>();
            office.users().all().forEach(u -> names.put(u.userId(), u.username()));
            List<MovementStep> steps = new ArrayList<>();
            for (TransferEventLine e : office.reads().movementHistory(signedIn, movementId)) {
                String reason = e.reason() == null ? "" : e.reason();
                try {
                    reason = reason.isBlank() ? "" : ErrorCode.valueOf(reason).description();
                } catch (IllegalArgumentException ignored) {
                    // stored as free text: shown as it is
                }
                steps.add(new MovementStep(e.state(), reason, e.actingUserId(),
                        names.getOrDefault(e.actingUserId(), e.actingUserId() == Command.SYSTEM_USER ? "system"
                                : "user " + e.actingUserId()), e.at()));
            }
            return steps;
        });
    }

    @Override
    public AutoCloseable onMovement(Consumer<MovementUpdate> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- Statements ------------------------------------------------------------------------------------

    /** The store's statement behind each one shown, so an export writes exactly what the screen shows. */
    private final Map<StatementView, Statement> shownStatements = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<StatementView> statement(long accountId, String asset, LocalDate from, LocalDate to) {
        return onWorker(() -> {
            caughtUp();
            Statement s = office.reads().statement(signedIn, accountId, asset, from, to);
            String name = office.reads().account(signedIn, accountId).map(AccountLine::name).orElse("");
            int digits = currencies().stream().filter(c -> c.code().equals(asset)).mapToInt(Currency::minorDigits)
                    .findFirst().orElse(0);
            List<StatementView.Line> lines = new ArrayList<>();
            for (PostingLine p : s.postings()) {
                lines.add(new StatementView.Line(p.postedAt(), p.refKind() + " " + p.refId(), p.journalId(),
                        p.delta(), p.balanceAfter()));
            }
            StatementView view = new StatementView(accountId, name, asset, digits, from, to, s.openingBalance(),
                    lines, s.closingBalance());
            if (shownStatements.size() > 64) {
                shownStatements.clear();
            }
            shownStatements.put(view, s);
            return view;
        });
    }

    @Override
    public CompletableFuture<Path> export(StatementView view, ExportFormat format, Path file) {
        return onWorker(() -> {
            Statement s = shownStatements.get(view);
            if (s == null) {
                throw new IllegalArgumentException("show the statement again before exporting it");
            }
            try {
                if (format == ExportFormat.CSV) {
                    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        office.reports().statementCsv(signedIn, s, out);
                    }
                } else {
                    try (OutputStream out = Files.newOutputStream(file)) {
                        office.reports().statementPdf(signedIn, s, out);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            return file;
        });
    }

    // ---- Users and reference data ------------------------------------------------------------------

    @Override
    public CompletableFuture<List<UserRow>> users() {
        return onWorker(() -> office.users().all().stream()
                .filter(u -> !com.bourse.backoffice.importexport.SampleWorld.MACHINE_USERS.contains(u.username()))
                .map(u -> new UserRow(u.userId(), u.username(), u.displayName(), u.roles(), u.enabled(),
                        u.failedAttempts(), u.lockedUntil()))
                .sorted(Comparator.comparingLong(UserRow::userId)).toList());
    }

    /** Runs a user change; a refusal is the store's words, and the engine hears the roles the change left. */
    private CompletableFuture<Answer> change(Supplier<UserDirectory.UserChange> work, String done, char[] secret) {
        return onWorker(() -> {
            try {
                UserDirectory.UserChange change = work.get();
                if (change != null) {
                    send(change.engineCommand());
                }
                return Answer.done(done);
            } catch (UserChangeRefusedException | IllegalArgumentException e) {
                return Answer.refused(capitalised(e.getMessage()));
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        });
    }

    private void send(Command command) {
        if (gateway.deliver(signedIn, command) instanceof CommandGateway.Outcome.NotSent notSent) {
            throw new IllegalStateException("the venue was not told: " + notSent.reason());
        }
    }

    /**
     * Worker thread: {@code commands} through the gateway as one delivery ({@link CommandGateway#deliverAll}: each
     * checked and audited on its own, all in order), then waits until the venue has applied and committed them, so
     * its inbox never holds more than one chunk of a large import.
     */
    private void sendChunk(List<Command> commands) {
        List<CommandGateway.Request> requests = new ArrayList<>(commands.size());
        for (Command command : commands) {
            requests.add(new CommandGateway.Request(signedIn, command, null));
        }
        for (CommandGateway.Outcome outcome : gateway.deliverAll(requests)) {
            if (outcome instanceof CommandGateway.Outcome.NotSent notSent) {
                throw new IllegalStateException("the venue was not told: " + notSent.reason());
            }
        }
        host.venue().query(engine -> Boolean.TRUE).join();
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "Refused" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public CompletableFuture<Answer> createUser(String username, String displayName, Set<Role> roles,
                                                char[] password) {
        char[] copy = password.clone();
        return change(() -> {
            long id = office.users().all().stream().mapToLong(UserView::userId).max().orElse(0) + 1;
            return office.users().create(signedIn, new NewUser(id, username, displayName, roles, copy));
        }, "Created " + username, copy);
    }

    @Override
    public CompletableFuture<Answer> disable(long userId) {
        return change(() -> office.users().disable(signedIn, userId), "Disabled user " + userId
                + ": they cannot sign in and hold no role at the venue", null);
    }

    @Override
    public CompletableFuture<Answer> enable(long userId) {
        return change(() -> office.users().enable(signedIn, userId), "Enabled user " + userId
                + ": they can sign in again and hold their roles at the venue", null);
    }

    @Override
    public CompletableFuture<Answer> unlock(long userId) {
        return change(() -> {
            office.users().unlock(signedIn, userId);
            return null;
        }, "Unlocked user " + userId, null);
    }

    @Override
    public CompletableFuture<Answer> resetPassword(long userId, char[] password) {
        char[] copy = password.clone();
        return change(() -> {
            office.users().resetPassword(signedIn, userId, copy);
            return null;
        }, "Password of user " + userId + " reset; the lockout is cleared", copy);
    }

    @Override
    public CompletableFuture<Answer> setRoles(long userId, Set<Role> roles) {
        return change(() -> office.users().setRoles(signedIn, userId, roles), "Roles of user " + userId
                + " saved", null);
    }

    @Override
    public CompletableFuture<ImportOutcome> importCsv(ImportKind kind, Path file) {
        return onWorker(() -> {
            String name = file.getFileName().toString();
            try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ReferenceDataImport imports = office.imports();
                ReferenceDataImport.Result result = switch (kind) {
                    case USERS -> imports.users(signedIn, name, csv);
                    case CURRENCIES -> imports.currencies(signedIn, name, csv);
                    case INSTRUMENTS -> imports.instruments(signedIn, name, csv);
                    case ACCOUNTS -> imports.accounts(signedIn, name, csv);
                };
                // The store holds every line; the engine gets every command, each with its own audit entry, a chunk
                // per delivery: the journal seals a chunk in a few group commits where one command at a time cost a
                // forced write each.
                result.engineCommands().forEachChunk(this::sendChunk);
                return new ImportOutcome(name, result.records(), List.of());
            } catch (ImportRejectedException e) {
                return new ImportOutcome(name, 0, e.problems().stream()
                        .map(p -> "line " + p.line() + ": " + p.reason()).toList());
            } catch (IOException e) {
                return new ImportOutcome(name, 0, List.of("cannot read " + file + ": " + e.getMessage()));
            }
        });
    }

    // ---- End of day -------------------------------------------------------------------------------

    @Override
    public CompletableFuture<DayReport> endOfDay() {
        return onWorker(() -> {
            int before = expired.get();
            send(new Command.EndOfDay(System.currentTimeMillis(), user.userId()));
            host.venue().query(engine -> Boolean.TRUE).join();
            return report(today(), expired.get() - before);
        });
    }

    @Override
    public CompletableFuture<DayReport> dayReport(LocalDate date) {
        return onWorker(() -> report(date, -1));
    }

    private DayReport report(LocalDate date, int expiredOrders) {
        caughtUp();
        ZoneId zone = tradingZone();
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Integer> digits = new HashMap<>();
        currencies().forEach(c -> digits.put(c.code(), c.minorDigits()));
        List<DayReport.InstrumentDay> instruments = new ArrayList<>();
        for (Instrument i : instruments()) {
            int count = 0;
            long volume = 0;
            long value = 0;
            Page page = Page.first(Page.MAX_LIMIT);
            List<TradeLine> batch;
            do {
                batch = office.reads().trades(signedIn, i.id(), start, end, page);
                for (TradeLine t : batch) {
                    count++;
                    volume = Math.addExact(volume, t.quantity());
                    value = Math.addExact(value, com.bourse.protocol.FixedPoint.rescale(
                            Math.multiplyExact(t.price(), t.quantity()), i.priceScale(),
                            digits.getOrDefault(i.currency(), 2), java.math.RoundingMode.HALF_EVEN));
                }
                page = page.next();
            } while (batch.size() == Page.MAX_LIMIT);
            if (count > 0) {
                instruments.add(new DayReport.InstrumentDay(i.id(), i.symbol(), i.currency(), count, volume, value));
            }
        }
        Map<String, long[]> sums = new TreeMap<>();
        for (TransferLine t : inState(TransferState.COMPLETED)) {
            if (t.updatedAt().isBefore(start) || !t.updatedAt().isBefore(end)) {
                continue;
            }
            long[] s = sums.computeIfAbsent(t.asset(), a -> new long[6]);
            int slot = switch (t.kind()) {
                case DEPOSIT -> 0;
                case WITHDRAWAL -> 1;
                case INTERNAL -> 2;
                case PAYMENT -> 3;
            };
            s[slot] = Math.addExact(s[slot], t.amount());
            Event.TransferStateChanged payment = paymentDetails.get(t.transferId());
            if (payment != null) {
                s[4] = Math.addExact(s[4], payment.fee());
            }
            s[5]++;
        }
        List<DayReport.CurrencyDay> currencies = new ArrayList<>();
        sums.forEach((code, s) -> currencies.add(new DayReport.CurrencyDay(code, s[0], s[1], s[2], s[3], s[4],
                (int) s[5])));
        return new DayReport(date, expiredOrders, instruments, currencies);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "back-office desk: closing the event subscription failed", e);
        }
        worker.shutdownNow();
    }
}
