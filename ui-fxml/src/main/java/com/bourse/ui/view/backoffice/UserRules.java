package com.bourse.ui.view.backoffice;

import com.bourse.protocol.Role;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.UserRow;

import java.util.Set;

/**
 * What the users panel refuses before asking the store (which refuses the same again): nobody removes their own
 * ADMIN role or disables themselves, and a user keeps at least one role.
 */
public final class UserRules {
    private UserRules() {
    }

    /** Why {@code self} may not give {@code user} these roles, or null. */
    public static String rolesRefusal(TraderIdentity self, UserRow user, Set<Role> roles) {
        if (roles.isEmpty()) {
            return "A user needs at least one role (disable them instead)";
        }
        if (user.userId() == self.userId() && user.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            return "You cannot remove your own ADMIN role: ask another administrator";
        }
        return null;
    }

    /** Why {@code self} may not disable {@code user}, or null. */
    public static String disableRefusal(TraderIdentity self, UserRow user) {
        if (user.userId() == self.userId()) {
            return "You cannot disable yourself";
        }
        if (!user.enabled()) {
            return user.username() + " is already disabled";
        }
        return null;
    }
}
