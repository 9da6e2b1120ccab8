package com.bourse.ui.view.risk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableIntegerValue;

import java.util.function.LongSupplier;

/**
 * The optional sound of the approval queue: when the officer has turned it on, a new held item (the count of
 * unseen items going up) sounds once; a burst sounds at most once per {@link #QUIET_MILLIS}, so fifty alerts a
 * second are one chime a second, not fifty. Off by default. FX thread.
 */
public final class HeldItemChime {
    /** At most one chime in this long. */
    public static final long QUIET_MILLIS = 1_000;

    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private final Runnable sound;
    private final LongSupplier clockMillis;
    private long lastChime = Long.MIN_VALUE / 2;

    public HeldItemChime(ObservableIntegerValue unseen, Runnable sound, LongSupplier clockMillis) {
        this.sound = sound;
        this.clockMillis = clockMillis;
        unseen.addListener((obs, before, now) -> {
            if (now.intValue() > before.intValue()) {
                arrived();
            }
        });
    }

    /** The workstation's chime: the system's alert sound (on a machine without one, nothing). */
    public static Runnable systemBeep() {
        return () -> {
            try {
                java.awt.Toolkit.getDefaultToolkit().beep();
            } catch (RuntimeException | Error e) {
                System.getLogger(HeldItemChime.class.getName()).log(System.Logger.Level.DEBUG,
                        "no system sound for a new held item", e);
            }
        };
    }

    private void arrived() {
        long now = clockMillis.getAsLong();
        if (enabled.get() && now - lastChime >= QUIET_MILLIS) {
            lastChime = now;
            sound.run();
        }
    }

    /** Whether new held items sound; the officer's setting. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }
}
