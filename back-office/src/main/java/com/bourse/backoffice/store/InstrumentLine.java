package com.bourse.backoffice.store;

import com.bourse.protocol.Instrument;

/** An instrument's master data: the engine's specification and its full name. */
public record InstrumentLine(Instrument instrument, String name) {
}
