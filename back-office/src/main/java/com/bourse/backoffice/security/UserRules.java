package com.bourse.backoffice.security;

import com.bourse.protocol.Role;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user record may hold. Each check returns a message fit for the person who typed the value, or null
 * when it is fine; nothing here touches the database.
 */
public final class UserRules {
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private UserRules() {
    }

    public static String checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return "a user name is 2 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter";
        }
        return null;
    }

    /** Any script is welcome in a name; control characters and blank names are not. */
    public static String checkDisplayName(String name) {
        if (name == null || name.isBlank()) {
            return "a display name is required";
        }
        if (name.length() > MAX_DISPLAY_NAME) {
            return "a display name has at most " + MAX_DISPLAY_NAME + " characters, this one has " + name.length();
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            return "a display name cannot contain control characters";
        }
        return null;
    }

    public static String checkPassword(char[] password, String username) {
        if (password == null || password.length < MIN_PASSWORD) {
            return "a password needs at least " + MIN_PASSWORD + " characters";
        }
        if (password.length > MAX_PASSWORD) {
            return "a password has at most " + MAX_PASSWORD + " characters";
        }
        if (username != null && username.contentEquals(java.nio.CharBuffer.wrap(password))) {
            return "a password cannot be the user name";
        }
        return null;
    }

    public static String checkRoles(Set<Role> roles) {
        return roles == null || roles.isEmpty() ? "a user needs at least one role" : null;
    }
}
