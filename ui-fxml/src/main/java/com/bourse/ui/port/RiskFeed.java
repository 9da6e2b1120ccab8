package com.bourse.ui.port;

import com.bourse.protocol.EventSink;

/** Where a {@link RiskDesk} delivers the venue's events after its snapshot; venue thread, must return quickly. */
public interface RiskFeed extends EventSink {
}
