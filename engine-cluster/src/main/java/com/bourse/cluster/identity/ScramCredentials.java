package com.bourse.cluster.identity;

import io.aeron.security.AuthenticationException;
import io.aeron.security.CredentialsSupplier;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The client side of sign-in ({@link ScramAuthenticator}): a user name and password, never sent. Aeron calls it on
 * the connecting thread: {@link #encodedCredentials} starts each exchange with a fresh nonce, {@link #onChallenge}
 * answers the cluster's salt with a proof and checks the cluster's signature before it lets the session open.
 *
 * <p>The first sign-in proves the password and sends the public half of a key pair made for this sign-in; the
 * cluster answers with a session token bound to that key ({@link SessionTokens}). From then on the password and
 * the keys derived from it are wiped, and every later exchange (a new session after a leader change or a lost
 * connection) presents the token and signs the cluster's fresh challenge with the key, so a token copied off the
 * network opens nothing. The token is held in memory only, never written anywhere; a window renews it while
 * connected ({@link #renew}). A cluster that has no signing key yet issues no token: then the derived keys are
 * kept instead, for this salt and cost, as before tokens existed.
 *
 * <p>Thread-safe (one exchange at a time).
 */
public final class ScramCredentials implements CredentialsSupplier {
    private final String username;
    private final byte mode;
    private final SessionTokens.SigningKey clientKey;
    private char[] password;
    private byte[] keysSalt;
    private Scram.KdfParams keysParams;
    private Scram.ClientKeys keys;
    private byte[] clientFirst;
    private byte[] authMessage;
    private byte[] possessChallenge;
    private byte[] clusterKey;
    private volatile String token;
    private volatile long tokenExpiresAtMs;
    private volatile String refusal;
    private volatile long userId = Long.MIN_VALUE;
    private volatile int roleMask;

    private ScramCredentials(String username, char[] password, byte mode) {
        this.username = username;
        this.password = password.clone();
        this.mode = mode;
        this.clientKey = mode == SignInMessages.MODE_PASSWORD ? SessionTokens.newClientKey() : null;
    }

    /** A user's sign-in. The caller may wipe {@code password} once this returns. */
    public static ScramCredentials password(String username, char[] password) {
        if (!SignInMessages.validUsername(username)) {
            throw new IllegalArgumentException("not a valid user name: " + username);
        }
        return new ScramCredentials(username, password, SignInMessages.MODE_PASSWORD);
    }

    /** The installation's sign-in to a fresh cluster with its bootstrap secret. */
    public static ScramCredentials bootstrap(char[] secret) {
        return new ScramCredentials(SignInMessages.BOOTSTRAP_NAME, secret, SignInMessages.MODE_BOOTSTRAP);
    }

    public String username() {
        return username;
    }

    @Override
    public synchronized byte[] encodedCredentials() {
        refusal = null;
        authMessage = null;
        possessChallenge = null;
        byte[] nonce = Scram.random(Scram.NONCE_BYTES);
        clientFirst = token != null ? SignInMessages.tokenFirst(nonce, username, token)
                : SignInMessages.clientFirst(mode, nonce, username, clientKey == null ? null : clientKey.publicKey());
        return clientFirst.clone();
    }

    @Override
    public synchronized byte[] onChallenge(byte[] challenge) {
        String reason = SignInMessages.refusalReason(challenge);
        if (reason != null) {
            refusal = reason;
            return new byte[] {SignInMessages.NONE};
        }
        if (challenge != null && challenge.length > 0 && challenge[0] == SignInMessages.SALT) {
            return proof(challenge);
        }
        if (challenge != null && challenge.length == 1 + Scram.NONCE_BYTES && challenge[0] == SignInMessages.POSSESS
                && token != null) {
            possessChallenge = challenge.clone();
            return SignInMessages.withKind(SignInMessages.POSSESSED,
                    clientKey.sign(SignInMessages.possessionInput(clientFirst, possessChallenge)));
        }
        SignInMessages.ServerFinal last = SignInMessages.parseServerFinal(challenge);
        if (last != null && last.kind() == SignInMessages.SERVER && authMessage != null && keys != null) {
            byte[] expected = Scram.serverSignature(keys.serverKey(),
                    SignInMessages.signedIdentity(authMessage, last.identity()));
            if (!MessageDigest.isEqual(expected, last.signature())) {
                throw refuse("the cluster could not prove it holds this user's password verifier: not the "
                        + "production engine, or a tampered exchange");
            }
            if (last.token() != null) {
                clusterKey = last.clusterKey();
                // The token replaces everything the password gave: nothing password-equivalent stays in memory.
                keys = null;
                keysSalt = null;
            }
            return accept(last);
        }
        if (last != null && last.kind() == SignInMessages.SERVER_TOKEN && possessChallenge != null
                && clusterKey != null) {
            if (!SessionTokens.verifySignature(clusterKey, SignInMessages.serverTokenInput(clientFirst,
                    possessChallenge, last.identity()), last.signature()) || last.token() == null) {
                throw refuse("the cluster could not prove it holds the key that signed this session's token: not "
                        + "the production engine, or a tampered exchange");
            }
            return accept(last);
        }
        throw refuse("the cluster sent an unexpected sign-in challenge");
    }

    private byte[] accept(SignInMessages.ServerFinal last) {
        if (last.token() != null) {
            SessionTokens.Check check = SessionTokens.verify(clusterKey, last.token(), System.currentTimeMillis());
            token = last.token();
            tokenExpiresAtMs = check instanceof SessionTokens.Valid(SessionTokens.Claims claims)
                    ? claims.expiresAtMs() : 0;
        }
        userId = last.userId();
        roleMask = last.roleMask();
        return new byte[] {SignInMessages.ACK};
    }

    private byte[] proof(byte[] challenge) {
        SignInMessages.ServerFirst first = SignInMessages.parseServerFirst(challenge);
        if (first == null) {
            throw refuse("the cluster's sign-in challenge is malformed");
        }
        String problem = first.params().problem();
        if (problem != null) {
            throw refuse("the cluster asked for an unacceptable key derivation: " + problem);
        }
        if (keys == null || !Arrays.equals(keysSalt, first.salt()) || !first.params().equals(keysParams)) {
            if (password == null) {
                throw refuse("the password was changed since this sign-in: sign in again");
            }
            keys = Scram.derive(password, first.salt(), first.params());
            keysSalt = first.salt();
            keysParams = first.params();
            Arrays.fill(password, '\0');
            password = null;
        }
        authMessage = SignInMessages.authMessage(clientFirst, challenge);
        return SignInMessages.withKind(SignInMessages.PROOF, Scram.clientProof(keys, authMessage));
    }

    /**
     * A fresh token the cluster sent over this user's open session: taken when the cluster's key signed it and it
     * expires later than the one held. Returns true when taken.
     */
    public synchronized boolean renew(String fresh) {
        if (clusterKey == null || fresh == null) {
            return false;
        }
        if (SessionTokens.verify(clusterKey, fresh, System.currentTimeMillis())
                instanceof SessionTokens.Valid(SessionTokens.Claims claims)
                && claims.username().equals(username) && claims.expiresAtMs() > tokenExpiresAtMs) {
            token = fresh;
            tokenExpiresAtMs = claims.expiresAtMs();
            return true;
        }
        return false;
    }

    /** When the session token held expires (epoch ms), or 0 while none is held. */
    public long tokenExpiresAtMs() {
        return tokenExpiresAtMs;
    }

    /** True once the cluster issued a token: a new session presents it instead of the password. */
    public boolean holdsToken() {
        return token != null;
    }

    private AuthenticationException refuse(String reason) {
        refusal = reason;
        return new AuthenticationException(reason);
    }

    /** The user id the cluster signed in, as its signed last challenge said; {@code Long.MIN_VALUE} before. */
    public long userId() {
        return userId;
    }

    /** The roles ({@link com.bourse.protocol.Role} bits) the cluster holds for the signed-in user. */
    public int roleMask() {
        return roleMask;
    }

    /** Why the last exchange was refused (by the cluster, or by this client), or null. */
    public String refusal() {
        return refusal;
    }
}
