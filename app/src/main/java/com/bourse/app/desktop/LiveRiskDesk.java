package com.bourse.app.desktop;

import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.CommandOutbox;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.UserView;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.cluster.client.Backfill;
import com.bourse.cluster.client.Blotter;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.MarketState;
import com.bourse.protocol.wire.SessionMessage;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;
import com.bourse.ui.port.AccountExposure;
import com.bourse.ui.port.ControlImpact;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.port.RiskDesk;
import com.bourse.ui.port.RiskFeed;
import com.bourse.ui.port.RiskSnapshot;
import com.bourse.ui.port.TraderIdentity;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A risk officer's desk on the production cluster, over the officer's own {@link ClusterVenue} (the one their
 * window's {@link LiveSession} opened). The cluster routes every event to back-office sessions and answers their
 * market request with the desk's {@link Backfill}: every held order and transfer with its score, the score's parts,
 * the reason and rules and when it was held, the engaged kill switches and the halted instruments, all at one log
 * position with the feed subscribed at that very point; what follows comes from the events. A line for a new alert is
 * built from the {@code OrderAccepted} the engine sends just before it (kept for the latest orders heard), so
 * describing one costs no round trip.
 *
 * <p>From a cluster older than schema version 8 (no backfill) the queue at connect is derived from the blotter's
 * orders in status HELD (no score parts: score 0 and the generic reason), with no held transfers, kill switches or
 * halts. When the venue reconnects (a new leader, a new session) the events in between are lost, so the desk asks
 * for the state again and hands the feed a new snapshot at the answer's log position. Commands go through the
 * back office's audited gateway on its outbox worker, as the trader's do; one refused there is told to the feed,
 * so the officer reads why.
 *
 * <p>Thread-safe.
 */
public final class LiveRiskDesk implements RiskDesk {
    private static final System.Logger LOG = System.getLogger(LiveRiskDesk.class.getName());
    private static final long ANSWER_TIMEOUT_SECONDS = 15;
    /** Orders accepted lately, enough to describe an alert heard a moment after its order (venue thread writes). */
    private static final int RECENT_ACCEPTED = 10_000;

    private final LiveHost host;
    private final TraderIdentity officer;
    private final Session signedIn;
    private final ClusterVenue venue;
    private final CommandGateway gateway;
    private final CommandOutbox outbox;
    private final Map<Long, Instrument> instruments = new HashMap<>();
    private final Map<String, Integer> minorDigits;
    private final Map<Long, AccountLine> accounts = new HashMap<>();
    /** Venue thread writes, any thread reads: each accepted order as the engine first stated it. */
    private final Map<Long, Event.OrderAccepted> accepted = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Event.OrderAccepted> eldest) {
                    return size() > RECENT_ACCEPTED;
                }
            });
    private final Map<Long, Long> raisedAt = new ConcurrentHashMap<>();
    private volatile AutoCloseable subscription;
    private volatile AutoCloseable reconnection;
    private volatile RiskFeed feed;
    private volatile boolean closed;

    public LiveRiskDesk(LiveHost host, TraderIdentity officer, Session signedIn, ClusterVenue venue) {
        this.host = host;
        this.officer = officer;
        this.signedIn = signedIn;
        this.venue = venue;
        this.gateway = host.commandGateway(venue);
        this.outbox = host.office().commandOutbox();
        for (Instrument instrument : host.instruments()) {
            instruments.put(instrument.id(), instrument);
        }
        this.minorDigits = Map.copyOf(host.office().referenceData().minorDigits());
        for (AccountLine account : host.office().referenceData().accounts()) {
            accounts.put(account.accountId(), account);
        }
    }

    @Override
    public TraderIdentity officer() {
        return officer;
    }

    @Override
    public CompletableFuture<RiskSnapshot> connect(RiskFeed feed) {
        this.feed = feed;
        return venue.requestMarket(1, Backfill.Scope.RISK, state -> {
                    subscription = venue.subscribe(event -> {
                        remember(event);
                        feed.onEvent(event);
                    });
                    reconnection = venue.alsoOnReconnected(this::resync);
                })
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApply(this::snapshot);
    }

    /**
     * Venue thread, after a reconnect: the state again, handed to the feed at the answer's log position (before
     * any later event), so the queue drops what was decided in the gap and shows what was held in it.
     */
    private void resync() {
        RiskFeed target = feed;
        if (closed || target == null) {
            return;
        }
        venue.requestMarket(1, Backfill.Scope.RISK, state -> target.resynced(snapshot(state)))
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((state, failure) -> {
                    if (failure != null && !closed) {
                        LOG.log(System.Logger.Level.WARNING, "risk desk of " + officer.username()
                                + ": the state after the reconnect did not come; the queue may be stale", failure);
                    }
                });
    }

    /** Venue thread: what a later alert's line is built from. */
    private void remember(Event event) {
        switch (event) {
            case Event.OrderAccepted a -> accepted.put(a.orderId(), a);
            case Event.RiskAlert a -> raisedAt.putIfAbsent(a.subjectId(), System.currentTimeMillis());
            default -> {
            }
        }
    }

    private RiskSnapshot snapshot(MarketState state) {
        Backfill backfill = state.backfill();
        List<ReviewItem> held = new ArrayList<>();
        if (backfill.known()) {
            for (SessionMessage.HeldOrder o : backfill.heldOrders()) {
                SessionMessage.Review r = o.review();
                held.add(orderItem(o.orderId(), o.accountId(), o.userId(), o.instrumentId(), o.side(), o.quantity(),
                        o.price(), r.scoreBps(), r.amountBps(), r.frequencyBps(), r.patternBps(), r.reason(),
                        r.ruleMask(), r.heldAt()));
            }
            for (SessionMessage.HeldTransfer t : backfill.heldTransfers()) {
                held.add(transferItem(t.transferId(), t.kind(), t.fromAccountId(), t.toAccountId(), t.asset(),
                        t.amount(), t.review().scoreBps(), t.review().amountBps(), t.review().frequencyBps(),
                        t.review().patternBps(), t.review().reason(), t.review().ruleMask(), t.review().heldAt()));
            }
            held.sort(Comparator.comparingLong(ReviewItem::raisedAt));
        } else {
            for (WorkingOrder order : state.blotter().orders()) {
                if ("HELD".equals(order.status())) {
                    held.add(orderItem(order.orderId(), order.accountId(), order.userId(), order.instrumentId(),
                            order.side(), order.leaves(), order.price(), 0, 0, 0, 0, ErrorCode.HIGH_RISK_TRANSACTION,
                            0, 0));
                }
            }
        }
        Set<Long> killSwitches = Set.copyOf(backfill.killSwitches());
        RiskLimits defaults = EngineConfig.defaults().defaultLimits();
        List<RiskSnapshot.RiskAccount> rows = new ArrayList<>();
        for (AccountLine account : accounts.values().stream().sorted(Comparator.comparingLong(AccountLine::accountId))
                .toList()) {
            RiskLimits limits = host.office().risk().controls(account.accountId()).map(c -> c.limits())
                    .orElse(defaults);
            rows.add(new RiskSnapshot.RiskAccount(account.accountId(), account.name(), account.ownerUserId(),
                    account.baseCurrency(), limits, killSwitches.contains(account.accountId())));
        }
        Map<Long, String> users = new HashMap<>();
        for (UserView user : host.office().users().all()) {
            users.put(user.userId(), user.displayName());
        }
        return new RiskSnapshot(held, rows, Set.copyOf(backfill.haltedInstruments()), users);
    }

    private ReviewItem orderItem(long orderId, long accountId, long userId, long instrumentId, Side side, long quantity,
                                 long price, int score, int amount, int frequency, int pattern, ErrorCode reason,
                                 int ruleMask, long raised) {
        Instrument instrument = instruments.get(instrumentId);
        long notional = 0;
        String currency = "";
        if (instrument != null) {
            currency = instrument.currency();
            notional = FixedPoint.rescale(Math.multiplyExact(price, quantity), instrument.priceScale(),
                    minorDigits.getOrDefault(currency, 2), RoundingMode.HALF_EVEN);
        }
        return new ReviewItem(ReviewSubject.ORDER, orderId, accountId, userId, ownerOf(accountId), instrumentId, side,
                quantity, price, notional, currency, "", score, amount, frequency, pattern, reason, ruleMask, raised);
    }

    private ReviewItem transferItem(long transferId, com.bourse.protocol.TransferKind kind, long from, long to,
                                    String asset, long amount, int score, int amountBps, int frequency, int pattern,
                                    ErrorCode reason, int ruleMask, long raised) {
        long account = from != 0 ? from : to;
        String description = kind.name() + (from != 0 ? " from " + from : "") + (to != 0 ? " to " + to : "");
        return new ReviewItem(ReviewSubject.TRANSFER, transferId, account, ownerOf(account), ownerOf(account), 0, null,
                amount, 0, amount, asset, description, score, amountBps, frequency, pattern, reason, ruleMask, raised);
    }

    private long ownerOf(long accountId) {
        AccountLine account = accounts.get(accountId);
        return account == null ? -1 : account.ownerUserId();
    }

    @Override
    public CompletableFuture<Optional<ReviewItem>> describe(Event.RiskAlert alert, Event.TransferStateChanged transfer) {
        long raised = raisedAt.getOrDefault(alert.subjectId(), System.currentTimeMillis());
        raisedAt.remove(alert.subjectId());
        if (alert.subject() == ReviewSubject.TRANSFER) {
            if (transfer == null) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return CompletableFuture.completedFuture(Optional.of(transferItem(transfer.transferId(), transfer.kind(),
                    transfer.fromAccountId(), transfer.toAccountId(), transfer.asset(), transfer.amount(),
                    alert.scoreBps(), alert.amountBps(), alert.frequencyBps(), alert.patternBps(), alert.reason(),
                    alert.ruleMask(), raised)));
        }
        Event.OrderAccepted order = accepted.get(alert.subjectId());
        if (order != null) {
            return CompletableFuture.completedFuture(Optional.of(item(order, alert, raised)));
        }
        // Not heard lately (an amended order held again): the cluster's blotter says how it stands now.
        return venue.requestBlotter().orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApply(blotter -> blotter.orders().stream()
                        .filter(o -> o.orderId() == alert.subjectId() && "HELD".equals(o.status())).findFirst()
                        .map(o -> orderItem(o.orderId(), o.accountId(), o.userId(), o.instrumentId(), o.side(),
                                o.leaves(), o.price(), alert.scoreBps(), alert.amountBps(), alert.frequencyBps(),
                                alert.patternBps(), alert.reason(), alert.ruleMask(), raised)));
    }

    private ReviewItem item(Event.OrderAccepted order, Event.RiskAlert alert, long raised) {
        return orderItem(order.orderId(), order.accountId(), order.userId(), order.instrumentId(), order.side(),
                order.quantity(), order.price(), alert.scoreBps(), alert.amountBps(), alert.frequencyBps(),
                alert.patternBps(), alert.reason(), alert.ruleMask(), raised);
    }

    @Override
    public CompletableFuture<AccountExposure> exposure(long accountId) {
        return venue.requestBlotter().orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS).thenApply(blotter -> {
            Map<String, Long> balances = new HashMap<>();
            for (var balance : blotter.balances()) {
                if (balance.accountId() == accountId) {
                    balances.put(balance.asset(), balance.balance());
                }
            }
            List<Instrument> byId = instruments.values().stream().sorted(Comparator.comparingLong(Instrument::id))
                    .toList();
            return AccountExposure.fromBook(accountId, byId, asset -> balances.getOrDefault(asset, 0L),
                    blotter.orders());
        });
    }

    @Override
    public CompletableFuture<ControlImpact> impact(List<Long> accountIds, long instrumentId) {
        return venue.requestBlotter().orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApply(blotter -> ControlImpact.of(blotter.orders(), accountIds, instrumentId));
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    /**
     * Hands the command to the back office's outbox (audited, then sent on its worker); a refusal there is logged
     * and told to the feed, which says it to the officer.
     */
    @Override
    public boolean submit(Command command) {
        return !closed && outbox.offer(gateway, signedIn, command, refusal -> {
            LOG.log(System.Logger.Level.WARNING, "risk desk of " + officer.username() + ": "
                    + command.getClass().getSimpleName() + " was not sent: " + refusal.reason());
            RiskFeed target = feed;
            if (target != null) {
                target.notSent(command, refusal.reason());
            }
        });
    }

    /** Stops the feed; the venue belongs to the window's {@link LiveSession}, which closes it. */
    @Override
    public void close() {
        closed = true;
        for (AutoCloseable s : new AutoCloseable[]{subscription, reconnection}) {
            if (s != null) {
                try {
                    s.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "live risk desk: closing its feed failed", e);
                }
            }
        }
    }
}
