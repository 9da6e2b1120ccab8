package com.bourse.engine;

/** Where a working order is: waiting for a risk officer, waiting for its stop price, or resting on the book. */
enum OrderState {
    HELD,
    STOP_WAITING,
    RESTING,
    /** Being matched by the current command; never seen between commands. */
    INCOMING
}
