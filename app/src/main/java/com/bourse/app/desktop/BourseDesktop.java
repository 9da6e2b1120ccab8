package com.bourse.app.desktop;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The Bourse trader workstation. Starts in simulation mode on the embedded engine with {@code sample-data/}:
 * a sign-in window, then the trader's main window. Launch through {@link Launcher} (JavaFX on the class path).
 */
public final class BourseDesktop extends Application {
    private final DesktopConfig config;
    private Desktop desktop;

    public BourseDesktop() {
        this(null);
    }

    /** For tests: a given configuration instead of the system properties. */
    public BourseDesktop(DesktopConfig config) {
        this.config = config;
    }

    @Override
    public void start(Stage stage) {
        desktop = new Desktop(config == null ? DesktopConfig.fromSystemProperties() : config);
        desktop.showSignIn(stage);
    }

    @Override
    public void stop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    public Desktop desktop() {
        return desktop;
    }

    public static void main(String[] args) {
        launch(BourseDesktop.class, args);
    }
}
