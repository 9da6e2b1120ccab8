package com.bourse.cluster.identity;

/**
 * One administrator's request as it travels the log (schema message UserAdmin). Which fields matter depends on
 * the action: CREATE all of them, RESET_PASSWORD the verifier, SET_ROLES the role mask, the others the user id.
 *
 * @param verifier null when the action carries none
 */
public record UserAdminRequest(long requestId, UserAction action, long userId, int roleMask, String username,
                               Scram.Verifier verifier) {
    public static UserAdminRequest create(long requestId, long userId, String username, int roleMask,
                                          Scram.Verifier verifier) {
        return new UserAdminRequest(requestId, UserAction.CREATE, userId, roleMask, username, verifier);
    }

    public static UserAdminRequest resetPassword(long requestId, long userId, Scram.Verifier verifier) {
        return new UserAdminRequest(requestId, UserAction.RESET_PASSWORD, userId, 0, "", verifier);
    }

    public static UserAdminRequest setRoles(long requestId, long userId, int roleMask) {
        return new UserAdminRequest(requestId, UserAction.SET_ROLES, userId, roleMask, "", null);
    }

    /** DISABLE, ENABLE or UNLOCK. */
    public static UserAdminRequest of(long requestId, UserAction action, long userId) {
        return new UserAdminRequest(requestId, action, userId, 0, "", null);
    }
}
