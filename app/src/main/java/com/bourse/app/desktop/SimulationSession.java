package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.CommandOutbox;
import com.bourse.backoffice.security.Session;
import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.ConnectionState;
import com.bourse.ui.port.KeptHistory;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.port.VenueMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A trader's session on the simulation's embedded venue: the sample reference data, the trader's sample
 * accounts, and an event stream that starts exactly at a snapshot. What the trader sends goes through the
 * store's {@link CommandGateway} with the signed-in {@link Session}, so it is checked and audited as that
 * person before it reaches the venue; that happens on the back office's {@link CommandOutbox} worker, never on
 * the caller's (FX) thread, and a command it did not send comes back to the window as a notice. The snapshot is
 * taken on the engine
 * thread and the listener is subscribed in the same step, so no event falls between them.
 *
 * <p>Thread-safe.
 */
public final class SimulationSession implements TradingSession {
    /** The desk's gross exposure limit per account in the sample world, in whole units of its currency. */
    static final long EXPOSURE_LIMIT_UNITS = 500_000;
    private static final System.Logger LOG = System.getLogger(SimulationSession.class.getName());
    private static final int DEPTH_LEVELS = 2_000;
    /** As many refused orders as a window's blotter lists (DeskState keeps the newest 50). */
    private static final int REFUSED_ROWS = 50;
    /** How long a read of the store waits for its projections to hold the window's snapshot. */
    private static final java.time.Duration STORE_CATCH_UP = java.time.Duration.ofSeconds(30);

    private final SimulationHost host;
    private final TraderIdentity trader;
    private final Session signedIn;
    private final CommandGateway gateway;
    private final CommandOutbox outbox;
    private final Runnable signOut;
    private final List<AccountView> accounts;
    private final StoredOrders stored;
    private volatile AutoCloseable subscription;
    private volatile MarketFeed feed;
    private volatile boolean closed;
    /** The journal sequence the window's snapshot was taken at; -1 before {@link #connect}. */
    private volatile long connectedAtSeq = -1;

    /** @param signOut runs once when the session closes (audits the sign-out) */
    public SimulationSession(SimulationHost host, TraderIdentity trader, Session signedIn, CommandGateway gateway,
                             Runnable signOut) {
        this.host = host;
        this.trader = trader;
        this.signedIn = signedIn;
        this.gateway = gateway;
        this.outbox = host.office().commandOutbox();
        this.signOut = signOut;
        SampleWorld data = host.data();
        Map<String, Integer> digits = new HashMap<>();
        data.currencies().forEach(c -> digits.put(c.code(), c.minorDigits()));
        List<AccountView> mine = new ArrayList<>();
        for (SampleWorld.SampleAccount account : data.accounts()) {
            if (account.ownerUsername().equals(trader.username())) {
                long limit = FixedPoint.fromWhole(EXPOSURE_LIMIT_UNITS, digits.getOrDefault(account.baseCurrency(), 2));
                mine.add(new AccountView(account.accountId(), account.name(), account.baseCurrency(), limit,
                        EngineConfig.defaults().defaultLimits()));
            }
        }
        this.accounts = List.copyOf(mine);
        this.stored = new StoredOrders(host.office().orders());
    }

    @Override
    public TraderIdentity trader() {
        return trader;
    }

    @Override
    public VenueMode mode() {
        return VenueMode.SIMULATION;
    }

    @Override
    public ConnectionState connectionState() {
        return closed ? ConnectionState.DISCONNECTED : ConnectionState.CONNECTED;
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
        return !closed && outbox.offer(gateway, signedIn, command, refusal -> UnsentCommands.tell(feed, refusal));
    }

    @Override
    public CompletableFuture<MarketSnapshot> connect(MarketFeed sink) {
        this.feed = sink;
        return host.venue().query(engine -> {
            MarketSnapshot snapshot = snapshot(engine);
            // Inside a query every applied command is committed and its events told: the window hears exactly the
            // commands after this one.
            connectedAtSeq = host.office().desk().journal().committedSeq();
            subscription = host.venue().subscribe(host.reviewNotes().tellingReasons(sink));
            return snapshot;
        }).thenApplyAsync(snapshot -> withRefusals(withHoldReasons(snapshot)), host.storeReads());
    }

    /**
     * The store's steps of the order up to the window's snapshot, on the host's store reader once the projections
     * hold that snapshot's commands (the steps after it are the events the window hears).
     */
    @Override
    public CompletableFuture<KeptHistory> orderHistory(long accountId, long orderId) {
        long upTo = connectedAtSeq;
        if (upTo < 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("the window is not connected yet"));
        }
        return CompletableFuture.supplyAsync(() -> {
            awaitStore(upTo);
            return stored.history(accountId, orderId, upTo);
        }, host.storeReads());
    }

    /**
     * The snapshot with the trader's orders the engine refused at entry today, as the store holds them up to the
     * snapshot (after a restart too): the blotter lists them as REJECTED with the reason, as it lists a refusal it
     * hears. A store that does not catch up in time gives the snapshot without them.
     */
    private MarketSnapshot withRefusals(MarketSnapshot snapshot) {
        long upTo = connectedAtSeq;
        if (!host.office().desk().projections().awaitCommitted(upTo, STORE_CATCH_UP)) {
            return snapshot;
        }
        java.time.LocalDate today = java.time.LocalDate.now(host.office().store().config().tradingZone());
        List<MarketSnapshot.Refused> refused = new ArrayList<>();
        try {
            for (AccountView account : accounts) {
                refused.addAll(stored.refused(account.accountId(), today, REFUSED_ROWS));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the store's refused orders could not be read: the window opens"
                    + " without them", e);
            return snapshot;
        }
        refused.sort(java.util.Comparator.comparingLong(MarketSnapshot.Refused::time));
        return refused.isEmpty() ? snapshot : snapshot.withRefused(refused.subList(
                Math.max(0, refused.size() - REFUSED_ROWS), refused.size()));
    }

    private void awaitStore(long seq) {
        if (!host.office().desk().projections().awaitCommitted(seq, STORE_CATCH_UP)) {
            throw new IllegalStateException("the store has not caught up with the journal (command " + seq
                    + ") within " + STORE_CATCH_UP.toSeconds() + " s");
        }
    }

    /**
     * The snapshot with why each of its held orders waits, read from the store's order history (off the engine's
     * thread: the engine keeps no reasons). A window opened after the hold, or after a restart, then says "Large
     * amount: held for a risk officer" like the window that saw it happen; an order held too recently for the
     * projections to hold it yet shows no reason, as before.
     */
    private MarketSnapshot withHoldReasons(MarketSnapshot snapshot) {
        List<MarketSnapshot.Held> held = new ArrayList<>();
        for (com.bourse.protocol.WorkingOrder order : snapshot.workingOrders()) {
            if (!"HELD".equals(order.status())) {
                continue;
            }
            host.office().orders().byOrderId(order.accountId(), order.orderId())
                    .flatMap(line -> host.office().orders().history(line.entrySeq()).stream()
                            .filter(e -> "HELD".equals(e.kind()))
                            .reduce((first, second) -> second))
                    .flatMap(event -> reasonOf(event.reason())
                            .map(reason -> new MarketSnapshot.Held(order.orderId(), order.accountId(), reason,
                                    event.at().toEpochMilli())))
                    .ifPresent(held::add);
        }
        return held.isEmpty() ? snapshot : new MarketSnapshot(snapshot.books(), snapshot.workingOrders(),
                snapshot.balances(), snapshot.history(), snapshot.historyKnown(), held, snapshot.refused());
    }

    private static java.util.Optional<com.bourse.protocol.ErrorCode> reasonOf(String name) {
        try {
            return java.util.Optional.of(com.bourse.protocol.ErrorCode.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    private MarketSnapshot snapshot(Engine engine) {
        Map<Long, MarketSnapshot.Book> books = new HashMap<>();
        for (Instrument i : engine.instruments()) {
            books.put(i.id(), new MarketSnapshot.Book(engine.depth(i.id(), Side.BUY, DEPTH_LEVELS),
                    engine.depth(i.id(), Side.SELL, DEPTH_LEVELS), engine.lastTradePrice(i.id()),
                    host.trades().recent(i.id())));
        }
        List<com.bourse.protocol.WorkingOrder> orders = new ArrayList<>();
        List<MarketSnapshot.Balance> balances = new ArrayList<>();
        for (AccountView account : accounts) {
            orders.addAll(engine.workingOrders(account.accountId()));
            for (String asset : engine.assets()) {
                long balance = engine.balance(account.accountId(), asset);
                long held = engine.held(account.accountId(), asset);
                if (balance != 0 || held != 0) {
                    balances.add(new MarketSnapshot.Balance(account.accountId(), asset, balance, held));
                }
            }
        }
        List<Long> accountIds = accounts.stream().map(AccountView::accountId).toList();
        return new MarketSnapshot(books, orders, balances, host.trades().history(accountIds), true);
    }

    @Override
    public long lastLatencyNanos() {
        return host.venue().lastLatencyNanos();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        signOut.run();
        AutoCloseable s = subscription;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
