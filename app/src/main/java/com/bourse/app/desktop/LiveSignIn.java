package com.bourse.app.desktop;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.security.Session;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CredentialRefusedException;
import com.bourse.cluster.identity.ScramCredentials;
import com.bourse.cluster.identity.SignInMessages;
import com.bourse.protocol.Role;
import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.TraderIdentity;

import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Live sign-in: the production engine is the system of record for live users. The window's {@link ClusterVenue}
 * is opened with the name and password typed, by challenge-response inside Aeron Cluster's authentication (the
 * password never leaves the machine; the cluster proves itself too), and the cluster says who signed in and with
 * which roles. Nothing the desktop holds (its data folder, its key vault, its passphrase) lets it open a session
 * for anyone else. A refusal (unknown user, wrong password, locked, disabled) is shown in the cluster's words.
 *
 * <p>The local back office only audits the sign-in and checks the desktop has panels for the user's roles.
 * Called on the sign-in window's background thread; thread-safe.
 */
public final class LiveSignIn implements SignIn {
    private final StoreSignIn store;
    private final LiveHost host;
    private final Map<TraderIdentity, Granted> granted = new IdentityHashMap<>();

    /** A signed-in trader's local session (for the audited command gateway) and the venue opened for them. */
    public record Granted(Session session, ClusterVenue venue) {
    }

    public LiveSignIn(StoreSignIn store, LiveHost host) {
        this.store = store;
        this.host = host;
    }

    @Override
    public Result signIn(String username, char[] password) {
        String name = username == null ? "" : username.strip();
        if (!SignInMessages.validUsername(name)) {
            return new Result.Refused("Enter your user name (lower-case letters, digits, '.', '_' or '-').");
        }
        ScramCredentials credentials = ScramCredentials.password(name, password);
        ClusterVenue venue;
        try {
            venue = host.connect(credentials);
        } catch (CredentialRefusedException e) {
            audit(null, name, AuditAction.SIGN_IN_FAILED, e.reason());
            return new Result.Refused("The production engine refused the sign-in: " + e.reason());
        } catch (RuntimeException e) {
            return new Result.Refused("Cannot reach the production engine: " + e.getMessage());
        }
        long userId = credentials.userId();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.in(credentials.roleMask())) {
                roles.add(role);
            }
        }
        String refusal = store.refusal(name, roles);
        if (refusal != null) {
            venue.close();
            return new Result.Refused(refusal);
        }
        Session session = host.localSession(userId, name, roles);
        audit(userId, name, AuditAction.SIGN_IN, "production engine");
        String displayName = host.office().users().find(userId).map(u -> u.displayName()).orElse(name);
        TraderIdentity trader = new TraderIdentity(userId, name, displayName, credentials.roleMask());
        synchronized (granted) {
            granted.put(trader, new Granted(session, venue));
        }
        return new Result.Granted(trader);
    }

    private void audit(Long userId, String username, AuditAction action, String detail) {
        host.office().audit().append(new AuditEntry(userId, username, action,
                userId == null ? "user:unknown" : "user:" + userId, detail));
    }

    /** The local session and venue behind an identity this sign-in granted; once only. */
    public Granted take(TraderIdentity trader) {
        synchronized (granted) {
            Granted g = granted.remove(trader);
            if (g == null) {
                throw new IllegalStateException("no live sign-in granted " + trader.username() + " this window");
            }
            return g;
        }
    }

    public void signOut(Session session) {
        store.signOut(session);
    }
}
