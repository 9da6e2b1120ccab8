package com.bourse.cluster.client;

import com.bourse.protocol.Command;

/**
 * Hears the fate of every submitted command exactly once: acknowledged (it is in the replicated log and took
 * effect) or failed (it did not, or the venue closed before it could learn). Called on the venue thread.
 */
public interface CommandOutcomeListener {
    void acknowledged(Command command, long logPosition);

    void failed(Command command, String reason);

    CommandOutcomeListener NONE = new CommandOutcomeListener() {
        @Override
        public void acknowledged(Command command, long logPosition) {
        }

        @Override
        public void failed(Command command, String reason) {
        }
    };
}
