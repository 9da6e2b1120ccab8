package com.bourse.cluster.identity;

/**
 * A live user as an administrator sees them in the list: no verifier, nothing that helps a guess. The cluster keeps
 * no display name (the sign-in name is the user's name at the venue).
 *
 * @param failedSignIns sign-ins without success since the last one that succeeded
 */
public record UserListing(long userId, String username, int roleMask, UserStatus status, int failedSignIns) {
    static UserListing of(LiveUser user) {
        return new UserListing(user.userId(), user.username(), user.roleMask(), user.status(), user.failedSignIns());
    }
}
