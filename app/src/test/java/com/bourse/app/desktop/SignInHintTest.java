package com.bourse.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the sign-in window tells a newcomer about the sample users, desk by desk. */
class SignInHintTest {

    @Test
    void the_hint_names_each_desks_users_on_one_line_and_the_password_rule_once() {
        String hint = StoreSignIn.trainingHint(SampleWorld.read(DesktopDriver.repositoryFolder("sample-data")));

        assertThat(hint.lines()).contains(
                "Traders: alice, bob",
                "Risk officers: rita, victor",
                "Back office: olga",
                "Administrators: admin, victor",
                "Password: the user name and \"-training-1\" (e.g. admin-training-1)");
        // The simulator's own users sign nobody in: a trainee never sees them offered.
        assertThat(hint).doesNotContain("market", "flow");
    }

    @Test
    void passwords_that_follow_no_common_rule_are_listed_beside_their_user() {
        List<SampleWorld.SampleUser> users = List.of(
                new SampleWorld.SampleUser(1, "alice", "Alice", Set.of(Role.TRADER), "alice-training-1"),
                new SampleWorld.SampleUser(2, "rita", "Rita", Set.of(Role.RISK_OFFICER), "something-else"));

        assertThat(StoreSignIn.commonPasswordSuffix(users)).isNull();
        assertThat(StoreSignIn.commonPasswordSuffix(users.subList(0, 1))).isEqualTo("-training-1");
    }
}
