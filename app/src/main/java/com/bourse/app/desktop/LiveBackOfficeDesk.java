package com.bourse.app.desktop;

import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.UserView;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.PostingLine;
import com.bourse.backoffice.store.Statement;
import com.bourse.cluster.client.Blotter;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.cluster.movement.MovementQuery;
import com.bourse.cluster.movement.MovementRow;
import com.bourse.cluster.movement.MovementStepRow;
import com.bourse.cluster.movement.Movements;
import com.bourse.cluster.statement.PostingRow;
import com.bourse.cluster.statement.Postings;
import com.bourse.cluster.statement.StatementQuery;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.wire.SessionMessage;
import com.bourse.ui.port.AccountDetail;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.ClerkDesk;
import com.bourse.ui.port.Movement;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.port.MovementOutcome;
import com.bourse.ui.port.MovementRequest;
import com.bourse.ui.port.MovementStep;
import com.bourse.ui.port.MovementUpdate;
import com.bourse.ui.port.StatementView;
import com.bourse.ui.port.TraderIdentity;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The back-office clerk's desk on the production cluster, over the clerk's own {@link ClusterVenue} (the one their
 * window's {@link LiveSession} opened). Accounts and their owners come from the local reference data (the cluster
 * is seeded from the same import and keeps no names); cash, positions and working orders from the cluster's
 * blotter answer; movements in a state and each movement's history from the cluster's replicated movement record
 * ({@code MovementQuery}, schema version 9); statements from its replicated posting record ({@code StatementQuery}:
 * the days since its last End of day), exported and audited locally. Every command goes through the back office's audited gateway
 * ({@link LiveHost#commandGateway}) as the signed-in person, and the form gets the cluster's answer: the events the
 * engine sent about the movement's id before the command's acknowledgement (a back-office session hears every
 * movement's), recorded with its state or refused in the engine's words. The movement id is the idempotency key:
 * a retry after no answer sends the same id, and the engine repeats its first answer.
 *
 * <p>What it does not do live: statements of days before the cluster's record (it says which days it covers), users
 * and roles, end of day; the window offers neither of the last two for this desk.
 *
 * <p>Thread-safe. Audits and sends run on the desk's own named thread, never the venue's or the FX thread; movement
 * listeners are called on the venue's thread.
 */
public final class LiveBackOfficeDesk implements ClerkDesk {
    private static final System.Logger LOG = System.getLogger(LiveBackOfficeDesk.class.getName());
    private static final long ANSWER_TIMEOUT_SECONDS = 15;
    /** Movements listed at most (newest first), and on an account's page. */
    private static final int LISTED = 500;
    private static final int RECENT = 50;

    private final LiveHost host;
    private final TraderIdentity user;
    private final Session signedIn;
    private final ClusterVenue venue;
    private final CommandGateway gateway;
    private final ExecutorService worker;
    private final Map<Long, Watch> watched = new ConcurrentHashMap<>();
    private final List<Consumer<MovementUpdate>> listeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable subscription;
    private final AutoCloseable outcomes;
    private volatile boolean closed;

    /** What the venue said about one movement id while a command about it was on its way. */
    private static final class Watch {
        final List<Event> heard = new CopyOnWriteArrayList<>();
        /** Completes with null when the cluster acknowledged the command, or with why it failed. */
        final CompletableFuture<String> fate = new CompletableFuture<>();
    }

    public LiveBackOfficeDesk(LiveHost host, TraderIdentity user, Session signedIn, ClusterVenue venue) {
        this.host = host;
        this.user = user;
        this.signedIn = signedIn;
        this.venue = venue;
        this.gateway = host.commandGateway(venue);
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bourse-back-office-desk-" + user.username());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.log(System.Logger.Level.ERROR, "the live back-office desk's worker stopped on an error", e));
            return thread;
        });
        this.subscription = venue.subscribe(this::heard);
        this.outcomes = venue.alsoOnOutcome(new CommandOutcomeListener() {
            @Override
            public void acknowledged(Command command, long logPosition) {
                Watch watch = watchOf(command);
                if (watch != null) {
                    watch.fate.complete(null);
                }
            }

            @Override
            public void failed(Command command, String reason) {
                Watch watch = watchOf(command);
                if (watch != null) {
                    watch.fate.complete(reason);
                }
            }
        });
    }

    private Watch watchOf(Command command) {
        long id = switch (command) {
            case Command.RequestTransfer c -> c.transferId();
            case Command.RequestPayment c -> c.paymentId();
            case Command.CancelTransfer c -> c.transferId();
            case Command.SettleTransfer c -> c.transferId();
            default -> 0;
        };
        return id == 0 || command.userId() != user.userId() ? null : watched.get(id);
    }

    /** Venue thread: feeds the movements being answered and the listeners. */
    private void heard(Event event) {
        switch (event) {
            case Event.TransferStateChanged t -> {
                Watch watch = watched.get(t.transferId());
                if (watch != null) {
                    watch.heard.add(t);
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
                Watch watch = watched.get(r.refId());
                if (watch != null) {
                    watch.heard.add(r);
                }
            }
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
        return host.currencies();
    }

    @Override
    public List<Instrument> instruments() {
        return host.instruments();
    }

    @Override
    public ZoneId tradingZone() {
        return host.office().store().config().tradingZone();
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(tradingZone());
    }

    private <T> CompletableFuture<T> onWorker(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, worker);
    }

    // ---- Accounts -----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<List<AccountSummary>> accounts() {
        return onWorker(() -> {
            Map<Long, UserView> owners = new HashMap<>();
            host.office().users().all().forEach(u -> owners.put(u.userId(), u));
            List<AccountSummary> list = new ArrayList<>();
            for (AccountLine a : host.office().referenceData().accounts()) {
                list.add(summary(a, owners.get(a.ownerUserId())));
            }
            list.sort(Comparator.comparingLong(AccountSummary::accountId));
            return list;
        });
    }

    /**
     * Kill switches are the risk desk's: the cluster tells them to risk officers, so a clerk's list says Active
     * unless the owner is disabled in the installation's users.
     */
    private static AccountSummary summary(AccountLine a, UserView owner) {
        AccountSummary.Status status = owner != null && !owner.enabled() ? AccountSummary.Status.OWNER_DISABLED
                : AccountSummary.Status.ACTIVE;
        return new AccountSummary(a.accountId(), a.name(), a.ownerUserId(),
                owner == null ? "user " + a.ownerUserId() : owner.displayName(), a.baseCurrency(), status);
    }

    @Override
    public CompletableFuture<AccountDetail> account(long accountId) {
        AccountLine line = host.office().referenceData().accounts().stream()
                .filter(a -> a.accountId() == accountId).findFirst().orElse(null);
        if (line == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no account " + accountId));
        }
        CompletableFuture<Blotter> blotter = venue.requestBlotter();
        CompletableFuture<Movements> movements = venue.requestMovements(
                MovementQuery.inState(null, accountId, RECENT));
        return blotter.thenCombine(movements, (b, m) -> detail(line, b, m))
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private AccountDetail detail(AccountLine line, Blotter blotter, Movements movements) {
        java.util.Set<String> currencyCodes = new java.util.HashSet<>();
        currencies().forEach(c -> currencyCodes.add(c.code()));
        Map<String, Instrument> bySymbol = new HashMap<>();
        instruments().forEach(i -> bySymbol.put(i.symbol(), i));
        List<AccountDetail.Cash> cash = new ArrayList<>();
        List<AccountDetail.Holding> positions = new ArrayList<>();
        for (SessionMessage.AccountBalance b : blotter.balances()) {
            if (b.accountId() != line.accountId()) {
                continue;
            }
            if (currencyCodes.contains(b.asset())) {
                cash.add(new AccountDetail.Cash(b.asset(), b.balance(), b.held()));
            } else if (bySymbol.containsKey(b.asset())) {
                positions.add(new AccountDetail.Holding(bySymbol.get(b.asset()).id(), b.asset(), b.balance(),
                        b.held()));
            }
        }
        cash.sort(Comparator.comparing(AccountDetail.Cash::currency));
        positions.sort(Comparator.comparing(AccountDetail.Holding::symbol));
        List<WorkingOrder> orders = blotter.orders().stream().filter(o -> o.accountId() == line.accountId())
                .toList();
        UserView owner = host.office().users().find(line.ownerUserId()).orElse(null);
        return new AccountDetail(summary(line, owner), cash, positions, orders,
                movements.movements().stream().map(LiveBackOfficeDesk::movement).toList(), List.of());
    }

    @Override
    public String tradesElsewhere() {
        return "Trades are not listed on the live clerk's desk: the production engine tells an account's fills to"
                + " its owner's window";
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
     * Worker thread: audits and sends {@code command} as the signed-in person, waits for the cluster's
     * acknowledgement, and tells what the engine said about {@code movementId} meanwhile (its events reach this
     * session before the acknowledgement). A command acknowledged as already applied (a resend after a lost
     * answer) carries no events: the movement's state then comes from the cluster's record.
     */
    private MovementOutcome answer(long movementId, Command command) {
        Watch watch = new Watch();
        watched.put(movementId, watch);
        String failure;
        try {
            if (closed) {
                return new MovementOutcome.NotSent(movementId, "This desk is closed");
            }
            if (gateway.deliver(signedIn, command) instanceof CommandGateway.Outcome.NotSent notSent) {
                return new MovementOutcome.NotSent(movementId, "Not sent: " + notSent.reason());
            }
            failure = watch.fate.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new MovementOutcome.NotSent(movementId, "The production engine gave no answer about movement "
                    + movementId + " in " + ANSWER_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MovementOutcome.NotSent(movementId, "Interrupted before the answer came");
        } catch (ExecutionException e) {
            return new MovementOutcome.NotSent(movementId, "No answer: " + e.getCause().getMessage());
        } finally {
            watched.remove(movementId);
        }
        boolean held = false;
        Event.TransferStateChanged last = null;
        for (Event e : watch.heard) {
            if (e instanceof Event.CommandRejected rejected) {
                return new MovementOutcome.Refused(movementId, rejected.reason());
            }
            last = (Event.TransferStateChanged) e;
            held |= last.state() == TransferState.PENDING && last.reason() != null;
        }
        if (failure != null) {
            return new MovementOutcome.NotSent(movementId, "Not applied: " + failure);
        }
        if (last == null) {
            return recorded(movementId);
        }
        return new MovementOutcome.Recorded(movementId, last.state(), last.reason(),
                held && last.state() == TransferState.PENDING);
    }

    /** The movement as the cluster's record has it now (after an acknowledgement that carried no events). */
    private MovementOutcome recorded(long movementId) {
        try {
            Movements answer = venue.requestMovements(MovementQuery.history(movementId))
                    .get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            MovementRow row = answer.movements().getFirst();
            boolean held = row.state() == TransferState.PENDING && row.reason() != null;
            return new MovementOutcome.Recorded(movementId, row.state(), row.reason(), held);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MovementOutcome.NotSent(movementId, "Interrupted before the answer came");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return new MovementOutcome.NotSent(movementId, "The production engine applied movement " + movementId
                    + " but did not say its state: see the movements list");
        }
    }

    @Override
    public CompletableFuture<List<Movement>> movements(TransferState state) {
        return venue.requestMovements(MovementQuery.inState(state, 0, LISTED))
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApply(answer -> answer.movements().stream().map(LiveBackOfficeDesk::movement).toList());
    }

    private static Movement movement(MovementRow m) {
        return new Movement(m.movementId(), kindOf(m.kind()), m.fromAccountId(), m.toAccountId(), m.asset(),
                m.amount(), m.fee(), m.reference(), m.state(), m.reason() == null ? "" : m.reason().description(),
                m.requestedBy(), Instant.ofEpochMilli(m.requestedAtMs()), Instant.ofEpochMilli(m.updatedAtMs()));
    }

    @Override
    public CompletableFuture<List<MovementStep>> history(long movementId) {
        return venue.requestMovements(MovementQuery.history(movementId))
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApplyAsync(answer -> {
                    Map<Long, String> names = new HashMap<>();
                    host.office().users().all().forEach(u -> names.put(u.userId(), u.username()));
                    List<MovementStep> steps = new ArrayList<>();
                    for (MovementStepRow s : answer.steps()) {
                        ErrorCode reason = s.reason();
                        steps.add(new MovementStep(s.state(), reason == null ? "" : reason.description(),
                                s.actingUserId(), names.getOrDefault(s.actingUserId(),
                                s.actingUserId() == Command.SYSTEM_USER ? "system" : "user " + s.actingUserId()),
                                Instant.ofEpochMilli(s.atMs())));
                    }
                    return steps;
                }, worker);
    }

    @Override
    public AutoCloseable onMovement(Consumer<MovementUpdate> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- Statements ------------------------------------------------------------------------------------

    /** The first trade date the cluster held whole at its last answer, or null before any answer. */
    private volatile LocalDate firstHeldDay;
    /** The postings behind each statement shown, so an export writes exactly what the screen shows. */
    private final Map<StatementView, Statement> shownStatements = new ConcurrentHashMap<>();

    /**
     * Null (this desk can state the dates) unless the cluster's last answer showed it no longer holds {@code from}:
     * the desk does not know what the cluster holds before it has asked once, and then asks anyway.
     */
    @Override
    public String statementsOutside(LocalDate from, LocalDate to) {
        LocalDate first = firstHeldDay;
        return first == null || !from.isBefore(first) ? null : outside(from, first);
    }

    private String outside(LocalDate from, LocalDate first) {
        return "Live statements cover the days the production engine keeps: " + first
                + (first.equals(today()) ? " (today)" : " to today, " + today())
                + ". " + from + " is earlier: choose a start on or after " + first + ".";
    }

    /**
     * The statement from the cluster's posting record (schema version 9's {@code StatementQuery}): the balance at
     * the start of {@code from}, every posting to the end of {@code to}, the balance then (now, for today). Fails
     * with the days the cluster keeps when {@code from} is before them.
     */
    @Override
    public CompletableFuture<StatementView> statement(long accountId, String asset, LocalDate from, LocalDate to) {
        ZoneId zone = tradingZone();
        long fromMs = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long toMs = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return venue.requestStatement(StatementQuery.of(accountId, asset, fromMs, toMs))
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApplyAsync(answer -> {
                    LocalDate first = firstWholeDay(answer, zone);
                    firstHeldDay = first;
                    if (from.isBefore(first)) {
                        throw new IllegalArgumentException(outside(from, first));
                    }
                    return view(accountId, asset, from, to, answer);
                }, worker);
    }

    /**
     * The first trade date every posting of which the cluster holds: the day its record began with the ledger,
     * else the day after it let postings go (an End of day, the oldest beyond its bound) unless that was midnight.
     */
    private static LocalDate firstWholeDay(Postings answer, ZoneId zone) {
        java.time.ZonedDateTime since = Instant.ofEpochMilli(answer.heldSinceMs()).atZone(zone);
        LocalDate day = since.toLocalDate();
        return answer.sinceLedgerBegan() || since.equals(day.atStartOfDay(zone)) ? day : day.plusDays(1);
    }

    private StatementView view(long accountId, String asset, LocalDate from, LocalDate to, Postings answer) {
        String name = host.office().referenceData().accounts().stream().filter(a -> a.accountId() == accountId)
                .map(AccountLine::name).findFirst().orElse("");
        int digits = currencies().stream().filter(c -> c.code().equals(asset)).mapToInt(Currency::minorDigits)
                .findFirst().orElse(0);
        List<StatementView.Line> lines = new ArrayList<>();
        List<PostingLine> postings = new ArrayList<>();
        for (PostingRow p : answer.postings()) {
            Instant at = Instant.ofEpochMilli(p.atMs());
            lines.add(new StatementView.Line(at, p.kind() + " " + p.refId(), p.journalId(), p.delta(),
                    p.balanceAfter()));
            postings.add(new PostingLine(postings.size() + 1, p.journalId(), accountId, asset, p.delta(),
                    p.balanceAfter(), p.kind().name(), p.refId(), at));
        }
        StatementView view = new StatementView(accountId, name, asset, digits, from, to, answer.openingBalance(),
                lines, answer.closingBalance());
        if (shownStatements.size() > 64) {
            shownStatements.clear();
        }
        shownStatements.put(view, new Statement(accountId, asset, from, to, answer.openingBalance(), postings,
                answer.closingBalance()));
        return view;
    }

    /** Writes the statement as the simulation's desk does, audited locally as the signed-in person. */
    @Override
    public CompletableFuture<Path> export(StatementView view, ExportFormat format, Path file) {
        return onWorker(() -> {
            Statement s = shownStatements.get(view);
            if (s == null) {
                throw new IllegalArgumentException("show the statement again before exporting it");
            }
            try {
                if (format == ExportFormat.CSV) {
                    try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file,
                            java.nio.charset.StandardCharsets.UTF_8)) {
                        host.office().reports().statementCsv(signedIn, s, out);
                    }
                } else {
                    try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                        host.office().reports().statementPdf(signedIn, s, out);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + file, e);
            }
            return file;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable handle : List.of(subscription, outcomes)) {
            try {
                handle.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "live back-office desk: closing a venue listener failed", e);
            }
        }
        worker.shutdownNow();
    }
}
