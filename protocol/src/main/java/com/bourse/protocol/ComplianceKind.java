package com.bourse.protocol;

/** Why the engine logged a compliance violation: something a rule stopped, or a rule an officer overrode. */
public enum ComplianceKind {
    /** An order would have broken one of the account's risk limits (quantity, notional, position, throttle). */
    LIMIT_BREACH_ATTEMPT,
    /** Two orders of the same owner would have traded with each other; self-trade prevention cancelled. */
    SELF_TRADE_PREVENTED,
    /** An order was entered on an account whose kill switch is engaged. */
    KILL_SWITCH_TRADE_ATTEMPT,
    /** A risk officer approved a held order or transfer whose surveillance rules fired. */
    OFFICER_OVERRIDE
}
