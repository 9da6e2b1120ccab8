package com.bourse.ui.port;

import com.bourse.protocol.Role;

import java.util.Objects;

/**
 * Who is signed in: the engine's user id, the name they typed and the name we greet them with.
 *
 * @param roleMask {@link Role#mask} of the user's roles
 */
public record TraderIdentity(long userId, String username, String displayName, int roleMask) {

    public TraderIdentity {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
    }

    public boolean has(Role role) {
        return role.in(roleMask);
    }
}
