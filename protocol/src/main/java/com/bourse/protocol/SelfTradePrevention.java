package com.bourse.protocol;

/** What happens when an account's incoming order would trade against its own resting order. */
public enum SelfTradePrevention {
    /** Cancel the incoming (newest) order's remaining quantity; the resting order stays. */
    CANCEL_NEWEST,
    /** Cancel the resting (oldest) order and let the incoming order continue. The exchange default. */
    CANCEL_OLDEST,
    /** Cancel both the resting order and the incoming order's remaining quantity. */
    CANCEL_BOTH
}
