package com.bourse.ui.view.backoffice;

import com.bourse.protocol.Role;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.UserRow;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UserRulesTest {
    private final TraderIdentity victor = new TraderIdentity(5, "victor", "Victor Lang",
            Role.mask(Role.RISK_OFFICER, Role.ADMIN));
    private final UserRow victorRow = new UserRow(5, "victor", "Victor Lang", Set.of(Role.RISK_OFFICER, Role.ADMIN),
            true, 0, null);
    private final UserRow alice = new UserRow(2, "alice", "Alice Martin", Set.of(Role.TRADER), true, 0, null);

    @Test
    void nobodyRemovesTheirOwnAdminRole() {
        assertThat(UserRules.rolesRefusal(victor, victorRow, Set.of(Role.RISK_OFFICER)))
                .contains("cannot remove your own ADMIN");
        assertThat(UserRules.rolesRefusal(victor, victorRow, Set.of(Role.ADMIN))).isNull();
    }

    @Test
    void anAdministratorMayGiveOrTakeAnotherUsersRoles() {
        assertThat(UserRules.rolesRefusal(victor, alice, Set.of(Role.TRADER, Role.BACK_OFFICE))).isNull();
        assertThat(UserRules.rolesRefusal(victor, alice, Set.of())).contains("at least one role");
    }

    @Test
    void nobodyDisablesThemselves() {
        assertThat(UserRules.disableRefusal(victor, victorRow)).isEqualTo("You cannot disable yourself");
        assertThat(UserRules.disableRefusal(victor, alice)).isNull();
    }

    @Test
    void aRefusalOfTheStoresUserRulesMarksTheFieldItNames() {
        assertThat(UserRules.fieldsOf("A password needs at least 12 characters"))
                .containsExactly(UserRules.Field.PASSWORD);
        assertThat(UserRules.fieldsOf("A user name is 2 to 32 characters: lower-case letters, digits"))
                .containsExactly(UserRules.Field.USERNAME);
        assertThat(UserRules.fieldsOf("User name 'alice' is already taken")).containsExactly(UserRules.Field.USERNAME);
        assertThat(UserRules.fieldsOf("A display name is required")).containsExactly(UserRules.Field.DISPLAY_NAME);
        assertThat(UserRules.fieldsOf("A user needs at least one role")).isEmpty();
        assertThat(UserRules.fieldsOf(null)).isEmpty();
    }
}
