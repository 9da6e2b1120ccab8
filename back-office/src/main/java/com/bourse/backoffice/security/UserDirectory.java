package com.bourse.backoffice.security;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.store.FieldCipher;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.schema.tables.records.UsersRecord;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.bourse.backoffice.store.schema.Tables.USERS;
import static com.bourse.backoffice.store.schema.Tables.USER_ROLES;

/**
 * The people who may sign in: creation, roles, password changes and resets, unlocking and disabling. Every
 * change is checked whole before anything is written, requires an ADMIN session (except a user changing
 * their own password), lands in the audit trail, and returns the engine command that keeps the engine's
 * view of the user's roles in step. Display names are personal data and stored encrypted. Thread-safe.
 */
public final class UserDirectory {
    private final DSLContext dsl;
    private final FieldCipher cipher;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final InstantSource clock;

    public UserDirectory(Store store, FieldCipher cipher, PasswordHasher hasher, AuditTrail audit,
                         InstantSource clock) {
        this.dsl = store.dsl();
        this.cipher = cipher;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** A change made, and the command to send the engine so its roles match. */
    public record UserChange(UserView user, Command.RegisterUser engineCommand) {
    }

    public UserChange create(Session admin, NewUser user) {
        return createAll(admin, List.of(user)).getFirst();
    }

    /** Creation by the installation itself (first run, sample users); audited as the system user. */
    public UserChange createAsInstallation(NewUser user) {
        return createAllAsInstallation(List.of(user)).getFirst();
    }

    /** Create several users in one transaction: every one is checked first, and either all exist after or none. */
    public List<UserChange> createAll(Session admin, List<NewUser> users) {
        requireAdmin(admin);
        return createAll(users, admin.userId(), admin.username());
    }

    public List<UserChange> createAllAsInstallation(List<NewUser> users) {
        return createAll(users, Command.SYSTEM_USER, "installation");
    }

    private synchronized List<UserChange> createAll(List<NewUser> users, long actorId, String actorName) {
        Set<Long> ids = new java.util.HashSet<>();
        Set<String> names = new java.util.HashSet<>();
        for (NewUser user : users) {
            String problem = firstProblem(user.userId() <= 0 ? "a user id must be a positive number" : null,
                    UserRules.checkUsername(user.username()), UserRules.checkDisplayName(user.displayName()),
                    UserRules.checkRoles(user.roles()), UserRules.checkPassword(user.password(), user.username()),
                    ids.add(user.userId()) ? null : "user id " + user.userId() + " appears twice",
                    names.add(user.username()) ? null : "user name '" + user.username() + "' appears twice");
            if (problem == null && dsl.fetchExists(USERS, USERS.USER_ID.eq(user.userId()))) {
                problem = "user id " + user.userId() + " is already taken";
            }
            if (problem == null && dsl.fetchExists(USERS, USERS.USERNAME.eq(user.username()))) {
                problem = "user name '" + user.username() + "' is already taken";
            }
            if (problem != null) {
                throw new UserChangeRefusedException(problem);
            }
        }
        long now = clock.millis();
        List<String> hashes = users.stream().map(u -> hasher.hash(u.password())).toList();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            for (int i = 0; i < users.size(); i++) {
                NewUser user = users.get(i);
                tx.insertInto(USERS)
                        .set(USERS.USER_ID, user.userId())
                        .set(USERS.USERNAME, user.username())
                        .set(USERS.DISPLAY_NAME_ENC, cipher.encrypt(user.displayName(),
                                displayNamePlace(user.userId())))
                        .set(USERS.PASSWORD_HASH, hashes.get(i))
                        .set(USERS.FAILED_ATTEMPTS, 0)
                        .set(USERS.PASSWORD_CHANGED_AT, now)
                        .set(USERS.ENABLED, true)
                        .set(USERS.CREATED_AT, now)
                        .execute();
                writeRoles(tx, user.userId(), user.roles());
            }
        });
        List<UserChange> changes = new ArrayList<>();
        for (NewUser user : users) {
            audit.append(AuditEntry.of(actorId, actorName, AuditAction.USER_CREATED, "user:" + user.userId(),
                    "username=" + user.username() + " roles=" + sorted(user.roles())));
            UserView view = find(user.userId()).orElseThrow();
            changes.add(new UserChange(view, register(now, actorId, view)));
        }
        return changes;
    }

    public synchronized UserChange setRoles(Session admin, long userId, Set<Role> roles) {
        requireAdmin(admin);
        String problem = UserRules.checkRoles(roles);
        if (problem != null) {
            throw new UserChangeRefusedException(problem);
        }
        UserView before = require(userId);
        if (userId == admin.userId() && !roles.contains(Role.ADMIN)) {
            throw new UserChangeRefusedException("an administrator cannot remove their own ADMIN role");
        }
        dsl.transaction(cfg -> {
            cfg.dsl().deleteFrom(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId)).execute();
            writeRoles(cfg.dsl(), userId, roles);
        });
        audit.append(AuditEntry.of(admin.userId(), admin.username(), AuditAction.USER_ROLES_CHANGED, "user:" + userId,
                "roles " + sorted(before.roles()) + " -> " + sorted(roles)));
        UserView after = require(userId);
        return new UserChange(after, register(clock.millis(), admin.userId(), after));
    }

    /** A user changes their own password; the current one must be right. */
    public synchronized void changePassword(Session self, char[] current, char[] replacement) {
        UsersRecord user = dsl.selectFrom(USERS).where(USERS.USER_ID.eq(self.userId())).fetchOne();
        if (user == null || !hasher.verify(current, user.getPasswordHash())) {
            audit.append(AuditEntry.of(self.userId(), self.username(), AuditAction.PASSWORD_CHANGED,
                    "user:" + self.userId(), "refused: current password wrong"));
            throw new UserChangeRefusedException("the current password is not right");
        }
        String problem = UserRules.checkPassword(replacement, user.getUsername());
        if (problem == null && Arrays.equals(current, replacement)) {
            problem = "the new password must differ from the current one";
        }
        if (problem != null) {
            throw new UserChangeRefusedException(problem);
        }
        storePassword(self.userId(), replacement);
        audit.append(AuditEntry.of(self.userId(), self.username(), AuditAction.PASSWORD_CHANGED,
                "user:" + self.userId(), "changed by the user"));
    }

    /** An administrator sets a new password for someone who forgot theirs; also clears a lockout. */
    public synchronized void resetPassword(Session admin, long userId, char[] replacement) {
        requireAdmin(admin);
        UserView user = require(userId);
        String problem = UserRules.checkPassword(replacement, user.username());
        if (problem != null) {
            throw new UserChangeRefusedException(problem);
        }
        storePassword(userId, replacement);
        audit.append(AuditEntry.of(admin.userId(), admin.username(), AuditAction.PASSWORD_RESET, "user:" + userId,
                "reset by an administrator"));
    }

    public synchronized void unlock(Session admin, long userId) {
        requireAdmin(admin);
        require(userId);
        dsl.update(USERS).set(USERS.FAILED_ATTEMPTS, 0).setNull(USERS.LOCKED_UNTIL).where(USERS.USER_ID.eq(userId))
                .execute();
        audit.append(AuditEntry.of(admin.userId(), admin.username(), AuditAction.USER_UNLOCKED, "user:" + userId,
                "lockout cleared"));
    }

    /** Disabled users cannot sign in; the engine is told they hold no role any more. */
    public synchronized UserChange disable(Session admin, long userId) {
        requireAdmin(admin);
        if (userId == admin.userId()) {
            throw new UserChangeRefusedException("an administrator cannot disable themselves");
        }
        require(userId);
        dsl.update(USERS).set(USERS.ENABLED, false).where(USERS.USER_ID.eq(userId)).execute();
        audit.append(AuditEntry.of(admin.userId(), admin.username(), AuditAction.USER_DISABLED, "user:" + userId,
                "disabled"));
        UserView after = require(userId);
        return new UserChange(after, new Command.RegisterUser(clock.millis(), admin.userId(), userId, 0));
    }

    /**
     * Lets a disabled user sign in again: the engine is told the roles they still hold, and a lockout from before is
     * cleared with the disabling it came with.
     */
    public synchronized UserChange enable(Session admin, long userId) {
        requireAdmin(admin);
        if (require(userId).enabled()) {
            throw new UserChangeRefusedException("user " + userId + " is not disabled");
        }
        dsl.update(USERS).set(USERS.ENABLED, true).set(USERS.FAILED_ATTEMPTS, 0).setNull(USERS.LOCKED_UNTIL)
                .where(USERS.USER_ID.eq(userId)).execute();
        audit.append(AuditEntry.of(admin.userId(), admin.username(), AuditAction.USER_ENABLED, "user:" + userId,
                "enabled"));
        UserView after = require(userId);
        return new UserChange(after, register(clock.millis(), admin.userId(), after));
    }

    public Optional<UserView> find(long userId) {
        return dsl.selectFrom(USERS).where(USERS.USER_ID.eq(userId)).fetchOptional().map(this::view);
    }

    public Optional<UserView> findByUsername(String username) {
        return dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOptional().map(this::view);
    }

    public List<UserView> all() {
        return dsl.selectFrom(USERS).orderBy(USERS.USER_ID).fetch().map(this::view);
    }

    public boolean isEmpty() {
        return !dsl.fetchExists(USERS);
    }

    Set<Role> roles(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : dsl.select(USER_ROLES.ROLE).from(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId))
                .fetch(USER_ROLES.ROLE)) {
            roles.add(Role.valueOf(role));
        }
        return roles;
    }

    private UserView view(UsersRecord r) {
        return new UserView(r.getUserId(), r.getUsername(),
                cipher.decrypt(r.getDisplayNameEnc(), displayNamePlace(r.getUserId())), roles(r.getUserId()),
                r.getEnabled(), r.getFailedAttempts(),
                r.getLockedUntil() == null ? null : Instant.ofEpochMilli(r.getLockedUntil()),
                Instant.ofEpochMilli(r.getPasswordChangedAt()));
    }

    private void storePassword(long userId, char[] password) {
        dsl.update(USERS).set(USERS.PASSWORD_HASH, hasher.hash(password))
                .set(USERS.PASSWORD_CHANGED_AT, clock.millis()).set(USERS.FAILED_ATTEMPTS, 0)
                .setNull(USERS.LOCKED_UNTIL).where(USERS.USER_ID.eq(userId)).execute();
    }

    private UserView require(long userId) {
        return find(userId).orElseThrow(() -> new UserChangeRefusedException("no user with id " + userId));
    }

    private static void writeRoles(DSLContext tx, long userId, Set<Role> roles) {
        for (Role role : roles) {
            tx.insertInto(USER_ROLES).set(USER_ROLES.USER_ID, userId).set(USER_ROLES.ROLE, role.name()).execute();
        }
    }

    private static Command.RegisterUser register(long now, long actor, UserView user) {
        return new Command.RegisterUser(now, actor, user.userId(),
                user.enabled() ? Role.mask(user.roles().toArray(Role[]::new)) : 0);
    }

    static void requireAdmin(Session session) {
        if (session == null || !session.has(Role.ADMIN)) {
            throw new UserChangeRefusedException("only an administrator may change users");
        }
    }

    static String displayNamePlace(long userId) {
        return FieldCipher.place("users", "display_name", userId);
    }

    private static List<Role> sorted(Set<Role> roles) {
        List<Role> list = new ArrayList<>(roles);
        list.sort(null);
        return list;
    }

    private static String firstProblem(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
