package com.bourse.app.desktop;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.view.Workstation;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import com.bourse.ui.model.OrderHistory;
import com.bourse.ui.model.OrderRow;

import java.util.List;

/** Trading steps several tests share, done through the ticket the way a trader would. */
final class TradingScenes {
    private TradingScenes() {
    }

    static Instrument instrument(Workstation w, String symbol) {
        return w.context().desk().instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow();
    }

    /** Fills the ticket's fields as typed text (instrument by search, side, quantity, price) without sending. */
    @SuppressWarnings("unchecked")
    static void fillTicket(DesktopDriver driver, Workstation w, String symbol, Side side, String quantity,
                           String price) {
        driver.fxRun(() -> {
            Scene scene = w.stage().getScene();
            ComboBox<Instrument> box = (ComboBox<Instrument>) scene.lookup("#instrumentBox");
            box.setValue(instrument(w, symbol));
            ((ToggleButton) scene.lookup(side == Side.BUY ? "#buyToggle" : "#sellToggle")).setSelected(true);
            ((Spinner<String>) scene.lookup("#quantitySpinner")).getEditor().setText(quantity);
            ((Spinner<String>) scene.lookup("#priceSpinner")).getEditor().setText(price);
        });
    }

    /** The price in the middle of an instrument's touch, as a trader would type it. */
    static String midPrice(DesktopDriver driver, Workstation w, String symbol) {
        return driver.fx(() -> {
            Instrument i = instrument(w, symbol);
            return Decimals.plain(w.context().desk().book(i.id()).centrePrice(), i.priceScale());
        });
    }

    /**
     * Alice bids inside the spread for Airbus, Bob (in his own window on the same market) sells into her bid,
     * and Alice also rests a lower bid that stays working: a fill, a position and a working order.
     */
    static Workstation tradeAirbusBetween(DesktopDriver driver, Workstation alice) {
        String mid = midPrice(driver, alice, "AIR");
        fillTicket(driver, alice, "AIR", Side.BUY, "40", mid);
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        driver.fxRun(() -> alice.stage().toBack());

        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        Workstation bob = driver.signIn("bob", "bob-training-1");
        fillTicket(driver, bob, "AIR", Side.SELL, "25", mid);
        driver.fxRun(() -> bob.ticket().send());
        driver.waitUntil(() -> alice.context().desk().fills().size() == 1, 5);

        Instrument air = instrument(alice, "AIR");
        long lower = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - 4 * air.tickSize());
        fillTicket(driver, alice, "AIR", Side.BUY, "60", Decimals.plain(lower, air.priceScale()));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 2, 5);
        driver.fxRun(() -> {
            bob.close();
            alice.stage().toFront();
        });
        driver.settle();
        return bob;
    }

    /** The dialog a step opened (a confirmation, an order's history) once it shows, waiting up to ten seconds. */
    static DialogPane awaitDialog(DesktopDriver driver) {
        driver.waitUntil(() -> showingDialog() != null, 10);
        return driver.fx(TradingScenes::showingDialog);
    }

    /** The dialog showing now, or null. */
    static DialogPane showingDialog() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.isShowing() && stage.getScene() != null
                    && stage.getScene().getRoot() instanceof DialogPane pane) {
                return pane;
            }
        }
        return null;
    }

    /** An order's history view as it shows once what the venue kept is in, and the steps it lists. */
    record HistoryView(DialogPane dialog, List<OrderHistory.Step> steps) {
        String header() {
            return dialog.getHeaderText();
        }
    }

    /**
     * Selects the order's row in the working-orders blotter, opens its history (History) and waits until the view
     * has what the venue kept (its header stops saying it is reading). The dialog stays open.
     */
    @SuppressWarnings("unchecked")
    static HistoryView orderHistory(DesktopDriver driver, Workstation w, long orderId) {
        driver.fxRun(() -> {
            TableView<OrderRow> blotter = w.workingOrders().table();
            blotter.getSelectionModel().clearSelection();
            blotter.getItems().stream().filter(r -> r.orderId() == orderId).findFirst()
                    .ifPresent(blotter.getSelectionModel()::select);
        });
        driver.fxRun(() -> w.workingOrders().showHistory());
        driver.waitUntil(() -> showingDialog() != null && !showingDialog().getHeaderText().contains("reading"), 30);
        DialogPane dialog = driver.fx(TradingScenes::showingDialog);
        TableView<OrderHistory.Step> table = driver.fx(() -> (TableView<OrderHistory.Step>) dialog.lookup(
                "#orderHistory"));
        return new HistoryView(dialog, driver.fx(() -> List.copyOf(table.getItems())));
    }

    /** Closes the dialog showing now. */
    static void closeDialog(DesktopDriver driver) {
        driver.fxRun(() -> {
            DialogPane pane = showingDialog();
            if (pane != null) {
                ((Stage) pane.getScene().getWindow()).close();
            }
        });
        driver.waitUntil(() -> showingDialog() == null, 10);
    }
}
