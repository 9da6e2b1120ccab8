package com.bourse.app.desktop;

import com.bourse.ui.view.Workstation;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
}
