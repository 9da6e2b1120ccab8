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
 * signs the server's fresh nonce. A proof is checked only once the log admitted the attempt ({@link SignInAttempts}):
 * every checked proof is counted in the replicated state first, so the lockout holds across leader changes.
 *
 * <p>A window reconnects with the session token it got at sign-in ({@link SessionTokens}) instead of the password:
 * the token's signature, expiry, user (enabled, not locked, same password) and session limit are checked, then the
 * client proves it holds the key the token is bound to by signing a fresh challenge, and the cluster answers with a
 * new token, signed with its own key. The session's roles always come from the directory, never from the token.
 *
 * <p>Consensus module thread only; not thread-safe.
 */
public final class ScramAuthenticator implements Authenticator {
    /** How long a half-done exchange is remembered; Aeron times the session out before that. */
    private static final long EXCHANGE_TTL_MS = 60_000;
    private static final int MAX_EXCHANGES = 10_000;

    private final IdentityView users;
    private final SignInAttempts attempts;
    private final int maxFailedSignIns;
    private final Scram.Verifier bootstrap;
    private final RateLimitedLog log;
    private final Long2ObjectHashMap<Exchange> exchanges = new Long2ObjectHashMap<>();

    private enum Stage { SEND_CHALLENGE, AWAIT_PROOF, AWAIT_ADMISSION, SEND_SERVER_FINAL, AWAIT_ACK, AUTHENTICATE,
        SEND_REFUSAL, AWAIT_REFUSAL_ANSWER, REJECT }

    private static final class Exchange {
        final long startedMs;
        Stage stage;
        byte mode;
        byte[] clientFirst;
        byte[] challenge;
        byte[] authMessage;
        Scram.Verifier verifier;
        long principal;
        int roleMask;
        String username;
        String refusal;
        byte[] clientKey;
        byte[] proof;
        long attemptId;
        SessionTokens.Claims renewed;
        byte[] encodedPrincipal;

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
    public ScramAuthenticator(IdentityView users, SignInAttempts attempts, int maxFailedSignIns,
                              Scram.Verifier bootstrap, RateLimitedLog log) {
        this.users = users;
        this.attempts = attempts;
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
        exchange.mode = first.mode();
        exchange.clientFirst = encodedCredentials.clone();
        if (first.mode() == SignInMessages.MODE_TOKEN) {
            connectWithToken(sessionId, exchange, first, nowMs);
            return;
        }
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
            String refusal = refusal(user, first.username());
            if (refusal != null) {
                refuse(sessionId, exchange, refusal, first.username());
                return;
            }
            verifier = user.verifier();
            exchange.principal = user.userId();
            exchange.roleMask = user.roleMask();
            exchange.clientKey = first.clientKey();
        }
        byte[] serverFirst = SignInMessages.serverFirst(verifier.salt(), verifier.params(),
                Scram.random(Scram.NONCE_BYTES));
        exchange.verifier = verifier;
        exchange.challenge = serverFirst;
        exchange.authMessage = SignInMessages.authMessage(encodedCredentials, serverFirst);
        exchange.stage = Stage.SEND_CHALLENGE;
    }

    /** Why {@code user} may not sign in now, or null. */
    private String refusal(LiveUser user, String username) {
        if (user == null) {
            return "unknown user " + username;
        }
        if (user.status() == UserStatus.DISABLED) {
            return "user " + username + " is disabled";
        }
        if (user.status() == UserStatus.LOCKED || user.failedSignIns() >= maxFailedSignIns) {
            return locked(username);
        }
        return null;
    }

    private String locked(String username) {
        return "user " + username + " is locked after " + maxFailedSignIns
                + " failed sign-ins: an administrator must unlock it";
    }

    private void connectWithToken(long sessionId, Exchange exchange, SignInMessages.ClientFirst first, long nowMs) {
        SessionTokens.SigningKey key = users.signingKey();
        if (key == null) {
            refuse(sessionId, exchange, "the cluster has no session-token key yet: sign in with the password",
                    first.username());
            return;
        }
        SessionTokens.Check check = SessionTokens.verify(key.publicKey(), first.token(), nowMs);
        if (check instanceof SessionTokens.Refused(String reason)) {
            refuse(sessionId, exchange, reason, first.username());
            return;
        }
        SessionTokens.Claims claims = ((SessionTokens.Valid) check).claims();
        LiveUser user = users.user(first.username());
        String refusal = !claims.username().equals(first.username())
                ? "the session token is not user " + first.username() + "'s" : refusal(user, first.username());
        if (refusal == null && user.userId() != claims.userId()) {
            refusal = "the session token names another user";
        }
        if (refusal == null && !SessionTokens.sameFingerprint(SessionTokens.fingerprint(user.verifier()),
                claims.passwordFingerprint())) {
            refusal = "the password of user " + first.username() + " was changed since this session signed in: "
                    + "sign in again";
        }
        SessionTokens.Claims renewed = refusal == null
                ? SessionTokens.claimsFor(user, nowMs, claims.authTimeMs(), claims.clientKey()) : null;
        if (refusal == null && renewed == null) {
            refusal = "the session of user " + first.username() + " reached its "
                    + SessionTokens.MAX_SESSION_MS / 3_600_000 + "-hour limit: sign in again";
        }
        if (refusal != null) {
            refuse(sessionId, exchange, refusal, first.username());
            return;
        }
        exchange.principal = user.userId();
        exchange.roleMask = user.roleMask();
        exchange.clientKey = claims.clientKey();
        exchange.renewed = renewed;
        exchange.challenge = SignInMessages.withKind(SignInMessages.POSSESS, Scram.random(Scram.NONCE_BYTES));
        exchange.stage = Stage.SEND_CHALLENGE;
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
                if (exchange.mode == SignInMessages.MODE_TOKEN) {
                    possession(sessionId, exchange, encodedCredentials);
                    return;
                }
                byte[] proof = SignInMessages.key(SignInMessages.PROOF, encodedCredentials);
                if (proof == null) {
                    refuse(sessionId, exchange, "malformed proof", exchange.username);
                } else if (exchange.principal == Command.SYSTEM_USER) {
                    exchange.proof = proof;
                    check(sessionId, exchange, 0, nowMs);
                } else {
                    // Counted in the log before it is checked: see SignInAttempts.
                    exchange.proof = proof;
                    exchange.attemptId = attempts.admit(exchange.principal);
                    if (exchange.attemptId == 0) {
                        refuse(sessionId, exchange, "the cluster is busy with sign-ins; try again", exchange.username);
                    } else {
                        exchange.stage = Stage.AWAIT_ADMISSION;
                    }
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

    /** The client signed the possession challenge: with the token's key, it gets a session and a fresh token. */
    private void possession(long sessionId, Exchange exchange, byte[] answer) {
        byte[] signature = SignInMessages.possessed(answer);
        SessionTokens.SigningKey key = users.signingKey();
        if (signature == null || !SessionTokens.verifySignature(exchange.clientKey,
                SignInMessages.possessionInput(exchange.clientFirst, exchange.challenge), signature)) {
            refuse(sessionId, exchange, "the session token was presented without its key (a copied token): sign in "
                    + "again", exchange.username);
            return;
        }
        String token = SessionTokens.issue(key, exchange.renewed);
        byte[] identity = SignInMessages.identity(exchange.principal, exchange.roleMask, key.publicKey(), token);
        byte[] serverSignature = key.sign(SignInMessages.serverTokenInput(exchange.clientFirst, exchange.challenge,
                identity));
        exchange.challenge = SignInMessages.serverFinal(SignInMessages.SERVER_TOKEN, serverSignature, identity);
        exchange.encodedPrincipal = Principal.encode(exchange.principal, exchange.renewed.authTimeMs(),
                exchange.clientKey);
        exchange.stage = Stage.SEND_SERVER_FINAL;
    }

    /**
     * Checks an admitted proof ({@code attemptsWithoutSuccess} counting it, as the log applied it): the server's last
     * challenge, with a session token when the client sent a key and the cluster has a signing key; or the refusal.
     */
    private void check(long sessionId, Exchange exchange, int attemptsWithoutSuccess, long nowMs) {
        boolean user = exchange.principal != Command.SYSTEM_USER;
        if (!Scram.proofMatches(exchange.verifier.storedKey(), exchange.authMessage, exchange.proof)) {
            if (user) {
                attempts.failed(exchange.principal);
            }
            boolean locks = user && attemptsWithoutSuccess >= maxFailedSignIns;
            refuse(sessionId, exchange, (user ? "wrong password" : "wrong bootstrap secret")
                    + (locks ? "; the user is now locked: an administrator must unlock it" : ""), exchange.username);
            return;
        }
        SessionTokens.SigningKey key = users.signingKey();
        LiveUser live = user ? users.user(exchange.username) : null;
        SessionTokens.Claims claims = live != null && exchange.clientKey != null && key != null
                ? SessionTokens.claimsFor(live, nowMs, nowMs, exchange.clientKey) : null;
        String token = claims == null ? null : SessionTokens.issue(key, claims);
        byte[] identity = SignInMessages.identity(exchange.principal, exchange.roleMask,
                token == null ? null : key.publicKey(), token);
        byte[] signature = Scram.serverSignature(exchange.verifier.serverKey(),
                SignInMessages.signedIdentity(exchange.authMessage, identity));
        exchange.challenge = SignInMessages.serverFinal(SignInMessages.SERVER, signature, identity);
        exchange.encodedPrincipal = token == null ? Principal.encode(exchange.principal)
                : Principal.encode(exchange.principal, nowMs, exchange.clientKey);
        exchange.stage = Stage.SEND_SERVER_FINAL;
    }

    @Override
    public void onConnectedSession(SessionProxy session, long nowMs) {
        Exchange exchange = exchanges.get(session.sessionId());
        if (exchange == null) {
            session.reject();
            return;
        }
        step(session, exchange, nowMs);
    }

    @Override
    public void onChallengedSession(SessionProxy session, long nowMs) {
        Exchange exchange = exchanges.get(session.sessionId());
        if (exchange == null) {
            session.reject();
            return;
        }
        step(session, exchange, nowMs);
    }

    /** Called every duty cycle until the session is decided: sends what is due, once. */
    private void step(SessionProxy session, Exchange exchange, long nowMs) {
        if (exchange.stage == Stage.AWAIT_ADMISSION) {
            Integer decision = attempts.decision(exchange.attemptId);
            if (decision == null) {
                return;
            }
            if (decision < 0) {
                LiveUser now = users.user(exchange.username);
                refuse(session.sessionId(), exchange, now != null && now.status() == UserStatus.DISABLED
                        ? "user " + exchange.username + " is disabled" : locked(exchange.username), exchange.username);
            } else {
                check(session.sessionId(), exchange, decision, nowMs);
            }
        }
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
                if (session.authenticate(exchange.encodedPrincipal)) {
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
