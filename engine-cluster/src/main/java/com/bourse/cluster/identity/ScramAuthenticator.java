package com.bourse.cluster.identity;

import com.bourse.cluster.auth.Principal;
import com.bourse.cluster.metrics.RateLimitedLog;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import io.aeron.security.Authenticator;
import io.aeron.security.SessionProxy;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The cluster side of sign-in: SCRAM-SHA-256 with Argon2id (see {@link Scram}) inside Aeron Cluster's
 * authentication exchange, on the leader's consensus module thread. Never blocks and never hashes a password:
 * a proof costs one HMAC and one SHA-256.
 *
 * <pre>
 * client                                   leader (this)
 * connect: client-first (name, nonce) ───▶ looks the user up in the published {@link IdentityView}
 *          ◀─── challenge: server-first (salt, Argon2id cost, its own fresh nonce) — or a refusal
 * Argon2id, proof ─────────────────────▶ checks the proof against StoredKey
 *          ◀─── challenge: user id, roles, and the server signature over them and the exchange (proves
 *               the cluster holds the verifier) — or a refusal
 * checks it, ack ──────────────────────▶ authenticate(principal = user id)
 * </pre>
 *
 * Aeron's reject carries no text, so a refusal is first sent as a challenge ({@link SignInMessages#REFUSED} and
 * the reason), and the session is rejected once the client answered it. A replayed exchange fails: the proof
 * signs the server's fresh nonce. A wrong password is reported to {@link SignInFailures}, which the service turns
 * into replicated state (count, lock, audit); the lock is enforced here at once, counting failures not yet applied.
 *
 * <p>Consensus module thread only; not thread-safe.
 */
public final class ScramAuthenticator implements Authenticator {
    /** How long a half-done exchange is remembered; Aeron times the session out before that. */
    private static final long EXCHANGE_TTL_MS = 60_000;
    private static final int MAX_EXCHANGES = 10_000;

    private final IdentityView users;
    private final SignInFailures failures;
    private final int maxFailedSignIns;
    private final Scram.Verifier bootstrap;
    private final RateLimitedLog log;
    private final Long2ObjectHashMap<Exchange> exchanges = new Long2ObjectHashMap<>();

    private enum Stage { SEND_CHALLENGE, AWAIT_PROOF, SEND_SERVER_FINAL, AWAIT_ACK, AUTHENTICATE, SEND_REFUSAL,
        AWAIT_REFUSAL_ANSWER, REJECT }

    private static final class Exchange {
        final long startedMs;
        Stage stage;
        byte[] challenge;
        byte[] authMessage;
        Scram.Verifier verifier;
        long principal;
        int roleMask;
        String username;
        String refusal;

        Exchange(long startedMs) {
            this.startedMs = startedMs;
        }

        void refuse(String reason) {
            refusal = reason;
            stage = Stage.SEND_REFUSAL;
        }
    }

    /**
     * @param bootstrap the verifier of this node's bootstrap secret, or null when it was given none
     */
    public ScramAuthenticator(IdentityView users, SignInFailures failures, int maxFailedSignIns,
                              Scram.Verifier bootstrap, RateLimitedLog log) {
        this.users = users;
        this.failures = failures;
        this.maxFailedSignIns = maxFailedSignIns;
        this.bootstrap = bootstrap;
        this.log = log;
    }

    @Override
    public void onConnectRequest(long sessionId, byte[] encodedCredentials, long nowMs) {
        expire(nowMs);
        Exchange exchange = new Exchange(nowMs);
        if (exchanges.size() >= MAX_EXCHANGES) {
            exchange.refuse("the cluster is busy with sign-ins; try again");
            exchanges.put(sessionId, exchange);
            return;
        }
        exchanges.put(sessionId, exchange);
        String[] problem = new String[1];
        SignInMessages.ClientFirst first = SignInMessages.parseClientFirst(encodedCredentials, problem);
        if (first == null) {
            refuse(sessionId, exchange, "malformed credentials: " + problem[0], "?");
            return;
        }
        exchange.username = first.username();
        Scram.Verifier verifier;
        if (first.mode() == SignInMessages.MODE_BOOTSTRAP) {
            if (bootstrap == null) {
                refuse(sessionId, exchange, "this node was given no bootstrap secret", first.username());
                return;
            }
            if (!users.noUsers()) {
                refuse(sessionId, exchange, "the cluster has users: the bootstrap secret no longer opens a session",
                        first.username());
                return;
            }
            verifier = bootstrap;
            exchange.principal = Command.SYSTEM_USER;
            exchange.roleMask = Role.mask(Role.values());
        } else {
            LiveUser user = users.user(first.username());
            if (user == null) {
                refuse(sessionId, exchange, "unknown user " + first.username(), first.username());
                return;
            }
            if (user.status() == UserStatus.DISABLED) {
                refuse(sessionId, exchange, "user " + first.username() + " is disabled", first.username());
                return;
            }
            if (user.status() == UserStatus.LOCKED || lockedNow(user)) {
                refuse(sessionId, exchange, "user " + first.username() + " is locked after " + maxFailedSignIns
                        + " failed sign-ins: an administrator must unlock it", first.username());
                return;
            }
            verifier = user.verifier();
            exchange.principal = user.userId();
            exchange.roleMask = user.roleMask();
        }
        byte[] serverFirst = SignInMessages.serverFirst(verifier.salt(), verifier.params(),
                Scram.random(Scram.NONCE_BYTES));
        exchange.verifier = verifier;
        exchange.challenge = serverFirst;
        exchange.authMessage = SignInMessages.authMessage(encodedCredentials, serverFirst);
        exchange.stage = Stage.SEND_CHALLENGE;
    }

    private boolean lockedNow(LiveUser user) {
        return user.failedSignIns() + failures.pending(user.userId()) >= maxFailedSignIns;
    }

    @Override
    public void onChallengeResponse(long sessionId, byte[] encodedCredentials, long nowMs) {
        Exchange exchange = exchanges.get(sessionId);
        if (exchange == null) {
            return;
        }
        switch (exchange.stage) {
            case AWAIT_REFUSAL_ANSWER -> exchange.stage = Stage.REJECT;
            case AWAIT_PROOF -> {
                byte[] proof = SignInMessages.key(SignInMessages.PROOF, encodedCredentials);
                if (proof == null) {
                    refuse(sessionId, exchange, "malformed proof", exchange.username);
                } else if (!Scram.proofMatches(exchange.verifier.storedKey(), exchange.authMessage, proof)) {
                    boolean user = exchange.principal != Command.SYSTEM_USER;
                    if (user) {
                        failures.report(exchange.principal);
                    }
                    LiveUser now = user ? users.user(exchange.username) : null;
                    boolean locks = now != null && lockedNow(now);
                    refuse(sessionId, exchange, (user ? "wrong password" : "wrong bootstrap secret")
                            + (locks ? "; the user is now locked: an administrator must unlock it" : ""),
                            exchange.username);
                } else {
                    byte[] signature = Scram.serverSignature(exchange.verifier.serverKey(),
                            SignInMessages.signedIdentity(exchange.authMessage, exchange.principal, exchange.roleMask));
                    exchange.challenge = SignInMessages.serverFinal(signature, exchange.principal, exchange.roleMask);
                    exchange.stage = Stage.SEND_SERVER_FINAL;
                }
            }
            case AWAIT_ACK -> {
                if (encodedCredentials != null && encodedCredentials.length == 1
                        && encodedCredentials[0] == SignInMessages.ACK) {
                    exchange.stage = Stage.AUTHENTICATE;
                } else {
                    refuse(sessionId, exchange, "the client did not accept the cluster's signature",
                            exchange.username);
                }
            }
            default -> refuse(sessionId, exchange, "unexpected answer in the sign-in exchange", exchange.username);
        }
    }

    @Override
    public void onConnectedSession(SessionProxy session, long nowMs) {
        Exchange exchange = exchanges.get(session.sessionId());
        if (exchange == null) {
            session.reject();
            return;
        }
        step(session, exchange);
    }

    @Override
    public void onChallengedSession(SessionProxy session, long nowMs) {
        Exchange exchange = exchanges.get(session.sessionId());
        if (exchange == null) {
            session.reject();
            return;
        }
        step(session, exchange);
    }

    /** Called every duty cycle until the session is decided: sends what is due, once. */
    private void step(SessionProxy session, Exchange exchange) {
        switch (exchange.stage) {
            case SEND_CHALLENGE -> {
                if (session.challenge(exchange.challenge)) {
                    exchange.stage = Stage.AWAIT_PROOF;
                }
            }
            case SEND_SERVER_FINAL -> {
                if (session.challenge(exchange.challenge)) {
                    exchange.stage = Stage.AWAIT_ACK;
                }
            }
            case SEND_REFUSAL -> {
                if (session.challenge(SignInMessages.refusal(exchange.refusal))) {
                    exchange.stage = Stage.AWAIT_REFUSAL_ANSWER;
                }
            }
            case AUTHENTICATE -> {
                if (session.authenticate(Principal.encode(exchange.principal))) {
                    exchanges.remove(session.sessionId());
                }
            }
            case REJECT -> {
                session.reject();
                exchanges.remove(session.sessionId());
            }
            default -> {
            }
        }
    }

    private void refuse(long sessionId, Exchange exchange, String reason, String username) {
        exchange.refuse(reason);
        log.warn("sign_in_refused", "session", sessionId, "user", username, "reason", reason);
    }

    private void expire(long nowMs) {
        if (exchanges.isEmpty()) {
            return;
        }
        exchanges.values().removeIf(e -> nowMs - e.startedMs > EXCHANGE_TTL_MS);
    }

    /** Exchanges under way (tests: none is left behind). */
    public int exchangesInProgress() {
        return exchanges.size();
    }
}
