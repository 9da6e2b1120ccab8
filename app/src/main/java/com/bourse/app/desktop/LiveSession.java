package com.bourse.app.desktop;

import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.CommandOutbox;
import com.bourse.backoffice.security.Session;
import com.bourse.cluster.client.Backfill;
import com.bourse.cluster.client.Blotter;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.cluster.client.MarketState;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.protocol.wire.SessionMessage;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.ConnectionState;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.port.VenueMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A trader's session with the production engine: one {@link ClusterVenue} opened with the credential the back
 * office issued at sign-in, the back office's reference data and the trader's accounts, and every command
 * through the store's audited {@link CommandGateway}, on the back office's {@link CommandOutbox} worker (never on
 * the caller's FX thread; a command it did not send comes back to the window as a notice).
 *
 * <p>{@link #connect} asks the cluster for the books' depth and the trader's blotter at one log position and
 * subscribes the feed at that very point on the venue thread, so nothing is missed or doubled. When the venue
 * opens a new session or follows a new leader, events sent meanwhile are lost: the session asks again and
 * {@linkplain MarketFeed#reload reloads} the window from the answer. A command the cluster never acknowledged
 * (venue closed, credential refused on reconnect) is reported to the window as a notice.
 *
 * <p>Thread-safe.
 */
public final class LiveSession implements TradingSession {
    static final int DEPTH_LEVELS = 2_000;
    private static final long ANSWER_TIMEOUT_SECONDS = 15;
    private static final int FIRST_LOAD_ATTEMPTS = 3;

    private final LiveHost host;
    private final TraderIdentity trader;
    private final Session signedIn;
    private final ClusterVenue venue;
    private final CommandGateway gateway;
    private final CommandOutbox outbox;
    private final Runnable signOut;
    private final List<AccountView> accounts;
    private final Set<Long> accountIds;
    private volatile MarketFeed feed;
    private volatile boolean closed;
    /** Set on the venue thread once the feed follows the events from the first snapshot on. */
    private volatile boolean following;

    /**
     * @param venue   this window's connection, opened with {@code signedIn}'s credential; the session closes it
     * @param signOut runs once when the session closes (audits the sign-out)
     */
    public LiveSession(LiveHost host, TraderIdentity trader, Session signedIn, ClusterVenue venue, Runnable signOut) {
        this.host = host;
        this.trader = trader;
        this.signedIn = signedIn;
        this.venue = venue;
        this.gateway = host.commandGateway(venue);
        this.outbox = host.office().commandOutbox();
        this.signOut = signOut;
        this.accounts = host.accountsOf(trader.userId());
        this.accountIds = accounts.stream().map(AccountView::accountId).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public TraderIdentity trader() {
        return trader;
    }

    @Override
    public VenueMode mode() {
        return VenueMode.LIVE;
    }

    @Override
    public ConnectionState connectionState() {
        if (closed) {
            return ConnectionState.DISCONNECTED;
        }
        return venue.isConnected() ? ConnectionState.CONNECTED : ConnectionState.CONNECTING;
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
    public List<AccountView> accounts() {
        return accounts;
    }

    @Override
    public long newOrderId(long accountId) {
        return host.newOrderId(accountId);
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    /** Hands the command to the outbox and returns at once; see {@link TradingSession#submit}. */
    @Override
    public boolean submit(Command command) {
        return !closed && outbox.offer(gateway, signedIn, command,
                refusal -> UnsentCommands.tell(feed, refusal));
    }

    @Override
    public CompletableFuture<MarketSnapshot> connect(MarketFeed marketFeed) {
        this.feed = marketFeed;
        venue.onOutcome(new CommandOutcomeListener() {
            @Override
            public void acknowledged(Command command, long logPosition) {
            }

            @Override
            public void failed(Command command, String reason) {
                marketFeed.notice(UnsentCommands.describe(command) + " did not reach the production engine: "
                        + reason);
            }
        });
        venue.onReconnected(this::resync);
        return firstLoad(marketFeed, FIRST_LOAD_ATTEMPTS);
    }

    /**
     * The window's starting state, and the feed subscribed at exactly its position. The cluster may close a session
     * it has only just opened (its answer found the egress not yet connected): the venue opens another and the
     * request failed unanswered, so it is asked again. A request that timed out is not: its answer may still come.
     */
    private CompletableFuture<MarketSnapshot> firstLoad(MarketFeed marketFeed, int attempts) {
        return venue.requestMarket(DEPTH_LEVELS, Backfill.Scope.RISK_AND_DAY_FILLS, state -> {
                    learnOrderIds(state.blotter());
                    venue.subscribe(marketFeed);
                    following = true;
                })
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApply(this::snapshot)
                .exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    boolean unanswered = !(cause instanceof TimeoutException) && !following;
                    return attempts > 1 && unanswered && !closed
                            ? firstLoad(marketFeed, attempts - 1) : CompletableFuture.failedFuture(failure);
                });
    }

    /** New order ids go above what each of the trader's accounts has used, whichever desktop used it. */
    private void learnOrderIds(Blotter blotter) {
        for (AccountView account : accounts) {
            blotter.lastOrderId(account.accountId())
                    .ifPresent(last -> host.orderIdsUsedUpTo(account.accountId(), last));
        }
    }

    /** On the venue thread after a reconnect: ask again and replace the window's state at the answer. */
    private void resync() {
        MarketFeed current = feed;
        if (current == null || closed || !following) {
            return; // before the first load completes, that load asks again itself
        }
        venue.requestMarket(DEPTH_LEVELS, Backfill.Scope.RISK_AND_DAY_FILLS, state -> {
                    learnOrderIds(state.blotter());
                    current.reload(snapshot(state));
                })
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((state, failure) -> {
                    if (failure != null && !closed) {
                        current.notice("Could not reload the blotter after reconnecting (" + failure.getMessage()
                                + "); trying again");
                        resync();
                    }
                });
    }

    /**
     * The cluster's answer as the window's snapshot: the trader's accounts only, books per instrument; from a
     * cluster that keeps them (schema version 8), today's fills and movements of those accounts (so positions'
     * average cost and realised P&L are those of before a restart) and why each held order waits.
     */
    MarketSnapshot snapshot(MarketState state) {
        Map<Long, List<BookLevel>> bids = new HashMap<>();
        Map<Long, List<BookLevel>> asks = new HashMap<>();
        for (SessionMessage.DepthLevel level : state.levels()) {
            (level.side() == Side.BUY ? bids : asks).computeIfAbsent(level.instrumentId(), id -> new ArrayList<>())
                    .add(new BookLevel(level.price(), level.quantity(), level.orderCount()));
        }
        Map<Long, MarketSnapshot.Book> books = new HashMap<>();
        for (SessionMessage.LastTrade last : state.lastTrades()) {
            books.put(last.instrumentId(), new MarketSnapshot.Book(bids.getOrDefault(last.instrumentId(), List.of()),
                    asks.getOrDefault(last.instrumentId(), List.of()), last.price(), List.of()));
        }
        List<com.bourse.protocol.WorkingOrder> orders = state.blotter().orders().stream()
                .filter(o -> accountIds.contains(o.accountId())).toList();
        List<MarketSnapshot.Balance> balances = state.blotter().balances().stream()
                .filter(b -> accountIds.contains(b.accountId()))
                .map(b -> new MarketSnapshot.Balance(b.accountId(), b.asset(), b.balance(), b.held())).toList();
        Backfill backfill = state.backfill();
        if (!backfill.known()) {
            return new MarketSnapshot(books, orders, balances);
        }
        List<MarketSnapshot.Step> history = new ArrayList<>();
        for (SessionMessage.DayStep step : backfill.steps()) {
            if (!accountIds.contains(step.accountId())) {
                continue;
            }
            history.add(step.isFill()
                    ? new MarketSnapshot.Fill(step.tradeId(), step.time(), step.orderId(), step.accountId(),
                    step.instrumentId(), step.side(), step.price(), step.quantity(), step.maker(), step.leaves())
                    : new MarketSnapshot.Transfer(step.time(), step.accountId(), step.instrumentId(), step.quantity(),
                    step.price()));
        }
        List<MarketSnapshot.Held> held = backfill.heldOrders().stream()
                .filter(o -> accountIds.contains(o.accountId()))
                .map(o -> new MarketSnapshot.Held(o.orderId(), o.accountId(), o.review().reason(),
                        o.review().heldAt())).toList();
        return new MarketSnapshot(books, orders, balances, history, true, held);
    }

    /**
     * Nothing kept: the clustered service records why held orders wait and the day's fills ({@code service.DeskRecord}),
     * not each order's steps, so a live window's order history is what the window heard since it opened (its history
     * view says so).
     */
    @Override
    public CompletableFuture<com.bourse.ui.port.KeptHistory> orderHistory(long accountId, long orderId) {
        return CompletableFuture.completedFuture(com.bourse.ui.port.KeptHistory.NOT_KEPT);
    }

    /** Submit to the cluster's acknowledgement of the last command, as the venue measured it (0 before one). */
    @Override
    public long lastLatencyNanos() {
        return venue.lastLatencyNanos();
    }

    /** This window's connection to the cluster (tests look at it). */
    ClusterVenue venue() {
        return venue;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            venue.close();
        } finally {
            signOut.run();
        }
    }
}
