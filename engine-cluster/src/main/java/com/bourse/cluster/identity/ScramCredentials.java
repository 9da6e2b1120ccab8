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
 * <p>The password is needed only for the first derivation: the derived client and server keys are kept (for this
 * salt and cost) so that a venue can open a new session after a leader change without asking again, and the
 * password is wiped. A cluster that presents another salt (the password was reset meanwhile) gets no answer: the
 * user has to sign in again.
 *
 * <p>Thread-safe (one exchange at a time).
 */
public final class ScramCredentials implements CredentialsSupplier {
    private final String username;
    private final byte mode;
    private char[] password;
    private byte[] keysSalt;
    private Scram.KdfParams keysParams;
    private Scram.ClientKeys keys;
    private byte[] clientFirst;
    private byte[] authMessage;
    private volatile String refusal;
    private volatile long userId = Long.MIN_VALUE;
    private volatile int roleMask;

    private ScramCredentials(String username, char[] password, byte mode) {
        this.username = username;
        this.password = password.clone();
        this.mode = mode;
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
        clientFirst = SignInMessages.clientFirst(mode, Scram.random(Scram.NONCE_BYTES), username);
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
        SignInMessages.ServerFinal last = SignInMessages.parseServerFinal(challenge);
        if (last != null && authMessage != null && keys != null) {
            byte[] expected = Scram.serverSignature(keys.serverKey(),
                    SignInMessages.signedIdentity(authMessage, last.userId(), last.roleMask()));
            if (!MessageDigest.isEqual(expected, last.signature())) {
                throw refuse("the cluster could not prove it holds this user's password verifier: not the "
                        + "production engine, or a tampered exchange");
            }
            userId = last.userId();
            roleMask = last.roleMask();
            return new byte[] {SignInMessages.ACK};
        }
        throw refuse("the cluster sent an unexpected sign-in challenge");
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
