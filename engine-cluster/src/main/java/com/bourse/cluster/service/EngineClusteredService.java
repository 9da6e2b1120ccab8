package com.bourse.cluster.service;

import com.bourse.cluster.auth.Principal;
import com.bourse.cluster.identity.IdentityCodec;
import com.bourse.cluster.identity.SignInAttempts;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.UserAction;
import com.bourse.cluster.identity.UserAdminRequest;
import com.bourse.cluster.identity.UserDirectory;
import com.bourse.cluster.metrics.RateLimitedLog;
import com.bourse.cluster.metrics.NodeMetrics;
import com.bourse.cluster.metrics.StructuredLog;
import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.WorkingOrder;
import com.bourse.protocol.wire.CommandCodec;
import com.bourse.protocol.wire.SessionCodec;
import com.bourse.protocol.wire.SessionMessage;
import com.bourse.protocol.wire.SessionMessage.AckStatus;
import com.bourse.protocol.wire.WireFormat;
import com.bourse.protocol.sbe.BlotterRequestDecoder;
import com.bourse.protocol.sbe.MarketRequestDecoder;
import com.bourse.protocol.sbe.ReplyStatus;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine as an Aeron Cluster service. Each ingress message is decoded into a {@link Command}, checked
 * against the session's authenticated user and the client's correlation sequence, applied to the same
 * {@link Engine} the desktop embeds, and answered: the events go to every session entitled to them and a
 * {@code CommandAck} to the commanding session. The cluster delivers a message only once a majority has it, so
 * an ack means the command survives the loss of any one node.
 *
 * <p>Business time is the cluster log's timestamp by default (clients cannot move the throttle clock), or the
 * time the client sent ({@link BusinessTime#AS_SENT}) for replaying recorded streams. Snapshots carry the
 * engine's own snapshot bytes plus the entitlement tables and client sequences.
 *
 * <p>Runs on the service container's thread; the accessors marked for tests are safe from any thread.
 */
public final class EngineClusteredService implements ClusteredService {
    private static final int MAGIC = 0x42534543; // "BSEC"
    /**
     * Version 5 adds the posting record (each account's postings, for live statements) after the movement record;
     * version 4 adds the movement record (every cash movement's steps) after the desk record; version 3 adds the desk record (held items' scores, the day's fills) after the live users; version 2 adds the
     * live users after the client sequences; versions 1 and 2 still load.
     */
    private static final int VERSION = 5;
    /** The longest ingress message the cluster takes; {@code ClusterVenue} refuses to send a longer one. */
    public static final int MAX_INGRESS_LENGTH = 8 * 1024;
    /** Malformed messages a session may send before the cluster closes it. */
    static final int MAX_MALFORMED_PER_SESSION = 10;
    /**
     * How often the leader offers what its authenticator reported (a password sign-in waits for its admission, so
     * this bounds what the admission adds to a sign-in). Aeron lets a service offer only from its log callbacks, so
     * a timer every member schedules from the log wakes it; reports that arrive meanwhile go out with the next
     * service message applied.
     */
    private static final long REPORT_FLUSH_MS = 100;
    /**
     * Each flush timer's correlation id is this plus its deadline (ms), so no two are alike: a follower's consensus
     * module that saw a timer fire in the log before its service scheduled it skips exactly that schedule, and a
     * shared id could make it skip the next one instead and leave a new leader with no timer at all. (Logs before
     * v8 used {@code Long.MIN_VALUE + 13}, below this range: ignored.)
     */
    private static final long REPORT_FLUSH_TIMERS = Long.MIN_VALUE + (1L << 52);
    /** Service messages, never from a client. "BSIF": a failed sign-in counted on apply (logs written before v8). */
    private static final int SIGN_IN_FAILED_MAGIC = 0x42534946;
    /** "BSIA": a password sign-in asks to be checked; "BSIW": an admitted one had a wrong password. */
    private static final int SIGN_IN_ATTEMPT_MAGIC = 0x42534941;
    private static final int SIGN_IN_WRONG_MAGIC = 0x42534957;
    /** "BSSK": entropy for the session-token signing key, put in the log by the leader. */
    private static final int SIGNING_KEY_MAGIC = 0x4253534B;
    /** "BSNO": what a follower offers for each service message it applies (see {@link #onServiceMessage}). */
    private static final int NO_OP_MAGIC = 0x42534E4F;

    /** Where a command's business time comes from. */
    public enum BusinessTime { CLUSTER_LOG, AS_SENT }

    private final EngineConfig engineConfig;
    private final BusinessTime businessTime;
    private final NodeMetrics metrics;
    private final StructuredLog log;
    private final Entitlements entitlements = new Entitlements();
    private final ClientSequences sequences = new ClientSequences();
    private final EventRouter router;
    /** What a window asks about the time before it opened; fed with the router by {@link #sink}. */
    private final DeskRecord desk = new DeskRecord();
    /** Each cash movement and every state it went through, for the back office's lists and histories. */
    private final MovementRecord movements = new MovementRecord();
    private final com.bourse.cluster.movement.MovementCodec movementCodec =
            new com.bourse.cluster.movement.MovementCodec();
    /** Each account's postings since the last End of day, for the live clerk's statements. */
    private final PostingRecord postings = new PostingRecord();
    private final com.bourse.cluster.statement.StatementCodec statementCodec =
            new com.bourse.cluster.statement.StatementCodec();
    private final TeeSink sink;
    private final CommandCodec commands = new CommandCodec();
    private final SessionCodec sessionCodec = new SessionCodec();
    private final BlotterRequestDecoder blotterRequest = new BlotterRequestDecoder();
    private final UnsafeBuffer reply = new UnsafeBuffer(new byte[64 * 1024]);
    private final UnsafeBuffer serviceMessage = new UnsafeBuffer(new byte[64]);
    private final UserDirectory users;
    private final SignInAttempts attempts;
    /** A report the log did not take yet (back pressure): offered again before any other. */
    private SignInAttempts.Report unsent;
    private boolean signingKeyOffered;
    /** The deadline of the flush timer this member scheduled last; 0 when not known (restored from a snapshot). */
    private long flushDeadline;
    private final IdentityCodec identityCodec = new IdentityCodec();
    private final RateLimitedLog abuseLog;
    /** Malformed messages per session. Not snapshotted: a member restored from a snapshot may count fewer, and
     * only the leader's close request takes effect. */
    private final org.agrona.collections.Long2LongHashMap malformed = new org.agrona.collections.Long2LongHashMap(0);

    private Cluster cluster;
    private Engine engine;
    private volatile byte[] lastEngineSnapshot;
    private volatile byte[] lastSnapshot;
    private volatile long appliedCommands;

    /**
     * @param users    the live users (replicated state of this service; its view is what the authenticator reads)
     * @param attempts where this node's authenticator asks for sign-in admissions, for the leader to replicate
     */
    public EngineClusteredService(EngineConfig engineConfig, BusinessTime businessTime, NodeMetrics metrics,
                                  StructuredLog log, UserDirectory users, SignInAttempts attempts) {
        this.users = users;
        this.attempts = attempts;
        this.abuseLog = new RateLimitedLog(log, 5);
        this.engineConfig = engineConfig;
        this.businessTime = businessTime;
        this.metrics = metrics;
        this.log = log;
        this.router = new EventRouter(entitlements, metrics, sessionId -> cluster.closeClientSession(sessionId));
        this.sink = new TeeSink(router, new TeeSink(desk, new TeeSink(movements, postings)));
    }

    @Override
    public void onStart(Cluster cluster, Image snapshotImage) {
        this.cluster = cluster;
        if (snapshotImage == null) {
            engine = new Engine(engineConfig);
        } else {
            load(ServiceSnapshot.read(snapshotImage, cluster.idleStrategy()));
        }
        for (ClientSession session : cluster.clientSessions()) {
            router.open(session, Principal.decode(session.encodedPrincipal()));
        }
        metrics.sessionCount(router.sessionCount());
        metrics.role(cluster.role().code());
        log.info("service_started", "member", cluster.memberId(), "fromSnapshot", snapshotImage != null,
                "sessions", router.sessionCount());
    }

    @Override
    public void onSessionOpen(ClientSession session, long timestamp) {
        long user = Principal.decode(session.encodedPrincipal());
        router.open(session, user);
        metrics.sessionCount(router.sessionCount());
        log.info("session_open", "member", cluster.memberId(), "session", session.id(), "user", user);
        if (user == Command.SYSTEM_USER) {
            users.bootstrapSessionOpened(timestamp);
        } else if (!users.mayAct(user)) {
            // Disabled (or gone) between the exchange and this open: the log decides, so every member closes it.
            log.info("session_refused", "member", cluster.memberId(), "session", session.id(), "user", user);
            cluster.closeClientSession(session.id());
        } else {
            users.signedIn(user, timestamp);
        }
    }

    @Override
    public void onSessionClose(ClientSession session, long timestamp, CloseReason closeReason) {
        router.close(session.id());
        malformed.remove(session.id());
        metrics.sessionCount(router.sessionCount());
        log.info("session_close", "member", cluster.memberId(), "session", session.id(), "reason", closeReason);
    }

    @Override
    public void onSessionMessage(ClientSession session, long timestamp, DirectBuffer buffer, int offset, int length,
                                 Header header) {
        long started = System.nanoTime();
        // Read per message, as Aeron's own offer does: a follower's sends are no-ops, so it skips encoding them.
        router.leading(cluster.role() == Cluster.Role.LEADER);
        if (session == null) {
            onServiceMessage(timestamp, buffer, offset, length);
            return;
        }
        if (length > MAX_INGRESS_LENGTH) {
            malformed(session, "message of " + length + " bytes: the cluster takes at most " + MAX_INGRESS_LENGTH);
            return;
        }
        int templateId = WireFormat.templateId(buffer, offset, length);
        if (templateId == IdentityCodec.USER_ADMIN) {
            administer(session, timestamp, buffer, offset, length);
            return;
        }
        if (templateId == IdentityCodec.TOKEN_REQUEST) {
            renewToken(session, timestamp, buffer, offset, length);
            return;
        }
        if (templateId == IdentityCodec.USER_LIST_REQUEST) {
            listUsers(session, buffer, offset, length);
            return;
        }

        if (templateId == BlotterRequestDecoder.TEMPLATE_ID && length >= WireFormat.HEADER_LENGTH
                + BlotterRequestDecoder.BLOCK_LENGTH) {
            blotterRequest.wrap(buffer, offset + WireFormat.HEADER_LENGTH, BlotterRequestDecoder.BLOCK_LENGTH,
                    WireFormat.SCHEMA_VERSION);
            answerBlotter(session, blotterRequest.requestId());
            return;
        }
        if (templateId == MarketRequestDecoder.TEMPLATE_ID) {
            answerMarket(session, buffer, offset, length);
            return;
        }
        if (templateId == com.bourse.cluster.movement.MovementCodec.QUERY) {
            answerMovements(session, buffer, offset, length);
            return;
        }
        if (templateId == com.bourse.cluster.statement.StatementCodec.QUERY) {
            answerStatement(session, buffer, offset, length);
            return;
        }
        long position = header.position();
        long time = businessTime == BusinessTime.CLUSTER_LOG ? timestamp : CommandCodec.TIMESTAMP_AS_SENT;
        if (!commands.decode(buffer, offset, length, time)) {
            malformed(session, templateId < 0 ? "not a Bourse message (schema " + WireFormat.SCHEMA_ID
                    + ", at least " + WireFormat.HEADER_LENGTH + " bytes)" : commands.rejection());
            return;
        }
        Command command = commands.command();
        long clientId = commands.clientId();
        long correlationId = commands.correlationId();
        long user = router.userOf(session.id());
        switch (sequences.check(clientId, user, correlationId)) {
            case ALREADY_APPLIED -> ack(session, clientId, correlationId, AckStatus.ALREADY_APPLIED, position, 0);
            case OUT_OF_SEQUENCE -> {
                metrics.messageRejected();
                ack(session, clientId, correlationId, AckStatus.OUT_OF_SEQUENCE, position, 0);
            }
            case WRONG_USER -> {
                metrics.messageRejected();
                ack(session, clientId, correlationId, AckStatus.WRONG_USER, position, 0);
            }
            case NEXT -> {
                // The id is used up whatever follows, so one refused command never blocks the client's next ones.
                sequences.applied(clientId, user, correlationId);
                if (user == Principal.NONE || command.userId() != user || !users.mayAct(user)) {
                    metrics.messageRejected();
                    ack(session, clientId, correlationId, AckStatus.WRONG_USER, position, 0);
                    return;
                }
                if (command instanceof Command.RegisterUser) {
                    // The engine learns roles from the live users directory only, so the two never disagree.
                    metrics.messageRejected();
                    identityReply(session, 0, ReplyStatus.REFUSED,
                            "users and roles change only through UserAdmin (the cluster's live users)");
                    ack(session, clientId, correlationId, AckStatus.WRONG_USER, position, 0);
                    return;
                }
                router.begin(session);
                desk.beginCommand(command.timestamp());
                movements.beginCommand(command.timestamp(), user);
                postings.beginCommand(command, position);
                engine.apply(command, sink);
                if (command instanceof Command.EndOfDay && !desk.refused()) {
                    desk.endOfDay();
                    postings.endOfDay();
                }
                int sent = router.end();
                ack(session, clientId, correlationId, AckStatus.APPLIED, position, sent);
                appliedCommands++;
                metrics.commandApplied(System.nanoTime() - started, position);
            }
        }
    }

    private void ack(ClientSession session, long clientId, long correlationId, AckStatus status, long position,
                     int eventCount) {
        int length = sessionCodec.encodeAck(clientId, correlationId, status, position, eventCount, reply, 0);
        router.sendDirect(session, reply, length);
    }

    private void answerBlotter(ClientSession session, long requestId) {
        long user = router.userOf(session.id());
        boolean everything = entitlements.isBackOffice(user);
        List<WorkingOrder> orders = new ArrayList<>();
        List<SessionMessage.AccountBalance> balances = new ArrayList<>();
        List<SessionMessage.LastOrderId> lastOrderIds = new ArrayList<>();
        if (user != Principal.NONE) {
            List<String> assets = engine.assets();
            for (long accountId : engine.accountIds()) {
                if (!everything && !entitlements.owns(user, accountId)) {
                    continue;
                }
                lastOrderIds.add(new SessionMessage.LastOrderId(accountId, engine.lastOrderId(accountId)));
                orders.addAll(engine.workingOrders(accountId));
                for (String asset : assets) {
                    long balance = engine.balance(accountId, asset);
                    long held = engine.held(accountId, asset);
                    if (balance != 0 || held != 0) {
                        balances.add(new SessionMessage.AccountBalance(accountId, asset, balance, held));
                    }
                }
            }
        }
        long position = cluster.logPosition();
        int o = 0;
        int b = 0;
        int a = 0;
        int max = SessionCodec.MAX_ROWS_PER_CHUNK;
        do {
            List<WorkingOrder> orderChunk = orders.subList(o, Math.min(orders.size(), o + max));
            List<SessionMessage.AccountBalance> balanceChunk = balances.subList(b, Math.min(balances.size(), b + max));
            List<SessionMessage.LastOrderId> idChunk = lastOrderIds.subList(a, Math.min(lastOrderIds.size(), a + max));
            o += orderChunk.size();
            b += balanceChunk.size();
            a += idChunk.size();
            boolean last = o == orders.size() && b == balances.size() && a == lastOrderIds.size();
            int length = sessionCodec.encodeBlotterChunk(new SessionMessage.BlotterChunk(requestId, position, last,
                    orderChunk, balanceChunk, idChunk), reply, 0);
            router.sendDirect(session, reply, length);
        } while (o < orders.size() || b < balances.size() || a < lastOrderIds.size());
    }

    /**
     * Depth of every book, then the session's blotter, both as of this log position and with nothing between them
     * on the session's egress, so a joining client starts from one consistent state. Malformed: ignored.
     */
    private void answerMarket(ClientSession session, DirectBuffer buffer, int offset, int length) {
        if (!sessionCodec.decode(buffer, offset, length)
                || !(sessionCodec.message() instanceof SessionMessage.MarketRequest request)) {
            malformed(session, "MarketRequest: " + sessionCodec.rejection());
            return;
        }
        long position = cluster.logPosition();
        List<SessionMessage.DepthLevel> levels = new ArrayList<>();
        List<SessionMessage.LastTrade> lastTrades = new ArrayList<>();
        for (com.bourse.protocol.Instrument instrument : engine.instruments()) {
            for (com.bourse.protocol.Side side : com.bourse.protocol.Side.values()) {
                for (com.bourse.protocol.BookLevel level : engine.depth(instrument.id(), side, request.depthLevels())) {
                    levels.add(new SessionMessage.DepthLevel(instrument.id(), side, level.price(), level.quantity(),
                            level.orderCount()));
                }
            }
            lastTrades.add(new SessionMessage.LastTrade(instrument.id(), engine.lastTradePrice(instrument.id())));
        }
        int l = 0;
        int t = 0;
        int max = SessionCodec.MAX_LEVELS_PER_CHUNK;
        do {
            List<SessionMessage.DepthLevel> levelChunk = levels.subList(l, Math.min(levels.size(), l + max));
            List<SessionMessage.LastTrade> tradeChunk = lastTrades.subList(t, Math.min(lastTrades.size(), t + max));
            l += levelChunk.size();
            t += tradeChunk.size();
            int written = sessionCodec.encodeDepthChunk(new SessionMessage.DepthChunk(request.requestId(), position,
                    levelChunk, tradeChunk), reply, 0);
            router.sendDirect(session, reply, written);
        } while (l < levels.size() || t < lastTrades.size());
        if (request.riskState() || request.dayFills()) {
            answerDesk(session, request, position);
        }
        answerBlotter(session, request.requestId());
    }

    /**
     * What the window cannot have heard before it opened, from the replicated state at this log position: held
     * items with their scores, engaged kill switches (the user's own accounts' unless a risk officer or
     * administrator) and halted instruments; today's fills and movements of the user's own accounts.
     */
    private void answerDesk(ClientSession session, SessionMessage.MarketRequest request, long position) {
        long user = router.userOf(session.id());
        boolean known = user != Principal.NONE;
        boolean everyAccount = known && entitlements.reviewsEveryAccount(user);
        DeskRecord.Viewer viewer = new DeskRecord.Viewer() {
            @Override
            public boolean reviewsEveryAccount() {
                return everyAccount;
            }

            @Override
            public boolean owns(long accountId) {
                return known && entitlements.owns(user, accountId);
            }
        };
        List<SessionMessage.HeldOrder> heldOrders = new ArrayList<>();
        List<SessionMessage.HeldTransfer> heldTransfers = new ArrayList<>();
        List<Long> kills = new ArrayList<>();
        List<Long> halts = new ArrayList<>();
        List<SessionMessage.DayStep> steps = new ArrayList<>();
        if (known && request.riskState()) {
            heldOrders.addAll(desk.heldOrders(engine, viewer));
            heldTransfers.addAll(desk.heldTransfers(engine, viewer));
            for (long accountId : engine.accountIds()) {
                if (engine.killSwitchEngaged(accountId) && (everyAccount || viewer.owns(accountId))) {
                    kills.add(accountId);
                }
            }
            for (com.bourse.protocol.Instrument instrument : engine.instruments()) {
                if (engine.isHalted(instrument.id())) {
                    halts.add(instrument.id());
                }
            }
        }
        if (known && request.dayFills()) {
            for (long accountId : engine.accountIds()) {
                if (viewer.owns(accountId)) {
                    steps.addAll(desk.steps(accountId));
                }
            }
        }
        int max = SessionCodec.MAX_ROWS_PER_CHUNK;
        int[] at = new int[5];
        List<? extends List<?>> lists = List.of(heldOrders, heldTransfers, kills, halts, steps);
        boolean more;
        do {
            int o = at[0];
            int tr = at[1];
            int k = at[2];
            int h = at[3];
            int st = at[4];
            SessionMessage.DeskChunk chunk = new SessionMessage.DeskChunk(request.requestId(), position,
                    heldOrders.subList(o, Math.min(heldOrders.size(), o + max)),
                    heldTransfers.subList(tr, Math.min(heldTransfers.size(), tr + max)),
                    kills.subList(k, Math.min(kills.size(), k + max)),
                    halts.subList(h, Math.min(halts.size(), h + max)),
                    steps.subList(st, Math.min(steps.size(), st + max)));
            more = false;
            for (int i = 0; i < at.length; i++) {
                at[i] = Math.min(lists.get(i).size(), at[i] + max);
                more |= at[i] < lists.get(i).size();
            }
            int written = sessionCodec.encodeDeskChunk(chunk, reply, 0);
            router.sendDirect(session, reply, written);
        } while (more);
    }

    /**
     * The movements a session asked about, from the replicated record at this log position: in a state (of one
     * account or of every account it may see), or one movement with every state it went through. A back-office
     * session (back office, risk officer, administrator) sees every account's; any other only its own accounts',
     * and asking about another account's is refused with the reason. Malformed: answered as such.
     */
    private void answerMovements(ClientSession session, DirectBuffer buffer, int offset, int length) {
        if (!movementCodec.decodeQuery(buffer, offset, length)) {
            malformed(session, "MovementQuery: " + movementCodec.rejection());
            return;
        }
        com.bourse.cluster.movement.MovementQuery query = movementCodec.query();
        long user = router.userOf(session.id());
        boolean everything = user != Principal.NONE && entitlements.isBackOffice(user);
        java.util.function.LongPredicate mine = accountId -> accountId != 0 && user != Principal.NONE
                && entitlements.owns(user, accountId);
        List<com.bourse.cluster.movement.MovementRow> rows = new ArrayList<>();
        List<com.bourse.cluster.movement.MovementStepRow> steps = new ArrayList<>();
        if (query.isHistory()) {
            long[] accounts = movements.accountsOf(query.movementId());
            if (accounts == null || !(everything || mine.test(accounts[0]) || mine.test(accounts[1]))) {
                identityReply(session, query.requestId(), ReplyStatus.REFUSED, "no movement " + query.movementId()
                        + " among the movements this session may see");
                return;
            }
            rows.add(movements.movement(query.movementId()));
            steps.addAll(movements.history(query.movementId()));
        } else {
            if (query.accountId() != 0 && !everything && !mine.test(query.accountId())) {
                identityReply(session, query.requestId(), ReplyStatus.REFUSED, "account " + query.accountId()
                        + " is not one of this user's accounts: only its owner and the back office see its movements");
                return;
            }
            rows.addAll(movements.inState(query.state(), id -> {
                long[] accounts = movements.accountsOf(id);
                boolean ofAccount = query.accountId() == 0 || accounts[0] == query.accountId()
                        || accounts[1] == query.accountId();
                return ofAccount && (everything || mine.test(accounts[0]) || mine.test(accounts[1]));
            }, query.maxMovements()));
        }
        long position = cluster.logPosition();
        int m = 0;
        int st = 0;
        do {
            List<com.bourse.cluster.movement.MovementRow> movementChunk = rows.subList(m,
                    Math.min(rows.size(), m + com.bourse.cluster.movement.MovementCodec.MOVEMENTS_PER_CHUNK));
            List<com.bourse.cluster.movement.MovementStepRow> stepChunk = steps.subList(st,
                    Math.min(steps.size(), st + com.bourse.cluster.movement.MovementCodec.STEPS_PER_CHUNK));
            m += movementChunk.size();
            st += stepChunk.size();
            boolean last = m == rows.size() && st == steps.size();
            int written = movementCodec.encodeChunk(new com.bourse.cluster.movement.MovementCodec.Chunk(
                    query.requestId(), position, last, movementChunk, stepChunk), reply, 0);
            router.sendDirect(session, reply, written);
        } while (m < rows.size() || st < steps.size());
    }

    /**
     * An account's statement of one asset from the replicated posting record at this log position, chunked. The
     * same rule as movements: a back-office session may ask about any account, any other only about its own (asking
     * about another's is refused with the reason). Malformed: answered as such.
     */
    private void answerStatement(ClientSession session, DirectBuffer buffer, int offset, int length) {
        if (!statementCodec.decodeQuery(buffer, offset, length)) {
            malformed(session, "StatementQuery: " + statementCodec.rejection());
            return;
        }
        com.bourse.cluster.statement.StatementQuery query = statementCodec.query();
        long user = router.userOf(session.id());
        boolean allowed = user != Principal.NONE
                && (entitlements.isBackOffice(user) || entitlements.owns(user, query.accountId()));
        if (!allowed) {
            identityReply(session, query.requestId(), ReplyStatus.REFUSED, "account " + query.accountId()
                    + " is not one of this user's accounts: only its owner and the back office see its statement");
            return;
        }
        PostingRecord.Window window = postings.window(query.accountId(), query.asset(), query.fromMs(),
                query.toMs(), engine.balance(query.accountId(), query.asset()));
        long position = cluster.logPosition();
        List<com.bourse.cluster.statement.PostingRow> rows = window.postings();
        int p = 0;
        do {
            List<com.bourse.cluster.statement.PostingRow> chunk = rows.subList(p,
                    Math.min(rows.size(), p + com.bourse.cluster.statement.StatementCodec.POSTINGS_PER_CHUNK));
            p += chunk.size();
            int written = statementCodec.encodeChunk(new com.bourse.cluster.statement.StatementCodec.Chunk(
                    query.requestId(), position, p == rows.size(), postings.heldSince(), postings.sinceLedgerBegan(),
                    window.opening(), window.closing(), chunk), reply, 0);
            router.sendDirect(session, reply, written);
        } while (p < rows.size());
    }

    @Override
    public void onTimerEvent(long correlationId, long timestamp) {
        if (correlationId < REPORT_FLUSH_TIMERS) {
            return;
        }
        offerReports();
        // Only the current chain goes on: a new leadership term starts a new one, and the old one's stops here.
        long deadline = correlationId - REPORT_FLUSH_TIMERS;
        if (flushDeadline == 0 || deadline == flushDeadline) {
            scheduleFlush(timestamp);
        }
    }

    /** Every member calls this from the same log events, so the timers are part of the replicated state. */
    private void scheduleFlush(long timestamp) {
        flushDeadline = timestamp + REPORT_FLUSH_MS;
        cluster.scheduleTimer(REPORT_FLUSH_TIMERS + flushDeadline, flushDeadline);
    }

    /**
     * Leader, from a log callback: offers the sign-in reports of this node's authenticator, retrying one the log did
     * not take first; and, once, the entropy of the session-token signing key.
     */
    private void offerReports() {
        if (cluster.role() != Cluster.Role.LEADER) {
            return;
        }
        if (users.signingKey() == null && !signingKeyOffered) {
            serviceMessage.putInt(0, SIGNING_KEY_MAGIC);
            serviceMessage.putBytes(4, Scram.random(32));
            signingKeyOffered = cluster.offer(serviceMessage, 0, 36) > 0;
        }
        while (true) {
            SignInAttempts.Report report = unsent != null ? unsent : attempts.next();
            if (report == null) {
                return;
            }
            int length;
            if (report instanceof SignInAttempts.Attempt attempt) {
                serviceMessage.putInt(0, SIGN_IN_ATTEMPT_MAGIC);
                serviceMessage.putLong(4, attempt.userId());
                serviceMessage.putLong(12, attempt.id());
                length = 20;
            } else {
                serviceMessage.putInt(0, SIGN_IN_WRONG_MAGIC);
                serviceMessage.putLong(4, report.userId());
                length = 12;
            }
            if (cluster.offer(serviceMessage, 0, length) < 0) {
                unsent = report;
                return;
            }
            unsent = null;
        }
    }

    /** Messages the leader's service offered itself: sign-in attempts and failures, the signing key's entropy. */
    private void onServiceMessage(long timestamp, DirectBuffer buffer, int offset, int length) {
        int magic = length >= 4 ? buffer.getInt(offset) : 0;
        boolean leader = cluster.role() == Cluster.Role.LEADER;
        if (!leader) {
            // Aeron numbers each member's service messages and drops, as already in the log, a new leader's offers
            // numbered at or below the last one the log holds. Only the leader offers ours (they come from its
            // authenticator), so each follower offers a no-op for each one it applies: its count keeps up, the
            // no-op is dropped as a duplicate, and after a leader change the new leader's reports get through.
            serviceMessage.putInt(0, NO_OP_MAGIC);
            cluster.offer(serviceMessage, 0, 4);
        }
        if (magic == NO_OP_MAGIC) {
            return;
        }
        if (magic == SIGN_IN_ATTEMPT_MAGIC && length == 20) {
            long userId = buffer.getLong(offset + 4);
            int decision = users.admitSignIn(userId, timestamp);
            if (leader) {
                attempts.decided(buffer.getLong(offset + 12), decision);
            }
            if (decision < 0) {
                log.info("identity_audit", "member", cluster.memberId(), "action", "SIGN_IN_REFUSED_LOCKED",
                        "user", userId);
            }
        } else if (magic == SIGN_IN_WRONG_MAGIC && length == 12) {
            long userId = buffer.getLong(offset + 4);
            boolean locked = users.admittedSignInFailed(userId, timestamp);
            log.info("identity_audit", "member", cluster.memberId(), "action", locked ? "LOCK" : "SIGN_IN_FAILED",
                    "user", userId);
        } else if (magic == SIGN_IN_FAILED_MAGIC && length == 12) {
            long userId = buffer.getLong(offset + 4);
            boolean locked = users.signInFailed(userId, timestamp);
            log.info("identity_audit", "member", cluster.memberId(), "action", locked ? "LOCK" : "SIGN_IN_FAILED",
                    "user", userId);
        } else if (magic == SIGNING_KEY_MAGIC && length == 36) {
            byte[] seed = new byte[32];
            buffer.getBytes(offset + 4, seed);
            if (users.installSigningKey(seed, timestamp)) {
                log.info("identity_audit", "member", cluster.memberId(), "action", "SIGNING_KEY");
            }
        } else {
            log.warn("unknown_service_message", "member", cluster.memberId(), "length", length);
            return;
        }
        offerReports(); // what arrived meanwhile goes out now, not at the next timer
    }

    /** A signed-in session asks for a fresh session token: the leader answers (signing is no state change). */
    private void renewToken(ClientSession session, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (!identityCodec.decodeTokenRequest(buffer, offset, length)) {
            malformed(session, identityCodec.rejection());
            return;
        }
        if (cluster.role() != Cluster.Role.LEADER) {
            return;
        }
        long requestId = identityCodec.tokenRequestId();
        UserDirectory.Renewal renewal = users.renewToken(session.encodedPrincipal(), timestamp);
        if (renewal.token() == null) {
            identityReply(session, requestId, ReplyStatus.REFUSED, renewal.refusal());
            return;
        }
        int written = identityCodec.encodeToken(requestId, renewal.expiresAtMs(), renewal.token(), reply, 0);
        router.sendDirect(session, reply, written);
    }

    /**
     * An administrator's session asks for the live users: the leader answers from the replicated directory, in
     * chunks; any other session is refused with the reason (logged, not audited: nothing changed).
     */
    private void listUsers(ClientSession session, DirectBuffer buffer, int offset, int length) {
        if (!identityCodec.decodeUserListRequest(buffer, offset, length)) {
            malformed(session, identityCodec.rejection());
            return;
        }
        if (cluster.role() != Cluster.Role.LEADER) {
            return;
        }
        long requestId = identityCodec.listRequestId();
        long actor = router.userOf(session.id());
        List<com.bourse.cluster.identity.UserListing> listing = users.listFor(actor);
        if (listing == null) {
            log.info("user_list_refused", "member", cluster.memberId(), "session", session.id(), "user", actor);
            identityReply(session, requestId, ReplyStatus.REFUSED, "only an administrator lists the live users");
            return;
        }
        long position = cluster.logPosition();
        int from = 0;
        do {
            int to = Math.min(listing.size(), from + IdentityCodec.USERS_PER_CHUNK);
            int written = identityCodec.encodeUserList(requestId, position, to == listing.size(),
                    listing.subList(from, to), reply, 0);
            router.sendDirect(session, reply, written);
            from = to;
        } while (from < listing.size());
    }

    /** An administrator's change to the live users: applied or refused, audited, answered. */
    private void administer(ClientSession session, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (!identityCodec.decodeAdmin(buffer, offset, length)) {
            malformed(session, identityCodec.rejection());
            return;
        }
        UserAdminRequest request = identityCodec.request();
        long actor = router.userOf(session.id());
        UserDirectory.Outcome outcome = users.apply(actor, request, timestamp);
        log.info("identity_audit", "member", cluster.memberId(), "actor", actor, "action", request.action(),
                "user", request.userId(), "outcome", outcome.done() ? "done" : outcome.reason());
        if (outcome.done()) {
            if (request.action() == UserAction.CREATE || request.action() == UserAction.SET_ROLES) {
                // The engine checks roles itself: it learns them from the directory, and from nowhere else.
                router.begin(session);
                engine.apply(new Command.RegisterUser(timestamp, Command.SYSTEM_USER, request.userId(),
                        outcome.user().roleMask()), router);
                router.end();
            } else if (request.action() == UserAction.DISABLE || request.action() == UserAction.RESET_PASSWORD) {
                // A disabled user acts no more; after a reset, no session (nor its token) outlives the old password.
                for (long id : router.sessionsOf(request.userId())) {
                    cluster.closeClientSession(id);
                }
            }
        }
        identityReply(session, request.requestId(), outcome.done() ? ReplyStatus.DONE : ReplyStatus.REFUSED,
                outcome.done() ? request.action() + " user " + request.userId() : outcome.reason());
    }

    /**
     * Answers a message the cluster could not read with the reason; logs it at a bounded rate; closes a session
     * that keeps sending them (so the log stops carrying its garbage).
     */
    private void malformed(ClientSession session, String reason) {
        metrics.messageRejected();
        long count = malformed.get(session.id()) + 1;
        malformed.put(session.id(), count);
        abuseLog.warn("malformed_ingress", "member", cluster.memberId(), "session", session.id(),
                "user", router.userOf(session.id()), "count", count, "reason", reason);
        identityReply(session, 0, ReplyStatus.MALFORMED, reason);
        if (count >= MAX_MALFORMED_PER_SESSION) {
            log.warn("session_closed_for_abuse", "member", cluster.memberId(), "session", session.id(),
                    "malformed", count);
            cluster.closeClientSession(session.id());
        }
    }

    private void identityReply(ClientSession session, long requestId, ReplyStatus status, String reason) {
        int length = identityCodec.encodeReply(requestId, status, reason, reply, 0);
        router.sendDirect(session, reply, length);
    }

    @Override
    public void onTakeSnapshot(ExclusivePublication snapshotPublication) {
        byte[] engineBytes = engine.snapshot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(engineBytes.length + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(engineBytes.length);
            out.write(engineBytes);
            entitlements.write(out);
            sequences.write(out);
            users.write(out);
            desk.prune(engine);
            desk.write(out);
            movements.write(out);
            postings.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] whole = bytes.toByteArray();
        ServiceSnapshot.write(snapshotPublication, whole, cluster.idleStrategy());
        lastSnapshot = whole;
        lastEngineSnapshot = engineBytes;
        metrics.engineSnapshotTaken(cluster.logPosition(), engineBytes);
        log.info("snapshot_taken", "member", cluster.memberId(), "logPosition", cluster.logPosition(),
                "engineBytes", engineBytes.length);
    }

    private void load(byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException("not a Bourse engine service snapshot");
            }
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new IllegalStateException("unsupported service snapshot version " + version);
            }
            byte[] engineBytes = new byte[in.readInt()];
            in.readFully(engineBytes);
            engine = Engine.restore(engineConfig, engineBytes);
            entitlements.read(in);
            sequences.read(in);
            if (version >= 2) {
                users.read(in);
            }
            if (version >= 3) {
                desk.read(in);
            }
            if (version >= 4) {
                movements.read(in);
            }
            if (version >= 5) {
                postings.read(in);
            } else {
                postings.startedAfterLoad();
            }
            desk.rebuild(engine, version >= 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onRoleChange(Cluster.Role newRole) {
        if (newRole != Cluster.Role.LEADER) {
            attempts.forget();
            unsent = null;
            signingKeyOffered = false;
        }
        metrics.role(newRole.code());
        log.info("role_change", "member", cluster.memberId(), "role", newRole);
    }

    @Override
    public void onTerminate(Cluster cluster) {
        log.info("service_terminated", "member", cluster.memberId());
    }

    @Override
    public void onNewLeadershipTermEvent(long leadershipTermId, long logPosition, long timestamp,
                                         long termBaseLogPosition, int leaderMemberId, int logSessionId,
                                         TimeUnit timeUnit, int appVersion) {
        if (timeUnit != TimeUnit.MILLISECONDS) {
            throw new IllegalStateException("the engine's business time is in milliseconds; cluster time unit is "
                    + timeUnit);
        }
        metrics.leader(leaderMemberId);
        metrics.logPosition(logPosition);
        scheduleFlush(timestamp);
        log.info("new_leadership_term", "member", cluster.memberId(), "leader", leaderMemberId,
                "term", leadershipTermId, "logPosition", logPosition);
    }

    // ---- For tests and tools (any thread) ------------------------------------------------------

    /** Engine bytes of the last snapshot this node took, or null. */
    public byte[] lastEngineSnapshot() {
        return lastEngineSnapshot;
    }

    /** The whole service snapshot this node last took (engine, tables, users, desk record), or null. */
    public byte[] lastSnapshot() {
        return lastSnapshot;
    }

    /** The live users (tests; service thread state, read it once the cluster is quiet). */
    public UserDirectory users() {
        return users;
    }

    /** Commands applied since this service instance started (replayed ones included). */
    public long appliedCommands() {
        return appliedCommands;
    }
}
