package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CredentialRefusedException;
import com.bourse.cluster.client.RequestRefusedException;
import com.bourse.cluster.identity.IdentityAudit;
import com.bourse.cluster.identity.IdentityCodec;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.identity.SignInMessages;
import com.bourse.cluster.identity.UserAction;
import com.bourse.cluster.identity.UserAdminRequest;
import com.bourse.cluster.identity.UserListing;
import com.bourse.cluster.identity.UserStatus;
import com.bourse.protocol.Role;
import com.bourse.protocol.sbe.ReplyStatus;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.security.AuthenticationException;
import io.aeron.security.CredentialsSupplier;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in against the cluster's own users (SCRAM-SHA-256 with Argon2id inside Aeron's authentication exchange),
 * on the one-node cluster the sign-in specs share ({@link SignInCluster}): every way of being refused says why, no
 * refusal opens a session, and the directory's changes and failures are audited replicated state.
 */
class LiveIdentityTest {
    @RegisterExtension
    static final SignInCluster identity = new SignInCluster();

    /** A fresh trader created by the operations user; returns its id. */
    private static long newTrader(String name, String password) {
        return identity.newUser(name, password, Role.mask(Role.TRADER));
    }

    private static ClusterVenue signIn(String name, String password) {
        return identity.cluster().venue(ScramCredentials.password(name, password.toCharArray()));
    }

    private static String refusal(Runnable attempt) {
        try {
            attempt.run();
        } catch (CredentialRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("the sign-in was not refused");
    }

    private static List<IdentityAudit> audit() {
        return identity.cluster().node(0).service().users().audit();
    }

    @Test
    void userCreatedByAnAdministratorSignsInWithTheirPassword() {
        long id = newTrader("carol", "carol's long password");

        ClusterVenue carol = signIn("carol", "carol's long password");

        assertThat(carol.isConnected()).isTrue();
        LoopbackCluster.await(Duration.ofSeconds(10), "the audited sign-in", () -> audit().stream()
                .anyMatch(a -> a.subject() == id && a.action().equals("SIGN_IN")));
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        long id = newTrader("dave", "dave's long password");

        String reason = refusal(() -> signIn("dave", "not dave's password"));

        assertThat(reason).isEqualTo("wrong password");
        LoopbackCluster.await(Duration.ofSeconds(10), "the audited failure", () -> audit().stream()
                .anyMatch(a -> a.subject() == id && a.action().equals("SIGN_IN_FAILED")));
    }

    @Test
    void unknownUserIsRefusedNamingTheUser() {
        assertThat(refusal(() -> signIn("nobody", "whatever it is"))).isEqualTo("unknown user nobody");
    }

    @Test
    void userIsLockedAfterFiveWrongPasswordsInARowAndAnAdministratorUnlocks() {
        long id = newTrader("erin", "erin's long password");
        for (int i = 1; i <= 4; i++) {
            assertThat(refusal(() -> signIn("erin", "guess"))).isEqualTo("wrong password");
        }

        String fifth = refusal(() -> signIn("erin", "guess"));
        String rightPasswordNow = refusal(() -> signIn("erin", "erin's long password"));

        assertThat(fifth).isEqualTo("wrong password; the user is now locked: an administrator must unlock it");
        assertThat(rightPasswordNow).startsWith("user erin is locked after 5 failed sign-ins");
        LoopbackCluster.await(Duration.ofSeconds(10), "the replicated lock",
                () -> identity.cluster().node(0).service().users().user(id).status() == UserStatus.LOCKED);
        assertThat(audit()).anyMatch(a -> a.subject() == id && a.action().equals("LOCK"));

        IdentityCodec.Reply unlock = TestIdentity.ask(identity.ops(), UserAdminRequest.of(0, UserAction.UNLOCK, id));

        assertThat(unlock.done()).isTrue();
        assertThat(signIn("erin", "erin's long password").isConnected()).isTrue();
    }

    @Test
    void disabledUserIsRefusedAndTheirOpenSessionIsClosedAtOnce() {
        long id = newTrader("frank", "frank's long password");
        ClusterVenue frank = signIn("frank", "frank's long password");
        VenueRecorder outcomes = VenueRecorder.on(frank);

        IdentityCodec.Reply disable = TestIdentity.ask(identity.ops(), UserAdminRequest.of(0, UserAction.DISABLE, id));

        assertThat(disable.done()).isTrue();
        assertThat(refusal(() -> signIn("frank", "frank's long password"))).isEqualTo("user frank is disabled");
        // The open session is closed: the venue cannot open another (refused), so what it sends fails.
        frank.submit(Market.buy(1, 10_000, 1));
        LoopbackCluster.await(Duration.ofSeconds(30), "the closed session's command to fail",
                () -> outcomes.failures.size() == 1);
        assertThat(outcomes.failures.getFirst()).contains("disabled");
    }

    @Test
    void traderCannotAdministerUsers() {
        long id = newTrader("gina", "gina's long password");
        ClusterVenue gina = signIn("gina", "gina's long password");

        IdentityCodec.Reply reply = TestIdentity.ask(gina, UserAdminRequest.setRoles(0, id,
                Role.mask(Role.TRADER, Role.ADMIN)));

        assertThat(reply.status()).isEqualTo(ReplyStatus.REFUSED);
        assertThat(reply.reason()).isEqualTo("only an administrator changes users");
        assertThat(identity.cluster().node(0).service().users().user(id).roleMask()).isEqualTo(Role.mask(Role.TRADER));
    }

    @Test
    void administratorListsTheLiveUsersWithRolesStatusAndFailuresFromTheReplicatedDirectory() throws Exception {
        long id = newTrader("hana", "hana's long password");
        refusal(() -> signIn("hana", "a wrong guess"));
        long disabled = newTrader("kent", "kent's long password");
        TestIdentity.ask(identity.ops(), UserAdminRequest.of(0, UserAction.DISABLE, disabled));

        List<UserListing> users = identity.ops().listUsers().get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(users).extracting(UserListing::userId).isSorted().contains(Market.OPS, id, disabled);
        assertThat(users).filteredOn(u -> u.userId() == id).singleElement()
                .isEqualTo(new UserListing(id, "hana", Role.mask(Role.TRADER), UserStatus.ENABLED, 1));
        assertThat(users).filteredOn(u -> u.userId() == disabled).singleElement()
                .extracting(UserListing::status).isEqualTo(UserStatus.DISABLED);
        assertThat(users).hasSize(identity.cluster().node(0).service().users().listFor(Market.OPS).size());
    }

    @Test
    void traderAskingForTheUserListIsRefusedWithTheReason() {
        newTrader("jade", "jade's long password");
        ClusterVenue jade = signIn("jade", "jade's long password");

        assertThatThrownBy(() -> jade.listUsers().get(30, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(RequestRefusedException.class)
                .hasMessageContaining("only an administrator lists the live users");
    }

    @Test
    void bootstrapSecretOpensNothingOnceTheClusterHasUsers() {
        String reason = refusal(() -> identity.cluster().venue(ScramCredentials.bootstrap(
                TestIdentity.BOOTSTRAP_SECRET.toCharArray())));

        assertThat(reason).isEqualTo("the cluster has users: the bootstrap secret no longer opens a session");
    }

    @Test
    void replayedExchangeIsRefused() {
        newTrader("hank", "hank's long password");
        RecordingCredentials recording = new RecordingCredentials(ScramCredentials.password("hank", "hank's long password".toCharArray()));
        identity.cluster().connectRaw(recording).close();

        // An observer replays what the client sent: its first message and its proof
        Replay replay = new Replay(recording.sent.get(0), recording.sent.get(1));

        assertThatThrownBy(() -> identity.cluster().connectRaw(replay)).isInstanceOf(AuthenticationException.class);
        assertThat(replay.refusal).isEqualTo("wrong password");
    }

    @Test
    void malformedAndOversizedCredentialsAreRefusedWithTheReason() {
        Replay garbage = new Replay(new byte[] {9, 9, 9}, new byte[0]);
        byte[] big = new byte[SignInMessages.MAX_LENGTH + 44];
        Replay oversized = new Replay(big, new byte[0]);

        assertThatThrownBy(() -> identity.cluster().connectRaw(garbage)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.cluster().connectRaw(oversized)).isInstanceOf(AuthenticationException.class);

        assertThat(garbage.refusal).isEqualTo("malformed credentials: credentials are not a Bourse sign-in (an "
                + "older client, or another system)");
        assertThat(oversized.refusal).isEqualTo("malformed credentials: credentials of 300 bytes: at most 256");
    }

    @Test
    void malformedMessagesAreAnsweredWithAReasonAndASessionThatKeepsSendingThemIsClosed() {
        newTrader("ivan", "ivan's long password");
        List<String> replies = new CopyOnWriteArrayList<>();
        IdentityCodec codec = new IdentityCodec();
        EgressListener listener = (sessionId, timestamp, buffer, offset, length, header) -> {
            if (codec.decodeReply(buffer, offset, length)) {
                replies.add(codec.reply().status() + ": " + codec.reply().reason());
            }
        };
        AeronCluster session = identity.cluster().connectRaw(ScramCredentials.password("ivan", "ivan's long password".toCharArray()),
                listener);
        UnsafeBuffer garbage = new UnsafeBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});

        for (int i = 0; i < 10; i++) {
            while (session.offer(garbage, 0, 12) < 0) {
                session.pollEgress();
            }
        }
        LoopbackCluster.await(Duration.ofSeconds(30), "the session closed", () -> {
            session.pollEgress();
            return session.isClosed();
        });

        assertThat(replies).hasSize(10).allMatch(r -> r.startsWith("MALFORMED: not a Bourse message"));
    }

    /** Sends recorded bytes whatever the cluster asks; keeps the refusal it gets. */
    private static final class Replay implements CredentialsSupplier {
        final byte[] first;
        final byte[] answer;
        volatile String refusal;

        Replay(byte[] first, byte[] answer) {
            this.first = first;
            this.answer = answer;
        }

        @Override
        public byte[] encodedCredentials() {
            return first;
        }

        @Override
        public byte[] onChallenge(byte[] challenge) {
            String reason = SignInMessages.refusalReason(challenge);
            if (reason != null) {
                refusal = reason;
                return new byte[] {SignInMessages.NONE};
            }
            return answer;
        }
    }
}
