package com.bourse.ui.view.backoffice;

import com.bourse.protocol.Role;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.UserRow;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the users panel refuses before asking the store (which refuses the same again): nobody removes their own
 * ADMIN role or disables themselves, and a user keeps at least one role.
 */
public final class UserRules {
    /** The user form's typed fields. */
    public enum Field {
        USERNAME("a user name ", "user name '"), DISPLAY_NAME("a display name "), PASSWORD("a password ");

        private final List<String> named;

        Field(String... named) {
            this.named = List.of(named);
        }
    }

    private UserRules() {
    }

    /**
     * The fields a refusal of the store's user rules is about: its messages name the field first ("A password needs
     * at least 12 characters", "User name 'jdoe' is already taken"). Empty when it names none (a role, the venue).
     */
    public static Set<Field> fieldsOf(String refusal) {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        if (refusal == null) {
            return fields;
        }
        String text = refusal.toLowerCase(Locale.ROOT);
        for (Field field : Field.values()) {
            if (field.named.stream().anyMatch(name -> text.startsWith(name) || text.contains(": " + name))) {
                fields.add(field);
            }
        }
        return fields;
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
