package com.bourse.app.desktop;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.view.Workstation;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the main screens in both themes and writes what the window shows where
 * {@link DesktopDriver#screenshotFolder} says: {@code docs/screenshots/}, where the README shows them, with
 * {@code -Dbourse.screenshots=docs}. Each trader has made a trade first so no screen is empty.
 */
class ScreenshotTourTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private final Path folder = DesktopDriver.screenshotFolder();

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
    void everyMainScreenIsCapturedInBothThemes() throws Exception {
        Scene signIn = driver.fx(() -> signInScene());
        driver.fxRun(() -> signIn.getWindow().setWidth(460));
        shoot(signIn, "sign-in-dark.png");
        driver.fxRun(() -> signIn.getStylesheets().setAll(Theme.LIGHT.stylesheets()));
        shoot(signIn, "sign-in-light.png");
        driver.fxRun(() -> signIn.getStylesheets().setAll(Theme.DARK.stylesheets()));

        Workstation alice = driver.signIn("alice", "alice-training-1");
        assertThat(driver.fx(() -> alice.stage().getWidth()))
                .as("the main window opens at its own size, not the sign-in form's")
                .isEqualTo(driver.fx(() -> Math.min(1440.0, Screen.getPrimary().getVisualBounds().getWidth())));
        assertThat(driver.fx(() -> alice.dock().dividers().get(0) * alice.stage().getWidth()))
                .as("the order ticket's column is wide enough to read").isGreaterThan(300.0);
        driver.fxRun(() -> {
            alice.stage().setX(0);
            alice.stage().setY(0);
            alice.stage().setWidth(1440);
            alice.stage().setHeight(900);
        });
        TradingScenes.tradeAirbusBetween(driver, alice);

        for (Theme theme : Theme.values()) {
            driver.fxRun(() -> alice.context().themes().setTheme(theme));
            driver.settle();
            Scene scene = alice.stage().getScene();
            driver.fxRun(() -> alice.dock().open(Workstation.ORDERS));
            driver.settle();
            shoot(scene, "main-" + theme.id() + ".png");
            driver.fxRun(() -> {
                alice.dock().open(Workstation.POSITIONS);
                alice.dock().open(Workstation.DASHBOARD);
                alice.dashboard().refresh();
            });
            driver.settle();
            shoot(scene, "positions-dashboard-" + theme.id() + ".png");
            driver.fxRun(() -> {
                alice.dock().open(Workstation.FILLS);
                alice.dock().open(Workstation.CHART);
            });
            driver.settle();
            shoot(scene, "fills-chart-" + theme.id() + ".png");
        }
        driver.fxRun(() -> alice.context().themes().setTheme(Theme.DARK));
    }

    /**
     * The risk officer's desk beside a trader who has traded and has a large order held, so every panel has
     * something to show: each panel in both themes at 1440×900 for the README, and at 1024×700 (under
     * target/, to look at) for a smaller screen.
     */
    @Test
    void everyRiskDeskPanelIsCapturedInBothThemes() throws Exception {
        Workstation alice = driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> alice.context().setConfirmer(check -> true));
        TradingScenes.tradeAirbusBetween(driver, alice);
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long through = driver.fx(() -> alice.context().desk().book(air.id()).bestAsk() + 5 * air.tickSize());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "700", Decimals.plain(through, air.priceScale()));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .anyMatch(o -> o.status().equals("HELD")), 5);

        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        Workstation rita = driver.signIn("rita", "rita-training-1");
        driver.waitUntil(() -> !rita.reviewQueue().items().isEmpty(), 5);
        Path small = DesktopDriver.repositoryFolder("app/target/screenshots-1024");
        Files.createDirectories(small);
        for (double[] size : new double[][]{{1440, 900}, {1024, 700}}) {
            driver.fxRun(() -> {
                rita.stage().setX(0);
                rita.stage().setY(0);
                rita.stage().setWidth(size[0]);
                rita.stage().setHeight(size[1]);
                rita.stage().toFront();
            });
            Path to = size[0] == 1440 ? folder : small;
            for (Theme theme : Theme.values()) {
                driver.fxRun(() -> rita.context().themes().setTheme(theme));
                Scene scene = rita.stage().getScene();
                driver.fxRun(() -> {
                    rita.dock().open(Workstation.RISK_QUEUE);
                    rita.dock().open(Workstation.RISK_CONTROLS);
                    rita.approvalQueue().table().getSelectionModel().select(0);
                });
                driver.waitUntil(() -> rita.stage().getScene().lookup("#exposureGrid") instanceof javafx.scene.layout.Pane p
                        && !p.getChildren().isEmpty(), 5);
                driver.settle();
                shoot(scene, to.resolve("risk-queue-" + theme.id() + ".png"));
                driver.fxRun(() -> rita.riskControls().selectAccount(1001));
                driver.settle();
                shoot(scene, to.resolve("risk-controls-" + theme.id() + ".png"));
                driver.fxRun(() -> {
                    rita.dock().open(Workstation.RISK_LIMITS);
                    rita.limitsEditor().select(1001);
                });
                driver.settle();
                shoot(scene, to.resolve("risk-limits-" + theme.id() + ".png"));
                driver.fxRun(() -> {
                    rita.dock().open(Workstation.RISK_OVERVIEW);
                    rita.riskOverview().refresh();
                });
                driver.waitUntil(() -> rita.riskOverview().shown() != null
                        && !rita.riskOverview().shown().topScores().isEmpty(), 10);
                driver.settle();
                shoot(scene, to.resolve("risk-overview-" + theme.id() + ".png"));
                driver.fxRun(() -> {
                    rita.dock().open(Workstation.RISK_AUDIT);
                    rita.auditViewer().search();
                    rita.auditViewer().verify();
                });
                driver.waitUntil(() -> rita.auditViewer().verdict().getText().startsWith("Intact"), 10);
                driver.settle();
                shoot(scene, to.resolve("risk-audit-" + theme.id() + ".png"));
            }
        }
        driver.fxRun(() -> rita.context().themes().setTheme(Theme.DARK));
    }

    private void shoot(Scene scene, Path file) throws Exception {
        driver.screenshot(scene, file);
        assertThat(Files.size(file)).as(file.getFileName().toString()).isGreaterThan(10_000);
    }

    private void shoot(Scene scene, String name) throws Exception {
        Path file = folder.resolve(name);
        driver.screenshot(scene, file);
        assertThat(Files.size(file)).as(name).isGreaterThan(10_000);
    }

    private static Scene signInScene() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.isShowing() && stage.getScene().lookup("#signInButton") != null) {
                return stage.getScene();
            }
        }
        throw new AssertionError("no sign-in window");
    }
}
