package com.bourse.backoffice.security;

import com.bourse.protocol.Role;

import java.time.Instant;
import java.util.Set;

/**
 * A signed-in user: who, with which roles, until when, and the signed credential that proves it to the
 * production engine. Immutable.
 */
public record Session(long userId, String username, Set<Role> roles, Instant issuedAt, Instant expiresAt,
                      String credential) {

    public Session {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public int roleMask() {
        return Role.mask(roles.toArray(Role[]::new));
    }
}
