package com.bourse.app.desktop;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.OrderHistory;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.view.Workstation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working-orders blotter shows a refused order as REJECTED with the venue's reason; an order's history lists
 * every step of it with its time; an OCO exit from the ticket works as two linked orders (the blotter's OCO column)
 * and cancelling one leg ends the pair.
 */
class OrderHistoryAndOcoTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private Workstation alice;

    @BeforeEach
    void start() throws Exception {
        // the desktop's first start in a test JVM takes well over TestFX's default on a loaded machine
        System.setProperty("testfx.setup.timeout", "90000");
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1", 90);
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    private Instrument asml() {
        return TradingScenes.instrument(alice, "ASML");
    }

    private List<OrderRow> rows() {
        return driver.fx(() -> List.copyOf(alice.context().desk().workingOrders()));
    }

    @Test
    void aRefusedOrderShowsInTheBlotterAsRejectedWithTheVenuesReasonUntilDismissed() {
        // alice holds 200 ASML: selling 300 is refused by the engine, not by the ticket (the ladder's path)
        long mid = driver.fx(() -> alice.context().desk().book(asml().id()).centrePrice());
        long orderId = driver.fx(() -> alice.context().entry().placeLimit(1001, asml(), Side.SELL, mid, 300));
        driver.waitUntil(() -> rows().stream().anyMatch(r -> r.orderId() == orderId), 10);

        OrderRow refused = rows().stream().filter(r -> r.orderId() == orderId).findFirst().orElseThrow();
        assertThat(refused.status()).isEqualTo(OrderRow.REJECTED);
        assertThat(refused.reason()).isEqualTo(ErrorCode.INSUFFICIENT_POSITION.description());
        assertThat(refused.symbol()).isEqualTo("ASML");
        assertThat(driver.fx(() -> ((Label) alice.workingOrders().table().getParent().lookup("#count")).getText()))
                .as("a refused order is not working").isEqualTo("0 working");
        assertThat(driver.fx(() -> alice.context().desk().ownQuantityByPrice(asml().id(), Side.SELL))).isEmpty();
        driver.screenshot(driver.fx(() -> alice.workingOrders().table().getScene()),
                DesktopDriver.screenshotFolder().resolve("working-orders-rejected-reason.png"));

        driver.fxRun(() -> alice.workingOrders().table().getSelectionModel().select(refused));
        driver.fxRun(alice::cancelSelected);
        driver.settle();
        assertThat(rows()).as("cancel on a refused row dismisses it").isEmpty();
    }

    @Test
    void anOrdersHistoryListsEveryStepWithItsTimeFromAcceptedToCancelledAndWhy() {
        Instrument asml = asml();
        long bid = driver.fx(() -> alice.context().desk().book(asml.id()).bestBid()) - 40 * asml.tickSize();
        long orderId = driver.fx(() -> alice.context().entry().placeLimit(1001, asml, Side.BUY, bid, 3));
        driver.waitUntil(() -> rows().stream().anyMatch(r -> r.orderId() == orderId), 10);
        OrderRow row = rows().getFirst();
        driver.fxRun(() -> alice.context().entry().amend(row, bid - asml.tickSize(), 5));
        driver.waitUntil(() -> rows().getFirst().quantity() == 5, 10);
        driver.fxRun(() -> alice.context().entry().cancel(rows().getFirst()));
        driver.waitUntil(() -> rows().isEmpty(), 10);

        List<OrderHistory.Step> steps = driver.fx(() -> alice.context().desk().history().of(1001, orderId));
        assertThat(steps).extracting(OrderHistory.Step::event).containsExactly("Accepted", "Amended", "Cancelled");
        assertThat(steps.get(0).detail()).isEqualTo("Buy 3 ASML LIMIT at " + Decimals.format(bid, 2) + " GTC");
        assertThat(steps.get(1).detail()).isEqualTo("price " + Decimals.format(bid - asml.tickSize(), 2)
                + ", open quantity 5 (lost its place)");
        assertThat(steps.get(2).detail()).isEqualTo("5 open: " + CancelReason.USER_REQUEST.description());

        // the same history, from the blotter: an order still working, selected, History
        long working = driver.fx(() -> alice.context().entry().placeLimit(1001, asml, Side.BUY, bid, 2));
        driver.waitUntil(() -> rows().size() == 1, 10);
        driver.fxRun(() -> alice.workingOrders().table().getSelectionModel().select(0));
        driver.fxRun(() -> alice.workingOrders().showHistory());
        DialogPane dialog = TradingScenes.awaitDialog(driver);
        @SuppressWarnings("unchecked")
        TableView<OrderHistory.Step> table = driver.fx(() -> (TableView<OrderHistory.Step>) dialog.lookup("#orderHistory"));
        assertThat(driver.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("Time", "Event", "Detail");
        assertThat(driver.fx(() -> List.copyOf(table.getItems()))).extracting(OrderHistory.Step::event)
                .containsExactly("Accepted");
        assertThat(driver.fx(dialog::getHeaderText)).isEqualTo("Order " + working + " of account 1001: 1 step");
        driver.screenshot(driver.fx(dialog::getScene),
                DesktopDriver.screenshotFolder().resolve("order-history-dialog.png"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOcoExitFromTheTicketWorksAsTwoLinkedOrdersAndCancellingOneEndsThePair() {
        Instrument asml = asml();
        long mid = driver.fx(() -> alice.context().desk().book(asml.id()).centrePrice());
        String target = Decimals.plain(mid + 200 * asml.tickSize(), 2);
        String stop = Decimals.plain(mid - 200 * asml.tickSize(), 2);
        TradingScenes.fillTicket(driver, alice, "ASML", Side.SELL, "10", target);
        driver.fxRun(() -> alice.ticket().setOco(true));
        driver.fxRun(() -> ((Spinner<String>) alice.stage().getScene().lookup("#stopSpinner")).getEditor()
                .setText(target));
        driver.fxRun(() -> alice.ticket().send());
        assertThat(driver.fx(() -> ((Label) alice.stage().getScene().lookup("#stopError")).getText()))
                .isEqualTo("A sell OCO's stop must be below its target " + Decimals.format(mid + 200 * asml.tickSize(), 2));
        assertThat(rows()).as("nothing sent while a message stands").isEmpty();

        driver.fxRun(() -> ((Spinner<String>) alice.stage().getScene().lookup("#stopSpinner")).getEditor()
                .setText(stop));
        assertThat(driver.fx(() -> ((javafx.scene.control.Button) alice.stage().getScene().lookup("#sendButton"))
                .getText())).isEqualTo("OCO sell 10 ASML target " + Decimals.format(mid + 200 * asml.tickSize(), 2)
                + " stop " + Decimals.format(mid - 200 * asml.tickSize(), 2));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> rows().size() == 2 && rows().stream().allMatch(r -> r.ocoPeerId() != 0), 10);

        List<OrderRow> legs = rows();
        assertThat(legs).extracting(OrderRow::ocoGroup).containsExactly(
                "OCO " + legs.getFirst().orderId() + " · target", "OCO " + legs.getFirst().orderId() + " · stop");
        assertThat(legs).extracting(OrderRow::timeInForce).containsOnly(TimeInForce.GTC);
        assertThat(driver.fx(() -> ((CheckBox) alice.stage().getScene().lookup("#ocoBox")).isSelected())).isTrue();
        TableView<OrderRow> table = alice.workingOrders().table();
        assertThat(driver.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList())).contains("Bracket / OCO");
        driver.fxRun(() -> table.scrollToColumnIndex(table.getColumns().size() - 1));
        driver.screenshot(driver.fx(table::getScene), DesktopDriver.screenshotFolder().resolve("oco-exit-legs.png"));

        driver.fxRun(() -> alice.context().entry().cancel(legs.getFirst()));
        driver.waitUntil(() -> rows().isEmpty(), 10);
        List<OrderHistory.Step> stopSteps = driver.fx(() -> alice.context().desk().history()
                .of(1001, legs.get(1).orderId()));
        assertThat(stopSteps.getLast().detail()).isEqualTo("10 open: " + CancelReason.OCO_CANCELLED.description());
    }

    @Test
    void aShiftClickOnTheLadderSendsAnOcoExitWithItsStopAsFarBelowTheMarketAsTheTargetIsAbove() {
        Instrument asml = asml();
        driver.fxRun(() -> alice.context().instrumentProperty().set(asml));
        driver.settle();
        long last = driver.fx(() -> alice.context().desk().markPrice(asml));
        long target = last + 30 * asml.tickSize();

        long id = driver.fx(() -> alice.ladder().ladder().placeOcoAt(Side.SELL, target));
        driver.waitUntil(() -> rows().size() == 2 && rows().stream().allMatch(r -> r.ocoPeerId() != 0), 10);

        assertThat(id).isPositive();
        assertThat(rows()).extracting(OrderRow::priceUnits, OrderRow::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(target, com.bourse.protocol.OrderType.LIMIT),
                org.assertj.core.groups.Tuple.tuple(0L, com.bourse.protocol.OrderType.STOP));
        assertThat(rows().get(1).stopPrice()).isEqualByComparingTo(
                Decimals.of(last - 30 * asml.tickSize(), asml.priceScale()));
        long below = driver.fx(() -> alice.ladder().ladder().placeOcoAt(Side.SELL, last - asml.tickSize()));
        assertThat(below).as("a sell exit's target below the market is refused as typed").isEqualTo(-1);
        assertThat(driver.fx(() -> alice.context().desk().messageProperty().get())).startsWith("Ladder OCO not sent: ");
    }
}
