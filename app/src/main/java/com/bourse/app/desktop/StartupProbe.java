package com.bourse.app.desktop;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.time.Instant;

/**
 * Start-up measurement and training for the installer (installer/package.sh, installer/check.sh), off unless
 * asked: {@code -Dbourse.startupReport=true} prints, once the sign-in window has been drawn, how long after the
 * process started that was; {@code -Dbourse.exitAfterSignIn=true} then quits as a user closing the window would
 * (the AOT cache's training run).
 */
final class StartupProbe {
    private StartupProbe() {
    }

    static void watch(Stage signIn) {
        boolean report = Boolean.getBoolean("bourse.startupReport");
        boolean exit = Boolean.getBoolean("bourse.exitAfterSignIn");
        if (!report && !exit) {
            return;
        }
        Runnable drawn = () -> Platform.runLater(() -> {
            if (report) {
                Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
                System.out.println("bourse: sign-in window shown " + (System.currentTimeMillis()
                        - started.toEpochMilli()) + " ms after the process started");
            }
            if (exit) {
                // Long enough for the first frames' classes to load too, as in a real start.
                PauseTransition settle = new PauseTransition(Duration.seconds(3));
                settle.setOnFinished(e -> Platform.exit());
                settle.play();
            }
        });
        if (signIn.isShowing()) {
            drawn.run();
        } else {
            signIn.setOnShown(e -> drawn.run());
        }
    }
}
