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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sign-in port backed by the store: Argon2id check, lock-out and audit in {@link SignInService}, display
 * name from the {@link UserDirectory}. The user also needs a role this desktop has panels for, and machine users
 * (the market simulator) cannot sign in at all. The store's {@link Session} of each granted identity is kept
 * until the desktop {@linkplain #takeSession takes} it for the window's command gateway. Thread-safe.
 */
public final class StoreSignIn implements SignIn {
    private final SignInService service;
    private final UserDirectory users;
    private final Set<String> machineUsers;
    private final Set<Role> desks;
    private final Map<TraderIdentity, Session> granted = new IdentityHashMap<>();

    public StoreSignIn(SignInService service, UserDirectory users, Set<String> machineUsers) {
        this(service, users, machineUsers, Set.of(Role.TRADER, Role.RISK_OFFICER));
    }

    /** @param desks the roles this desktop has panels for; a user holding none of them is refused */
    public StoreSignIn(SignInService service, UserDirectory users, Set<String> machineUsers, Set<Role> desks) {
        this.service = service;
        this.users = users;
        this.machineUsers = Set.copyOf(machineUsers);
        this.desks = Set.copyOf(desks);
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
        String refusal = refusal(session.username(), session.roles());
        if (refusal != null) {
            service.signOut(session);
            return new Result.Refused(refusal);
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

    /**
     * Why a user with these roles cannot use this desktop, or null when some of their roles has panels here. The
     * password was right (and the sign-in audited); the refusal is audited as the sign-out that follows.
     */
    String refusal(String username, Set<Role> roles) {
        if (roles.isEmpty()) {
            return username + " has no role: ask an administrator for one before signing in";
        }
        for (Role role : roles) {
            if (desks.contains(role)) {
                return null;
            }
        }
        StringBuilder held = new StringBuilder();
        for (Role role : roles) {
            held.append(held.isEmpty() ? "" : ", ").append(role.name());
        }
        List<String> served = new java.util.ArrayList<>();
        for (Role role : Role.values()) {
            if (desks.contains(role)) {
                served.add(role.name());
            }
        }
        String open = served.size() == 1 ? served.getFirst()
                : String.join(", ", served.subList(0, served.size() - 1)) + " and " + served.getLast();
        return "This desktop has no panels for " + held + " yet (" + username + " holds only that); it serves "
                + open + " users here";
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
        // Grouped by desk, so a risk officer or a clerk finds a user for their own job, not only the traders. When
        // every password is the name plus one suffix (the sample data's rule) the rule is said once: one short line
        // per desk reads at a glance where "name / password" pairs wrapped mid-pair in the 340 px card.
        List<SampleWorld.SampleUser> people = world.users().stream()
                .filter(u -> !SampleWorld.MACHINE_USERS.contains(u.username()))
                .toList();
        String suffix = commonPasswordSuffix(people);
        StringBuilder hint = new StringBuilder("Simulation with sample data.");
        for (Role role : List.of(Role.TRADER, Role.RISK_OFFICER, Role.BACK_OFFICE, Role.ADMIN)) {
            List<String> users = people.stream()
                    .filter(u -> u.roles().contains(role))
                    .map(u -> suffix != null ? u.username() : u.username() + " / " + u.password())
                    .toList();
            if (!users.isEmpty()) {
                hint.append('\n').append(deskOf(role)).append(": ").append(String.join(", ", users));
            }
        }
        if (suffix != null && !people.isEmpty()) {
            String example = people.getFirst().username();
            hint.append("\nPassword: the user name and \"").append(suffix).append("\" (e.g. ")
                    .append(example).append(suffix).append(')');
        }
        return hint.toString();
    }

    /** The suffix every user's password adds to their name, or null when the passwords follow no such rule. */
    static String commonPasswordSuffix(List<SampleWorld.SampleUser> users) {
        String suffix = null;
        for (SampleWorld.SampleUser u : users) {
            if (!u.password().startsWith(u.username()) || u.password().length() == u.username().length()) {
                return null;
            }
            String own = u.password().substring(u.username().length());
            if (suffix != null && !suffix.equals(own)) {
                return null;
            }
            suffix = own;
        }
        return suffix;
    }

    private static String deskOf(Role role) {
        return switch (role) {
            case TRADER -> "Traders";
            case RISK_OFFICER -> "Risk officers";
            case BACK_OFFICE -> "Back office";
            case ADMIN -> "Administrators";
        };
    }

}
