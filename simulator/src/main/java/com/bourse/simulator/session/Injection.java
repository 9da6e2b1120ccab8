package com.bourse.simulator.session;

import com.bourse.protocol.Command;

/**
 * A command from outside the simulated market (the trainee's order, a trainer's halt) and the simulated time it was
 * applied at, which is also its timestamp. Part of the session record, so a replay applies it at the same point.
 */
public record Injection(long time, Command command) {
    public Injection {
        if (command.timestamp() != time) {
            throw new IllegalArgumentException("an injected command carries its simulated time " + time + ", not "
                    + command.timestamp());
        }
    }
}
