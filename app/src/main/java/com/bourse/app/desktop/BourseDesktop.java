package com.bourse.app.desktop;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The Bourse trader workstation. Starts in simulation mode on the embedded engine with {@code sample-data/}:
 * a sign-in window, then the trader's main window. Launch through {@link Launcher} (JavaFX on the class path).
 */
public final class BourseDesktop extends Application {
    private static final System.Logger LOG = System.getLogger(BourseDesktop.class.getName());
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
        DesktopConfig settings = config == null ? DesktopConfig.fromSystemProperties() : config;
        // --scenario NAME [--seed N] (or bourse.scenario) opens a training session instead of the shared simulation.
        var training = com.bourse.app.training.TrainingConfig.from(getParameters() == null ? java.util.List.of()
                : getParameters().getRaw(), settings.sampleData(), settings.home());
        try {
            desktop = new Desktop(settings, training.orElse(null));
        } catch (RuntimeException e) {
            // A damaged or foreign data folder, a wrong passphrase, a bad sample file: said once, then stop.
            LOG.log(System.Logger.Level.ERROR, "the desktop cannot start: " + e.getMessage(), e);
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Bourse cannot start");
            alert.getDialogPane().setPrefWidth(640);
            alert.showAndWait();
            javafx.application.Platform.exit();
            return;
        }
        desktop.showSignIn(stage);
        StartupProbe.watch(stage);
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
