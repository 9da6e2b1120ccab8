package com.bourse.simulator.agents;

import com.bourse.protocol.Command;

/** Where an agent's commands go: the session applies each to the engine at once, in the simulated present. */
public interface Orders {

    /** Simulated epoch milliseconds now. */
    long now();

    /** Applies {@code command}; its events reach the agents before this returns. */
    void send(Command command);
}
