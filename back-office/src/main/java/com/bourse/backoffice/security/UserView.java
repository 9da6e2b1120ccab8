package com.bourse.backoffice.security;

import com.bourse.protocol.Role;

import java.time.Instant;
import java.util.Set;

/** A user as the administration screen shows it (the display name decrypted; never the password hash). */
public record UserView(long userId, String username, String displayName, Set<Role> roles, boolean enabled,
                       int failedAttempts, Instant lockedUntil, Instant passwordChangedAt) {
    public UserView {
        roles = Set.copyOf(roles);
    }
}
