package com.bourse.app.desktop;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.PasswordHasher;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SessionCredentials;
import com.bourse.backoffice.security.SignInService;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.ClusterVenueConfig;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Currency;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.ui.port.AccountView;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * What the desktop needs to trade live: the installation's back office (audit trail and the reference data it
 * imported, the same data the cluster was seeded with) and one {@link ClusterVenue} per signed-in window, opened
 * with the user's own name and password by challenge-response against the cluster's users ({@link LiveSignIn}).
 *
 * <p>The desktop holds no production secret. The local {@link Session}s its audited {@link CommandGateway} needs
 * are signed with a key made at random for this process alone: the cluster has never heard of it and accepts
 * nothing signed with it; who acts is the cluster session's user, proven by the password.
 *
 * <p>Reference data comes from the back-office store, not from the cluster: the store is where it is imported
 * and administered, the cluster is seeded from the same import ({@link ClusterSeed}), and the store also knows
 * account names the engine does not keep.
 *
 * <p>Thread-safe.
 */
public final class LiveHost implements AutoCloseable {
    private final DesktopConfig config;
    private final BackOffice office;
    private final SessionCredentials credentials;
    private final SignInService signIn;
    /** Each account's order ids start at the account number times this (as in simulation): none collide. */
    private static final long ORDER_IDS_PER_ACCOUNT = 1_000_000_000L;
    /** 2026-01-01T00:00:00Z: ids from a cluster that does not say an account's last id count hundredths from here. */
    private static final long ORDER_ID_EPOCH_MS = 1_767_225_600_000L;
    /** Per account, the highest order id this desktop has handed out or heard the cluster has seen. */
    private final ConcurrentHashMap<Long, AtomicLong> lastOrderIds = new ConcurrentHashMap<>();
    private volatile UnaryOperator<ClusterVenueConfig> venueSettings = UnaryOperator.identity();
    private volatile Scram.KdfParams verifierCost = Scram.KdfParams.OWASP;

    public LiveHost(DesktopConfig config) {
        this.config = config;
        // Signs this process's local sessions only (see the class comment); never leaves the process.
        byte[] secret = Scram.random(32);
        // Live refuses the public training passphrase; set up only in an empty folder.
        BackOffice.Options options = BackOffice.Options.defaults(config.dataDir(), config.passphrase().toCharArray())
                .forLive();
        this.office = BackOffice.openOrSetUp(options,
                () -> com.bourse.backoffice.importexport.SampleWorld.read(config.sampleData()));
        try {
            InstantSource clock = InstantSource.system();
            this.credentials = new SessionCredentials(secret, clock, options.sessionLifetime());
            this.signIn = new SignInService(office.store(), office.users(),
                    new PasswordHasher(options.passwordHashing()), credentials, office.audit(), clock);
        } catch (RuntimeException e) {
            office.close();
            throw e;
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }

    public BackOffice office() {
        return office;
    }

    /** The local back office's sign-in (its users and audit); live sign-in itself asks the cluster. */
    public SignInService signIn() {
        return signIn;
    }

    /**
     * The local session of a user the cluster has just signed in, for this desktop's audited command gateway;
     * it is no credential for the cluster (see the class comment).
     */
    Session localSession(long userId, String username, java.util.Set<com.bourse.protocol.Role> roles) {
        return credentials.issue(userId, username, roles);
    }

    /**
     * Opens a session with the production engine: the cluster checks the user's password by challenge-response
     * (the password never leaves this machine) and says who signed in, with which roles ({@code credentials}'
     * {@link ScramCredentials#userId()} and {@link ScramCredentials#roleMask()} once this returns).
     *
     * @throws com.bourse.cluster.client.CredentialRefusedException when the cluster refuses the sign-in
     */
    public ClusterVenue connect(ScramCredentials credentials) {
        return ClusterVenue.connect(venueSettings.apply(ClusterVenueConfig.of(config.cluster().ingressEndpoints(),
                credentials).withIdleStrategy("sleep")));
    }

    /** Where the production engine is, as the sign-in window names it. */
    public String clusterEndpoints() {
        return config.cluster().ingressEndpoints();
    }

    /** Adjusts the connections opened from now on (tests: a small egress term, so a stalled window is cut off). */
    void adjustVenues(UnaryOperator<ClusterVenueConfig> settings) {
        this.venueSettings = settings;
    }

    /** The Argon2id cost of the password verifiers an administrator makes here (live users' passwords). */
    public Scram.KdfParams verifierCost() {
        return verifierCost;
    }

    /** Tests: cheaper verifiers, so the users they create sign in quickly. */
    void verifierCost(Scram.KdfParams cost) {
        this.verifierCost = cost;
    }

    /** Audits each command as the signed-in person and hands it to that person's venue. */
    public CommandGateway commandGateway(ClusterVenue venue) {
        return new CommandGateway(office.audit(), credentials, command -> {
            if (!venue.submit(command)) {
                throw new IllegalStateException("the connection to the production engine is closed or busy");
            }
        });
    }

    public List<Currency> currencies() {
        return office.referenceData().currencies();
    }

    public List<Instrument> instruments() {
        return office.referenceData().instruments().stream().map(InstrumentLine::instrument).toList();
    }

    /** The accounts {@code userId} owns, as the back office has them. */
    public List<AccountView> accountsOf(long userId) {
        Map<String, Integer> digits = office.referenceData().minorDigits();
        return office.referenceData().accounts().stream().filter(a -> a.ownerUserId() == userId)
                .map(a -> view(a, digits)).toList();
    }

    private static AccountView view(AccountLine account, Map<String, Integer> digits) {
        long limit = FixedPoint.fromWhole(SimulationSession.EXPOSURE_LIMIT_UNITS,
                digits.getOrDefault(account.baseCurrency(), 2));
        return new AccountView(account.accountId(), account.name(), account.baseCurrency(), limit,
                EngineConfig.defaults().defaultLimits());
    }

    /**
     * A fresh order id for {@code accountId}: above every id the account has used, as far as the cluster's last
     * snapshot ({@link #orderIdsUsedUpTo}) and this desktop know. The engine accepts only ids strictly above the
     * account's last, and refuses an id another account has working, so each account counts in its own range
     * ({@code account × 10^9} up). Exact unless the same account trades from a second desktop at the same time;
     * the next snapshot (every reconnect) catches up with that.
     */
    public long newOrderId(long accountId) {
        return counter(accountId).incrementAndGet();
    }

    /**
     * The cluster says {@code accountId} has used ids up to {@code lastOrderId}: the ids this desktop hands out
     * from now on go above it (and above the account's range start).
     */
    public void orderIdsUsedUpTo(long accountId, long lastOrderId) {
        long floor = Math.max(lastOrderId, rangeStart(accountId));
        counter(accountId).accumulateAndGet(floor, Math::max);
    }

    /**
     * Before the cluster said (or when it is older than schema version 4 and cannot): ids follow the wall clock in
     * hundredths of a second since 2026, above an earlier run's unless it sent over a hundred orders a second.
     */
    private AtomicLong counter(long accountId) {
        return lastOrderIds.computeIfAbsent(accountId,
                id -> new AtomicLong((System.currentTimeMillis() - ORDER_ID_EPOCH_MS) / 10));
    }

    private static long rangeStart(long accountId) {
        return accountId > 0 && accountId < Long.MAX_VALUE / ORDER_IDS_PER_ACCOUNT
                ? accountId * ORDER_IDS_PER_ACCOUNT : 0;
    }

    @Override
    public void close() {
        office.close();
    }
}
