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
}
