package com.bourse.ui.view;

import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.EventInbox;
import com.bourse.ui.port.MarketSnapshot;
import javafx.animation.AnimationTimer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place market data reaches the screen: once per pulse (at most 60 a second) it drains the inbox's
 * coalesced book levels and queued events into the {@link DeskState}, then lets each view repaint what
 * changed. Nothing else posts to the FX thread for market data, so a flood of updates costs one drain per
 * frame, never one task per update.
 *
 * <p>FX thread only.
 */
public final class FrameLoop extends AnimationTimer {
    /** A view that repaints at most once per frame, after the frame's data is in. */
    @FunctionalInterface
    public interface FrameListener {
        void onFrame(long nowNanos);
    }

    private final EventInbox inbox;
    private final DeskState desk;
    private final List<FrameListener> listeners = new CopyOnWriteArrayList<>();
    private final FrameStats stats = new FrameStats(16_384);
    private long lastPulse;

    public FrameLoop(EventInbox inbox, DeskState desk) {
        this.inbox = inbox;
        this.desk = desk;
    }

    public void addListener(FrameListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FrameListener listener) {
        listeners.remove(listener);
    }

    public FrameStats stats() {
        return stats;
    }

    @Override
    public void handle(long now) {
        long start = System.nanoTime();
        int levels;
        int events;
        synchronized (inbox.frameLock()) {
            MarketSnapshot reload = inbox.takeReload();
            if (reload != null) {
                desk.load(reload);
                desk.say("Reconnected: blotter and books reloaded from the venue");
            }
            levels = inbox.books().drain(desk::applyBookDelta);
            events = inbox.drainEvents(desk::apply);
            inbox.drainNotices(desk::say);
        }
        desk.endFrame();
        for (FrameListener listener : listeners) {
            listener.onFrame(now);
        }
        long work = System.nanoTime() - start;
        if (lastPulse != 0) {
            stats.record(now - lastPulse, work, levels, events, inbox.books().pending() + inbox.pendingEvents());
        }
        lastPulse = now;
    }
}
