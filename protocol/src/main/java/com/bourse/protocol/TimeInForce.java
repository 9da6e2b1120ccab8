package com.bourse.protocol;

/** How long an order may live: until cancelled, until end of day, or only against what is on the book now. */
public enum TimeInForce {
    GTC,
    DAY,
    /** Immediate or cancel: fill what is possible now, cancel the rest. */
    IOC,
    /** Fill or kill: fill the whole quantity now or nothing at all. */
    FOK
}
