package com.bourse.app.desktop;

import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.SignInResult;
import com.bourse.backoffice.security.SignInService;
import com.bourse.backoffice.security.UserDirectory;
import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.Role;
import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.TraderIdentity;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sign-in port backed by the store: Argon2id check, lock-out and audit in {@link SignInService}, display
 * name from the {@link UserDirectory}. The trader workstation also needs the TRADER role, and machine users
 * (the market simulator) cannot sign in at all. The store's {@link Session} of each granted identity is kept
 * until the desktop {@linkplain #takeSession takes} it for the window's command gateway. Thread-safe.
 */
public final class StoreSignIn implements SignIn {
    private final SignInService service;
    private final UserDirectory users;
    private final Set<String> machineUsers;
    private final Map<TraderIdentity, Session> granted = new IdentityHashMap<>();

    public StoreSignIn(SignInService service, UserDirectory users, Set<String> machineUsers) {
        this.service = service;
        this.users = users;
        this.machineUsers = Set.copyOf(machineUsers);
    }

    @Override
    public Result signIn(String username, char[] password) {
        return switch (service.signIn(username == null ? null : username.strip(), password)) {
            case SignInResult.Refused refused -> new Result.Refused(refused.message());
            case SignInResult.SignedIn signedIn -> granted(signedIn.session());
        };
    }

    private Result granted(Session session) {
        if (machineUsers.contains(session.username())) {
            service.signOut(session);
            return new Result.Refused(session.username() + " is the market simulator's user: people cannot sign "
                    + "in as it");
        }
        if (!session.has(Role.TRADER)) {
            service.signOut(session);
            return new Result.Refused("The trader workstation is for traders; " + session.username()
                    + " has no trader role");
        }
        String displayName = users.find(session.userId()).map(u -> u.displayName()).orElse(session.username());
        int mask = 0;
        for (Role role : session.roles()) {
            mask |= role.bit();
        }
        TraderIdentity trader = new TraderIdentity(session.userId(), session.username(), displayName, mask);
        synchronized (granted) {
            granted.put(trader, session);
        }
        return new Result.Granted(trader);
    }

    /** The store session behind an identity this sign-in granted; once only. */
    public Session takeSession(TraderIdentity trader) {
        synchronized (granted) {
            Session session = granted.remove(trader);
            if (session == null) {
                throw new IllegalStateException("no sign-in granted " + trader.username() + " this window");
            }
            return session;
        }
    }

    /** Ends a session (audited). */
    public void signOut(Session session) {
        service.signOut(session);
    }

    /** The hint under the sign-in form: who can sign in and with what (training data, simulation only). */
    public static String trainingHint(SampleWorld world) {
        StringBuilder hint = new StringBuilder("Simulation with sample data. Traders: ");
        boolean first = true;
        for (SampleWorld.SampleUser user : world.users()) {
            if (user.roles().contains(Role.TRADER) && !user.username().equals(SampleWorld.SIMULATOR_USERNAME)) {
                hint.append(first ? "" : ", ").append(user.username()).append(" / ").append(user.password());
                first = false;
            }
        }
        return hint.toString();
    }
}
