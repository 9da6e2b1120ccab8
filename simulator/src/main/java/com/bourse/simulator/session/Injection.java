package com.bourse.simulator.session;

import com.bourse.protocol.Command;

/**
 * What came from outside the simulated market and the simulated time it applied at: a command (the trainee's order,
 * a trainer's halt), which carries that time as its timestamp, or a trainer's {@link NewsJump}. Exactly one of the
 * two. Part of the session record, so a replay applies it at the same point, in the same order.
 */
public record Injection(long time, Command command, NewsJump news) {
    public Injection {
        if ((command == null) == (news == null)) {
            throw new IllegalArgumentException("an injection is a command or news, one of the two");
        }
        if (command != null && command.timestamp() != time) {
            throw new IllegalArgumentException("an injected command carries its simulated time " + time + ", not "
                    + command.timestamp());
        }
    }

    public Injection(long time, Command command) {
        this(time, command, null);
    }

    public Injection(long time, NewsJump news) {
        this(time, null, news);
    }
}
