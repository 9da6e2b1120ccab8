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
import com.bourse.protocol.Role;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.security.AuthenticationException;
import io.aeron.security.CredentialsSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session token a window reconnects with instead of the password (an Ed25519-signed JWT bound to the client's
 * own key), on the one-node cluster the sign-in specs share ({@link SignInCluster}): issued at sign-in, presented
 * by the next session, renewed while connected, and refused with a clear reason when expired, tampered, copied
 * without its key, or when its user is disabled or changed password. Roles always come from the cluster's directory.
 */
class SessionTokenTest {
    @RegisterExtension
    static final SignInCluster identity = new SignInCluster();

    private static long newUser(String name, int roles) {
        return identity.newUser(name, name + "'s long password", roles);
    }

    private static ScramCredentials credentials(String name) {
        return ScramCredentials.password(name, (name + "'s long password").toCharArray());
    }

    private static SessionTokens.SigningKey clusterKey() {
        return identity.cluster().node(0).service().users().signingKey();
    }

    @Test
    void signInIssuesAnEdDsaJwtWithTheUsersClaimsAShortExpiryAndTheClientsKey() {
        newUser("tina", Role.mask(Role.TRADER));
        RecordingCredentials tina = new RecordingCredentials(credentials("tina"));

        identity.cluster().connectRaw(tina).close();
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
        RecordingCredentials uma = new RecordingCredentials(credentials("uma"));
        identity.cluster().connectRaw(uma).close();

        try (AeronCluster again = identity.cluster().connectRaw(uma)) {
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
        RecordingCredentials vera = new RecordingCredentials(credentials("vera"));
        identity.cluster().connectRaw(vera).close();
        SessionTokens.SigningKey observersKey = SessionTokens.newClientKey();

        TokenClient thief = new TokenClient("vera", vera.lastToken(), observersKey);

        assertThatThrownBy(() -> identity.cluster().connectRaw(thief)).isInstanceOf(AuthenticationException.class);
        assertThat(thief.refusal).isEqualTo("the session token was presented without its key (a copied token): "
                + "sign in again");
    }

    @Test
    void aTamperedTokenIsRefused() {
        newUser("wade", Role.mask(Role.TRADER));
        RecordingCredentials wade = new RecordingCredentials(credentials("wade"));
        identity.cluster().connectRaw(wade).close();
        String[] parts = wade.lastToken().split("\\.");
        String claims = decode(parts[1]).replace("[\"TRADER\"]", "[\"TRADER\",\"ADMIN\"]");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        TokenClient forger = new TokenClient("wade", tampered, SessionTokens.newClientKey());

        assertThatThrownBy(() -> identity.cluster().connectRaw(forger)).isInstanceOf(AuthenticationException.class);
        assertThat(forger.refusal).isEqualTo("the session token's signature is not this cluster's (tampered, or "
                + "from another cluster): sign in again");
    }

    @Test
    void anExpiredTokenIsRefusedSayingWhen() {
        long id = newUser("xena", Role.mask(Role.TRADER));
        LiveUser xena = identity.cluster().node(0).service().users().user(id);
        SessionTokens.SigningKey clientKey = SessionTokens.newClientKey();
        long issued = System.currentTimeMillis() - SessionTokens.TTL_MS - 60_000;
        SessionTokens.Claims old = SessionTokens.claimsFor(xena, issued, issued, clientKey.publicKey());
        String expired = SessionTokens.issue(clusterKey(), old);

        TokenClient late = new TokenClient("xena", expired, clientKey);

        assertThatThrownBy(() -> identity.cluster().connectRaw(late)).isInstanceOf(AuthenticationException.class);
        assertThat(late.refusal).isEqualTo("the session token expired at "
                + java.time.Instant.ofEpochMilli(old.expiresAtMs()) + ": sign in again");
    }

    @Test
    void aDisabledUsersTokenIsRefusedAndTheirOpenWindowIsClosed() {
        long id = newUser("yann", Role.mask(Role.TRADER));
        ScramCredentials yann = credentials("yann");
        ClusterVenue window = identity.cluster().venue(yann);
        VenueRecorder outcomes = VenueRecorder.on(window);

        assertThat(TestIdentity.ask(identity.ops(), UserAdminRequest.of(0, UserAction.DISABLE, id)).done()).isTrue();

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
        RecordingCredentials zoe = new RecordingCredentials(credentials("zoe"));
        identity.cluster().connectRaw(zoe).close();

        IdentityCodec.Reply reset = TestIdentity.ask(identity.ops(), UserAdminRequest.resetPassword(0, id,
                Scram.verifier("zoe's new long password".toCharArray(), TestIdentity.CHEAP)));
        assertThat(reset.done()).isTrue();

        assertThatThrownBy(() -> identity.cluster().connectRaw(zoe)).isInstanceOf(AuthenticationException.class);
        assertThat(zoe.real.refusal()).isEqualTo("the password of user zoe was changed since this session signed "
                + "in: sign in again");
    }

    @Test
    void aTokenSignInGetsTheRolesTheDirectoryHoldsNowNotTheTokens() {
        long id = newUser("abel", Role.mask(Role.TRADER));
        RecordingCredentials abel = new RecordingCredentials(credentials("abel"));
        identity.cluster().connectRaw(abel).close();
        int trader = abel.real.roleMask();

        assertThat(TestIdentity.ask(identity.ops(), UserAdminRequest.setRoles(0, id, Role.mask(Role.TRADER, Role.RISK_OFFICER)))
                .done()).isTrue();
        identity.cluster().connectRaw(abel).close();

        assertThat(trader).isEqualTo(Role.mask(Role.TRADER));
        assertThat(abel.real.roleMask()).isEqualTo(Role.mask(Role.TRADER, Role.RISK_OFFICER));
        assertThat(decode(abel.lastToken().split("\\.")[1])).contains("\"roles\":[\"TRADER\",\"RISK_OFFICER\"]");
    }

    @Test
    void anOpenWindowRenewsItsTokenWithALaterExpiry() throws Exception {
        newUser("bea", Role.mask(Role.TRADER));
        ScramCredentials bea = credentials("bea");
        ClusterVenue window = identity.cluster().venue(bea);
        long first = bea.tokenExpiresAtMs();
        Thread.sleep(5);

        long renewed = window.renewSessionToken().get(15, TimeUnit.SECONDS);

        assertThat(first).isPositive();
        assertThat(renewed).isGreaterThan(first).isEqualTo(bea.tokenExpiresAtMs());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

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
