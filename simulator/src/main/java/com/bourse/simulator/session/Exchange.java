package com.bourse.simulator.session;

import com.bourse.protocol.Command;
import com.bourse.protocol.EventSink;

/**
 * What a market session trades on: applies one command and tells {@code sink} its events before returning. The
 * engine's {@code Engine::apply} and an engine host's {@code apply} both fit, so the simulator needs nothing but
 * the protocol. It must be synchronous: agents react to events, and the same events in the same order is what
 * makes a session repeat byte for byte.
 */
@FunctionalInterface
public interface Exchange {

    void apply(Command command, EventSink sink);
}
