package com.bourse.app.desktop;

import com.bourse.protocol.Command;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.model.PositionRow;
import com.bourse.ui.view.Workstation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders that behave: a flatten above the confirmation threshold asks first, held orders say why (and an order meant
 * to trade now says when it expires), and after a cancel the selection never lands on a stop the trader did not pick.
 */
class OrdersThatBehaveTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private Workstation alice;

    @BeforeEach
    void start() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1");
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    private Instrument asml() {
        return TradingScenes.instrument(alice, "ASML");
    }

    private long mid(Instrument i) {
        return driver.fx(() -> alice.context().desk().book(i.id()).centrePrice());
    }

    private void send(Side side, OrderType type, TimeInForce tif, long price, long stopPrice, long quantity) {
        Instrument i = asml();
        var session = alice.context().session();
        long orderId = session.newOrderId(1001);
        assertThat(session.submit(new Command.PlaceOrder(session.now(), session.trader().userId(), orderId, 1001,
                i.id(), side, type, tif, price, stopPrice, quantity, 0, false))).isTrue();
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .anyMatch(o -> o.orderId() == orderId), 10);
    }

    @Test
    void flattenAboveTheConfirmationThresholdAsksFirstAndSendsNothingWhenDeclined() {
        // alice holds 200 ASML, about 137,000 EUR: above the 50,000 EUR threshold
        driver.fxRun(() -> alice.positions().table().getSelectionModel().select(alice.context().desk().positions()
                .stream().filter(p -> p.symbol().equals("ASML")).findFirst().orElseThrow()));

        javafx.application.Platform.runLater(alice::flatten);
        DialogPane dialog = TradingScenes.awaitDialog(driver);
        assertThat(driver.fx(dialog::getContentText)).startsWith("Sell 200 ASML worth");
        driver.fxRun(() -> ((Button) dialog.lookupButton(ButtonType.CANCEL)).fire());
        driver.settle();

        assertThat(driver.fx(() -> alice.context().desk().messageProperty().get()))
                .isEqualTo("Flatten of 200 ASML not sent: confirmation declined");
        assertThat(driver.fx(() -> alice.context().desk().positions().stream()
                .filter(p -> p.symbol().equals("ASML")).mapToLong(PositionRow::quantity).sum())).isEqualTo(200);
        assertThat(driver.fx(() -> alice.context().desk().fills())).isEmpty();
    }

    @Test
    void heldOrdersShowWhyInTheReasonColumnAndAnImmediateOneWhenItExpires() {
        long mid = mid(asml());
        // 150 x ~684 = ~102,700 EUR: above the 100,000 EUR large-amount line, held for an officer
        send(Side.BUY, OrderType.LIMIT, TimeInForce.DAY, mid - 500, 0, 150);
        send(Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 150);
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .filter(o -> "HELD".equals(o.status())).count() == 2, 10);

        List<OrderRow> held = driver.fx(() -> List.copyOf(alice.context().desk().workingOrders()));
        TableView<OrderRow> table = alice.workingOrders().table();
        assertThat(driver.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList())).contains("Reason");
        assertThat(held.get(0).reason()).isEqualTo("Large amount: held for a risk officer");
        assertThat(held.get(1).reason()).matches("Large amount: held for a risk officer · expires \\d\\d:\\d\\d:\\d\\d");
        driver.fxRun(() -> alice.workingOrders().table().scrollToColumnIndex(table.getColumns().size() - 1));
        driver.screenshot(driver.fx(() -> alice.workingOrders().table().getScene()),
                DesktopDriver.screenshotFolder().resolve("working-orders-held-reasons.png"));
    }

    @Test
    void aWindowOpenedAfterTheHoldStillSaysWhyTheOrderWaits() {
        long mid = mid(asml());
        send(Side.BUY, OrderType.LIMIT, TimeInForce.DAY, mid - 500, 0, 150);
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .anyMatch(o -> "HELD".equals(o.status())), 10);
        // the store's order history has the hold once the projections caught up with it
        driver.waitUntil(() -> driver.desktop().host().office().orders().working(1001,
                com.bourse.backoffice.store.Page.first(100)).stream()
                .anyMatch(o -> o.status() == com.bourse.backoffice.store.OrderStatus.HELD), 10);

        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        Workstation again = driver.signIn("alice", "alice-training-1");

        driver.waitUntil(() -> again.context().desk().workingOrders().stream()
                .anyMatch(o -> "HELD".equals(o.status())), 10);
        OrderRow held = driver.fx(() -> again.context().desk().workingOrders().stream()
                .filter(o -> "HELD".equals(o.status())).findFirst().orElseThrow());
        assertThat(held.reason()).isEqualTo("Large amount: held for a risk officer");
    }

    @Test
    void afterACancelTheSelectionGoesToTheNextOrderBelowNeverToAStopTheTraderDidNotPick() {
        long mid = mid(asml());
        send(Side.BUY, OrderType.LIMIT, TimeInForce.DAY, mid - 100, 0, 1);
        send(Side.SELL, OrderType.STOP, TimeInForce.DAY, 0, mid - 300, 1);
        send(Side.BUY, OrderType.LIMIT, TimeInForce.DAY, mid - 200, 0, 1);
        List<OrderRow> rows = driver.fx(() -> List.copyOf(alice.context().desk().workingOrders()));
        assertThat(rows).extracting(OrderRow::type).containsExactly(OrderType.LIMIT, OrderType.STOP, OrderType.LIMIT);

        driver.fxRun(() -> alice.workingOrders().table().getSelectionModel().select(0));
        driver.fxRun(alice::cancelSelected);
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 2, 10);
        driver.settle();

        assertThat(driver.fx(() -> List.copyOf(alice.workingOrders().table().getSelectionModel().getSelectedItems())))
                .extracting(OrderRow::orderId).containsExactly(rows.get(2).orderId());

        driver.fxRun(alice::cancelSelected);
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 10);
        driver.settle();
        assertThat(driver.fx(() -> List.copyOf(alice.context().desk().workingOrders())))
                .extracting(OrderRow::orderId).as("the stop nobody selected still protects the position")
                .containsExactly(rows.get(1).orderId());
        assertThat(driver.fx(() -> alice.workingOrders().table().getSelectionModel().getSelectedItems())).isEmpty();
        driver.fxRun(alice::cancelSelected);
        driver.settle();
        assertThat(driver.fx(() -> alice.context().desk().workingOrders().size())).as("F8 with nothing selected")
                .isEqualTo(1);
    }
}
