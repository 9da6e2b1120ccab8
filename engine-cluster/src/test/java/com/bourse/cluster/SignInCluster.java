package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.service.EngineClusteredService.BusinessTime;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-node cluster the sign-in specs share ({@link LiveIdentityTest}, {@link SessionTokenTest}), with the
 * operations user's session that administers its users. The first class that registers it (a static
 * {@code @RegisterExtension} field) starts it and the end of the test run closes it, so the run pays for one start.
 * Specs do not couple through it: each creates its own users (ids from one counter, names no other spec uses) and
 * reads the audit, the directory and the user list only for those.
 */
final class SignInCluster implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SignInCluster.class);

    private Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, type -> Shared.start(),
                Shared.class);
    }

    LoopbackCluster cluster() {
        return shared.cluster;
    }

    /** The operations user's session, allowed to administer users. */
    ClusterVenue ops() {
        return shared.ops;
    }

    /** A user created by the operations user, with a fresh id; returns that id. */
    long newUser(String name, String password, int roles) {
        long id = shared.ids.incrementAndGet();
        TestIdentity.create(shared.ops, id, name, password.toCharArray(), roles);
        return id;
    }

    /** Closed with the root context's store, when the test run ends. */
    private record Shared(LoopbackCluster cluster, ClusterVenue ops, AtomicLong ids) implements AutoCloseable {
        static Shared start() {
            LoopbackCluster cluster = LoopbackCluster.start("sign-in", 1, BusinessTime.CLUSTER_LOG);
            try {
                ClusterVenue ops = cluster.venue(Market.OPS);
                LoopbackCluster.await(Duration.ofSeconds(10), "the cluster's signing key",
                        () -> cluster.node(0).service().users().signingKey() != null);
                return new Shared(cluster, ops, new AtomicLong(100));
            } catch (RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
