package com.bourse.ui.view;

import com.bourse.ui.port.Workspace;
import com.bourse.ui.port.WorkspaceStore;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps a window's saved workspace close behind what is on screen, so a crash or kill loses at most the last
 * couple of seconds of arranging (a moved panel, a sorted column, the theme), not everything since sign-in.
 * Every {@link #PERIOD} the layout is captured on the FX thread (cheap: a record of the dock, columns and bounds)
 * and, only when it differs from the last one saved, written on the window's own saver thread, in order.
 *
 * <p>FX thread only, except the writes.
 */
final class WorkspaceAutosave {
    static final Duration PERIOD = Duration.seconds(2);
    private static final System.Logger LOG = System.getLogger(WorkspaceAutosave.class.getName());

    private final String username;
    private final WorkspaceStore store;
    private final Supplier<Workspace> capture;
    private final Timeline timer;
    private final ExecutorService saver;
    private Workspace saved;

    WorkspaceAutosave(String username, WorkspaceStore store, Supplier<Workspace> capture) {
        this.username = username;
        this.store = store;
        this.capture = capture;
        this.saver = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                .name("bourse-workspace-saver-" + username)
                .uncaughtExceptionHandler((t, e) -> LOG.log(System.Logger.Level.WARNING,
                        t.getName() + ": " + e.getMessage(), e))
                .factory());
        this.timer = new Timeline(new KeyFrame(PERIOD, e -> saveIfChanged()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts watching from the layout now on screen (what the window was opened with needs no save). */
    void start() {
        saved = capture.get();
        timer.play();
    }

    void saveIfChanged() {
        Workspace now = capture.get();
        if (now.equals(saved)) {
            return;
        }
        saved = now;
        saver.execute(() -> {
            try {
                store.save(username, now);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not save the workspace of " + username, e);
            }
        });
    }

    /** Stops watching and waits for a save in progress; the window's closing save follows. */
    void stop() {
        timer.stop();
        saver.shutdown();
        try {
            saver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
