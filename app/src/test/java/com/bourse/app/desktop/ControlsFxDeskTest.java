package com.bourse.app.desktop;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.DeskNotice;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.view.FieldDecorations;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.view.backoffice.BackOfficePanels;
import com.bourse.ui.view.backoffice.MovementsController;
import com.bourse.ui.view.risk.DeskNotifications;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the desktop uses ControlsFX, driven on one simulated market with a trader, a risk officer and the back
 * office signed in: the risk desk's pop-up notices (bounded), the forms' error marks beside the messages they
 * already reserve, the searchable account pickers, the status bar. Screenshots in both themes at 1440×900 and
 * 1024×700.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlsFxDeskTest {
    private Path home;
    private DesktopDriver driver;
    private Workstation alice;
    private Workstation rita;
    private Workstation olga;

    @BeforeAll
    void signInTraderOfficerAndBackOffice() throws Exception {
        // Three desks on one store on a loaded machine: more than TestFX's default application set-up time.
        System.setProperty("testfx.setup.timeout", "600000");
        home = Files.createTempDirectory("controlsfx-desk");
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1", 60);
        driver.fxRun(() -> alice.context().setConfirmer(check -> true));
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        rita = driver.signIn("rita", "rita-training-1", 60);
        driver.fxRun(() -> rita.riskContext().setConfirmer((title, text) -> true));
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        olga = driver.signIn("olga", "olga-training-1", 60);
        driver.fxRun(() -> olga.backOffice().context().setConfirmer((title, text) -> true));
        driver.waitUntil(() -> !olga.backOffice().context().accounts().isEmpty(), 30);
    }

    @AfterAll
    void stop() throws Exception {
        driver.stop();
    }

    @Test
    @Order(1)
    void aNewHeldItemPopsUpANoticeOnTheOfficersWindow() {
        driver.fxRun(() -> rita.stage().toFront());
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long through = driver.fx(() -> alice.context().desk().book(air.id()).bestAsk() + 5 * air.tickSize());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "700", Decimals.plain(through, air.priceScale()));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .anyMatch(o -> o.status().equals("HELD")), 120);
        long orderId = driver.fx(() -> alice.context().desk().workingOrders().getFirst().orderId());

        // The officer's desk describes the alert from the store before it is queued: minutes on a loaded machine.
        driver.waitUntil(() -> rita.reviewQueue().items().stream().anyMatch(i -> i.subjectId() == orderId), 180);
        driver.waitUntil(() -> noticeTexts().stream().anyMatch(t -> t.contains("Order " + orderId)), 30);

        assertThat(noticeTexts()).contains("Held for review");
        assertThat(driver.fx(() -> notices().getFirst().getOwnerWindow())).isSameAs(rita.stage());
        Path folder = DesktopDriver.screenshotFolder();
        driver.screenshot(driver.fx(() -> notices().getFirst().getScene()), folder.resolve("risk-notice-dark.png"));
    }

    @Test
    @Order(2)
    void fiftyAlertsInABurstAreOneNoticeNowAndOneSummaryAfterTheQuietSpell() {
        List<String> shown = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000_000);
        ReviewItem held = new ReviewItem(ReviewSubject.ORDER, 77, 1001, 3, 3, 1, Side.BUY, 700, 0, 0, "EUR", "", 0,
                0, 0, 0, null, 0, 0);

        driver.fxRun(() -> {
            DeskNotifications notices = new DeskNotifications((title, text, alarm) -> shown.add(title + " | " + text),
                    now::get, id -> "AIR");
            for (int i = 0; i < 50; i++) {
                notices.offer(new DeskNotice.HeldItem(held));
            }
            notices.offer(new DeskNotice.KillSwitch(1002, true));
            assertThat(shown).hasSize(1);
            assertThat(notices.waiting()).isEqualTo(50);
            now.addAndGet(DeskNotifications.QUIET_MILLIS);
            notices.flush();
        });

        assertThat(shown).containsExactly(
                "Held for review | Order 77 of account 1001: Buy 700 AIR",
                "49 new held items and 1 kill switch change | Latest held: Order 77 of account 1001: Buy 700 AIR\n"
                        + "1 kill switch change, latest: account 1002 engaged");
    }

    @Test
    @Order(3)
    void theLimitsEditorMarksAWrongFieldWithItsMessageAndNothingMoves() throws Exception {
        driver.fxRun(() -> {
            rita.dock().open(Workstation.RISK_LIMITS);
            rita.limitsEditor().select(1001);
        });
        driver.settle();
        TextField notional = driver.fx(() -> rita.limitsEditor().field(0));
        String limitNow = driver.fx(notional::getText);
        double applyY = driver.fx(() -> sceneY(rita.limitsEditor().applyButton()));
        double nextFieldY = driver.fx(() -> sceneY(rita.limitsEditor().field(1)));

        driver.fxRun(() -> notional.setText("-5"));
        driver.waitUntil(() -> !rita.limitsEditor().error(0).getText().isEmpty(), 30);

        String message = driver.fx(() -> rita.limitsEditor().error(0).getText());
        assertThat(driver.fx(() -> rita.limitsEditor().decorations().markOf(notional))).contains(message);
        assertThat(driver.fx(() -> marked(notional))).isTrue();
        assertThat(driver.fx(() -> sceneY(rita.limitsEditor().applyButton()))).isEqualTo(applyY);
        assertThat(driver.fx(() -> sceneY(rita.limitsEditor().field(1)))).isEqualTo(nextFieldY);

        driver.fxRun(() -> notional.setText(limitNow));
        driver.waitUntil(() -> rita.limitsEditor().error(0).getText().isEmpty(), 30);
        assertThat(driver.fx(() -> rita.limitsEditor().decorations().markOf(notional))).isEmpty();
        assertThat(driver.fx(() -> marked(notional))).isFalse();
    }

    @Test
    @Order(4)
    void aWithdrawalAboveTheCashAvailableMarksTheAmountWithTheEnginesWords() {
        MovementsController movements = withdrawalFrom(1001);
        driver.waitUntil(movements::payerLoaded, 30);
        double sendY = driver.fx(() -> sceneY(movements.sendButton()));

        driver.fxRun(() -> {
            movements.currencyField().setValue("EUR");
            movements.amountField().setText("999999999");
        });
        driver.waitUntil(() -> movements.amountError().getText().contains("available"), 30);

        String message = driver.fx(() -> movements.amountError().getText());
        assertThat(driver.fx(() -> movements.decorations().markOf(movements.amountField()))).contains(message);
        assertThat(driver.fx(() -> marked(movements.amountField()))).isTrue();
        assertThat(driver.fx(() -> sceneY(movements.sendButton()))).isEqualTo(sendY);
    }

    @Test
    @Order(5)
    void theMovementsAccountPickerShowsOnlyTheAccountsMatchingWhatIsTyped() {
        MovementsController movements = driver.fx(() -> olga.backOffice().movements());
        ComboBox<?> from = driver.fx(movements::fromField);
        assertThat(from).isInstanceOf(SearchableComboBox.class);
        int all = driver.fx(() -> from.getItems().size());
        assertThat(all).isGreaterThan(3);

        driver.fxRun(() -> olga.stage().toFront());
        driver.robot.clickOn(from);
        driver.robot.write("1002");

        driver.waitUntil(() -> shownChoices().size() == 1, 30);
        assertThat(driver.fx(() -> shownChoices().getFirst().toString())).contains("1002");
        driver.robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    @Order(6)
    void escapeInASearchablePickerPutsBackWhatWasChosenAndKeepsTheCurrency() {
        var statements = driver.fx(() -> olga.backOffice().statements());
        MovementsController movements = withdrawalFrom(9001);
        driver.waitUntil(() -> movements.payerLoaded()
                && driver.fx(() -> movements.currencyField().getItems().contains("USD")), 30);
        driver.fxRun(() -> movements.currencyField().setValue("USD")); // not the account's own currency

        driver.robot.clickOn(movements.fromField());
        driver.robot.write("1002");
        driver.waitUntil(() -> shownChoices().size() == 1, 30);
        driver.robot.push(javafx.scene.input.KeyCode.ESCAPE);
        driver.waitUntil(movements::payerLoaded, 30);

        assertThat(driver.fx(() -> movements.fromField().getValue().accountId())).isEqualTo(9001);
        assertThat(driver.fx(() -> movements.currencyField().getValue())).as("the currency chosen before").isEqualTo("USD");

        driver.fxRun(() -> {
            olga.dock().open(BackOfficePanels.STATEMENTS);
            statements.accountField().setValue(olga.backOffice().context().account(9001).orElseThrow());
        });
        driver.waitUntil(() -> driver.fx(() -> statements.assetField().getItems().contains("SAP")), 30);
        driver.fxRun(() -> statements.assetField().setValue("SAP"));
        driver.robot.clickOn(statements.assetField());
        driver.robot.write("US");
        driver.waitUntil(() -> shownChoices().size() == 1, 30);
        driver.robot.push(javafx.scene.input.KeyCode.ESCAPE);

        assertThat(driver.fx(() -> statements.assetField().getValue())).isEqualTo("SAP");
        assertThat(driver.fx(() -> statements.accountField().getValue().accountId())).isEqualTo(9001);
    }

    @Test
    @Order(7)
    void theStatusBarCarriesTheDesksStateAndLatestMessage() throws Exception {
        StatusBar bar = driver.fx(() -> (StatusBar) rita.stage().getScene().lookup("#statusBar"));
        driver.fxRun(() -> rita.context().desk().say("Limits checked"));
        driver.waitUntil(() -> bar.getText().equals("Limits checked"), 30);
        assertThat(driver.fx(() -> bar.getLeftItems().stream().map(Node::getId).toList()))
                .contains("modeLabel", "connectionLabel", "userLabel", "heldCount");

        Path small = DesktopDriver.repositoryFolder("app/target/screenshots-1024");
        Files.createDirectories(small);
        TextField notional = driver.fx(() -> rita.limitsEditor().field(0));
        driver.fxRun(() -> {
            rita.dock().open(Workstation.RISK_LIMITS);
            rita.limitsEditor().select(1001);
            notional.setText("-5");
            olga.backOffice().movements().amountField().setText("999999999");
        });
        for (double[] size : new double[][]{{1440, 900}, {1024, 700}}) {
            Path to = size[0] == 1440 ? DesktopDriver.screenshotFolder() : small;
            for (Workstation w : List.of(rita, olga)) {
                driver.fxRun(() -> {
                    w.stage().setX(0);
                    w.stage().setY(0);
                    w.stage().setWidth(size[0]);
                    w.stage().setHeight(size[1]);
                    w.stage().toFront();
                });
                for (Theme theme : Theme.values()) {
                    driver.fxRun(() -> w.context().themes().setTheme(theme));
                    driver.settle();
                    String name = (w == rita ? "controlsfx-risk-limits-" : "controlsfx-movements-") + theme.id();
                    driver.screenshot(w.stage().getScene(), to.resolve(name + ".png"));
                }
            }
        }
        assertThat(driver.fx(() -> marked(notional))).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Olga's movements form, in front, on a withdrawal from {@code accountId}. */
    private MovementsController withdrawalFrom(long accountId) {
        MovementsController movements = driver.fx(() -> olga.backOffice().movements());
        driver.fxRun(() -> {
            olga.stage().toFront();
            olga.dock().open(BackOfficePanels.MOVEMENTS);
            movements.selectKind(MovementKind.WITHDRAWAL);
            movements.fromField().setValue(olga.backOffice().context().account(accountId).orElseThrow());
        });
        return movements;
    }

    private static double sceneY(Node node) {
        return node.localToScene(0, 0).getY();
    }

    /** Whether ControlsFX's error mark is drawn on the field. */
    private static boolean marked(Node field) {
        return field instanceof Parent p && p.lookupAll("." + FieldDecorations.MARK).stream().anyMatch(Node::isVisible);
    }

    private List<PopupWindow> notices() {
        return Window.getWindows().stream().filter(PopupWindow.class::isInstance).map(PopupWindow.class::cast)
                .filter(w -> w.isShowing() && w.getScene() != null
                        && !w.getScene().getRoot().lookupAll(".notification-bar").isEmpty())
                .toList();
    }

    private List<String> noticeTexts() {
        return driver.fx(() -> {
            List<String> texts = new ArrayList<>();
            for (PopupWindow w : notices()) {
                for (Node n : w.getScene().getRoot().lookupAll(".label")) {
                    if (n instanceof Labeled l && l.getText() != null) {
                        texts.add(l.getText());
                    }
                }
            }
            return texts;
        });
    }

    /** What the open search popup of a searchable picker lists now. */
    private List<?> shownChoices() {
        return driver.fx(() -> Window.getWindows().stream().filter(PopupWindow.class::isInstance)
                .filter(Window::isShowing).map(Window::getScene).filter(s -> s != null)
                .map(Scene::getRoot).flatMap(r -> r.lookupAll(".list-view").stream())
                .filter(ListView.class::isInstance).map(n -> (List<?>) ((ListView<?>) n).getItems())
                .findFirst().orElse(List.of()));
    }
}
