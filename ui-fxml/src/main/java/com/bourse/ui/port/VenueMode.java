package com.bourse.ui.port;

/** Which venue the desktop talks to: the embedded engine with the sample market, or production. */
public enum VenueMode {
    SIMULATION,
    LIVE
}
