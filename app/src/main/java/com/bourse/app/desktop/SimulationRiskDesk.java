package com.bourse.app.desktop;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditQuery;
import com.bourse.backoffice.audit.AuditRecord;
import com.bourse.backoffice.audit.AuditVerification;
import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.UserView;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.AlertDecision;
import com.bourse.backoffice.store.OrderLine;
import com.bourse.backoffice.store.Page;
import com.bourse.backoffice.store.RiskAlertLine;
import com.bourse.backoffice.store.TransferLine;
import com.bourse.engine.Engine;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.SurveillanceRule;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import com.bourse.protocol.WorkingOrder;
import com.bourse.ui.port.AccountExposure;
import com.bourse.ui.port.AuditCheck;
import com.bourse.ui.port.AuditLine;
import com.bourse.ui.port.AuditSearch;
import com.bourse.ui.port.ControlImpact;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.port.RiskDesk;
import com.bourse.ui.port.RiskFeed;
import com.bourse.ui.port.RiskOverview;
import com.bourse.ui.port.RiskSnapshot;
import com.bourse.ui.port.TraderIdentity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A risk officer's desk on the simulation: the held items come from the embedded engine's state (which orders
 * are held, right now) joined with the back office's projected risk alerts (their scores and rules, read once
 * the projection has caught up with that instant), so the queue is whole after a restart; what follows comes
 * from the venue's events. Commands go through the store's audited {@link CommandGateway} as the officer.
 * Store reads run on the desk's own thread, never the engine's or the FX thread.
 *
 * <p>Thread-safe.
 */
public final class SimulationRiskDesk implements RiskDesk {
    private static final System.Logger LOG = System.getLogger(SimulationRiskDesk.class.getName());
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(10);
    private static final int RECENT_ORDERS = 8;

    private final SimulationHost host;
    private final TraderIdentity officer;
    private final Session signedIn;
    private final CommandGateway gateway;
    private final ExecutorService reader;
    private final Map<Long, AccountLine> accounts = new HashMap<>();
    private volatile AutoCloseable subscription;
    private volatile boolean closed;

    public SimulationRiskDesk(SimulationHost host, TraderIdentity officer, Session signedIn, CommandGateway gateway) {
        this.host = host;
        this.officer = officer;
        this.signedIn = signedIn;
        this.gateway = gateway;
        this.reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bourse-risk-desk-" + officer.username());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.log(System.Logger.Level.ERROR, "the risk desk's store reader stopped on an error", e));
            return thread;
        });
        for (AccountLine account : host.office().referenceData().accounts()) {
            accounts.put(account.accountId(), account);
        }
    }

    @Override
    public TraderIdentity officer() {
        return officer;
    }

    /** What the engine says at the snapshot's instant; the store fills in the rest once it has caught up. */
    private record EngineView(List<WorkingOrder> held, Set<Long> killSwitches, Set<Long> halted,
                              Map<Long, Instrument> instruments, RiskLimits defaultLimits,
                              Map<Long, RiskLimits> limits, long seq) {
    }

    @Override
    public CompletableFuture<RiskSnapshot> connect(RiskFeed feed) {
        BackOffice office = host.office();
        return host.venue().query(engine -> {
            List<WorkingOrder> held = engine.workingOrders(0).stream().filter(o -> "HELD".equals(o.status())).toList();
            Set<Long> kills = new HashSet<>();
            Map<Long, RiskLimits> limits = new HashMap<>();
            for (long account : engine.accountIds()) {
                if (engine.killSwitchEngaged(account)) {
                    kills.add(account);
                }
                limits.put(account, engine.riskLimits(account));
            }
            Set<Long> halted = new HashSet<>();
            Map<Long, Instrument> instruments = new HashMap<>();
            for (Instrument i : engine.instruments()) {
                instruments.put(i.id(), i);
                if (engine.isHalted(i.id())) {
                    halted.add(i.id());
                }
            }
            long seq = office.desk().journal().lastSeq();
            subscription = host.venue().subscribe(feed);
            return new EngineView(held, kills, halted, instruments, engine.config().defaultLimits(), limits, seq);
        }).thenApplyAsync(view -> snapshot(view, office), reader);
    }

    private RiskSnapshot snapshot(EngineView view, BackOffice office) {
        if (!office.desk().projections().awaitCommitted(view.seq(), PROJECTION_WAIT)) {
            LOG.log(System.Logger.Level.WARNING, "risk desk: the projections had not reached " + view.seq()
                    + " after " + PROJECTION_WAIT + "; scores of the newest alerts may be missing");
        }
        Map<String, RiskAlertLine> alerts = new HashMap<>();
        for (RiskAlertLine alert : pendingAlerts()) {
            alerts.put(alert.subject() + ":" + alert.subjectId(), alert);
        }
        List<ReviewItem> held = new ArrayList<>();
        for (WorkingOrder order : view.held()) {
            RiskAlertLine alert = alerts.get(ReviewSubject.ORDER.name() + ":" + order.orderId());
            held.add(orderItem(order, view.instruments().get(order.instrumentId()), alert == null ? null
                    : scoresOf(alert), alert == null ? 0 : alert.raisedAt().toEpochMilli()));
        }
        // Transfers still held now (the engine keeps no list of them): one decided since the snapshot's instant is
        // left out, and its decision on the feed then ends nothing; one held since is on the feed as well (one line).
        List<Long> transferAlerts = alerts.values().stream()
                .filter(a -> a.subject().equals(ReviewSubject.TRANSFER.name())).map(RiskAlertLine::subjectId).toList();
        List<Long> stillHeld = host.venue().query(engine -> transferAlerts.stream()
                .filter(id -> engine.transferState(id) == TransferState.PENDING).toList()).join();
        for (long transferId : stillHeld) {
            RiskAlertLine alert = alerts.get(ReviewSubject.TRANSFER.name() + ":" + transferId);
            Optional<TransferLine> transfer = office.transfers().find(transferId);
            if (transfer.isPresent()) {
                TransferLine t = transfer.get();
                held.add(transferItem(transferId, t.kind(), t.fromAccountId(), t.toAccountId(), t.asset(), t.amount(),
                        t.requestedBy(), scoresOf(alert), alert.raisedAt().toEpochMilli()));
            }
        }
        List<RiskSnapshot.RiskAccount> accountRows = new ArrayList<>();
        for (AccountLine account : accounts.values().stream()
                .sorted(java.util.Comparator.comparingLong(AccountLine::accountId)).toList()) {
            // The engine's limits are the ones it applies (the store's projection keeps the size limits only).
            RiskLimits limits = view.limits().getOrDefault(account.accountId(), office.risk()
                    .controls(account.accountId()).map(c -> c.limits()).orElse(view.defaultLimits()));
            accountRows.add(new RiskSnapshot.RiskAccount(account.accountId(), account.name(), account.ownerUserId(),
                    account.baseCurrency(), limits, view.killSwitches().contains(account.accountId())));
        }
        Map<Long, String> users = new HashMap<>();
        for (UserView user : office.users().all()) {
            users.put(user.userId(), user.displayName());
        }
        return new RiskSnapshot(held, accountRows, view.halted(), users);
    }

    private List<RiskAlertLine> pendingAlerts() {
        List<RiskAlertLine> all = new ArrayList<>();
        Page page = Page.first(Page.MAX_LIMIT);
        List<RiskAlertLine> batch;
        do {
            batch = host.office().risk().alerts(AlertDecision.PENDING, page);
            all.addAll(batch);
            page = page.next();
        } while (batch.size() == Page.MAX_LIMIT);
        return all;
    }

    /** Score parts, reason and rules as one alert gave them. */
    private record Scores(int score, int amount, int frequency, int pattern, ErrorCode reason, int ruleMask) {
    }

    private static Scores scoresOf(RiskAlertLine alert) {
        ErrorCode reason;
        try {
            reason = ErrorCode.valueOf(alert.reason());
        } catch (IllegalArgumentException e) {
            reason = ErrorCode.HIGH_RISK_TRANSACTION;
        }
        return new Scores(alert.scoreBps(), alert.amountBps(), alert.frequencyBps(), alert.patternBps(), reason,
                SurveillanceRule.mask(alert.rules().toArray(SurveillanceRule[]::new)));
    }

    private static Scores scoresOf(Event.RiskAlert alert) {
        return new Scores(alert.scoreBps(), alert.amountBps(), alert.frequencyBps(), alert.patternBps(),
                alert.reason(), alert.ruleMask());
    }

    private ReviewItem orderItem(WorkingOrder order, Instrument instrument, Scores scores, long raisedAt) {
        Scores s = scores == null ? new Scores(0, 0, 0, 0, ErrorCode.HIGH_RISK_TRANSACTION, 0) : scores;
        long notional = 0;
        String currency = "";
        if (instrument != null) {
            currency = instrument.currency();
            int digits = host.data().currencies().stream().filter(c -> c.code().equals(instrument.currency()))
                    .mapToInt(c -> c.minorDigits()).findFirst().orElse(2);
            notional = com.bourse.protocol.FixedPoint.rescale(Math.multiplyExact(order.price(), order.leaves()),
                    instrument.priceScale(), digits, java.math.RoundingMode.HALF_EVEN);
        }
        return new ReviewItem(ReviewSubject.ORDER, order.orderId(), order.accountId(), order.userId(),
                ownerOf(order.accountId()), order.instrumentId(), order.side(), order.leaves(), order.price(),
                notional, currency, "", s.score(), s.amount(), s.frequency(), s.pattern(), s.reason(), s.ruleMask(),
                raisedAt);
    }

    private ReviewItem transferItem(long transferId, TransferKind kind, long from, long to, String asset, long amount,
                                    long requestedBy, Scores s, long raisedAt) {
        long account = from != 0 ? from : to;
        String description = kind.name() + (from != 0 ? " from " + from : "") + (to != 0 ? " to " + to : "");
        return new ReviewItem(ReviewSubject.TRANSFER, transferId, account, requestedBy, ownerOf(account), 0, null,
                amount, 0, amount, asset, description, s.score(), s.amount(), s.frequency(), s.pattern(), s.reason(),
                s.ruleMask(), raisedAt);
    }

    private long ownerOf(long accountId) {
        AccountLine account = accounts.get(accountId);
        return account == null ? -1 : account.ownerUserId();
    }

    @Override
    public CompletableFuture<Optional<ReviewItem>> describe(Event.RiskAlert alert, Event.TransferStateChanged transfer) {
        long raisedAt = System.currentTimeMillis();
        if (alert.subject() == ReviewSubject.TRANSFER) {
            if (transfer != null) {
                return CompletableFuture.completedFuture(Optional.of(transferItem(transfer.transferId(),
                        transfer.kind(), transfer.fromAccountId(), transfer.toAccountId(), transfer.asset(),
                        transfer.amount(), ownerOf(transfer.fromAccountId() != 0 ? transfer.fromAccountId()
                                : transfer.toAccountId()), scoresOf(alert), raisedAt)));
            }
            return CompletableFuture.supplyAsync(() -> host.office().transfers().find(alert.subjectId())
                    .map(t -> transferItem(t.transferId(), t.kind(), t.fromAccountId(), t.toAccountId(), t.asset(),
                            t.amount(), t.requestedBy(), scoresOf(alert), raisedAt)), reader);
        }
        return host.venue().query(engine -> {
            for (WorkingOrder order : engine.workingOrders(alert.accountId())) {
                if (order.orderId() == alert.subjectId() && "HELD".equals(order.status())) {
                    Instrument instrument = engine.instruments().stream()
                            .filter(i -> i.id() == order.instrumentId()).findFirst().orElse(null);
                    return Optional.of(orderItem(order, instrument, scoresOf(alert), raisedAt));
                }
            }
            return Optional.<ReviewItem>empty();
        });
    }

    @Override
    public CompletableFuture<AccountExposure> exposure(long accountId) {
        return host.venue().query(engine -> positions(engine, accountId)).thenApplyAsync(positions -> {
            LocalDate today = LocalDate.now(host.office().store().config().tradingZone());
            List<OrderLine> orders = host.office().orders().blotter(accountId, today, Page.first(Page.MAX_LIMIT));
            List<AccountExposure.RecentOrder> recent = new ArrayList<>();
            for (int k = orders.size() - 1; k >= 0 && recent.size() < RECENT_ORDERS; k--) {
                OrderLine o = orders.get(k);
                recent.add(new AccountExposure.RecentOrder(o.orderId(), o.instrumentId(),
                        o.side() == null ? null : Side.valueOf(o.side()), o.quantity(), o.price(), o.status().name(),
                        o.reason(), o.enteredAt().toEpochMilli()));
            }
            long window = host.office().risk().controls(accountId).map(c -> c.limits().throttleWindowMillis())
                    .orElse(60_000L);
            long now = System.currentTimeMillis();
            long windowStart = now - Math.floorMod(now, window);
            int inWindow = (int) orders.stream().filter(o -> !o.enteredAt().isBefore(Instant.ofEpochMilli(windowStart)))
                    .count();
            return new AccountExposure(accountId, positions.positions(), positions.workingOrders(),
                    positions.largestOrder(), inWindow, recent);
        }, reader);
    }

    private AccountExposure positions(Engine engine, long accountId) {
        return AccountExposure.fromBook(accountId, engine.instruments(), asset -> engine.balance(accountId, asset),
                engine.workingOrders(accountId));
    }

    @Override
    public CompletableFuture<ControlImpact> impact(List<Long> accountIds, long instrumentId) {
        return host.venue().query(engine -> ControlImpact.of(engine.workingOrders(0), accountIds, instrumentId));
    }

    private static final int MAX_BUCKETS = 96;

    @Override
    public CompletableFuture<RiskOverview> overview(long bucketMillis, int top) {
        if (bucketMillis < 1_000 || top < 1) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "an overview needs buckets of at least a second and at least one top score"));
        }
        List<Long> ids = accounts.keySet().stream().sorted().toList();
        return host.venue().query(engine -> {
            List<AccountExposure> exposures = new ArrayList<>();
            for (long id : ids) {
                exposures.add(positions(engine, id));
            }
            return Map.entry(exposures, engine.config().defaultLimits());
        }).thenApplyAsync(engineView -> {
            List<RiskOverview.Exposure> cells = new ArrayList<>();
            for (AccountExposure account : engineView.getKey()) {
                long maxPosition = host.office().risk().controls(account.accountId()).map(c -> c.limits().maxPosition())
                        .orElse(engineView.getValue().maxPosition());
                for (AccountExposure.InstrumentExposure p : account.positions()) {
                    long worst = Math.max(Math.abs(p.position() + p.workingBuy()),
                            Math.abs(p.position() - p.workingSell()));
                    cells.add(new RiskOverview.Exposure(account.accountId(), p.instrumentId(), worst, maxPosition));
                }
            }
            Instant dayStart = LocalDate.now(host.office().store().config().tradingZone())
                    .atStartOfDay(host.office().store().config().tradingZone()).toInstant();
            List<RiskAlertLine> today = new ArrayList<>();
            for (AlertDecision decision : AlertDecision.values()) {
                Page page = Page.first(Page.MAX_LIMIT);
                List<RiskAlertLine> batch;
                do {
                    batch = host.office().risk().alerts(decision, page);
                    batch.stream().filter(a -> !a.raisedAt().isBefore(dayStart)).forEach(today::add);
                    page = page.next();
                } while (batch.size() == Page.MAX_LIMIT);
            }
            long now = System.currentTimeMillis();
            long last = now - Math.floorMod(now, bucketMillis);
            long first = Math.max(last - (MAX_BUCKETS - 1) * bucketMillis, today.stream()
                    .mapToLong(a -> a.raisedAt().toEpochMilli()).map(t -> t - Math.floorMod(t, bucketMillis))
                    .min().orElse(last));
            first = Math.min(first, last - 11 * bucketMillis); // a quiet day still reads as a time line
            int n = (int) ((last - first) / bucketMillis) + 1;
            int[] orders = new int[n];
            int[] transfers = new int[n];
            for (RiskAlertLine alert : today) {
                long at = alert.raisedAt().toEpochMilli();
                if (at >= first && at < last + bucketMillis) {
                    int k = (int) ((at - first) / bucketMillis);
                    if (ReviewSubject.TRANSFER.name().equals(alert.subject())) {
                        transfers[k]++;
                    } else {
                        orders[k]++;
                    }
                }
            }
            List<RiskOverview.AlertBucket> buckets = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                buckets.add(new RiskOverview.AlertBucket(first + k * bucketMillis, bucketMillis, orders[k],
                        transfers[k]));
            }
            List<RiskOverview.ScoredAlert> highest = today.stream()
                    .sorted(java.util.Comparator.comparingInt(RiskAlertLine::scoreBps).reversed()
                            .thenComparing(RiskAlertLine::raisedAt))
                    .limit(top)
                    .map(a -> new RiskOverview.ScoredAlert(a.subject(), a.subjectId(), a.accountId(), a.scoreBps(),
                            a.reason(), a.rules().stream().map(Enum::name).toList(), a.decision().name(),
                            a.raisedAt().toEpochMilli()))
                    .toList();
            return new RiskOverview(cells, buckets, highest);
        }, reader);
    }

    @Override
    public List<String> auditActions() {
        return java.util.Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    }

    @Override
    public CompletableFuture<List<AuditLine>> searchAudit(AuditSearch search) {
        AuditAction action = search.action() == null || search.action().isBlank() ? null
                : AuditAction.valueOf(search.action());
        AuditQuery query = new AuditQuery(search.user(), action, search.subject(),
                search.from() == null ? null : Instant.ofEpochMilli(search.from()),
                search.until() == null ? null : Instant.ofEpochMilli(search.until()),
                Math.clamp(search.limit(), 1, AuditQuery.MAX_LIMIT));
        return CompletableFuture.supplyAsync(() -> host.office().audit().search(query).stream()
                .map(SimulationRiskDesk::line).toList(), reader);
    }

    @Override
    public CompletableFuture<AuditCheck> verifyAudit() {
        return CompletableFuture.supplyAsync(() -> {
            AuditVerification v = host.office().audit().verify();
            long bad = v.firstBadSeq() == null ? 0 : v.firstBadSeq();
            AuditLine firstBad = bad == 0 ? null : host.office().audit().entry(bad).map(SimulationRiskDesk::line)
                    .orElse(null);
            return new AuditCheck(v.intact(), v.entries(), bad, v.problem() == null ? "" : v.problem().name(),
                    v.message(), firstBad);
        }, reader);
    }

    private static AuditLine line(AuditRecord r) {
        return new AuditLine(r.seq(), r.at().toEpochMilli(), r.userId() == null ? 0 : r.userId(),
                r.username() == null ? "" : r.username(), r.action().name(), r.subject() == null ? "" : r.subject(),
                r.details() == null ? "" : r.details());
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public boolean submit(Command command) {
        return !closed && gateway.offer(signedIn, command);
    }

    @Override
    public void close() {
        closed = true;
        AutoCloseable s = subscription;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "risk desk: closing the event subscription failed", e);
            }
        }
        reader.shutdownNow();
    }
}
