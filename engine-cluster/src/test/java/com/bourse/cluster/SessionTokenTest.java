package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.identity.IdentityCodec;
import com.bourse.cluster.identity.LiveUser;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.identity.SessionTokens;
import com.bourse.cluster.identity.SignInMessages;
import com.bourse.cluster.identity.UserAction;
import com.bourse.cluster.identity.UserAdminRequest;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.protocol.Role;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.security.AuthenticationException;
import io.aeron.security.CredentialsSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session token a window reconnects with instead of the password (an Ed25519-signed JWT bound to the client's
 * own key), on a real one-node cluster on loopback: issued at sign-in, presented by the next session, renewed
 * while connected, and refused with a clear reason when expired, tampered, copied without its key, or when its
 * user is disabled or changed password. Roles always come from the cluster's directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTokenTest {
    private static final AtomicLong IDS = new AtomicLong(300);
    private LoopbackCluster cluster;
    private ClusterVenue ops;

    @BeforeAll
    void startCluster() {
        cluster = LoopbackCluster.start("tokens", 1, BusinessTime.CLUSTER_LOG);
        ops = cluster.venue(Market.OPS);
        LoopbackCluster.await(Duration.ofSeconds(10), "the cluster's signing key",
                () -> cluster.node(0).service().users().signingKey() != null);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private long newUser(String name, int roles) {
        long id = IDS.incrementAndGet();
        TestIdentity.create(ops, id, name, (name + "'s long password").toCharArray(), roles);
        return id;
    }

    private static ScramCredentials credentials(String name) {
        return ScramCredentials.password(name, (name + "'s long password").toCharArray());
    }

    private SessionTokens.SigningKey clusterKey() {
        return cluster.node(0).service().users().signingKey();
    }

    @Test
    void signInIssuesAnEdDsaJwtWithTheUsersClaimsAShortExpiryAndTheClientsKey() {
        newUser("tina", Role.mask(Role.TRADER));
        Recording tina = new Recording(credentials("tina"));

        connect(tina).close();
        String token = tina.lastToken();

        String[] parts = token.split("\\.");
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}");
        assertThat(decode(parts[1])).startsWith("{\"sub\":\"tina\",").contains("\"roles\":[\"TRADER\"]",
                "\"iat\":", "\"exp\":", "\"jti\":\"", "\"key\":\"");
        SessionTokens.Claims claims = ((SessionTokens.Valid) SessionTokens.verify(clusterKey().publicKey(), token,
                System.currentTimeMillis())).claims();
        // iat is in whole seconds, as JWT has it; the expiry to the millisecond
        assertThat(claims.expiresAtMs() - claims.issuedAtMs()).isBetween(SessionTokens.TTL_MS, SessionTokens.TTL_MS + 999);
        assertThat(tina.real.holdsToken()).isTrue();
    }

    @Test
    void theNextSessionPresentsTheTokenAndNeverThePassword() {
        newUser("uma", Role.mask(Role.TRADER));
        Recording uma = new Recording(credentials("uma"));
        connect(uma).close();

        try (AeronCluster again = connect(uma)) {
            assertThat(again.isClosed()).isFalse();
        }

        byte[] secondFirst = uma.sent.get(uma.firstMessageIndexes.getLast());
        assertThat(secondFirst[1]).as("sign-in mode").isEqualTo(SignInMessages.MODE_TOKEN);
        assertThat(uma.sent).noneMatch(m -> m[0] == SignInMessages.PROOF && uma.sent.indexOf(m)
                > uma.firstMessageIndexes.getLast());
        assertThat(uma.lastToken()).as("a fresh token came back").isNotNull();
    }

    @Test
    void aTokenCopiedOffTheNetworkOpensNothingWithoutTheClientsKey() {
        newUser("vera", Role.mask(Role.TRADER));
        Recording vera = new Recording(credentials("vera"));
        connect(vera).close();
        SessionTokens.SigningKey observersKey = SessionTokens.newClientKey();

        TokenClient thief = new TokenClient("vera", vera.lastToken(), observersKey);

        assertThatThrownBy(() -> connect(thief)).isInstanceOf(AuthenticationException.class);
        assertThat(thief.refusal).isEqualTo("the session token was presented without its key (a copied token): "
                + "sign in again");
    }

    @Test
    void aTamperedTokenIsRefused() {
        newUser("wade", Role.mask(Role.TRADER));
        Recording wade = new Recording(credentials("wade"));
        connect(wade).close();
        String[] parts = wade.lastToken().split("\\.");
        String claims = decode(parts[1]).replace("[\"TRADER\"]", "[\"TRADER\",\"ADMIN\"]");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        TokenClient forger = new TokenClient("wade", tampered, SessionTokens.newClientKey());

        assertThatThrownBy(() -> connect(forger)).isInstanceOf(AuthenticationException.class);
        assertThat(forger.refusal).isEqualTo("the session token's signature is not this cluster's (tampered, or "
                + "from another cluster): sign in again");
    }

    @Test
    void anExpiredTokenIsRefusedSayingWhen() {
        long id = newUser("xena", Role.mask(Role.TRADER));
        LiveUser xena = cluster.node(0).service().users().user(id);
        SessionTokens.SigningKey clientKey = SessionTokens.newClientKey();
        long issued = System.currentTimeMillis() - SessionTokens.TTL_MS - 60_000;
        SessionTokens.Claims old = SessionTokens.claimsFor(xena, issued, issued, clientKey.publicKey());
        String expired = SessionTokens.issue(clusterKey(), old);

        TokenClient late = new TokenClient("xena", expired, clientKey);

        assertThatThrownBy(() -> connect(late)).isInstanceOf(AuthenticationException.class);
        assertThat(late.refusal).isEqualTo("the session token expired at "
                + java.time.Instant.ofEpochMilli(old.expiresAtMs()) + ": sign in again");
    }

    @Test
    void aDisabledUsersTokenIsRefusedAndTheirOpenWindowIsClosed() {
        long id = newUser("yann", Role.mask(Role.TRADER));
        ScramCredentials yann = credentials("yann");
        ClusterVenue window = cluster.venue(yann);
        VenueRecorder outcomes = VenueRecorder.on(window);

        assertThat(TestIdentity.ask(ops, UserAdminRequest.of(0, UserAction.DISABLE, id)).done()).isTrue();

        // The window's session is closed; its reconnect presents the token, which is refused, so its command fails.
        window.submit(Market.buy(1, 10_000, 1));
        LoopbackCluster.await(Duration.ofSeconds(30), "the closed window's command to fail",
                () -> outcomes.failures.size() == 1);
        assertThat(outcomes.failures.getFirst()).contains("user yann is disabled");
        assertThat(yann.refusal()).isEqualTo("user yann is disabled");
    }

    @Test
    void afterAPasswordResetTheOldTokenOpensNothing() {
        long id = newUser("zoe", Role.mask(Role.TRADER));
        Recording zoe = new Recording(credentials("zoe"));
        connect(zoe).close();

        IdentityCodec.Reply reset = TestIdentity.ask(ops, UserAdminRequest.resetPassword(0, id,
                Scram.verifier("zoe's new long password".toCharArray(), TestIdentity.CHEAP)));
        assertThat(reset.done()).isTrue();

        assertThatThrownBy(() -> connect(zoe)).isInstanceOf(AuthenticationException.class);
        assertThat(zoe.real.refusal()).isEqualTo("the password of user zoe was changed since this session signed "
                + "in: sign in again");
    }

    @Test
    void aTokenSignInGetsTheRolesTheDirectoryHoldsNowNotTheTokens() {
        long id = newUser("abel", Role.mask(Role.TRADER));
        Recording abel = new Recording(credentials("abel"));
        connect(abel).close();
        int trader = abel.real.roleMask();

        assertThat(TestIdentity.ask(ops, UserAdminRequest.setRoles(0, id, Role.mask(Role.TRADER, Role.RISK_OFFICER)))
                .done()).isTrue();
        connect(abel).close();

        assertThat(trader).isEqualTo(Role.mask(Role.TRADER));
        assertThat(abel.real.roleMask()).isEqualTo(Role.mask(Role.TRADER, Role.RISK_OFFICER));
        assertThat(decode(abel.lastToken().split("\\.")[1])).contains("\"roles\":[\"TRADER\",\"RISK_OFFICER\"]");
    }

    @Test
    void anOpenWindowRenewsItsTokenWithALaterExpiry() throws Exception {
        newUser("bea", Role.mask(Role.TRADER));
        ScramCredentials bea = credentials("bea");
        ClusterVenue window = cluster.venue(bea);
        long first = bea.tokenExpiresAtMs();
        Thread.sleep(5);

        long renewed = window.renewSessionToken().get(15, TimeUnit.SECONDS);

        assertThat(first).isPositive();
        assertThat(renewed).isGreaterThan(first).isEqualTo(bea.tokenExpiresAtMs());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private AeronCluster connect(CredentialsSupplier credentials) {
        return AeronCluster.connect(new AeronCluster.Context()
                .aeronDirectoryName(cluster.clientAeronDirectory())
                .ingressChannel("aeron:udp")
                .ingressEndpoints(cluster.ingressEndpoints())
                .egressChannel("aeron:udp?endpoint=localhost:0")
                .messageTimeoutNs(Duration.ofSeconds(20).toNanos())
                .credentialsSupplier(credentials));
    }

    /** A real client whose every message and every challenge is kept, as an observer of the network would. */
    static final class Recording implements CredentialsSupplier {
        final ScramCredentials real;
        final List<byte[]> sent = new CopyOnWriteArrayList<>();
        final List<byte[]> challenges = new CopyOnWriteArrayList<>();
        final List<Integer> firstMessageIndexes = new CopyOnWriteArrayList<>();

        Recording(ScramCredentials real) {
            this.real = real;
        }

        @Override
        public byte[] encodedCredentials() {
            byte[] bytes = real.encodedCredentials();
            firstMessageIndexes.add(sent.size());
            sent.add(bytes);
            return bytes;
        }

        @Override
        public byte[] onChallenge(byte[] challenge) {
            challenges.add(challenge);
            byte[] bytes = real.onChallenge(challenge);
            sent.add(bytes);
            return bytes;
        }

        /** The token in the cluster's last signed challenge so far. */
        String lastToken() {
            for (int i = challenges.size() - 1; i >= 0; i--) {
                SignInMessages.ServerFinal last = SignInMessages.parseServerFinal(challenges.get(i));
                if (last != null && last.token() != null) {
                    return last.token();
                }
            }
            return null;
        }
    }

    /** Presents a given token and signs the possession challenge with a given key; keeps the refusal. */
    static final class TokenClient implements CredentialsSupplier {
        final String username;
        final String token;
        final SessionTokens.SigningKey key;
        byte[] first;
        volatile String refusal;

        TokenClient(String username, String token, SessionTokens.SigningKey key) {
            this.username = username;
            this.token = token;
            this.key = key;
        }

        @Override
        public byte[] encodedCredentials() {
            first = SignInMessages.tokenFirst(Scram.random(Scram.NONCE_BYTES), username, token);
            return first;
        }

        @Override
        public byte[] onChallenge(byte[] challenge) {
            String reason = SignInMessages.refusalReason(challenge);
            if (reason != null) {
                refusal = reason;
                return new byte[] {SignInMessages.NONE};
            }
            if (challenge[0] == SignInMessages.POSSESS) {
                return SignInMessages.withKind(SignInMessages.POSSESSED,
                        key.sign(SignInMessages.possessionInput(first, challenge)));
            }
            return new byte[] {SignInMessages.ACK};
        }
    }
}
