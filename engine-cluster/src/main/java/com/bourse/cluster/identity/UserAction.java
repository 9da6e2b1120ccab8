package com.bourse.cluster.identity;

/** An administrator's change to a live user. Ordinals equal the wire numbers of the schema's UserAction. */
public enum UserAction {
    CREATE, DISABLE, ENABLE, UNLOCK, RESET_PASSWORD, SET_ROLES
}
