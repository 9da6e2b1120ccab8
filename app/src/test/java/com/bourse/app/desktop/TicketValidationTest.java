package com.bourse.app.desktop;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.view.Workstation;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input in the ticket is refused next to its field and nothing reaches the venue. */
class TicketValidationTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private Workstation alice;

    @BeforeEach
    void signInAlice() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1");
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    @Test
    void lettersInTheQuantityAreRefusedAndNothingIsSent() throws Exception {
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "ten", TradingScenes.midPrice(driver, alice, "AIR"));

        driver.robot.clickOn(scene().lookup("#sendButton"));

        assertThat(text("#quantityError")).isEqualTo("Enter a whole number of units");
        assertNothingSent();
    }

    @Test
    void negativeQuantityIsRefusedAndNothingIsSent() throws Exception {
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "-5", TradingScenes.midPrice(driver, alice, "AIR"));

        driver.robot.clickOn(scene().lookup("#sendButton"));

        assertThat(text("#quantityError")).isEqualTo(ErrorCode.INVALID_QUANTITY.description());
        assertNothingSent();
    }

    @Test
    void offTickPriceIsRefusedWithTheTickAndNothingIsSent() throws Exception {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long onTick = driver.fx(() -> alice.context().desk().book(air.id()).bestBid());
        String offTick = Decimals.plain(onTick + 1, air.priceScale());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", offTick);

        driver.robot.clickOn(scene().lookup("#sendButton"));

        assertThat(text("#priceError")).isEqualTo(ErrorCode.OFF_TICK_PRICE.description() + " (0.02)");
        assertThat(driver.fx(() -> scene().lookup("#priceSpinner").getStyleClass())).contains("invalid");
        assertNothingSent();
    }

    @Test
    void engineRejectionIsShownNextToTheFieldItConcerns() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long ask = driver.fx(() -> alice.context().desk().book(air.id()).bestAsk());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", Decimals.plain(ask, air.priceScale()));
        driver.fxRun(() -> ((CheckBox) scene().lookup("#postOnlyBox")).setSelected(true));

        driver.fxRun(() -> alice.ticket().send());

        driver.waitUntil(() -> ErrorCode.POST_ONLY_WOULD_CROSS.description().equals(text("#priceError")), 5);
        assertThat(text("#orderMessage")).contains("Rejected by the venue");
        // a refused order stays in the blotter as REJECTED with the engine's reason; nothing is working
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).extracting(o -> o.status())
                .containsOnly("REJECTED");
    }

    private void assertNothingSent() throws Exception {
        driver.settle();
        assertThat(text("#orderMessage")).isEqualTo("Nothing was sent: correct the marked fields");
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).isEmpty();
        List<WorkingOrder> inEngine = driver.desktop().host().venue().query(e -> e.workingOrders(1001))
                .get(5, TimeUnit.SECONDS);
        assertThat(inEngine).isEmpty();
    }

    private Scene scene() {
        return alice.stage().getScene();
    }

    private String text(String selector) {
        return driver.fx(() -> ((Label) scene().lookup(selector)).getText());
    }

    @Test
    void orderAboveTheConfirmationThresholdWaitsForConfirmationAndDeclineSendsNothing() throws Exception {
        driver.fxRun(() -> ((javafx.scene.control.TextField) scene().lookup("#confirmField")).setText("1000"));
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", TradingScenes.midPrice(driver, alice, "AIR"));

        javafx.application.Platform.runLater(() -> alice.ticket().send());
        driver.waitUntil(() -> confirmationDialog() != null, 5);
        javafx.scene.control.DialogPane dialog = driver.fx(this::confirmationDialog);
        assertThat(driver.fx(dialog::getContentText)).startsWith("Buy 10 AIR worth ");
        driver.robot.clickOn(driver.fx(() -> dialog.lookupButton(javafx.scene.control.ButtonType.CANCEL)));

        driver.waitUntil(() -> "Not sent: confirmation declined".equals(text("#orderMessage")), 5);
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).isEmpty();
    }

    private javafx.scene.control.DialogPane confirmationDialog() {
        for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null
                    && window.getScene().getRoot() instanceof javafx.scene.control.DialogPane pane) {
                return pane;
            }
        }
        return null;
    }
}
