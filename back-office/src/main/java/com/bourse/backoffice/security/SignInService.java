package com.bourse.backoffice.security;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.schema.tables.records.UsersRecord;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import static com.bourse.backoffice.store.schema.Tables.USERS;

/**
 * Signs people in: checks the Argon2id password hash, locks an account for {@link #LOCK_DURATION} after
 * {@link #MAX_FAILURES} failures in a row, and issues a {@link Session} with a signed, expiring credential.
 * Every attempt, good or bad, goes to the audit trail. An unknown name costs the same time as a wrong
 * password and gets the same answer. Thread-safe.
 */
public final class SignInService {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final DSLContext dsl;
    private final UserDirectory users;
    private final PasswordHasher hasher;
    private final SessionCredentials credentials;
    private final AuditTrail audit;
    private final InstantSource clock;

    public SignInService(Store store, UserDirectory users, PasswordHasher hasher, SessionCredentials credentials,
                         AuditTrail audit, InstantSource clock) {
        this.dsl = store.dsl();
        this.users = users;
        this.hasher = hasher;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    public synchronized SignInResult signIn(String username, char[] password) {
        long now = clock.millis();
        UsersRecord user = username == null || UserRules.checkUsername(username) != null ? null
                : dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOne();
        if (user == null) {
            hasher.verifyNothing(password);
            audit.append(new AuditEntry(null, username, AuditAction.SIGN_IN_FAILED, "user:unknown",
                    "unknown user name"));
            return badCredentials();
        }
        long userId = user.getUserId();
        if (!user.getEnabled()) {
            audit.append(AuditEntry.of(userId, username, AuditAction.SIGN_IN_FAILED, "user:" + userId,
                    "account disabled"));
            return new SignInResult.Refused(SignInResult.Reason.DISABLED,
                    "This account is disabled. Ask an administrator.", null);
        }
        Long lockedUntil = user.getLockedUntil();
        if (lockedUntil != null && now < lockedUntil) {
            audit.append(AuditEntry.of(userId, username, AuditAction.SIGN_IN_FAILED, "user:" + userId,
                    "account locked until " + Instant.ofEpochMilli(lockedUntil)));
            return locked(lockedUntil);
        }
        int failures = lockedUntil != null ? 0 : user.getFailedAttempts(); // an expired lock starts afresh
        if (!hasher.verify(password, user.getPasswordHash())) {
            failures++;
            if (failures >= MAX_FAILURES) {
                long until = now + LOCK_DURATION.toMillis();
                dsl.update(USERS).set(USERS.FAILED_ATTEMPTS, failures).set(USERS.LOCKED_UNTIL, until)
                        .where(USERS.USER_ID.eq(userId)).execute();
                audit.append(AuditEntry.of(userId, username, AuditAction.SIGN_IN_LOCKED_OUT, "user:" + userId,
                        failures + " failed attempts in a row: locked until " + Instant.ofEpochMilli(until)));
                return locked(until);
            }
            dsl.update(USERS).set(USERS.FAILED_ATTEMPTS, failures).setNull(USERS.LOCKED_UNTIL)
                    .where(USERS.USER_ID.eq(userId)).execute();
            audit.append(AuditEntry.of(userId, username, AuditAction.SIGN_IN_FAILED, "user:" + userId,
                    "wrong password (" + failures + " of " + MAX_FAILURES + ")"));
            return badCredentials();
        }
        dsl.update(USERS).set(USERS.FAILED_ATTEMPTS, 0).setNull(USERS.LOCKED_UNTIL).where(USERS.USER_ID.eq(userId))
                .execute();
        Session session = credentials.issue(userId, username, users.roles(userId));
        audit.append(AuditEntry.of(userId, username, AuditAction.SIGN_IN, "user:" + userId,
                "roles=" + session.roles() + " session until " + session.expiresAt()));
        return new SignInResult.SignedIn(session);
    }

    public void signOut(Session session) {
        audit.append(AuditEntry.of(session.userId(), session.username(), AuditAction.SIGN_OUT,
                "user:" + session.userId(), ""));
    }

    private static SignInResult badCredentials() {
        return new SignInResult.Refused(SignInResult.Reason.BAD_CREDENTIALS, "Wrong user name or password.", null);
    }

    private static SignInResult locked(long until) {
        return new SignInResult.Refused(SignInResult.Reason.LOCKED,
                "Too many failed attempts: this account is locked until " + Instant.ofEpochMilli(until) + ".",
                Instant.ofEpochMilli(until));
    }
}
