package com.bourse.cluster.identity;

import com.bourse.protocol.Command;
import com.bourse.protocol.Role;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The production engine's users: the system of record for who may sign in, with which roles. Part of the
 * replicated state: changed only by what the log carries (an administrator's {@link UserAdminRequest}, a failed
 * sign-in the leader reported, a session opened), so every member holds the same directory; snapshotted and
 * restored with the engine. Every change, and every refused request, is a line of the audit trail.
 *
 * <p>Who may administer: a user with the ADMIN role who is enabled, or the installation itself
 * ({@link Command#SYSTEM_USER}, the bootstrap session of a fresh cluster).
 *
 * <p>Service thread only; {@link #view()} is what other threads read.
 */
public final class UserDirectory {
    /** Version 2 adds the session-token signing key; version 1 still loads (no key: the leader makes one). */
    private static final int SNAPSHOT_VERSION = 2;

    private final int maxFailedSignIns;
    private final Map<Long, LiveUser> byId = new TreeMap<>();
    private final Map<String, LiveUser> byName = new TreeMap<>();
    private final List<IdentityAudit> audit = new ArrayList<>();
    private final IdentityView view;
    private SessionTokens.SigningKey signingKey;

    /** What applying a request did, for the service to act on and to answer with. */
    public record Outcome(boolean done, String reason, LiveUser user) {
        static Outcome refused(String reason) {
            return new Outcome(false, reason, null);
        }
    }

    public UserDirectory(int maxFailedSignIns, IdentityView view) {
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("maxFailedSignIns must be at least 1");
        }
        this.maxFailedSignIns = maxFailedSignIns;
        this.view = view;
    }

    public IdentityView view() {
        return view;
    }

    public int maxFailedSignIns() {
        return maxFailedSignIns;
    }

    public LiveUser user(long userId) {
        return byId.get(userId);
    }

    public LiveUser user(String username) {
        return byName.get(username);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The audit trail, oldest first. */
    public List<IdentityAudit> audit() {
        return Collections.unmodifiableList(audit);
    }

    /** True when {@code userId} may act with {@code role}: enabled and holding it (the installation holds all). */
    public boolean may(long userId, Role role) {
        if (userId == Command.SYSTEM_USER) {
            return true;
        }
        LiveUser user = byId.get(userId);
        return user != null && user.status() == UserStatus.ENABLED && role.in(user.roleMask());
    }

    /**
     * The live users by id for {@code actor}'s list, or null when {@code actor} may not see it: the list is for an
     * enabled administrator (or the installation) only, as are the changes.
     */
    public List<UserListing> listFor(long actor) {
        if (!may(actor, Role.ADMIN)) {
            return null;
        }
        return byId.values().stream().map(UserListing::of).toList();
    }

    /** True when sessions of {@code userId} may act: the installation, or an enabled user. */
    public boolean mayAct(long userId) {
        if (userId == Command.SYSTEM_USER) {
            return true;
        }
        LiveUser user = byId.get(userId);
        return user != null && user.status() != UserStatus.DISABLED;
    }

    /** Applies an administrator's request, or refuses it with a reason; either way it is audited. */
    public Outcome apply(long actor, UserAdminRequest request, long time) {
        Outcome outcome = decide(actor, request);
        if (outcome.done()) {
            put(outcome.user());
        }
        record(time, actor, request.action().name(), request.userId(),
                outcome.done() ? "done" : "refused: " + outcome.reason());
        return outcome;
    }

    private Outcome decide(long actor, UserAdminRequest request) {
        if (!may(actor, Role.ADMIN)) {
            return Outcome.refused("only an administrator changes users");
        }
        long userId = request.userId();
        if (userId <= 0) {
            return Outcome.refused("user id must be positive, not " + userId);
        }
        LiveUser existing = byId.get(userId);
        if (request.action() != UserAction.CREATE && existing == null) {
            return Outcome.refused("no live user " + userId);
        }
        return switch (request.action()) {
            case CREATE -> create(request, existing);
            case DISABLE -> userId == actor ? Outcome.refused("an administrator cannot disable their own user")
                    : new Outcome(true, "", existing.withStatus(UserStatus.DISABLED));
            case ENABLE -> new Outcome(true, "", existing.withStatus(UserStatus.ENABLED));
            case UNLOCK -> existing.status() == UserStatus.DISABLED
                    ? Outcome.refused("user " + userId + " is disabled, not locked: enable it")
                    : new Outcome(true, "", existing.withStatus(UserStatus.ENABLED));
            case RESET_PASSWORD -> {
                String problem = request.verifier() == null ? "no verifier" : request.verifier().problem();
                yield problem != null ? Outcome.refused("the new password's verifier: " + problem)
                        : new Outcome(true, "", existing.withVerifier(request.verifier()));
            }
            case SET_ROLES -> {
                String problem = roleProblem(request.roleMask());
                if (problem == null && userId == actor && !Role.ADMIN.in(request.roleMask())) {
                    problem = "an administrator cannot take the ADMIN role from their own user";
                }
                yield problem != null ? Outcome.refused(problem)
                        : new Outcome(true, "", existing.withRoles(request.roleMask()));
            }
        };
    }

    private Outcome create(UserAdminRequest request, LiveUser existing) {
        if (existing != null) {
            return Outcome.refused("user id " + request.userId() + " is taken by " + existing.username());
        }
        if (!SignInMessages.validUsername(request.username())) {
            return Outcome.refused("user name must be 1 to 32 of a-z, 0-9, '.', '_', '-', starting with a letter "
                    + "or digit");
        }
        if (byName.containsKey(request.username())) {
            return Outcome.refused("user name " + request.username() + " is taken");
        }
        String problem = roleProblem(request.roleMask());
        if (problem == null) {
            problem = request.verifier() == null ? "no password verifier" : request.verifier().problem();
        }
        if (problem != null) {
            return Outcome.refused(problem);
        }
        return new Outcome(true, "", new LiveUser(request.userId(), request.username(), request.roleMask(),
                UserStatus.ENABLED, request.verifier(), 0));
    }

    private static String roleProblem(int roleMask) {
        if (roleMask <= 0 || roleMask > Role.mask(Role.values())) {
            return "roles must name at least one known role (mask 1 to " + Role.mask(Role.values()) + "), not "
                    + roleMask;
        }
        return null;
    }

    /**
     * The leader reported a failed sign-in (wrong password) for {@code userId}: one more in a row; at the limit
     * the user is locked. Returns true when this failure locked the user.
     */
    public boolean signInFailed(long userId, long time) {
        LiveUser user = byId.get(userId);
        if (user == null) {
            return false;
        }
        int failures = user.failedSignIns() + 1;
        boolean locks = user.status() == UserStatus.ENABLED && failures >= maxFailedSignIns;
        put(locks ? user.withFailures(failures).withStatus(UserStatus.LOCKED)
                : user.withFailures(failures));
        record(time, Command.SYSTEM_USER, "SIGN_IN_FAILED", userId, "wrong password, " + failures + " in a row");
        if (locks) {
            record(time, Command.SYSTEM_USER, "LOCK", userId, "locked after " + failures + " failed sign-ins");
        }
        return locks;
    }

    /**
     * A password sign-in of {@code userId} asks to be checked ({@link SignInAttempts}): admitted as one more sign-in
     * without success, or refused (-1) when the user is gone, disabled, locked or already at the limit (which locks
     * it). Returns the sign-ins without success counting this one.
     */
    public int admitSignIn(long userId, long time) {
        LiveUser user = byId.get(userId);
        if (user == null || user.status() != UserStatus.ENABLED) {
            return -1;
        }
        if (user.failedSignIns() >= maxFailedSignIns) {
            // Its last failure's report died with a leader: the lock is derived again from the count.
            put(user.withStatus(UserStatus.LOCKED));
            record(time, Command.SYSTEM_USER, "LOCK", userId, "locked after " + user.failedSignIns()
                    + " sign-ins without success");
            return -1;
        }
        int attempts = user.failedSignIns() + 1;
        put(user.withFailures(attempts));
        record(time, Command.SYSTEM_USER, "SIGN_IN_ATTEMPT", userId, attempts + " without success, this one "
                + "included");
        return attempts;
    }

    /**
     * An admitted sign-in of {@code userId} had a wrong password (already counted when admitted): audited, and at
     * the limit the user is locked. Returns true when this locked the user.
     */
    public boolean admittedSignInFailed(long userId, long time) {
        LiveUser user = byId.get(userId);
        if (user == null) {
            return false;
        }
        boolean locks = user.status() == UserStatus.ENABLED && user.failedSignIns() >= maxFailedSignIns;
        if (locks) {
            put(user.withStatus(UserStatus.LOCKED));
        }
        record(time, Command.SYSTEM_USER, "SIGN_IN_FAILED", userId, "wrong password, " + user.failedSignIns()
                + " in a row");
        if (locks) {
            record(time, Command.SYSTEM_USER, "LOCK", userId, "locked after " + user.failedSignIns()
                    + " failed sign-ins");
        }
        return locks;
    }

    /** A renewed session token, or why there is none. */
    public record Renewal(String token, long expiresAtMs, String refusal) {
    }

    /**
     * A fresh token for the session whose principal is {@code encodedPrincipal} (see
     * {@link com.bourse.cluster.auth.Principal}): for its user as the directory has them now, bound to the session's
     * client key, never past the session's limit.
     */
    public Renewal renewToken(byte[] encodedPrincipal, long now) {
        long userId = com.bourse.cluster.auth.Principal.decode(encodedPrincipal);
        byte[] clientKey = com.bourse.cluster.auth.Principal.clientKey(encodedPrincipal);
        LiveUser user = byId.get(userId);
        String refusal = null;
        if (clientKey == null) {
            refusal = "this session signed in without a client key: it gets no session token";
        } else if (signingKey == null) {
            refusal = "the cluster has no session-token key yet";
        } else if (user == null || user.status() != UserStatus.ENABLED) {
            refusal = "user " + userId + " may not sign in now";
        }
        SessionTokens.Claims claims = refusal == null ? SessionTokens.claimsFor(user, now,
                com.bourse.cluster.auth.Principal.authTimeMs(encodedPrincipal), clientKey) : null;
        if (refusal == null && claims == null) {
            refusal = "the session reached its " + SessionTokens.MAX_SESSION_MS / 3_600_000
                    + "-hour limit: sign in again";
        }
        return refusal != null ? new Renewal(null, 0, refusal)
                : new Renewal(SessionTokens.issue(signingKey, claims), claims.expiresAtMs(), null);
    }

    /** The key session tokens are signed with, or null until the leader made one. */
    public SessionTokens.SigningKey signingKey() {
        return signingKey;
    }

    /**
     * The leader put fresh entropy in the log for the token-signing key: the first one applied becomes the key on
     * every member (so all agree, after a replay or a snapshot too); any later one is ignored. True when installed.
     */
    public boolean installSigningKey(byte[] seed, long time) {
        if (signingKey != null) {
            return false;
        }
        signingKey = SessionTokens.SigningKey.fromSeed(seed);
        view.publishKey(signingKey);
        record(time, Command.SYSTEM_USER, "SIGNING_KEY", Command.SYSTEM_USER, "session tokens signed with "
                + signingKey);
        return true;
    }

    /** A session of {@code userId} opened (the exchange was verified): the failures in a row start again. */
    public void signedIn(long userId, long time) {
        LiveUser user = byId.get(userId);
        if (user != null && user.failedSignIns() > 0) {
            put(user.withFailures(0));
        }
        record(time, userId, "SIGN_IN", userId, "session opened");
    }

    /** The installation's bootstrap session opened. */
    public void bootstrapSessionOpened(long time) {
        record(time, Command.SYSTEM_USER, "BOOTSTRAP_SIGN_IN", Command.SYSTEM_USER, "session opened with the "
                + "bootstrap secret");
    }

    private void put(LiveUser user) {
        LiveUser old = byId.put(user.userId(), user);
        if (old != null && !old.username().equals(user.username())) {
            byName.remove(old.username());
        }
        byName.put(user.username(), user);
        view.publish(byName);
    }

    private void record(long time, long actor, String action, long subject, String outcome) {
        audit.add(new IdentityAudit(audit.size() + 1L, time, actor, action, subject, outcome));
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(SNAPSHOT_VERSION);
        out.writeInt(byId.size());
        for (LiveUser user : byId.values()) {
            out.writeLong(user.userId());
            out.writeUTF(user.username());
            out.writeInt(user.roleMask());
            out.writeByte(user.status().ordinal());
            out.writeInt(user.failedSignIns());
            Scram.Verifier v = user.verifier();
            writeBytes(out, v.salt());
            out.writeInt(v.params().memoryKib());
            out.writeInt(v.params().iterations());
            out.writeInt(v.params().parallelism());
            writeBytes(out, v.storedKey());
            writeBytes(out, v.serverKey());
        }
        out.writeBoolean(signingKey != null);
        if (signingKey != null) {
            out.write(signingKey.seed());
        }
        out.writeInt(audit.size());
        for (IdentityAudit line : audit) {
            out.writeLong(line.time());
            out.writeLong(line.actor());
            out.writeUTF(line.action());
            out.writeLong(line.subject());
            out.writeUTF(line.outcome());
        }
    }

    public void read(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != SNAPSHOT_VERSION && version != 1) {
            throw new IllegalStateException("unsupported live users snapshot version " + version);
        }
        byId.clear();
        byName.clear();
        audit.clear();
        int users = in.readInt();
        for (int i = 0; i < users; i++) {
            long userId = in.readLong();
            String username = in.readUTF();
            int roles = in.readInt();
            UserStatus status = UserStatus.values()[in.readByte()];
            int failures = in.readInt();
            byte[] salt = readBytes(in);
            Scram.KdfParams params = new Scram.KdfParams(in.readInt(), in.readInt(), in.readInt());
            Scram.Verifier verifier = new Scram.Verifier(salt, params, readBytes(in), readBytes(in));
            LiveUser user = new LiveUser(userId, username, roles, status, verifier, failures);
            byId.put(userId, user);
            byName.put(username, user);
        }
        signingKey = null;
        if (version >= 2 && in.readBoolean()) {
            byte[] seed = new byte[SessionTokens.KEY_BYTES];
            in.readFully(seed);
            signingKey = SessionTokens.SigningKey.fromSeed(seed);
        }
        view.publishKey(signingKey);
        int lines = in.readInt();
        for (int i = 0; i < lines; i++) {
            audit.add(new IdentityAudit(i + 1L, in.readLong(), in.readLong(), in.readUTF(), in.readLong(),
                    in.readUTF()));
        }
        view.publish(byName);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeByte(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readUnsignedByte()];
        in.readFully(bytes);
        return bytes;
    }
}
