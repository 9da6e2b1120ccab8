package com.bourse.app.desktop;

import com.bourse.ui.view.Workstation;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Drives the real desktop in tests: starts {@link BourseDesktop} with a private home folder and a frozen
 * simulated market, signs users in through the sign-in window, runs code on the FX thread and waits for
 * the screen to catch up. Screenshots are the scene's own pixels, written as PNG.
 */
final class DesktopDriver {
    final FxRobot robot = new FxRobot();
    private final Path home;
    private BourseDesktop app;

    DesktopDriver(Path home) {
        this.home = home;
    }

    /** Starts the app (again, for a restart) with the market frozen after an hour of warm-up. */
    Desktop start() throws TimeoutException {
        return start(config());
    }

    /**
     * The simulation this driver starts by default: frozen market, an hour of warm-up, private home, and a passphrase
     * of its own (not the public training one, which a live back office refuses: {@link DesktopConfig#live} keeps it).
     */
    DesktopConfig config() {
        return config(home);
    }

    /** {@link #config()} for the desktop whose home is {@code home} (a second start on it, in a process of its own). */
    static DesktopConfig config(Path home) {
        return new DesktopConfig(home, com.bourse.backoffice.importexport.SampleWorld.locate(), 0, 60, 42,
                home.resolve("simulation"), "desktop specs' own passphrase");
    }

    /** Starts the app with {@code config} (a live one, for instance). */
    Desktop start(DesktopConfig config) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = (BourseDesktop) FxToolkit.setupApplication(() -> new BourseDesktop(config));
        WaitForAsyncUtils.waitForFxEvents();
        return app.desktop();
    }

    /** Stops the app as a user quitting would (windows close, workspaces are saved); gives up after 20 s. */
    void stop() throws Exception {
        if (app == null) {
            return;
        }
        BourseDesktop stopping = app;
        app = null;
        Thread cleanup = Thread.ofPlatform().daemon().start(() -> {
            try {
                FxToolkit.cleanupApplication(stopping);
                FxToolkit.cleanupStages();
            } catch (TimeoutException e) {
                throw new IllegalStateException(e);
            }
        });
        cleanup.join(20_000);
        if (cleanup.isAlive()) {
            throw new AssertionError("the desktop did not stop within 20 s");
        }
    }

    Desktop desktop() {
        return app.desktop();
    }

    /** Types into the open sign-in window and waits for that user's main window to be ready. */
    Workstation signIn(String username, String password) {
        return signIn(username, password, 10);
    }

    /** As {@link #signIn(String, String)}, waiting up to {@code seconds} for each step (live sign-in connects). */
    Workstation signIn(String username, String password, int seconds) {
        int before = desktop().workstations().size();
        typeSignIn(username, password);
        waitUntil(() -> desktop().workstations().size() > before, seconds);
        Workstation workstation = desktop().workstations().get(before);
        try {
            workstation.ready().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the main window did not load its snapshot", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return workstation;
    }

    /** Types the name and password into the open sign-in window and presses Sign in; returns its scene. */
    Scene typeSignIn(String username, String password) {
        Stage signInStage = fx(() -> signInWindow());
        Scene scene = signInStage.getScene();
        fx(() -> {
            ((TextField) scene.lookup("#username")).setText(username);
            ((TextField) scene.lookup("#password")).setText(password);
            return null;
        });
        robot.clickOn(scene.lookup("#signInButton"));
        return scene;
    }

    private Stage signInWindow() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.isShowing() && stage.getScene() != null
                    && stage.getScene().lookup("#signInButton") != null) {
                return stage;
            }
        }
        throw new AssertionError("no sign-in window is showing");
    }

    /** Runs on the FX thread and returns the result. */
    <T> T fx(Callable<T> work) {
        try {
            T result = WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return result;
        } catch (Exception e) {
            throw new AssertionError("FX work failed", e);
        }
    }

    void fxRun(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (letting frames run) until the condition, checked on the FX thread, holds. */
    void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached within " + seconds + " s", e);
        }
    }

    /** Lets a few frames pass so the frame loop has drained what the engine said. */
    void settle() {
        WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void screenshot(Scene scene, Path file) {
        WritableImage image = fx(() -> scene.snapshot(null));
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot write " + file, e);
        }
    }

    /**
     * Where the UI specs leave their screenshots: {@code app/target/screenshots}, so running the suite never rewrites
     * a tracked file; {@code docs/screenshots} (the README's pictures) only when asked with
     * {@code -Dbourse.screenshots=docs}. Created if missing.
     */
    static Path screenshotFolder() {
        Path folder = repositoryFolder("docs".equals(System.getProperty("bourse.screenshots"))
                ? "docs/screenshots" : "app/target/screenshots");
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return folder;
    }

    static Path repositoryFolder(String name) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sample-data")) && Files.isRegularFile(p.resolve("bourse"))) {
                return p.resolve(name);
            }
        }
        throw new IllegalStateException("repository root not found from " + dir);
    }
}
