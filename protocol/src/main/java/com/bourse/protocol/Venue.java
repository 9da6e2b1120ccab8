package com.bourse.protocol;

/**
 * Where the desktop sends commands and hears events: the embedded engine in simulation, the production
 * cluster when live. Callers cannot tell which they talk to.
 *
 * <p>{@link #submit} is thread-safe and does not wait for the engine. Listeners are called on the venue's
 * own thread in event order and must return quickly.
 */
public interface Venue extends AutoCloseable {

    /** Queue a command for the engine. Returns false when the venue is closed or cannot take it right now. */
    boolean submit(Command command);

    /** Start hearing events; close the returned handle to stop. */
    AutoCloseable subscribe(EventSink listener);

    @Override
    void close();
}
