package com.bourse.backoffice.security;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditRecord;
import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.importexport.BackOfficeFixture;
import com.bourse.backoffice.importexport.TestClock;
import com.bourse.backoffice.store.Page;
import com.bourse.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInServiceTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(BackOfficeFixture.START);
    BackOffice office;
    SignInService signIn;

    @BeforeEach
    void seeded() {
        office = BackOfficeFixture.seeded(dir, clock);
        signIn = office.signIn();
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void rightPasswordGivesASessionWithTheUsersRolesAndACredentialTheEngineCanCheck() {
        SignInResult result = signIn.signIn("victor", "victor-training-1".toCharArray());

        assertThat(result).isInstanceOfSatisfying(SignInResult.SignedIn.class, s -> {
            Session session = s.session();
            assertThat(session.userId()).isEqualTo(5);
            assertThat(session.roles()).containsExactlyInAnyOrder(Role.RISK_OFFICER, Role.ADMIN);
            assertThat(session.expiresAt()).isEqualTo(BackOfficeFixture.START.plus(Duration.ofHours(8)));
            SessionCredentials.Check check = office.credentials().check(session.credential());
            assertThat(check.valid()).isTrue();
            assertThat(check.claims().userId()).isEqualTo(5);
        });
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        SignInResult unknown = signIn.signIn("mallory", "whatever-password".toCharArray());
        SignInResult wrong = signIn.signIn("alice", "not-her-password".toCharArray());

        assertThat(unknown).isEqualTo(wrong);
        assertThat(unknown).isInstanceOfSatisfying(SignInResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(SignInResult.Reason.BAD_CREDENTIALS));
    }

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() {
        for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
            signIn.signIn("bob", ("guess-number-" + i).toCharArray());
        }

        SignInResult locked = signIn.signIn("bob", "bob-training-1".toCharArray());
        assertThat(locked).isInstanceOfSatisfying(SignInResult.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(SignInResult.Reason.LOCKED);
            assertThat(r.lockedUntil()).isEqualTo(BackOfficeFixture.START.plus(Duration.ofMinutes(15)));
        });

        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn.signIn("bob", "bob-training-1".toCharArray())).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void fourFailuresThenSuccessStartTheCountAgain() {
        for (int i = 0; i < SignInService.MAX_FAILURES - 1; i++) {
            signIn.signIn("bob", "wrong-password!".toCharArray());
        }
        assertThat(signIn.signIn("bob", "bob-training-1".toCharArray())).isInstanceOf(SignInResult.SignedIn.class);
        for (int i = 0; i < SignInService.MAX_FAILURES - 1; i++) {
            signIn.signIn("bob", "wrong-password!".toCharArray());
        }
        assertThat(signIn.signIn("bob", "bob-training-1".toCharArray())).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void everySignInAttemptGoodOrBadIsInTheAuditTrail() {
        signIn.signIn("alice", "bad-password-1".toCharArray());
        signIn.signIn("nobody'; DROP TABLE users;--", "x".toCharArray());
        signIn.signIn("alice", "alice-training-1".toCharArray());

        assertThat(office.audit().entries(Page.first(1000)))
                .filteredOn(e -> e.action().name().startsWith("SIGN_IN"))
                .extracting(AuditRecord::action, AuditRecord::username)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.SIGN_IN_FAILED, "alice"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.SIGN_IN_FAILED, "nobody'; DROP TABLE users;--"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.SIGN_IN, "alice"));
        assertThat(office.users().all()).isNotEmpty();
    }

    @Test
    void changedPasswordReplacesTheOldOne() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");

        office.users().changePassword(alice, "alice-training-1".toCharArray(), "a brand new secret 2".toCharArray());

        assertThat(signIn.signIn("alice", "alice-training-1".toCharArray())).isInstanceOf(SignInResult.Refused.class);
        assertThat(signIn.signIn("alice", "a brand new secret 2".toCharArray())).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndAStrongReplacement() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");

        assertThatThrownBy(() -> office.users().changePassword(alice, "guess".toCharArray(),
                "a brand new secret 2".toCharArray())).hasMessageContaining("current password");
        assertThatThrownBy(() -> office.users().changePassword(alice, "alice-training-1".toCharArray(),
                "short".toCharArray())).hasMessageContaining("at least 12");
    }

    @Test
    void administratorCanUnlockAndDisable() {
        for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
            signIn.signIn("bob", "wrong-password!".toCharArray());
        }
        Session admin = BackOfficeFixture.signIn(office, "admin", "admin-training-1");

        office.users().unlock(admin, 3);
        assertThat(signIn.signIn("bob", "bob-training-1".toCharArray())).isInstanceOf(SignInResult.SignedIn.class);

        UserDirectory.UserChange disabled = office.users().disable(admin, 3);
        assertThat(disabled.engineCommand().roleMask()).isZero();
        assertThat(signIn.signIn("bob", "bob-training-1".toCharArray())).isInstanceOfSatisfying(
                SignInResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(SignInResult.Reason.DISABLED));
    }

    @Test
    void anEnabledUserSignsInAgainAndTheEngineIsToldTheRolesTheyStillHold() {
        Session admin = BackOfficeFixture.signIn(office, "admin", "admin-training-1");
        assertThatThrownBy(() -> office.users().enable(admin, 3)).isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("user 3 is not disabled");
        office.users().disable(admin, 3);

        UserDirectory.UserChange enabled = office.users().enable(admin, 3);

        assertThat(enabled.engineCommand().roleMask()).isEqualTo(Role.mask(Role.TRADER));
        assertThat(enabled.user().enabled()).isTrue();
        assertThat(signIn.signIn("bob", "bob-training-1".toCharArray())).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void onlyAnAdministratorChangesRolesAndTheEngineIsToldTheNewMask() {
        Session alice = BackOfficeFixture.signIn(office, "alice", "alice-training-1");
        Session admin = BackOfficeFixture.signIn(office, "admin", "admin-training-1");

        assertThatThrownBy(() -> office.users().setRoles(alice, 2, java.util.Set.of(Role.ADMIN)))
                .isInstanceOf(UserChangeRefusedException.class);
        UserDirectory.UserChange change = office.users().setRoles(admin, 2, java.util.Set.of(Role.TRADER,
                Role.RISK_OFFICER));
        assertThat(change.engineCommand().roleMask()).isEqualTo(Role.mask(Role.TRADER, Role.RISK_OFFICER));
        assertThat(change.engineCommand().userId()).isEqualTo(admin.userId());
    }
}
