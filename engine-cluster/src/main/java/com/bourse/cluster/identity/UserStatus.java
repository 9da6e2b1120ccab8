package com.bourse.cluster.identity;

/** Whether a live user may sign in. */
public enum UserStatus {
    ENABLED,
    /** By an administrator; only an administrator enables again. Open sessions are closed at once. */
    DISABLED,
    /** After too many failed sign-ins in a row; an administrator unlocks. */
    LOCKED
}
