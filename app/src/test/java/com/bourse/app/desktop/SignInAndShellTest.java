package com.bourse.app.desktop;

import com.bourse.ui.view.Workstation;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAndShellTest {
    @TempDir
    Path home;
    private DesktopDriver driver;

    @BeforeEach
    void start() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    @Test
    void sampleTraderSignsInToAMainWindowShowingSimulationModeAndHerAccounts() {
        Workstation alice = driver.signIn("alice", "alice-training-1");

        String mode = driver.fx(() -> ((Label) alice.stage().getScene().lookup("#modeLabel")).getText());
        assertThat(mode).isEqualTo("SIMULATION");
        assertThat(driver.fx(() -> alice.context().desk().accounts()))
                .extracting(a -> a.accountId()).containsExactly(1001L, 1003L);
        driver.waitUntil(() -> !alice.context().desk().cash().isEmpty(), 5);
    }

    @Test
    void fileQuitClosesEveryWindowSavingItsWorkspaceAndEndsTheApplication() {
        Workstation alice = driver.signIn("alice", "alice-training-1", 60); // Argon2 on a loaded machine
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        AtomicInteger exits = new AtomicInteger();
        driver.fxRun(() -> driver.desktop().exitWith(exits::incrementAndGet));

        driver.fxRun(() -> alice.stage().toFront());
        driver.robot.clickOn(alice.stage().getScene().lookup("#modeLabel"));
        driver.robot.push(KeyCode.CONTROL, KeyCode.Q);

        driver.waitUntil(() -> exits.get() == 1, 10);
        assertThat(driver.fx(() -> alice.stage().isShowing())).isFalse();
        assertThat(driver.desktop().workstations()).isEmpty();
        assertThat(driver.fx(() -> Window.getWindows().stream().filter(Window::isShowing).count()))
                .as("the other sign-in window too").isZero();
        assertThat(driver.desktop().workspaces().load("alice").orElseThrow().window().width())
                .as("her workspace, saved as the window closed").isEqualTo(driver.fx(() -> alice.stage().getWidth()));
    }
}
