package com.bourse.app.desktop;

import com.bourse.app.security.Session;
import com.bourse.app.security.SignInResult;
import com.bourse.app.security.SignInService;
import com.bourse.app.security.UserDirectory;
import com.bourse.protocol.Role;
import com.bourse.ui.port.SignIn;
import com.bourse.ui.port.TraderIdentity;

/**
 * The sign-in port backed by the store: Argon2id check, lock-out and audit in {@link SignInService}, display
 * name from the {@link UserDirectory}. The trader workstation also needs the TRADER role. Thread-safe (both
 * services are).
 *
 * <p>Not yet used by {@link Desktop}, which signs in the sample users directly until the store is wired into
 * the simulation start-up (see the report of issue 5).
 */
public final class StoreSignIn implements SignIn {
    private final SignInService service;
    private final UserDirectory users;

    public StoreSignIn(SignInService service, UserDirectory users) {
        this.service = service;
        this.users = users;
    }

    @Override
    public Result signIn(String username, char[] password) {
        return switch (service.signIn(username, password)) {
            case SignInResult.Refused refused -> new Result.Refused(refused.message());
            case SignInResult.SignedIn signedIn -> granted(signedIn.session());
        };
    }

    private Result granted(Session session) {
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
        return new Result.Granted(new TraderIdentity(session.userId(), session.username(), displayName, mask));
    }
}
