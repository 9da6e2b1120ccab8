package com.bourse.app.desktop;

import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.view.backoffice.BackOfficePanels;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk officer's desk beside a trader's window on one simulated market, driven as the two people would. */
class RiskDeskWorkflowTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private Workstation alice;
    private Workstation rita;
    private final List<String> confirmations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void signInTraderAndOfficer() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> alice.context().setConfirmer(check -> true));
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        rita = driver.signIn("rita", "rita-training-1");
        driver.fxRun(() -> rita.riskContext().setConfirmer((title, text) -> confirmations.add(text)));
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    /** Alice buys 700 AIR a few ticks through the ask: over 100,000 EUR, so the engine holds it for review. */
    private OrderRow largeAirbusBuy() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long through = driver.fx(() -> alice.context().desk().book(air.id()).bestAsk() + 5 * air.tickSize());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "700", Decimals.plain(through, air.priceScale()));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .anyMatch(o -> o.status().equals("HELD")), 5);
        return driver.fx(() -> alice.context().desk().workingOrders().getFirst());
    }

    private ReviewItem heldAtTheDesk(long orderId) {
        driver.waitUntil(() -> rita.reviewQueue().items().stream().anyMatch(i -> i.subjectId() == orderId), 5);
        return driver.fx(() -> rita.reviewQueue().items().stream().filter(i -> i.subjectId() == orderId)
                .findFirst().orElseThrow());
    }

    @Test
    void aNewHeldItemSoundsOnceTheOfficerTurnedTheQueuesSoundOn() {
        java.util.concurrent.atomic.AtomicInteger chimes = new java.util.concurrent.atomic.AtomicInteger();
        driver.fxRun(() -> {
            rita.riskContext().setChime(chimes::incrementAndGet);
            rita.approvalQueue().soundToggle().setSelected(true);
        });

        heldAtTheDesk(largeAirbusBuy().orderId());

        driver.waitUntil(() -> chimes.get() == 1, 5);
    }

    @Test
    void officerWindowOffersTheDeskAndNotTheTradersPanelsAndSaysWhatToSelectBeforeAnythingIsHeld()
            throws Exception {
        assertThat(driver.fx(() -> rita.isTrader())).isFalse();
        assertThat(driver.fx(() -> rita.dock().isOpen(Workstation.RISK_QUEUE))).isTrue();
        assertThat(driver.fx(() -> rita.dock().isOpen(Workstation.RISK_CONTROLS))).isTrue();
        assertThat(driver.fx(() -> rita.dock().panels().stream().map(p -> p.id()).toList()))
                .doesNotContain(Workstation.TICKET, Workstation.LADDER);
        assertThat(driver.fx(() -> alice.hasRiskDesk())).isFalse();

        // Nothing held, nothing selected: the detail says so rather than showing empty score bars and limits.
        assertThat(driver.fx(() -> rita.approvalQueue().emptyState().getText())).startsWith("Nothing is held");
        assertThat(driver.fx(() -> shown(rita.approvalQueue().emptyState()))).isTrue();
        assertThat(driver.fx(() -> shown(rita.stage().getScene().lookup("#scorePart-score")))).isFalse();
        assertThat(driver.fx(() -> shown(rita.stage().getScene().lookup("#exposureGrid")))).isFalse();
        Path small = DesktopDriver.repositoryFolder("app/target/screenshots-1024");
        java.nio.file.Files.createDirectories(small);
        for (double[] size : new double[][] {{1440, 900}, {1024, 700}}) {
            for (com.bourse.ui.theme.Theme theme : com.bourse.ui.theme.Theme.values()) {
                driver.fxRun(() -> {
                    rita.stage().setX(0);
                    rita.stage().setY(0);
                    rita.stage().setWidth(size[0]);
                    rita.stage().setHeight(size[1]);
                    rita.context().themes().setTheme(theme);
                });
                driver.settle();
                // The kill switch's accounts: whose account it is reads whole at both sizes, nothing cut to "…".
                assertThat(driver.fx(() -> TicketAndLayoutTest.truncated("kill switch accounts",
                        (javafx.scene.Parent) rita.stage().getScene().lookup("#controlAccounts"))))
                        .as("cut texts in the kill switch's accounts at %.0f px, %s", size[0], theme).isEmpty();
                assertThat(driver.fx(() -> ((TableView<?>) rita.stage().getScene().lookup("#controlAccounts"))
                        .getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getText).toList()))
                        .contains("Account", "Owner", "Kill switch");
                assertThat(driver.fx(() -> rita.stage().getScene().lookup("#controlAccounts").lookupAll(".scroll-bar")
                        .stream().filter(b -> ((ScrollBar) b).getOrientation() == Orientation.HORIZONTAL)
                        .anyMatch(javafx.scene.Node::isVisible))).as("sideways scrolling at %.0f px", size[0]).isFalse();
                Path folder = size[0] == 1440 ? DesktopDriver.screenshotFolder() : small;
                driver.screenshot(rita.stage().getScene(), folder.resolve("risk-queue-nothing-selected-"
                        + theme.id() + (size[0] == 1440 ? "" : "-1024") + ".png"));
            }
        }
    }

    /** Whether the node and every parent of it are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void heldLargeOrderShowsItsScorePartsAndTradesOnceTheOfficerApprovesFromTheKeyboard() {
        OrderRow held = largeAirbusBuy();

        ReviewItem item = heldAtTheDesk(held.orderId());
        assertThat(item.subject()).isEqualTo(ReviewSubject.ORDER);
        assertThat(item.accountId()).isEqualTo(1001);
        assertThat(item.quantity()).isEqualTo(700);
        assertThat(item.notional()).isGreaterThan(10_000_000);
        assertThat(item.reason()).isIn(ErrorCode.LARGE_AMOUNT, ErrorCode.HIGH_RISK_TRANSACTION);
        assertThat(item.amountBps() + item.frequencyBps() + item.patternBps()).isPositive();
        assertThat(driver.fx(() -> ((Label) rita.stage().getScene().lookup("#heldCount")).getText()))
                .startsWith("1 held");
        driver.waitUntil(() -> !((Label) rita.stage().getScene().lookup("#scorePart-amount")).getText().isEmpty(), 5);

        driver.fxRun(() -> rita.stage().toFront());
        driver.fxRun(() -> {
            rita.approvalQueue().table().getSelectionModel().select(item);
            rita.approvalQueue().table().requestFocus();
        });
        driver.robot.type(KeyCode.A);

        driver.waitUntil(() -> rita.reviewQueue().items().isEmpty(), 5);
        driver.waitUntil(() -> alice.context().desk().fills().stream().anyMatch(f -> f.orderId() == held.orderId()), 5);
        assertThat(driver.fx(() -> alice.context().desk().workingOrders().stream()
                .noneMatch(o -> o.orderId() == held.orderId() && o.status().equals("HELD")))).isTrue();
    }

    @Test
    void rejectionNeedsAReasonAndTheTraderSeesIt() {
        OrderRow held = largeAirbusBuy();
        ReviewItem item = heldAtTheDesk(held.orderId());
        driver.fxRun(() -> rita.approvalQueue().table().getSelectionModel().select(item));

        driver.fxRun(() -> rita.approvalQueue().rejectSelected());
        assertThat(driver.fx(() -> rita.approvalQueue().message().getText())).contains("needs a reason");
        assertThat(driver.fx(() -> rita.reviewQueue().items())).contains(item);

        driver.fxRun(() -> {
            rita.approvalQueue().reasonField().setText("Size far above this account's usual orders");
            rita.approvalQueue().rejectSelected();
        });

        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .noneMatch(o -> o.orderId() == held.orderId()), 5);
        driver.waitUntil(() -> alice.context().desk().messageProperty().get()
                .contains("Size far above this account's usual orders"), 5);
        assertThat(driver.fx(() -> alice.context().desk().messageProperty().get()))
                .contains("Order " + held.orderId()).contains("rejected by a risk officer");
        assertThat(driver.fx(() -> rita.reviewQueue().items())).isEmpty();
    }

    @Test
    void aTradersApproveIsRefusedByTheEngineWithItsReason() throws Exception {
        OrderRow held = largeAirbusBuy();
        List<Event> heard = new CopyOnWriteArrayList<>();
        AutoCloseable listening = driver.desktop().host().venue().subscribe(heard::add);
        try {
            boolean sent = driver.fx(() -> alice.context().session().submit(new Command.Approve(
                    alice.context().session().now(), alice.context().session().trader().userId(),
                    ReviewSubject.ORDER, held.orderId())));
            assertThat(sent).as("the gateway passes it on: the engine is the judge").isTrue();
            driver.waitUntil(() -> heard.stream().anyMatch(e -> e instanceof Event.CommandRejected r
                    && r.refId() == held.orderId()), 5);
        } finally {
            listening.close();
        }
        // every refusal names the account its order is in
        assertThat(heard).contains(new Event.CommandRejected(held.orderId(), ErrorCode.NOT_AUTHORIZED, 1001));
        assertThat(driver.desktop().host().venue().query(e -> e.workingOrders(1001)).get(5, TimeUnit.SECONDS))
                .anyMatch(o -> o.orderId() == held.orderId() && o.status().equals("HELD"));
    }

    @Test
    void killSwitchCancelsTheAccountsWorkingOrdersAndBlocksNewOnesUntilReleasedFromTheSameSelection() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long bid = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - 4 * air.tickSize());
        String price = Decimals.plain(bid, air.priceScale());
        for (int k = 0; k < 2; k++) {
            TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", price);
            driver.fxRun(() -> alice.ticket().send());
        }
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 2, 5);

        driver.fxRun(() -> {
            var accounts = rita.riskControls().accounts();
            accounts.getItems().stream().filter(a -> a.accountId() == 1001).findFirst()
                    .ifPresent(a -> accounts.getSelectionModel().select(a));
            rita.riskControls().engageSelected();
        });

        driver.waitUntil(() -> alice.context().desk().workingOrders().isEmpty(), 5);
        assertThat(confirmations).anyMatch(text -> text.contains("cancels 2 working orders of 1 account"));
        driver.waitUntil(() -> rita.reviewQueue().account(1001).orElseThrow().killSwitch(), 5);
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", price);
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> ((Label) alice.stage().getScene().lookup("#orderMessage")).getText()
                .contains(ErrorCode.ACCOUNT_KILL_SWITCH.description()), 5);
        // a refused order stays in the blotter as REJECTED with the engine's reason; nothing is working
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).extracting(o -> o.status())
                .containsOnly("REJECTED");

        assertThat(driver.fx(() -> rita.riskControls().accounts().getSelectionModel().getSelectedItems()))
                .as("the engaged account stays selected after its row changed")
                .extracting(a -> a.accountId()).containsExactly(1001L);
        driver.fxRun(() -> rita.riskControls().releaseSelected());
        driver.waitUntil(() -> !rita.reviewQueue().account(1001).orElseThrow().killSwitch(), 5);
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", price);
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .filter(o -> !"REJECTED".equals(o.status())).count() == 1, 5);
    }

    @Test
    void haltedInstrumentIsRefusedInTheTradersTicketWithTheReason() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        driver.fxRun(() -> {
            var table = rita.riskControls().instruments();
            table.getItems().stream().filter(r -> r.instrument().id() == air.id()).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
            rita.riskControls().haltSelected(true);
        });
        driver.waitUntil(() -> rita.reviewQueue().halted().contains(air.id()), 5);
        assertThat(confirmations).anyMatch(text -> text.startsWith("Halt trading in AIR"));

        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", TradingScenes.midPrice(driver, alice, "AIR"));
        driver.fxRun(() -> alice.ticket().send());

        driver.waitUntil(() -> ((Label) alice.stage().getScene().lookup("#orderMessage")).getText()
                .contains(ErrorCode.INSTRUMENT_HALTED.description()), 5);
        // a refused order stays in the blotter as REJECTED with the engine's reason; nothing is working
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).extracting(o -> o.status())
                .containsOnly("REJECTED");
    }

    @Test
    void aLimitEditIsValidatedAsTypedAndTakesEffectOnTheNextOrder() {
        driver.fxRun(() -> rita.limitsEditor().select(1001));
        driver.fxRun(() -> rita.limitsEditor().field(0).setText("0"));
        assertThat(driver.fx(() -> rita.limitsEditor().error(0).getText())).isEqualTo("Must be above zero");
        assertThat(driver.fx(() -> rita.limitsEditor().applyButton().isDisabled())).isTrue();

        driver.fxRun(() -> {
            rita.limitsEditor().field(0).setText("50");
            rita.limitsEditor().applyLimits();
        });
        assertThat(confirmations).anyMatch(text -> text.contains("Order quantity: 1,000,000 → 50"));
        driver.waitUntil(() -> rita.reviewQueue().account(1001).orElseThrow().limits().maxOrderQuantity() == 50, 5);

        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "60", TradingScenes.midPrice(driver, alice, "AIR"));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().messageProperty().get()
                .contains(ErrorCode.QUANTITY_LIMIT.description()), 5);
        // a refused order stays in the blotter as REJECTED with the engine's reason; nothing is working
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).extracting(o -> o.status())
                .containsOnly("REJECTED");
        RiskLimits now = driver.fx(() -> rita.reviewQueue().account(1001).orElseThrow().limits());
        assertThat(now.maxOrderQuantity()).isEqualTo(50);
    }

    @Test
    void anAccountsOwnPriceBandSetInTheEditorRefusesTheNextOrderOutsideItAndTheThresholdHoldsBelowTheUsual() {
        driver.fxRun(() -> rita.limitsEditor().select(1001));
        driver.fxRun(() -> rita.limitsEditor().field(5).setText("100"));
        assertThat(driver.fx(() -> rita.limitsEditor().error(5).getText()))
                .isEqualTo("Below 100%, or empty for the instrument's band");
        driver.fxRun(() -> rita.limitsEditor().field(6).setText("1.5"));
        assertThat(driver.fx(() -> rita.limitsEditor().error(6).getText()))
                .isEqualTo("A score of at most 1, or empty for the installation's");
        assertThat(driver.fx(() -> rita.limitsEditor().applyButton().isDisabled())).isTrue();

        // When the officer gives account 1001 a band of ±2% and a review threshold of 0.01.
        driver.fxRun(() -> {
            rita.limitsEditor().field(5).setText("2");
            rita.limitsEditor().field(6).setText("0.01");
            rita.limitsEditor().applyLimits();
        });
        assertThat(confirmations).anyMatch(text -> text.contains("Price band (± %): the instrument's → 2.00")
                && text.contains("Review threshold (score): the installation's → 0.0100"));
        driver.waitUntil(() -> rita.reviewQueue().account(1001).orElseThrow().limits().priceBandBps() == 200, 5);
        assertThat(driver.fx(() -> rita.reviewQueue().account(1001).orElseThrow().limits().reviewThresholdBps()))
                .isEqualTo(100);

        // Then Alice's buy of AIR 2.03% above its reference price (inside AIR's own ±10%) is refused.
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long outside = air.referencePrice() + 330;
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", Decimals.plain(outside, air.priceScale()));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().messageProperty().get()
                .contains(ErrorCode.PRICE_OUT_OF_BAND.description()), 5);
        // a refused order stays in the blotter as REJECTED with the engine's reason; nothing is working
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).extracting(o -> o.status())
                .containsOnly("REJECTED");

        // And one inside the band, small enough for the usual 0.8, waits for an officer at her 0.01.
        long inside = air.referencePrice() - 300;
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", Decimals.plain(inside, air.priceScale()));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> rita.reviewQueue().items().stream().anyMatch(i -> i.accountId() == 1001
                && i.reason() == ErrorCode.HIGH_RISK_TRANSACTION), 5);
        driver.fxRun(() -> rita.limitsEditor().select(1001));
        assertThat(driver.fx(() -> rita.limitsEditor().field(5).getText())).isEqualTo("2.00");
    }

    @Test
    void administratorAloneGetsTheUsersDeskAndNeitherTheTradersNorTheOfficersPanels() {
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        Workstation admin = driver.signIn("admin", "admin-training-1");

        List<String> panels = driver.fx(() -> admin.dock().panels().stream().map(p -> p.id()).toList());

        assertThat(panels).contains(BackOfficePanels.USERS)
                .doesNotContain(Workstation.TICKET, Workstation.RISK_QUEUE);
    }
}
