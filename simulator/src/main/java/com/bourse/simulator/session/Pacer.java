package com.bourse.simulator.session;

import java.util.function.LongSupplier;

/**
 * Drives a {@link MarketSession} against a wall clock: at a speed of N simulated seconds per real second, as fast
 * as possible, or paused. It only decides how far the session may go on each {@link #tick}; what happens is the
 * session's, so speed, pauses and resumes never change the events. The wall clock is passed in (nanoseconds), so
 * tests drive it by hand. Reset and jumping back are a new session from the same record driven to the time.
 * Not thread-safe: the session's thread.
 */
public final class Pacer {
    /** The speed that runs as fast as the engine goes. */
    public static final int AS_FAST_AS_POSSIBLE = 0;
    /** How much simulated time one tick covers when running as fast as possible. */
    private static final long BURST_MILLIS = 60_000;

    private final MarketSession session;
    private final LongSupplier nanoClock;
    private int speed = 1;
    private boolean paused = true;
    private long lastNanos;
    /** Simulated time owed but not yet reached, in nanoseconds of simulated time (fractions of a millisecond). */
    private long carryNanos;

    public Pacer(MarketSession session, LongSupplier nanoClock) {
        this.session = session;
        this.nanoClock = nanoClock;
    }

    /** Simulated seconds per wall second, or {@link #AS_FAST_AS_POSSIBLE}. */
    public void speed(int speed) {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive, got " + speed);
        }
        catchUp();
        this.speed = speed;
    }

    public int speed() {
        return speed;
    }

    public void pause() {
        catchUp();
        paused = true;
    }

    public void resume() {
        if (paused) {
            paused = false;
            lastNanos = nanoClock.getAsLong();
        }
    }

    public boolean paused() {
        return paused;
    }

    /** Advances the session as far as the clock allows; returns the simulated time reached. */
    public long tick() {
        catchUp();
        return session.now();
    }

    /** Runs the session to {@code time} now, whatever the speed (jump ahead). */
    public void jumpTo(long time) {
        session.advanceTo(time);
    }

    private void catchUp() {
        if (paused || session.finished()) {
            return;
        }
        long nowNanos = nanoClock.getAsLong();
        long elapsed = nowNanos - lastNanos;
        lastNanos = nowNanos;
        if (speed == AS_FAST_AS_POSSIBLE) {
            session.advanceTo(session.now() + BURST_MILLIS);
            return;
        }
        carryNanos += elapsed * speed;
        long millis = carryNanos / 1_000_000;
        carryNanos -= millis * 1_000_000;
        if (millis > 0) {
            session.advanceTo(session.now() + millis);
        }
    }
}
