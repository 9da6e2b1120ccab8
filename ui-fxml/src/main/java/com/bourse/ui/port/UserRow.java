package com.bourse.ui.port;

import com.bourse.protocol.Role;

import java.time.Instant;
import java.util.Set;

/** A user as the administration screen lists them; {@code lockedUntil} null when not locked out. */
public record UserRow(long userId, String username, String displayName, Set<Role> roles, boolean enabled,
                      int failedAttempts, Instant lockedUntil) {

    public UserRow {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
