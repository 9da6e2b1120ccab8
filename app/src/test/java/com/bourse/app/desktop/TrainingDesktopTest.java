package com.bourse.app.desktop;

import com.bourse.app.training.TrainingHost;
import com.bourse.protocol.Command;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.Debrief;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.view.Workstation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trainee's day on the flash-crash scenario in the real desktop: signs in, the toolbar runs the market, an order
 * sells into it, the day is run to the close and the debrief comes up by itself with figures that match the fills.
 * Leaves the screenshots of the README's Training section where {@link DesktopDriver#screenshotFolder} says.
 */
class TrainingDesktopTest {
    @TempDir
    Path home;
    private DesktopDriver driver;

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        System.clearProperty("bourse.scenario");
        System.clearProperty("bourse.scenario.seed");
    }

    @Test
    void scenarioFromStartToDebriefWhoseFiguresMatchTheFills() throws Exception {
        System.setProperty("bourse.scenario", "flash-crash");
        System.setProperty("bourse.scenario.seed", "7");
        driver = new DesktopDriver(home);
        Desktop desktop = driver.start();
        TrainingHost training = desktop.training();
        assertThat(training).isNotNull();
        Workstation alice = driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> {
            alice.stage().setWidth(1440);
            alice.stage().setHeight(900);
        });
        assertThat(alice.trainingToolbar()).isNotNull();

        // given the market run to 10:00 from the toolbar
        jump(alice, "10:00");
        Instrument sap = training.scenario().instrument("SAP");
        long account = training.scenario().trainee().accountId();
        // when the trainee sells 200 SAP at the market from their window
        driver.fxRun(() -> alice.context().session().submit(Command.PlaceOrder.market(alice.context().session().now(),
                alice.context().session().trader().userId(), alice.context().session().newOrderId(account), account,
                sap.id(), Side.SELL, 200)));
        jump(alice, "11:03");
        driver.fxRun(() -> ((ButtonBase) alice.stage().getScene().lookup("#trainingSpeed5")).fire());
        driver.waitUntil(() -> alice.trainingToolbar().shown().speed() == 5, 10);
        driver.settle();
        shoot(alice, "training-running");

        // and the day is run to the close
        jump(alice, "17:30");
        driver.waitUntil(() -> alice.debrief().shown() != null && alice.debrief().shown().finished(), 30);
        driver.settle();
        Debrief debrief = alice.debrief().shown();

        // then every fill is the trainee's SAP sale, 200 in all, and the table lists each
        assertThat(debrief.fills()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.symbol()).isEqualTo("SAP");
            assertThat(f.side()).isEqualTo(Side.SELL);
        });
        assertThat(debrief.fills().stream().mapToLong(Debrief.FillLine::quantity).sum()).isEqualTo(200);
        assertThat(driver.fx(() -> alice.debrief().fills().getItems().size())).isEqualTo(debrief.fills().size());
        // and the slippage of each is the distance to the arrival mid in ticks (a sale below the mid costs)
        for (Debrief.FillLine f : debrief.fills()) {
            double expected = (f.arrivalMid() - f.price()) / (double) sap.tickSize();
            assertThat(f.slippageVsMidTicks()).isCloseTo(expected, org.assertj.core.data.Offset.offset(
                    0.5 / sap.tickSize() + 1e-9));
        }
        // and the result is the simulator's own figure for the goal (cash of the fills, position at the close)
        assertThat(debrief.goals()).singleElement().satisfies(goal -> assertThat(goal.detail())
                .isEqualTo("P&L " + Decimals.format(debrief.pnlMinor(), debrief.minorDigits()) + " EUR"));
        assertThat(debrief.pnl().getLast().pnlMinor()).isEqualTo(debrief.pnlMinor());
        // and the attempt and the session were kept in the trainee's home
        assertThat(home.resolve("training/attempts.csv")).exists();
        try (var sessions = Files.list(home.resolve("training/sessions"))) {
            assertThat(sessions.filter(p -> p.toString().endsWith(".session")).count()).isEqualTo(1);
        }
        Path pdf = training.exportPdf(home.resolve("debrief.pdf")).get(20, TimeUnit.SECONDS);
        assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        Files.copy(pdf, home.resolve("training-debrief.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pdf, Path.of(System.getProperty("java.io.tmpdir"), "training-debrief.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        shoot(alice, "training-debrief");
        driver.fxRun(() -> alice.stage().setWidth(1024));
        driver.fxRun(() -> alice.stage().setHeight(700));
        driver.settle();
        // the narrow window shows the fills and the earlier attempts, below the chart
        driver.fxRun(() -> alice.debrief().setVvalue(alice.debrief().getVmax()));
        driver.settle();
        driver.screenshot(alice.stage().getScene(), DesktopDriver.screenshotFolder()
                .resolve("training-debrief-1024-dark.png"));
    }

    private void jump(Workstation w, String time) {
        driver.fxRun(() -> {
            ((TextField) w.stage().getScene().lookup("#trainingJumpTime")).setText(time);
            ((Button) w.stage().getScene().lookup("#trainingJump")).fire();
        });
        LocalTime target = LocalTime.parse(time);
        driver.waitUntil(() -> w.trainingToolbar().shown() != null
                && !w.trainingToolbar().shown().time().isBefore(target), 60);
        driver.settle();
    }

    private void shoot(Workstation w, String name) {
        Path folder = DesktopDriver.screenshotFolder();
        for (Theme theme : new Theme[]{Theme.LIGHT, Theme.DARK}) {
            driver.fxRun(() -> w.context().themes().setTheme(theme));
            driver.settle();
            driver.screenshot(w.stage().getScene(), folder.resolve(name + "-" + theme.id() + ".png"));
        }
    }
}
