package com.bourse.ui.port;

import com.bourse.protocol.Command;
import com.bourse.protocol.EventSink;

/** Where a {@link RiskDesk} delivers the venue's events after its snapshot; venue thread, must return quickly. */
public interface RiskFeed extends EventSink {

    /**
     * A command {@link RiskDesk#submit} took was then refused before it reached the venue (the session's check or
     * the audit trail, on a desk that sends on a worker): said to the officer like the venue's own refusals.
     * Any thread.
     */
    default void notSent(Command command, String reason) {
    }

    /**
     * The desk lost the venue and came back: events in between are lost, so {@code snapshot} replaces what the
     * desk showed, and the events after it continue from it (nothing missed, nothing twice). Venue thread.
     */
    default void resynced(RiskSnapshot snapshot) {
    }
}
