package com.bourse.app.desktop;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.shape.Rectangle;

/**
 * Runs work on the FX thread once the window just shown has its first frame drawn. A timer's first tick is the pulse
 * that renders the window (before it renders), its second the pulse after; JavaFX renders every scene and snapshot
 * on one thread in order, so a snapshot asked for at the second tick comes back only after that first frame.
 */
final class FirstFrame {
    private FirstFrame() {
    }

    /** Call on the FX thread, after {@code Stage.show()}. */
    static void then(Runnable work) {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks < 2) {
                    return;
                }
                stop();
                Platform.runLater(() -> {
                    new Rectangle(1, 1).snapshot(null, null);
                    work.run();
                });
            }
        }.start();
    }
}
