package com.bourse.app.desktop;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.model.PositionRow;
import com.bourse.ui.view.LadderView;
import com.bourse.ui.view.Workstation;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A trader's day through the real window: order entry, the ladder, blotters and positions. */
class TraderWorkflowTest {
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
    void limitOrderFromTheTicketAppearsInTheBlotterAndOnTheLadder() throws Exception {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        String price = TradingScenes.midPrice(driver, alice, "AIR");
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "40", price);

        driver.robot.clickOn(alice.stage().getScene().lookup("#sendButton"));

        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        OrderRow row = driver.fx(() -> alice.workingOrders().table().getItems().getFirst());
        assertThat(row.symbol()).isEqualTo("AIR");
        assertThat(row.side()).isEqualTo(Side.BUY);
        assertThat(row.price()).isEqualByComparingTo(new BigDecimal(price));
        assertThat(row.leaves()).isEqualTo(40);
        assertThat(driver.fx(() -> alice.context().desk().ownQuantityByPrice(air.id(), Side.BUY)))
                .containsEntry(row.priceUnits(), 40L);
        assertThat(driver.fx(() -> alice.context().desk().book(air.id()).quantityAt(Side.BUY, row.priceUnits())))
                .isGreaterThanOrEqualTo(40);
        List<WorkingOrder> inEngine = driver.desktop().host().venue().query(e -> e.workingOrders(1001))
                .get(5, TimeUnit.SECONDS);
        assertThat(inEngine).extracting(WorkingOrder::orderId).containsExactly(row.orderId());
    }

    @Test
    void secondTradersCrossingOrderFillsTheBidAndUpdatesPositionAndCash() {
        long cashBefore = driver.fx(() -> alice.context().desk().balance(1001, "EUR"));

        TradingScenes.tradeAirbusBetween(driver, alice);

        assertThat(driver.fx(() -> alice.fills().table().getItems())).singleElement().satisfies(fill -> {
            assertThat(fill.symbol()).isEqualTo("AIR");
            assertThat(fill.side()).isEqualTo(Side.BUY);
            assertThat(fill.quantity()).isEqualTo(25);
            assertThat(fill.liquidity()).isEqualTo("MAKER");
        });
        driver.waitUntil(() -> alice.context().desk().positions().stream()
                .anyMatch(p -> p.symbol().equals("AIR") && p.quantity() == 25), 5);
        PositionRow air = driver.fx(() -> alice.context().desk().positions().stream()
                .filter(p -> p.symbol().equals("AIR")).findFirst().orElseThrow());
        BigDecimal price = driver.fx(() -> alice.context().desk().fills().getFirst().price());
        assertThat(air.averagePrice()).isEqualByComparingTo(price);
        long cost = price.movePointRight(2).longValueExact() * 25;
        assertThat(driver.fx(() -> alice.context().desk().balance(1001, "EUR"))).isEqualTo(cashBefore - cost);
        assertThat(driver.fx(() -> alice.workingOrders().table().getItems()))
                .extracting(OrderRow::leaves).containsExactlyInAnyOrder(15L, 60L);
    }

    @Test
    void clickingOwnOrderOnTheLadderCancelsIt() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long bid = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - 3 * air.tickSize());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "30", com.bourse.ui.model.Decimals.plain(bid, 2));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        LadderView ladder = alice.ladder().ladder();
        driver.fxRun(ladder::centreOnMarket);
        driver.settle();

        Point2D cell = driver.fx(() -> ladder.localToScreen(ladder.columnCentreX(LadderView.Column.OWN_BIDS),
                ladder.rowCentreY(bid)));
        driver.robot.clickOn(cell);

        driver.waitUntil(() -> alice.context().desk().workingOrders().isEmpty(), 5);
        assertThat(driver.fx(() -> alice.context().desk().ownQuantityByPrice(air.id(), Side.BUY))).isEmpty();
    }

    @Test
    void clickingTheBidColumnOfTheLadderPlacesABuyAtThatPriceForTheLaddersOwnQuantity() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        LadderView ladder = alice.ladder().ladder();
        // the ticket says 7, the ladder 25: a ladder click orders the ladder's quantity, whatever the ticket holds
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "7", "");
        driver.fxRun(() -> ladder.clickQuantityProperty().set(25));
        driver.fxRun(ladder::centreOnMarket);
        driver.settle();
        long price = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - 2 * air.tickSize());

        Point2D cell = driver.fx(() -> ladder.localToScreen(ladder.columnCentreX(LadderView.Column.BIDS),
                ladder.rowCentreY(price)));
        driver.robot.clickOn(cell);

        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        OrderRow row = driver.fx(() -> alice.context().desk().workingOrders().getFirst());
        assertThat(row.side()).isEqualTo(Side.BUY);
        assertThat(row.priceUnits()).isEqualTo(price);
        assertThat(row.quantity()).isEqualTo(25);
    }

    @Test
    void draggingOwnOrderToAnotherLevelMovesIt() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        long from = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - 3 * air.tickSize());
        long to = from - 2 * air.tickSize();
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "12", com.bourse.ui.model.Decimals.plain(from, 2));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        LadderView ladder = alice.ladder().ladder();
        driver.fxRun(ladder::centreOnMarket);
        driver.settle();

        double x = driver.fx(() -> ladder.columnCentreX(LadderView.Column.OWN_BIDS));
        driver.robot.drag(driver.fx(() -> ladder.localToScreen(x, ladder.rowCentreY(from))));
        driver.robot.dropTo(driver.fx(() -> ladder.localToScreen(x, ladder.rowCentreY(to))));

        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1
                && alice.context().desk().workingOrders().getFirst().priceUnits() == to, 5);
        assertThat(driver.fx(() -> alice.context().desk().workingOrders().getFirst().leaves())).isEqualTo(12);
    }

    @Test
    void hotkeysSwitchThemeAndCancelAllWithoutTheMouse() {
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "5", TradingScenes.midPrice(driver, alice, "AIR"));
        driver.fxRun(() -> alice.stage().getScene().getRoot().requestFocus());

        driver.robot.push(KeyCode.F5);
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        driver.robot.push(KeyCode.SHIFT, KeyCode.F8);
        driver.waitUntil(() -> alice.context().desk().workingOrders().isEmpty(), 5);
        driver.robot.push(KeyCode.F12);

        driver.waitUntil(() -> alice.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("light.css")),
                5);
        String status = driver.fx(() -> ((org.controlsfx.control.StatusBar) alice.stage().getScene().lookup("#statusBar")).getText());
        assertThat(status).contains("cancelled");
    }

    @Test
    void cancelSelectedHotkeyCancelsTheOrderChosenInTheBlotter() {
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "5", TradingScenes.midPrice(driver, alice, "AIR"));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        driver.fxRun(() -> {
            alice.workingOrders().table().requestFocus();
            alice.workingOrders().table().getSelectionModel().select(0);
        });

        driver.robot.push(KeyCode.F8);

        driver.waitUntil(() -> alice.context().desk().workingOrders().isEmpty(), 5);
    }

    @Test
    void flattenHotkeyCancelsTheInstrumentsOrdersAndSellsThePosition() {
        TradingScenes.tradeAirbusBetween(driver, alice);
        driver.waitUntil(() -> alice.context().desk().balance(1001, "AIR") == 25, 5);
        driver.fxRun(() -> {
            alice.dock().open(Workstation.POSITIONS);
            var table = alice.positions().table();
            table.requestFocus();
            table.getItems().stream().filter(p -> p.symbol().equals("AIR")).findFirst()
                    .ifPresent(p -> table.getSelectionModel().select(p));
        });

        driver.robot.push(KeyCode.F9);

        driver.waitUntil(() -> alice.context().desk().balance(1001, "AIR") == 0, 5);
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).isEmpty();
        assertThat(driver.fx(() -> alice.context().desk().fills().getFirst().side())).isEqualTo(Side.SELL);
    }

    @Test
    void workingOrdersExportToCsvAsTheBlotterShowsThem() throws Exception {
        String price = TradingScenes.midPrice(driver, alice, "AIR");
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "120", price);
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        Path file = home.resolve("orders.csv");

        driver.fxRun(() -> alice.workingOrders().exportTo(file));

        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .isEqualTo("Order,Symbol,Side,Qty,Price,Stop,Bracket / OCO,Type,TIF,Open,Filled,Status,Account,Reason");
        assertThat(lines.get(1)).contains(",AIR,BUY,120," + price + ",,,LIMIT,GTC,120,0,WORKING,1001,");
    }

    @Test
    void ladderBooksMatchTheEnginesDepthAfterMinutesOfSimulatedMarket() throws Exception {
        for (int minute = 0; minute < 10; minute++) {
            driver.desktop().host().nextBar();
        }
        driver.settle();

        for (Instrument i : driver.fx(() -> alice.context().desk().instruments())) {
            List<String> engine = driver.desktop().host().venue().query(e -> {
                List<String> levels = new java.util.ArrayList<>();
                e.depth(i.id(), Side.BUY, 1_000).forEach(l -> levels.add("B" + l.price() + "=" + l.quantity()));
                e.depth(i.id(), Side.SELL, 1_000).forEach(l -> levels.add("S" + l.price() + "=" + l.quantity()));
                return levels;
            }).get(5, TimeUnit.SECONDS);
            List<String> screen = driver.fx(() -> {
                var book = alice.context().desk().book(i.id());
                List<String> levels = new java.util.ArrayList<>();
                for (long p = book.highestPrice(); p >= book.lowestPrice(); p -= i.tickSize()) {
                    if (book.quantityAt(Side.BUY, p) > 0) {
                        levels.add("B" + p + "=" + book.quantityAt(Side.BUY, p));
                    }
                }
                for (long p = book.lowestPrice(); p <= book.highestPrice(); p += i.tickSize()) {
                    if (book.quantityAt(Side.SELL, p) > 0) {
                        levels.add("S" + p + "=" + book.quantityAt(Side.SELL, p));
                    }
                }
                return levels;
            });
            assertThat(screen).as(i.symbol()).isNotEmpty().isEqualTo(engine);
        }
    }
}
