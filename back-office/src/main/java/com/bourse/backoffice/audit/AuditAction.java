package com.bourse.backoffice.audit;

/** What a user (or the installation) did. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED_OUT,
    SIGN_OUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    USER_CREATED,
    USER_ROLES_CHANGED,
    USER_UNLOCKED,
    USER_DISABLED,
    USER_ENABLED,
    ORDER_ENTERED,
    ORDER_AMENDED,
    ORDER_CANCELLED,
    MASS_CANCEL,
    APPROVED,
    REJECTED,
    LIMITS_CHANGED,
    KILL_SWITCH_ENGAGED,
    KILL_SWITCH_RELEASED,
    TRANSFER_REQUESTED,
    TRANSFER_SETTLED,
    TRANSFER_CANCELLED,
    PAYMENT_REQUESTED,
    INSTRUMENT_HALTED,
    INSTRUMENT_RESUMED,
    END_OF_DAY,
    REFERENCE_DATA_CHANGED,
    /** A command the gateway refused before it reached the engine (no permission, expired session). */
    COMMAND_REFUSED,
    IMPORT,
    IMPORT_REFUSED,
    EXPORT,
    INSTALLATION_BOOTSTRAPPED
}
