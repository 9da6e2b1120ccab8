package com.bourse.cluster.client;

import com.bourse.cluster.identity.IdentityCodec;
import com.bourse.cluster.movement.MovementCodec;
import com.bourse.cluster.movement.MovementQuery;
import com.bourse.cluster.movement.MovementRow;
import com.bourse.cluster.movement.MovementStepRow;
import com.bourse.cluster.movement.Movements;
import com.bourse.cluster.statement.PostingRow;
import com.bourse.cluster.statement.Postings;
import com.bourse.cluster.statement.StatementCodec;
import com.bourse.cluster.statement.StatementQuery;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.identity.SessionTokens;
import com.bourse.cluster.identity.UserAdminRequest;
import com.bourse.cluster.identity.UserListing;
import com.bourse.cluster.service.EngineClusteredService;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Venue;
import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.wire.CommandCodec;
import com.bourse.protocol.wire.EventCodec;
import com.bourse.protocol.wire.SessionCodec;
import com.bourse.protocol.wire.SessionMessage;
import com.bourse.protocol.wire.WireFormat;
import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.cluster.codecs.EventCode;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.Header;
import io.aeron.security.AuthenticationException;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The production engine as a {@link Venue}: commands go to the Aeron Cluster over UDP, events come back on the
 * venue's own thread. The desktop cannot tell it from the embedded engine.
 *
 * <p>Every command gets a correlation id (1, 2, 3... under this venue's client id) and stays pending until the
 * cluster acknowledges it. When the leader changes or the session has to be re-established, every pending command
 * is sent again in order; the cluster applies an id at most once and answers a repeat with "already applied",
 * so a command is never lost silently and never applied twice. Each command's fate reaches the
 * {@link CommandOutcomeListener} exactly once; a command the cluster refused also reaches the event listeners as
 * an {@code OrderRejected} or {@code CommandRejected}. Events sent while this client was cut off are not replayed:
 * after {@link #leaderChanges()} moves (or {@link #onReconnected} fires), {@link #requestBlotter()} resyncs working
 * orders and balances, {@link #requestMarket} the books too.
 *
 * <p>A new session (the old one closed, the node restarted) signs in with the session token the cluster issued at
 * the first sign-in, not the password (see {@link ScramCredentials}); while connected the venue renews that token
 * well before it expires, so a window open all day reconnects without asking again, until the session's limit.
 *
 * <p>{@link #submit} and {@link #subscribe} are thread-safe; listeners run on the venue thread.
 */
public final class ClusterVenue implements Venue {
    /** Errors of the venue thread, its embedded media driver and Aeron client: logged, never printed raw. */
    private static final System.Logger LOG = System.getLogger(ClusterVenue.class.getName());

    private static final long KEEP_ALIVE_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long RECONNECT_BACKOFF_NS = TimeUnit.MILLISECONDS.toNanos(500);
    /** No ack for this long while commands are pending: send them again (the cluster skips what it applied). */
    private static final long ACK_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);
    /** How long the cluster's egress stream may be gone before the session is taken for closed. */
    private static final long EGRESS_GONE_NS = TimeUnit.MILLISECONDS.toNanos(500);
    /** A session token is renewed once this much of its life is left; a refused renewal is asked again after a while. */
    private static final long RENEW_TOKEN_WHEN_LEFT_MS = SessionTokens.TTL_MS * 2 / 3;
    private static final long RENEW_TOKEN_RETRY_MS = 30_000;
    /** Silence, with commands waiting, after which the session is taken for closed: two unanswered resend rounds. */
    private static final long SILENT_SESSION_NS = 2 * ACK_TIMEOUT_NS + TimeUnit.MILLISECONDS.toNanos(500);

    private final ClusterVenueConfig config;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final ScramCredentials credentials;
    private final ManyToOneConcurrentArrayQueue<Object> inbox = new ManyToOneConcurrentArrayQueue<>(1 << 16);
    private final CopyOnWriteArrayList<EventSink> listeners = new CopyOnWriteArrayList<>();
    private final VenueAgent agent;
    private final AgentRunner runner;
    private volatile CommandOutcomeListener outcomes = CommandOutcomeListener.NONE;
    private final CopyOnWriteArrayList<CommandOutcomeListener> alsoOutcomes = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile int leaderMemberId = -1;
    private volatile long leaderChanges;
    private volatile boolean linkUp;
    private volatile Runnable reconnected = () -> { };
    /** Further windows on the same venue (a risk desk beside the trader's session), each resyncing its own view. */
    private final CopyOnWriteArrayList<Runnable> alsoReconnected = new CopyOnWriteArrayList<>();
    private volatile long lastLatencyNanos;
    private volatile String lastRefusal = "";

    private ClusterVenue(ClusterVenueConfig config) {
        this.config = config;
        this.credentials = config.credentials();
        MediaDriver launched = null;
        Aeron client = null;
        try {
            String directory = config.aeronDirectoryName();
            if (directory == null) {
                launched = MediaDriver.launchEmbedded(new MediaDriver.Context()
                        .aeronDirectoryName(new File(System.getProperty("java.io.tmpdir"),
                                "bourse-venue-" + Long.toHexString(config.clientId())).getAbsolutePath())
                        .threadingMode(ThreadingMode.SHARED)
                        .termBufferSparseFile(true)
                        .publicationTermBufferLength(256 * 1024)
                        .ipcTermBufferLength(256 * 1024)
                        .initialWindowLength(config.receiveWindowLength())
                        .socketRcvbufLength(config.receiveWindowLength())
                        .socketSndbufLength(config.receiveWindowLength())
                        .dirDeleteOnStart(true)
                        .dirDeleteOnShutdown(true)
                        .errorHandler(ClusterVenue::logError));
                directory = launched.aeronDirectoryName();
            }
            client = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory).errorHandler(ClusterVenue::logError));
            this.driver = launched;
            this.aeron = client;
            this.agent = new VenueAgent();
            agent.connect();
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(client, launched);
            throw e;
        }
        this.runner = new AgentRunner(idle(config.idleStrategy()), ClusterVenue::logError, null, agent);
        AgentRunner.startOnThread(runner);
    }

    /**
     * Connects to the cluster and starts the venue thread; returns once the session is open.
     *
     * @throws CredentialRefusedException when the cluster refuses the credential, with its reason
     */
    public static ClusterVenue connect(ClusterVenueConfig config) {
        return new ClusterVenue(config);
    }

    @Override
    public boolean submit(Command command) {
        return !closed && command != null && inbox.offer(new Submission(command, System.nanoTime()));
    }

    @Override
    public AutoCloseable subscribe(EventSink listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Who hears each command's fate; replaces the previous listener. */
    public void onOutcome(CommandOutcomeListener listener) {
        this.outcomes = listener == null ? CommandOutcomeListener.NONE : listener;
    }

    /**
     * Like {@link #onOutcome}, for one more view of this venue (a back-office desk beside the window's session):
     * hears every command's fate after that listener, on the venue thread, until the handle is closed.
     */
    public AutoCloseable alsoOnOutcome(CommandOutcomeListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        alsoOutcomes.add(listener);
        return () -> alsoOutcomes.remove(listener);
    }

    private void acknowledged(Command command, long logPosition) {
        outcomes.acknowledged(command, logPosition);
        for (CommandOutcomeListener listener : alsoOutcomes) {
            try {
                listener.acknowledged(command, logPosition);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a command outcome listener failed", e);
            }
        }
    }

    private void failedOutcome(Command command, String reason) {
        outcomes.failed(command, reason);
        for (CommandOutcomeListener listener : alsoOutcomes) {
            try {
                listener.failed(command, reason);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a command outcome listener failed", e);
            }
        }
    }

    /**
     * Asks the cluster about cash movements ({@link MovementQuery}: those in a state, or one movement's history);
     * completes with its answer as of one log position, or exceptionally ({@link RequestRefusedException}) with the cluster's reason when the
     * session may not ask that (another user's account), or when the session went before the answer came.
     */
    public CompletableFuture<Movements> requestMovements(MovementQuery query) {
        CompletableFuture<Movements> answer = new CompletableFuture<>();
        if (closed || !inbox.offer(new MovementAsk(query, answer))) {
            answer.completeExceptionally(new IllegalStateException("venue closed or busy"));
        }
        return answer;
    }

    /**
     * Asks the cluster for an account's postings of one asset in a window of business time ({@link StatementQuery});
     * completes with its answer as of one log position, or exceptionally ({@link RequestRefusedException}) with the
     * cluster's reason when the session may not ask that (another user's account), or when the session went before
     * the answer came.
     */
    public CompletableFuture<Postings> requestStatement(StatementQuery query) {
        CompletableFuture<Postings> answer = new CompletableFuture<>();
        if (closed || !inbox.offer(new StatementAsk(query, answer))) {
            answer.completeExceptionally(new IllegalStateException("venue closed or busy"));
        }
        return answer;
    }

    /**
     * An administrator's change to a live user; completes with the cluster's reply (done, or refused with the
     * reason). Only a session of an enabled administrator (or the bootstrap session) gets DONE.
     */
    public CompletableFuture<IdentityCodec.Reply> administer(UserAdminRequest request) {
        CompletableFuture<IdentityCodec.Reply> answer = new CompletableFuture<>();
        if (closed || !inbox.offer(new AdminAsk(request, answer))) {
            answer.completeExceptionally(new IllegalStateException("venue closed or busy"));
        }
        return answer;
    }

    /**
     * The cluster's live users by id, as its replicated directory has them now (no verifier). Only a session of an
     * enabled administrator gets them; any other completes exceptionally with a {@link RequestRefusedException}
     * carrying the cluster's reason.
     */
    public CompletableFuture<List<UserListing>> listUsers() {
        CompletableFuture<List<UserListing>> answer = new CompletableFuture<>();
        if (closed || !inbox.offer(new UserListAsk(answer))) {
            answer.completeExceptionally(new IllegalStateException("venue closed or busy"));
        }
        return answer;
    }

    /**
     * Asks the cluster for a fresh session token for this venue's reconnects (the venue also does so by itself
     * while connected, well before the one it holds expires); completes with the new token's expiry (epoch ms), or
     * exceptionally with the cluster's reason. The token stays in memory, in the venue's credentials.
     */
    public CompletableFuture<Long> renewSessionToken() {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        if (closed || !inbox.offer(new TokenAsk(answer))) {
            answer.completeExceptionally(new IllegalStateException("venue closed or busy"));
        }
        return answer;
    }

    /**
     * Why the cluster last refused or could not read a message of this venue ("" before any): it answers such a
     * message with a reason instead of ignoring it.
     */
    public String lastRefusal() {
        return lastRefusal;
    }

    /** The working orders and balances the signed-in user may see, as the cluster has them now. */
    public CompletableFuture<Blotter> requestBlotter() {
        CompletableFuture<Blotter> answer = new CompletableFuture<>();
        if (closed || !inbox.offer(new BlotterAsk(answer))) {
            answer.completeExceptionally(new IllegalStateException("venue closed or busy"));
        }
        return answer;
    }

    /**
     * Every book's depth (up to {@code depthLevels} per side) and the user's blotter as of one log position.
     * {@code atAnswer} runs on the venue thread the moment the answer is complete, before any later event reaches
     * a listener: subscribing there, or replacing a view's state there, misses nothing and doubles nothing.
     */
    public CompletableFuture<MarketState> requestMarket(int depthLevels, Consumer<MarketState> atAnswer) {
        return requestMarket(depthLevels, Backfill.Scope.NONE, atAnswer);
    }

    /**
     * Like {@link #requestMarket(int, Consumer)}, with the {@link Backfill} of {@code scope} in the same answer, at the
     * same log position: what the user's window cannot have heard before it opened (a cluster older than schema
     * version 8 answers without it, {@link Backfill#known()} false). Ask at sign-in and after every reconnect.
     */
    public CompletableFuture<MarketState> requestMarket(int depthLevels, Backfill.Scope scope,
                                                        Consumer<MarketState> atAnswer) {
        CompletableFuture<MarketState> answer = new CompletableFuture<>();
        if (depthLevels <= 0) {
            answer.completeExceptionally(new IllegalArgumentException("depthLevels must be positive"));
        } else if (closed || !inbox.offer(new MarketAsk(depthLevels, scope, atAnswer, answer))) {
            answer.completeExceptionally(new IllegalStateException("venue closed or busy"));
        }
        return answer;
    }

    /**
     * Runs on the venue thread each time the venue follows a new leader or opens a new session: events sent while
     * it was cut off are not replayed, so this is the moment to {@link #requestMarket resync}. Replaces the
     * previous listener.
     */
    public void onReconnected(Runnable listener) {
        this.reconnected = listener == null ? () -> { } : listener;
    }

    /**
     * Like {@link #onReconnected}, for one more view of this venue: runs after that listener, on the venue thread,
     * until the returned handle is closed. Several views may listen; none replaces another.
     */
    public AutoCloseable alsoOnReconnected(Runnable listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        alsoReconnected.add(listener);
        return () -> alsoReconnected.remove(listener);
    }

    /** Venue thread: every view resyncs; one failing does not keep the others from theirs. */
    private void fireReconnected() {
        reconnected.run();
        for (Runnable listener : alsoReconnected) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a view failed to resync after the venue reconnected", e);
            }
        }
    }

    /** True while the session is open and its ingress to the leader is connected; false during an election. */
    public boolean isConnected() {
        return linkUp && !closed;
    }

    public long clientId() {
        return config.clientId();
    }

    /** The member the venue last heard is leader, -1 before it knows. */
    public int leaderMemberId() {
        return leaderMemberId;
    }

    /**
     * The round trip of the last acknowledged command, from {@link #submit} to its {@code CommandAck} (resends
     * included); 0 before the first.
     */
    public long lastLatencyNanos() {
        return lastLatencyNanos;
    }

    /** How many times the venue followed a new leader or re-established its session. */
    public long leaderChanges() {
        return leaderChanges;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CloseHelper.quietClose(runner);
        agent.failEverythingPending("venue closed before the cluster acknowledged the command");
        CloseHelper.quietCloseAll(aeron, driver);
    }

    private static IdleStrategy idle(String name) {
        return switch (name) {
            case "busy" -> new BusySpinIdleStrategy();
            case "sleep" -> new SleepingMillisIdleStrategy(1);
            default -> new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MICROSECONDS.toNanos(100));
        };
    }

    /** A command and when the caller submitted it, for the round trip. */
    private record Submission(Command command, long submittedNs) {
    }

    private record AdminAsk(UserAdminRequest request, CompletableFuture<IdentityCodec.Reply> answer) {
    }

    private record BlotterAsk(CompletableFuture<Blotter> answer) {
    }

    private record UserListAsk(CompletableFuture<List<UserListing>> answer) {
    }

    /** The chunks of one user list heard so far. */
    private record UserListAssembly(UserListAsk ask, List<UserListing> users) {
    }

    private record TokenAsk(CompletableFuture<Long> answer) {
    }

    private record MovementAsk(MovementQuery query, CompletableFuture<Movements> answer) {
    }

    private record StatementAsk(StatementQuery query, CompletableFuture<Postings> answer) {
    }

    /** The postings of a statement answer's chunks so far. */
    private static final class StatementAssembly {
        final CompletableFuture<Postings> answer;
        final List<PostingRow> postings = new ArrayList<>();

        StatementAssembly(CompletableFuture<Postings> answer) {
            this.answer = answer;
        }
    }

    /** The rows of a movement answer's chunks so far. */
    private static final class MovementAssembly {
        final CompletableFuture<Movements> answer;
        final List<MovementRow> movements = new ArrayList<>();
        final List<MovementStepRow> steps = new ArrayList<>();

        MovementAssembly(CompletableFuture<Movements> answer) {
            this.answer = answer;
        }
    }

    private record MarketAsk(int depthLevels, Backfill.Scope scope, Consumer<MarketState> atAnswer,
                             CompletableFuture<MarketState> answer) {
    }

    /** Rejection events a refused command produces, so the UI hears it like any engine refusal. */
    static Event refusal(Command command, ErrorCode code) {
        return switch (command) {
            case Command.PlaceOrder c -> new Event.OrderRejected(c.orderId(), c.accountId(), code);
            case Command.PlaceOco c -> new Event.OrderRejected(c.isBracket() ? c.entryOrderId() : c.targetOrderId(),
                    c.accountId(), code);
            case Command.CancelOrder c -> new Event.OrderRejected(c.orderId(), 0, code);
            case Command.ReplaceOrder c -> new Event.OrderRejected(c.orderId(), 0, code);
            case Command.RequestTransfer c -> new Event.CommandRejected(c.transferId(), code);
            case Command.RequestPayment c -> new Event.CommandRejected(c.paymentId(), code);
            case Command.SettleTransfer c -> new Event.CommandRejected(c.transferId(), code);
            case Command.CancelTransfer c -> new Event.CommandRejected(c.transferId(), code);
            case Command.OpenAccount c -> new Event.CommandRejected(c.accountId(), code);
            case Command.RegisterUser c -> new Event.CommandRejected(c.newUserId(), code);
            case Command.Approve c -> new Event.CommandRejected(c.subjectId(), code);
            case Command.Reject c -> new Event.CommandRejected(c.subjectId(), code);
            default -> new Event.CommandRejected(0, code);
        };
    }

    /** Everything that touches the cluster connection; venue thread only (and the constructor before it starts). */
    private final class VenueAgent implements Agent, EgressListener {
        private final CommandCodec commandCodec = new CommandCodec();
        private final EventCodec eventCodec = new EventCodec();
        private final SessionCodec sessionCodec = new SessionCodec();
        private final UnsafeBuffer out = new UnsafeBuffer(new byte[CommandCodec.MAX_ENCODED_LENGTH]);
        private final Long2ObjectHashMap<Submission> pending = new Long2ObjectHashMap<>();
        private final Long2ObjectHashMap<BlotterAssembly> blotters = new Long2ObjectHashMap<>();
        private final List<BlotterAsk> blotterAsks = new ArrayList<>();
        private final Long2ObjectHashMap<MarketAssembly> markets = new Long2ObjectHashMap<>();
        private final List<MarketAsk> marketAsks = new ArrayList<>();
        private final IdentityCodec identityCodec = new IdentityCodec();
        private final UnsafeBuffer adminOut = new UnsafeBuffer(new byte[IdentityCodec.MAX_ENCODED_LENGTH]);
        private final List<AdminAsk> adminAsks = new ArrayList<>();
        private final Long2ObjectHashMap<AdminAsk> adminsInFlight = new Long2ObjectHashMap<>();
        private final List<TokenAsk> tokenAsks = new ArrayList<>();
        private final List<UserListAsk> userListAsks = new ArrayList<>();
        private final Long2ObjectHashMap<UserListAssembly> userLists = new Long2ObjectHashMap<>();
        private final Long2ObjectHashMap<TokenAsk> tokensInFlight = new Long2ObjectHashMap<>();
        private final MovementCodec movementCodec = new MovementCodec();
        private final List<MovementAsk> movementAsks = new ArrayList<>();
        private final Long2ObjectHashMap<MovementAssembly> movementsInFlight = new Long2ObjectHashMap<>();
        private final StatementCodec statementCodec = new StatementCodec();
        private final List<StatementAsk> statementAsks = new ArrayList<>();
        private final Long2ObjectHashMap<StatementAssembly> statementsInFlight = new Long2ObjectHashMap<>();
        private long nextTokenRenewalMs;
        private AeronCluster cluster;
        private long nextCorrelation = 1;
        private long nextToSend = 1;
        private long lowWater = 1;
        private long resentBelow;
        private long nextRequestId = 1;
        private long lastSendNs = System.nanoTime();
        private long lastAckNs = System.nanoTime();
        /** Last word from the cluster, or when commands started waiting after a quiet spell, whichever is later. */
        private long silentSinceNs = System.nanoTime();
        private long egressImageSeenNs = System.nanoTime();
        private long nextReconnectNs;

        void connect() {
            AeronCluster.Context context = new AeronCluster.Context()
                    .aeron(aeron)
                    .ownsAeronClient(false)
                    .ingressChannel(config.ingressChannel())
                    .ingressEndpoints(config.ingressEndpoints())
                    .egressChannel(config.egressChannel())
                    .messageTimeoutNs(config.connectTimeout().toNanos())
                    .newLeaderTimeoutNs(config.connectTimeout().toNanos())
                    .credentialsSupplier(credentials)
                    .egressListener(this);
            try {
                cluster = AeronCluster.connect(context);
            } catch (AuthenticationException e) {
                String reason = credentials.refusal() != null ? credentials.refusal() : e.getMessage();
                CloseHelper.quietClose(cluster);
                throw new CredentialRefusedException(reason, e);
            }
            leaderMemberId = cluster.leaderMemberId();
            silentSinceNs = System.nanoTime();
            egressImageSeenNs = silentSinceNs;
            linkUp = true;
        }

        @Override
        public String roleName() {
            return "cluster-venue";
        }

        @Override
        public int doWork() {
            if (cluster == null || cluster.isClosed()) {
                linkUp = false;
                return reconnect();
            }
            int work = cluster.pollEgress();
            linkUp = !cluster.isClosed() && cluster.ingressPublication() != null
                    && cluster.ingressPublication().isConnected();
            work += drainInbox();
            renewTokenWhenDue();
            work += sendPending();
            long now = System.nanoTime();
            if (now - lastSendNs > KEEP_ALIVE_NS && cluster.sendKeepAlive()) {
                lastSendNs = now;
            }
            if (cluster.egressSubscription().imageCount() > 0) {
                egressImageSeenNs = now;
            }
            // The cluster has closed this session when its egress stream is gone (cut off, or the leader is gone),
            // or when commands were sent again and still not a word came back (the close notice itself may not have
            // fitted in a full egress). Rather than waiting out the new-leader timeout, drop the session: the next
            // duty cycle connects afresh, which finds whichever member leads, resyncs the window and gets every
            // pending command acknowledged.
            boolean streamGone = now - egressImageSeenNs > EGRESS_GONE_NS;
            boolean silent = !pending.isEmpty() && now - silentSinceNs > SILENT_SESSION_NS;
            if (streamGone || silent) {
                CloseHelper.quietClose(cluster);
                return work;
            }
            if (!pending.isEmpty() && now - lastAckNs > ACK_TIMEOUT_NS) {
                // An ack can be lost without a leader change (egress back-pressure at the cluster): ask again.
                lastAckNs = now;
                resendAll();
                work++;
            }
            return work;
        }

        private int reconnect() {
            long now = System.nanoTime();
            if (now < nextReconnectNs) {
                return 0;
            }
            CloseHelper.quietClose(cluster);
            cluster = null;
            try {
                connect();
                leaderChanges++;
                resendAll();
                failAnswersInFlight("the session was re-established before the answer came");
                fireReconnected();
                return 1;
            } catch (CredentialRefusedException e) {
                failEverythingPending(e.getMessage());
                nextReconnectNs = System.nanoTime() + RECONNECT_BACKOFF_NS * 20;
            } catch (RuntimeException e) {
                nextReconnectNs = System.nanoTime() + RECONNECT_BACKOFF_NS;
            }
            return 0;
        }

        /** While connected, well before the session token expires: ask for a fresh one (in memory only). */
        private void renewTokenWhenDue() {
            long expires = credentials.tokenExpiresAtMs();
            long now = System.currentTimeMillis();
            if (expires != 0 && expires - now < RENEW_TOKEN_WHEN_LEFT_MS && now >= nextTokenRenewalMs
                    && tokenAsks.isEmpty() && tokensInFlight.isEmpty()) {
                nextTokenRenewalMs = now + RENEW_TOKEN_RETRY_MS;
                tokenAsks.add(new TokenAsk(new CompletableFuture<>()));
            }
        }

        private int drainInbox() {
            int drained = 0;
            Object item;
            while (drained < 1024 && (item = inbox.poll()) != null) {
                drained++;
                if (item instanceof Submission submission) {
                    try {
                        // Encode now so a command the wire cannot carry fails here without using up an id.
                        int length = commandCodec.encode(config.clientId(), nextCorrelation, submission.command(), out, 0);
                        if (length > EngineClusteredService.MAX_INGRESS_LENGTH) {
                            throw new IllegalArgumentException(length + " bytes, over the cluster's maximum of "
                                    + EngineClusteredService.MAX_INGRESS_LENGTH);
                        }
                    } catch (RuntimeException e) {
                        failedOutcome(submission.command(), "cannot be sent: " + e.getMessage());
                        continue;
                    }
                    if (pending.isEmpty()) {
                        silentSinceNs = System.nanoTime();
                    }
                    pending.put(nextCorrelation++, submission);
                } else if (item instanceof BlotterAsk ask) {
                    blotterAsks.add(ask);
                } else if (item instanceof MarketAsk ask) {
                    marketAsks.add(ask);
                } else if (item instanceof AdminAsk ask) {
                    adminAsks.add(ask);
                } else if (item instanceof TokenAsk ask) {
                    tokenAsks.add(ask);
                } else if (item instanceof UserListAsk ask) {
                    userListAsks.add(ask);
                } else if (item instanceof MovementAsk ask) {
                    movementAsks.add(ask);
                } else if (item instanceof StatementAsk ask) {
                    statementAsks.add(ask);
                }
            }
            return drained;
        }

        private int sendPending() {
            int sent = 0;
            while (!blotterAsks.isEmpty()) {
                BlotterAsk ask = blotterAsks.getFirst();
                long requestId = nextRequestId;
                int length = sessionCodec.encodeBlotterRequest(requestId, out, 0);
                if (cluster.offer(out, 0, length) < 0) {
                    return sent;
                }
                nextRequestId++;
                blotters.put(requestId, new BlotterAssembly(ask.answer()));
                blotterAsks.removeFirst();
                sent++;
            }
            while (!adminAsks.isEmpty()) {
                AdminAsk ask = adminAsks.getFirst();
                long requestId = nextRequestId;
                UserAdminRequest request = ask.request();
                int length = identityCodec.encode(new UserAdminRequest(requestId, request.action(), request.userId(),
                        request.roleMask(), request.username(), request.verifier()), adminOut, 0);
                if (cluster.offer(adminOut, 0, length) < 0) {
                    return sent;
                }
                nextRequestId++;
                adminsInFlight.put(requestId, ask);
                adminAsks.removeFirst();
                sent++;
            }
            while (!userListAsks.isEmpty()) {
                long requestId = nextRequestId;
                int length = identityCodec.encodeUserListRequest(requestId, adminOut, 0);
                if (cluster.offer(adminOut, 0, length) < 0) {
                    return sent;
                }
                nextRequestId++;
                userLists.put(requestId, new UserListAssembly(userListAsks.removeFirst(), new ArrayList<>()));
                sent++;
            }
            while (!tokenAsks.isEmpty()) {
                long requestId = nextRequestId;
                int length = identityCodec.encodeTokenRequest(requestId, adminOut, 0);
                if (cluster.offer(adminOut, 0, length) < 0) {
                    return sent;
                }
                nextRequestId++;
                tokensInFlight.put(requestId, tokenAsks.removeFirst());
                sent++;
            }
            while (!movementAsks.isEmpty()) {
                MovementAsk ask = movementAsks.getFirst();
                long requestId = nextRequestId;
                int length = movementCodec.encode(ask.query().withRequestId(requestId), adminOut, 0);
                if (cluster.offer(adminOut, 0, length) < 0) {
                    return sent;
                }
                nextRequestId++;
                movementsInFlight.put(requestId, new MovementAssembly(ask.answer()));
                movementAsks.removeFirst();
                sent++;
            }
            while (!statementAsks.isEmpty()) {
                StatementAsk ask = statementAsks.getFirst();
                long requestId = nextRequestId;
                int length;
                try {
                    length = statementCodec.encode(ask.query().withRequestId(requestId), adminOut, 0);
                } catch (IllegalArgumentException e) {
                    statementAsks.removeFirst().answer().completeExceptionally(e);
                    continue;
                }
                if (cluster.offer(adminOut, 0, length) < 0) {
                    return sent;
                }
                nextRequestId++;
                statementsInFlight.put(requestId, new StatementAssembly(ask.answer()));
                statementAsks.removeFirst();
                sent++;
            }
            while (!marketAsks.isEmpty()) {
                MarketAsk ask = marketAsks.getFirst();
                long requestId = nextRequestId;
                int length = sessionCodec.encodeMarketRequest(new SessionMessage.MarketRequest(requestId,
                        ask.depthLevels(), ask.scope().risk(), ask.scope().dayFills()), out, 0);
                if (cluster.offer(out, 0, length) < 0) {
                    return sent;
                }
                nextRequestId++;
                markets.put(requestId, new MarketAssembly(ask));
                marketAsks.removeFirst();
                sent++;
            }
            while (nextToSend < nextCorrelation) {
                Submission submission = pending.get(nextToSend);
                if (submission != null) {
                    int length = commandCodec.encode(config.clientId(), nextToSend, submission.command(), out, 0);
                    long result = cluster.offer(out, 0, length);
                    if (result < 0) {
                        if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                            CloseHelper.quietClose(cluster);
                        }
                        break;
                    }
                    sent++;
                    lastSendNs = System.nanoTime();
                }
                nextToSend++;
            }
            return sent;
        }

        /** Send every unacknowledged command again, oldest first; the cluster skips those it already applied. */
        private void resendAll() {
            while (lowWater < nextCorrelation && !pending.containsKey(lowWater)) {
                lowWater++;
            }
            resentBelow = nextToSend;
            nextToSend = lowWater;
            lastAckNs = System.nanoTime();
        }

        @Override
        public void onMessage(long clusterSessionId, long timestamp, DirectBuffer buffer, int offset, int length,
                              Header header) {
            silentSinceNs = System.nanoTime();
            int templateId = WireFormat.templateId(buffer, offset, length);
            if (templateId == IdentityCodec.REPLY) {
                onReply(buffer, offset, length);
            } else if (templateId == IdentityCodec.SESSION_TOKEN) {
                onToken(buffer, offset, length);
            } else if (templateId == IdentityCodec.USER_LIST) {
                onUserList(buffer, offset, length);
            } else if (templateId == MovementCodec.ANSWER) {
                onMovementChunk(buffer, offset, length);
            } else if (templateId == StatementCodec.ANSWER) {
                onStatementChunk(buffer, offset, length);
            } else if (WireFormat.isEvent(templateId)) {
                if (eventCodec.decode(buffer, offset, length)) {
                    deliver(eventCodec.event());
                }
            } else if (WireFormat.isSession(templateId) && sessionCodec.decode(buffer, offset, length)) {
                switch (sessionCodec.message()) {
                    case SessionMessage.CommandAck ack -> onAck(ack);
                    case SessionMessage.BlotterChunk chunk -> onBlotterChunk(chunk);
                    case SessionMessage.DepthChunk chunk -> onDepthChunk(chunk);
                    case SessionMessage.DeskChunk chunk -> onDeskChunk(chunk);
                    case SessionMessage.BlotterRequest ignored -> {
                    }
                    case SessionMessage.MarketRequest ignored -> {
                    }
                }
            }
        }

        private void onMovementChunk(DirectBuffer buffer, int offset, int length) {
            if (!movementCodec.decodeChunk(buffer, offset, length)) {
                return;
            }
            MovementCodec.Chunk chunk = movementCodec.chunk();
            MovementAssembly assembly = movementsInFlight.get(chunk.requestId());
            if (assembly == null) {
                return;
            }
            assembly.movements.addAll(chunk.movements());
            assembly.steps.addAll(chunk.steps());
            if (chunk.last()) {
                movementsInFlight.remove(chunk.requestId());
                assembly.answer.complete(new Movements(chunk.logPosition(), assembly.movements, assembly.steps));
            }
        }

        private void onStatementChunk(DirectBuffer buffer, int offset, int length) {
            if (!statementCodec.decodeChunk(buffer, offset, length)) {
                return;
            }
            StatementCodec.Chunk chunk = statementCodec.chunk();
            StatementAssembly assembly = statementsInFlight.get(chunk.requestId());
            if (assembly == null) {
                return;
            }
            assembly.postings.addAll(chunk.postings());
            if (chunk.last()) {
                statementsInFlight.remove(chunk.requestId());
                assembly.answer.complete(new Postings(chunk.logPosition(), chunk.heldSinceMs(),
                        chunk.sinceLedgerBegan(), chunk.openingBalance(), assembly.postings,
                        chunk.closingBalance()));
            }
        }

        private void onToken(DirectBuffer buffer, int offset, int length) {
            if (!identityCodec.decodeToken(buffer, offset, length)) {
                return;
            }
            IdentityCodec.SessionTokenAnswer answer = identityCodec.token();
            TokenAsk ask = tokensInFlight.remove(answer.requestId());
            if (ask == null) {
                return;
            }
            if (credentials.renew(answer.token())) {
                ask.answer().complete(credentials.tokenExpiresAtMs());
            } else {
                ask.answer().completeExceptionally(new IllegalStateException("the cluster sent a session token this "
                        + "venue cannot verify, or an older one"));
            }
        }

        private void onUserList(DirectBuffer buffer, int offset, int length) {
            if (!identityCodec.decodeUserList(buffer, offset, length)) {
                LOG.log(Level.WARNING, "unreadable user list from the cluster: " + identityCodec.rejection());
                return;
            }
            IdentityCodec.UserListChunk chunk = identityCodec.userList();
            UserListAssembly assembly = userLists.get(chunk.requestId());
            if (assembly == null) {
                return;
            }
            assembly.users().addAll(chunk.users());
            if (chunk.last()) {
                userLists.remove(chunk.requestId());
                assembly.ask().answer().complete(List.copyOf(assembly.users()));
            }
        }

        private void onReply(DirectBuffer buffer, int offset, int length) {
            if (!identityCodec.decodeReply(buffer, offset, length)) {
                return;
            }
            IdentityCodec.Reply reply = identityCodec.reply();
            TokenAsk tokenAsk = tokensInFlight.remove(reply.requestId());
            if (tokenAsk != null) {
                lastRefusal = reply.reason();
                tokenAsk.answer().completeExceptionally(new IllegalStateException(reply.reason()));
                return;
            }
            UserListAssembly list = userLists.remove(reply.requestId());
            if (list != null) {
                list.ask().answer().completeExceptionally(new RequestRefusedException(reply.reason()));
                return;
            }
            MovementAssembly movementAsk = movementsInFlight.remove(reply.requestId());
            if (movementAsk != null) {
                movementAsk.answer.completeExceptionally(new RequestRefusedException(reply.reason()));
                return;
            }
            StatementAssembly statementAsk = statementsInFlight.remove(reply.requestId());
            if (statementAsk != null) {
                statementAsk.answer.completeExceptionally(new RequestRefusedException(reply.reason()));
                return;
            }
            AdminAsk ask = adminsInFlight.remove(reply.requestId());
            if (ask != null) {
                ask.answer().complete(reply);
            } else {
                lastRefusal = reply.reason();
                LOG.log(Level.WARNING, "the cluster refused a message of this venue (" + reply.status() + "): "
                        + reply.reason());
            }
        }

        private void onAck(SessionMessage.CommandAck ack) {
            if (ack.clientId() != config.clientId()) {
                return;
            }
            lastAckNs = System.nanoTime();
            if (ack.status() == SessionMessage.AckStatus.OUT_OF_SEQUENCE) {
                // An earlier id never arrived (lost with a leader): send everything pending again, once per gap.
                if (ack.correlationId() >= resentBelow) {
                    resendAll();
                }
                return;
            }
            Submission submission = pending.remove(ack.correlationId());
            if (submission == null) {
                return;
            }
            lastLatencyNanos = Math.max(1, lastAckNs - submission.submittedNs());
            Command command = submission.command();
            if (ack.status().applied()) {
                acknowledged(command, ack.logPosition());
            } else {
                ErrorCode code = ack.status() == SessionMessage.AckStatus.WRONG_USER
                        ? ErrorCode.NOT_AUTHORIZED : ErrorCode.INVALID_ORDER_SPEC;
                deliver(refusal(command, code));
                failedOutcome(command, "refused by the cluster: " + ack.status());
            }
        }

        private void onDepthChunk(SessionMessage.DepthChunk chunk) {
            MarketAssembly assembly = markets.get(chunk.requestId());
            if (assembly != null) {
                assembly.levels.addAll(chunk.levels());
                assembly.lastTrades.addAll(chunk.lastTrades());
            }
        }

        private void onDeskChunk(SessionMessage.DeskChunk chunk) {
            MarketAssembly assembly = markets.get(chunk.requestId());
            if (assembly != null) {
                assembly.backfill.add(chunk);
            }
        }

        private void onBlotterChunk(SessionMessage.BlotterChunk chunk) {
            MarketAssembly market = markets.get(chunk.requestId());
            if (market != null) {
                market.blotter.add(chunk);
                if (chunk.last()) {
                    markets.remove(chunk.requestId());
                    MarketState state = new MarketState(chunk.logPosition(), market.levels, market.lastTrades,
                            market.blotter.complete(chunk.logPosition()), market.backfill.complete());
                    try {
                        market.ask.atAnswer().accept(state);
                        market.ask.answer().complete(state);
                    } catch (RuntimeException e) {
                        market.ask.answer().completeExceptionally(e);
                    }
                }
                return;
            }
            BlotterAssembly assembly = blotters.get(chunk.requestId());
            if (assembly == null) {
                return;
            }
            assembly.rows.add(chunk);
            if (chunk.last()) {
                blotters.remove(chunk.requestId());
                assembly.answer.complete(assembly.rows.complete(chunk.logPosition()));
            }
        }

        private void deliver(Event event) {
            for (EventSink listener : listeners) {
                listener.onEvent(event);
            }
        }

        @Override
        public void onSessionEvent(long correlationId, long clusterSessionId, long leadershipTermId,
                                   int leaderMemberId, EventCode code, String detail) {
            if (leaderMemberId >= 0) {
                ClusterVenue.this.leaderMemberId = leaderMemberId;
            }
        }

        @Override
        public void onNewLeader(long clusterSessionId, long leadershipTermId, int leaderMemberId,
                                String ingressEndpoints) {
            ClusterVenue.this.leaderMemberId = leaderMemberId;
            leaderChanges++;
            resendAll();
            fireReconnected();
        }

        /** Requests sent on a session that is gone will never be answered: fail them so callers can ask again. */
        private void failAnswersInFlight(String reason) {
            for (BlotterAssembly assembly : blotters.values()) {
                assembly.answer.completeExceptionally(new IllegalStateException(reason));
            }
            blotters.clear();
            for (MarketAssembly assembly : markets.values()) {
                assembly.ask.answer().completeExceptionally(new IllegalStateException(reason));
            }
            markets.clear();
            for (AdminAsk ask : adminsInFlight.values()) {
                ask.answer().completeExceptionally(new IllegalStateException(reason));
            }
            adminsInFlight.clear();
            for (TokenAsk ask : tokensInFlight.values()) {
                ask.answer().completeExceptionally(new IllegalStateException(reason));
            }
            tokensInFlight.clear();
            for (UserListAssembly assembly : userLists.values()) {
                assembly.ask().answer().completeExceptionally(new IllegalStateException(reason));
            }
            userLists.clear();
            for (MovementAssembly assembly : movementsInFlight.values()) {
                assembly.answer.completeExceptionally(new IllegalStateException(reason));
            }
            movementsInFlight.clear();
            for (StatementAssembly assembly : statementsInFlight.values()) {
                assembly.answer.completeExceptionally(new IllegalStateException(reason));
            }
            statementsInFlight.clear();
        }

        @Override
        public void onClose() {
            linkUp = false;
            CloseHelper.quietClose(cluster);
            failAnswersInFlight("venue closed");
            for (MarketAsk ask : marketAsks) {
                ask.answer().completeExceptionally(new IllegalStateException("venue closed"));
            }
            for (BlotterAsk ask : blotterAsks) {
                ask.answer().completeExceptionally(new IllegalStateException("venue closed"));
            }
            for (AdminAsk ask : adminAsks) {
                ask.answer().completeExceptionally(new IllegalStateException("venue closed"));
            }
            for (TokenAsk ask : tokenAsks) {
                ask.answer().completeExceptionally(new IllegalStateException("venue closed"));
            }
            for (UserListAsk ask : userListAsks) {
                ask.answer().completeExceptionally(new IllegalStateException("venue closed"));
            }
            for (MovementAsk ask : movementAsks) {
                ask.answer().completeExceptionally(new IllegalStateException("venue closed"));
            }
            for (StatementAsk ask : statementAsks) {
                ask.answer().completeExceptionally(new IllegalStateException("venue closed"));
            }
        }

        /** After the venue thread has stopped: every command still waiting is reported failed, oldest first. */
        void failEverythingPending(String reason) {
            for (long id = lowWater; id < nextCorrelation; id++) {
                Submission submission = pending.remove(id);
                if (submission != null) {
                    failedOutcome(submission.command(), reason);
                }
            }
            Object item;
            while ((item = inbox.poll()) != null) {
                if (item instanceof Submission submission) {
                    failedOutcome(submission.command(), reason);
                } else if (item instanceof BlotterAsk ask) {
                    ask.answer().completeExceptionally(new IllegalStateException(reason));
                } else if (item instanceof MarketAsk ask) {
                    ask.answer().completeExceptionally(new IllegalStateException(reason));
                } else if (item instanceof AdminAsk ask) {
                    ask.answer().completeExceptionally(new IllegalStateException(reason));
                } else if (item instanceof TokenAsk ask) {
                    ask.answer().completeExceptionally(new IllegalStateException(reason));
                } else if (item instanceof UserListAsk ask) {
                    ask.answer().completeExceptionally(new IllegalStateException(reason));
                } else if (item instanceof MovementAsk ask) {
                    ask.answer().completeExceptionally(new IllegalStateException(reason));
                } else if (item instanceof StatementAsk ask) {
                    ask.answer().completeExceptionally(new IllegalStateException(reason));
                }
            }
        }
    }

    private static final class MarketAssembly {
        final MarketAsk ask;
        final List<SessionMessage.DepthLevel> levels = new ArrayList<>();
        final List<SessionMessage.LastTrade> lastTrades = new ArrayList<>();
        final BlotterRows blotter = new BlotterRows();
        final BackfillRows backfill = new BackfillRows();

        MarketAssembly(MarketAsk ask) {
            this.ask = ask;
        }
    }

    private static final class BlotterAssembly {
        final CompletableFuture<Blotter> answer;
        final BlotterRows rows = new BlotterRows();

        BlotterAssembly(CompletableFuture<Blotter> answer) {
            this.answer = answer;
        }
    }

    /** The rows of a market answer's desk chunks so far; none arrived from a cluster that keeps no backfill. */
    private static final class BackfillRows {
        final List<SessionMessage.HeldOrder> heldOrders = new ArrayList<>();
        final List<SessionMessage.HeldTransfer> heldTransfers = new ArrayList<>();
        final List<Long> killSwitches = new ArrayList<>();
        final List<Long> halted = new ArrayList<>();
        final List<SessionMessage.DayStep> steps = new ArrayList<>();
        boolean any;

        void add(SessionMessage.DeskChunk chunk) {
            any = true;
            heldOrders.addAll(chunk.heldOrders());
            heldTransfers.addAll(chunk.heldTransfers());
            killSwitches.addAll(chunk.killSwitches());
            halted.addAll(chunk.haltedInstruments());
            steps.addAll(chunk.steps());
        }

        Backfill complete() {
            return any ? new Backfill(true, heldOrders, heldTransfers, killSwitches, halted, steps) : Backfill.NONE;
        }
    }

    /** The rows of a blotter answer's chunks so far. */
    private static final class BlotterRows {
        final List<WorkingOrder> orders = new ArrayList<>();
        final List<SessionMessage.AccountBalance> balances = new ArrayList<>();
        final List<SessionMessage.LastOrderId> lastOrderIds = new ArrayList<>();

        void add(SessionMessage.BlotterChunk chunk) {
            orders.addAll(chunk.orders());
            balances.addAll(chunk.balances());
            lastOrderIds.addAll(chunk.lastOrderIds());
        }

        Blotter complete(long logPosition) {
            return new Blotter(logPosition, orders, balances, lastOrderIds);
        }
    }

    private static void logError(Throwable error) {
        LOG.log(Level.ERROR, "cluster venue: " + error.getMessage(), error);
    }
}
