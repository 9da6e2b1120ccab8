package com.bourse.backoffice.security;

import com.bourse.protocol.Role;

import java.util.Set;

/** A user to create: id shared with the engine, unique login name, display name (personal data), roles, password. */
public record NewUser(long userId, String username, String displayName, Set<Role> roles, char[] password) {
    public NewUser {
        roles = Set.copyOf(roles);
    }
}
