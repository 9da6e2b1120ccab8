package com.bourse.app.desktop;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.security.UserRules;
import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.identity.IdentityCodec;
import com.bourse.cluster.identity.Scram;
import com.bourse.cluster.identity.UserAction;
import com.bourse.cluster.identity.UserAdminRequest;
import com.bourse.cluster.identity.UserListing;
import com.bourse.cluster.identity.UserStatus;
import com.bourse.protocol.Role;
import com.bourse.ui.port.BackOfficeDesk.Answer;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.UserAdministration;
import com.bourse.ui.port.UserRow;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An administrator's Users &amp; roles on the production engine, over the window's own {@link ClusterVenue}: the
 * list is the cluster's replicated user directory ({@link ClusterVenue#listUsers}); every change is a
 * {@link UserAdminRequest} through the cluster's log, which checks the session is an enabled administrator's,
 * applies it on every node and audits it, and whose refusal is shown in its words. A password never leaves this
 * machine: it is checked against the same rules as in simulation and turned here into its SCRAM verifier
 * (Argon2id at {@link LiveHost#verifierCost()}). The local back office's audit trail records each change the
 * administrator asked for and how the cluster answered. The cluster keeps no display name: a user is their
 * sign-in name.
 *
 * <p>Bad input (user name, password, no role) is answered before anything is sent, naming the field first.
 * Argon2id and the wait for the cluster's answer run on this desk's worker thread, never on the FX or venue
 * thread. Thread-safe.
 */
public final class LiveUserAdministration implements UserAdministration {
    private static final System.Logger LOG = System.getLogger(LiveUserAdministration.class.getName());
    private static final long ANSWER_TIMEOUT_SECONDS = 30;

    private final LiveHost host;
    private final TraderIdentity admin;
    private final ClusterVenue venue;
    private final ExecutorService worker;
    /** Sign-in names by id as last listed, so a password reset is checked against its user's name. */
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    LiveUserAdministration(LiveHost host, TraderIdentity admin, ClusterVenue venue) {
        this.host = host;
        this.admin = admin;
        this.venue = venue;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bourse-live-user-admin-" + admin.username());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.log(System.Logger.Level.ERROR, "the live users desk's worker stopped on an error", e));
            return thread;
        });
    }

    @Override
    public TraderIdentity user() {
        return admin;
    }

    @Override
    public boolean keepsDisplayNames() {
        return false;
    }

    @Override
    public CompletableFuture<List<UserRow>> users() {
        return venue.listUsers().thenApply(list -> list.stream().map(this::row).toList());
    }

    private UserRow row(UserListing u) {
        names.put(u.userId(), u.username());
        // A lock lasts until an administrator unlocks it: shown as locked out with no end.
        return new UserRow(u.userId(), u.username(), u.username(), roles(u.roleMask()),
                u.status() != UserStatus.DISABLED, u.failedSignIns(),
                u.status() == UserStatus.LOCKED ? Instant.MAX : null);
    }

    @Override
    public CompletableFuture<Answer> createUser(String username, String displayName, Set<Role> roles,
                                                char[] password) {
        char[] copy = password.clone();
        return onWorker(() -> {
            try {
                String problem = firstProblem(UserRules.checkUsername(username), UserRules.checkRoles(roles),
                        UserRules.checkPassword(copy, username));
                if (problem != null) {
                    return Answer.refused(capitalised(problem));
                }
                long userId = nextUserId();
                Scram.Verifier verifier = Scram.verifier(copy, host.verifierCost());
                return ask(UserAdminRequest.create(0, userId, username, Role.mask(roles.toArray(Role[]::new)),
                        verifier), AuditAction.USER_CREATED, "username=" + username + " roles=" + roles,
                        "Created " + username + " (user " + userId + ") on the production engine");
            } finally {
                Arrays.fill(copy, '\0');
            }
        });
    }

    /** One above the highest id the cluster has: a clash with another administrator is refused by the cluster. */
    private long nextUserId() {
        try {
            return venue.listUsers().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .mapToLong(UserListing::userId).max().orElse(0) + 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the production engine did not list its users within "
                    + ANSWER_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public CompletableFuture<Answer> disable(long userId) {
        return onWorker(() -> ask(UserAdminRequest.of(0, UserAction.DISABLE, userId), AuditAction.USER_DISABLED,
                "disabled", "Disabled user " + userId + ": their sessions are closed and they cannot sign in"));
    }

    @Override
    public CompletableFuture<Answer> enable(long userId) {
        return onWorker(() -> ask(UserAdminRequest.of(0, UserAction.ENABLE, userId), AuditAction.USER_ENABLED,
                "enabled", "Enabled user " + userId + ": they can sign in again"));
    }

    @Override
    public CompletableFuture<Answer> unlock(long userId) {
        return onWorker(() -> ask(UserAdminRequest.of(0, UserAction.UNLOCK, userId), AuditAction.USER_UNLOCKED,
                "lockout cleared", "Unlocked user " + userId));
    }

    @Override
    public CompletableFuture<Answer> resetPassword(long userId, char[] password) {
        char[] copy = password.clone();
        return onWorker(() -> {
            try {
                String problem = UserRules.checkPassword(copy, names.get(userId));
                if (problem != null) {
                    return Answer.refused(capitalised(problem));
                }
                Scram.Verifier verifier = Scram.verifier(copy, host.verifierCost());
                return ask(UserAdminRequest.resetPassword(0, userId, verifier), AuditAction.PASSWORD_RESET,
                        "reset by an administrator", "Password of user " + userId + " reset; the lockout is "
                                + "cleared and their open sessions are closed");
            } finally {
                Arrays.fill(copy, '\0');
            }
        });
    }

    @Override
    public CompletableFuture<Answer> setRoles(long userId, Set<Role> roles) {
        return onWorker(() -> {
            String problem = UserRules.checkRoles(roles);
            if (problem != null) {
                return Answer.refused(capitalised(problem));
            }
            return ask(UserAdminRequest.setRoles(0, userId, Role.mask(roles.toArray(Role[]::new))),
                    AuditAction.USER_ROLES_CHANGED, "roles " + roles, "Roles of user " + userId + " saved");
        });
    }

    /**
     * Sends one change and waits for the cluster's answer (worker thread); the local trail records what was asked
     * and how the cluster answered, the cluster's own trail the change itself.
     */
    private Answer ask(UserAdminRequest request, AuditAction action, String asked, String done) {
        String subject = "user:" + request.userId();
        try {
            IdentityCodec.Reply reply = venue.administer(request).get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            audit(action, subject, asked + "; production engine: " + (reply.done() ? "done"
                    : "refused: " + reply.reason()));
            return reply.done() ? Answer.done(done)
                    : Answer.refused("The production engine refused: " + reply.reason());
        } catch (TimeoutException e) {
            audit(action, subject, asked + "; production engine: no answer within " + ANSWER_TIMEOUT_SECONDS + " s");
            return Answer.refused("The production engine did not answer within " + ANSWER_TIMEOUT_SECONDS
                    + " s; the change may still be applied: refresh the list");
        } catch (ExecutionException e) {
            audit(action, subject, asked + "; not sent: " + e.getCause().getMessage());
            return Answer.refused("Cannot reach the production engine: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.refused("Interrupted before the production engine answered");
        }
    }

    private void audit(AuditAction action, String subject, String details) {
        host.office().audit().append(AuditEntry.of(admin.userId(), admin.username(), action, subject, details));
    }

    private CompletableFuture<Answer> onWorker(Supplier<Answer> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (IllegalStateException e) {
                return Answer.refused("Cannot reach the production engine: " + e.getMessage());
            }
        }, worker);
    }

    private static Set<Role> roles(int mask) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.in(mask)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static String firstProblem(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Stops the worker; the window's session closes the venue. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
