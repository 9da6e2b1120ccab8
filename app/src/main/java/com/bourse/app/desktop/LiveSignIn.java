package com.bourse.app.desktop;

import com.bourse.backoffice.security.Session;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CredentialRefusedException;
import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.TraderIdentity;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Live sign-in: the back office checks the password and issues the cluster credential ({@link StoreSignIn}), then
 * the window's {@link ClusterVenue} is opened with it before the sign-in window lets the trader in, so a credential
 * the cluster refuses (another installation's key, expired) is reported there, in the cluster's words. Called on
 * the sign-in window's background thread; thread-safe.
 */
public final class LiveSignIn implements SignIn {
    private final StoreSignIn store;
    private final LiveHost host;
    private final Map<TraderIdentity, Granted> granted = new IdentityHashMap<>();

    /** A signed-in trader's store session and the venue opened with its credential. */
    public record Granted(Session session, ClusterVenue venue) {
    }

    public LiveSignIn(StoreSignIn store, LiveHost host) {
        this.store = store;
        this.host = host;
    }

    @Override
    public Result signIn(String username, char[] password) {
        Result result = store.signIn(username, password);
        if (!(result instanceof Result.Granted(TraderIdentity trader))) {
            return result;
        }
        Session session = store.takeSession(trader);
        ClusterVenue venue;
        try {
            venue = host.connect(session);
        } catch (CredentialRefusedException e) {
            store.signOut(session);
            return new Result.Refused("The production engine refused the sign-in: " + reasonOf(e));
        } catch (RuntimeException e) {
            store.signOut(session);
            return new Result.Refused("Cannot reach the production engine: " + e.getMessage());
        }
        synchronized (granted) {
            granted.put(trader, new Granted(session, venue));
        }
        return result;
    }

    private static String reasonOf(CredentialRefusedException e) {
        String prefix = "the production engine refused the credential: ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The store session and venue behind an identity this sign-in granted; once only. */
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
