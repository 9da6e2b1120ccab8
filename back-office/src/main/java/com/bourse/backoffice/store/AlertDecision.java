package com.bourse.backoffice.store;

/** What became of a risk alert: waiting, decided by an officer, or withdrawn because its subject ended first. */
public enum AlertDecision {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
