package com.bourse.app.desktop;

import com.bourse.backoffice.store.StoreInUseException;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.theme.ThemeManager;
import com.bourse.ui.view.SignInController;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.util.concurrent.CompletableFuture;

/**
 * The Bourse trader workstation. Starts in simulation mode on the embedded engine with {@code sample-data/}:
 * a sign-in window, then the trader's main window. Launch through {@link Launcher} (JavaFX on the class path).
 */
public final class BourseDesktop extends Application {
    private static final System.Logger LOG = System.getLogger(BourseDesktop.class.getName());
    private final DesktopConfig config;
    private Desktop desktop;
    /** The desktop being opened behind the first sign-in window; null when opened before it. */
    private CompletableFuture<Desktop> opening;

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
        if (config == null) {
            // A person starting the app: the sign-in window first, the data folder opened behind it.
            startBehindSignIn(stage, settings, training.orElse(null));
            return;
        }
        try {
            desktop = open(settings, training.orElse(null));
        } catch (RuntimeException e) {
            cannotStart(e);
            return;
        }
        desktop.showSignIn(stage);
        StartupProbe.watch(stage);
    }

    /**
     * Shows the sign-in window at once and opens the desktop (store, journal replay, audit check, market simulator:
     * seconds) on a thread of its own meanwhile. Credentials typed before it is open wait for it; once it is open,
     * an untouched form is replaced by the desktop's own (with its sample users), a touched one is kept.
     */
    private void startBehindSignIn(Stage stage, DesktopConfig settings,
                                   com.bourse.app.training.TrainingConfig training) {
        CompletableFuture<Desktop> opening = new CompletableFuture<>();
        this.opening = opening;
        ThemeManager themes = new ThemeManager();
        SignInController early = new SignInController((username, password) ->
                opening.join().signInPort().signIn(username, password), settings.mode(),
                "Opening your data folder…", trader -> opening.join().adopt(stage, trader, themes));
        Scene scene = new Scene(early.load(), 460, 540);
        themes.setTheme(Theme.DARK);
        themes.register(scene);
        stage.setTitle("Bourse — sign in");
        stage.setScene(scene);
        stage.show();
        StartupProbe.watch(stage);
        if (StartupProbe.training()) {
            return; // the AOT cache's training run stops at the sign-in window
        }
        // The data folder's work (store, journal replay, its libraries' loading and compiling) starts once the window
        // is drawn: begun at once, it took the cores the window's first frame was waiting for.
        FirstFrame.then(() -> Thread.ofPlatform().name("desktop-open").uncaughtExceptionHandler((thread, error) ->
                LOG.log(System.Logger.Level.ERROR, "opening the desktop failed", error)).start(() -> {
            try {
                opening.complete(open(settings, training));
            } catch (RuntimeException e) {
                opening.completeExceptionally(e);
            }
        }));
        opening.whenComplete((opened, failure) -> runLaterUnlessExited(() -> {
            if (failure != null) {
                stage.hide();
                cannotStart(failure instanceof RuntimeException r ? r : new IllegalStateException(failure));
                return;
            }
            desktop = opened;
            TextField typed = (TextField) scene.lookup("#username");
            if (stage.getScene() == scene && (typed == null || typed.getText().isEmpty())) {
                themes.unregister(scene);
                opened.showSignIn(stage);
            }
        }));
    }

    private static void runLaterUnlessExited(Runnable work) {
        try {
            Platform.runLater(work);
        } catch (IllegalStateException exited) {
            // the window was closed while the desktop opened: stop() closes it
        }
    }

    /**
     * Opens the desktop on its data folder. A refusal is said on the console as it is thrown: a folder another Bourse
     * process holds in one line (its reason is all there is to it), anything else with its stack trace.
     */
    static Desktop open(DesktopConfig settings, com.bourse.app.training.TrainingConfig training) {
        try {
            return new Desktop(settings, training);
        } catch (StoreInUseException e) {
            LOG.log(System.Logger.Level.ERROR, "the desktop cannot start: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the desktop cannot start: " + e.getMessage(), e);
            throw e;
        }
    }

    /**
     * A damaged, foreign or busy data folder, a wrong passphrase, a bad sample file (said on the console by
     * {@link #open}): shown once, then stop.
     */
    private static void cannotStart(RuntimeException e) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.ERROR, e.getMessage());
        alert.setHeaderText("Bourse cannot start");
        alert.getDialogPane().setPrefWidth(640);
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (desktop != null) {
            desktop.close();
        } else if (opening != null) {
            // Closed before the data folder was open: close it once it is (on the opening thread).
            opening.thenAccept(Desktop::close);
        }
    }

    public Desktop desktop() {
        return desktop;
    }

    public static void main(String[] args) {
        launch(BourseDesktop.class, args);
    }
}
