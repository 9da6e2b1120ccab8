package com.bourse.cluster.identity;

import java.util.Map;

/**
 * The live users as the authenticator reads them: an immutable copy the service publishes after every change it
 * applied from the log. The authenticator runs on the consensus module's thread and must not touch the service's
 * state; it reads this instead (the leader's service is at most a few log messages behind the commit position).
 * Thread-safe.
 */
public final class IdentityView {
    private volatile Map<String, LiveUser> byName = Map.of();
    private volatile SessionTokens.SigningKey signingKey;

    void publish(Map<String, LiveUser> users) {
        this.byName = Map.copyOf(users);
    }

    void publishKey(SessionTokens.SigningKey key) {
        this.signingKey = key;
    }

    /** The key session tokens are signed with, or null while the cluster has none yet. */
    public SessionTokens.SigningKey signingKey() {
        return signingKey;
    }

    /** The user with this sign-in name, or null. */
    public LiveUser user(String username) {
        return byName.get(username);
    }

    /** True while the cluster has no live user: the only time the bootstrap secret opens a session. */
    public boolean noUsers() {
        return byName.isEmpty();
    }
}
