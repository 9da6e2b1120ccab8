package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CredentialRefusedException;
import com.bourse.cluster.identity.LiveUser;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.identity.UserStatus;
import com.bourse.cluster.node.ClusterNode;
import com.bourse.protocol.Role;
import io.aeron.cluster.client.AeronCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live users are replicated state: they survive the loss of the leader and a node's restart from a snapshot,
 * with the session tokens' signing key and every counted wrong password.
 */
class LiveIdentityFailoverTest {
    @RegisterExtension
    final ThreeNodeCluster nodes = new ThreeNodeCluster("identity-failover");
    private LoopbackCluster cluster;

    @Test
    void userCreatedOnTheLeaderSignsInAfterTheLeaderIsKilledAndANodeRestartedFromASnapshotRestoresThem() {
        // Given three nodes and a user created through the leader
        cluster = nodes.start();
        ClusterVenue ops = cluster.venue(Market.OPS);
        TestIdentity.create(ops, 200, "kate", "kate's long password".toCharArray(), Role.mask(Role.TRADER));
        int oldLeader = cluster.awaitLeader(Duration.ofSeconds(30)).memberId();
        ScramCredentials earlier = ScramCredentials.password("kate", "kate's long password".toCharArray());
        cluster.venue(earlier);

        // When the leader dies
        cluster.kill(oldLeader);
        ClusterNode newLeader = cluster.awaitLeader(Duration.ofSeconds(60));

        // Then the user signs in at the new leader with the same password
        ClusterVenue kate = cluster.venue(ScramCredentials.password("kate", "kate's long password".toCharArray()));
        assertThat(kate.isConnected()).isTrue();
        assertThat(newLeader.memberId()).isNotEqualTo(oldLeader);
        // And a session token the old leader issued opens a session at the new one: the key is replicated state
        assertThat(earlier.holdsToken()).isTrue();
        try (AeronCluster again = cluster.connectRaw(earlier)) {
            assertThat(again.isClosed()).isFalse();
        }
        assertThat(earlier.refusal()).isNull();

        // And a node that took a snapshot, killed and restarted, loads the users from it
        assertThat(newLeader.requestSnapshot()).isTrue();
        int follower = 3 - oldLeader - newLeader.memberId();
        LoopbackCluster.await(Duration.ofSeconds(60), "a snapshot on the live nodes", () ->
                newLeader.service().lastEngineSnapshot() != null
                        && cluster.node(follower).service().lastEngineSnapshot() != null);
        cluster.kill(follower);
        ClusterNode restarted = cluster.startNode(follower);
        LoopbackCluster.await(Duration.ofSeconds(60), "the restarted node to know kate", () -> {
            LiveUser user = restarted.service().users().user("kate");
            return user != null && user.status() == UserStatus.ENABLED
                    && restarted.service().users().audit().size() == newLeader.service().users().audit().size();
        });
        assertThat(restarted.service().users().audit()).isEqualTo(newLeader.service().users().audit());
        assertThat(restarted.service().users().user("kate").verifier())
                .isEqualTo(newLeader.service().users().user("kate").verifier());
        assertThat(restarted.service().users().signingKey().publicKey())
                .isEqualTo(newLeader.service().users().signingKey().publicKey());
    }

    @Test
    void everyRefusedWrongPasswordIsInTheReplicatedCountEvenWhenTheLeaderDiesRightAfterTheRefusal() {
        // Given three nodes and a user
        cluster = nodes.start();
        ClusterVenue ops = cluster.venue(Market.OPS);
        TestIdentity.create(ops, 201, "liam", "liam's long password".toCharArray(), Role.mask(Role.TRADER));

        // When two wrong passwords are refused and the leader dies the moment the second refusal arrives
        assertThat(refusal("liam", "guess one")).isEqualTo("wrong password");
        assertThat(refusal("liam", "guess two")).isEqualTo("wrong password");
        int oldLeader = cluster.awaitLeader(Duration.ofSeconds(30)).memberId();
        cluster.kill(oldLeader);
        ClusterNode newLeader = cluster.awaitLeader(Duration.ofSeconds(60));

        // Then the new leader counts both: a proof is checked only once the log admitted the attempt
        assertThat(newLeader.service().users().user(201).failedSignIns()).isEqualTo(2);
        // And three more wrong passwords lock the user: five checked guesses in all, across the leader change
        assertThat(refusal("liam", "guess three")).isEqualTo("wrong password");
        assertThat(refusal("liam", "guess four")).isEqualTo("wrong password");
        assertThat(refusal("liam", "guess five"))
                .isEqualTo("wrong password; the user is now locked: an administrator must unlock it");
        assertThat(refusal("liam", "liam's long password")).startsWith("user liam is locked after 5 failed sign-ins");
    }

    private String refusal(String name, String password) {
        try {
            cluster.venue(ScramCredentials.password(name, password.toCharArray()));
        } catch (CredentialRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("the sign-in was not refused");
    }
}
