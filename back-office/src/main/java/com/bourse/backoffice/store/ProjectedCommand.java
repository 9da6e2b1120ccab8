package com.bourse.backoffice.store;

import com.bourse.protocol.Command;
import com.bourse.protocol.Event;

import java.util.List;

/**
 * One journaled command and the events the engine emitted for it: the unit projections are written in.
 *
 * @param emittedNanos {@link System#nanoTime()} when the engine finished the command (to measure lag), or 0
 */
public record ProjectedCommand(long seq, Command command, List<Event> events, long emittedNanos) {
}
