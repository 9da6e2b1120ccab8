package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.identity.LiveUser;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.identity.UserStatus;
import com.bourse.cluster.node.ClusterNode;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import com.bourse.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The live users are replicated state: they survive the loss of the leader and a node's restart from a snapshot. */
class LiveIdentityFailoverTest {
    private LoopbackCluster cluster;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void userCreatedOnTheLeaderSignsInAfterTheLeaderIsKilledAndANodeRestartedFromASnapshotRestoresThem() {
        // Given three nodes and a user created through the leader
        cluster = LoopbackCluster.start("identity-failover", 3, BusinessTime.CLUSTER_LOG);
        ClusterVenue ops = cluster.venue(Market.OPS);
        TestIdentity.create(ops, 200, "kate", "kate's long password".toCharArray(), Role.mask(Role.TRADER));
        int oldLeader = cluster.awaitLeader(Duration.ofSeconds(30)).memberId();

        // When the leader dies
        cluster.kill(oldLeader);
        ClusterNode newLeader = cluster.awaitLeader(Duration.ofSeconds(60));

        // Then the user signs in at the new leader with the same password
        ClusterVenue kate = cluster.venue(ScramCredentials.password("kate", "kate's long password".toCharArray()));
        assertThat(kate.isConnected()).isTrue();
        assertThat(newLeader.memberId()).isNotEqualTo(oldLeader);

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
    }
}
