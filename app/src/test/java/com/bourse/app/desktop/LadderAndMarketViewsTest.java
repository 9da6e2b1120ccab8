package com.bourse.app.desktop;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.view.LadderPanel;
import com.bourse.ui.view.LadderView;
import com.bourse.ui.view.PriceChart;
import com.bourse.ui.view.PriceGrid;
import com.bourse.ui.view.TimeAndSalesPanel;
import com.bourse.ui.view.WatchlistPanel;
import com.bourse.ui.view.Workstation;
import com.bourse.ui.workspace.DockWorkspace;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ladder, chart, watchlist and time &amp; sales as a trader uses them: depth beyond the simulator's five
 * levels, the day's volume at each price, the position marked where it was bought, the ladder's own quantity
 * and an auto-centre that leaves the ladder alone under the pointer, and a ladder or chart per instrument.
 */
class LadderAndMarketViewsTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private Workstation alice;
    private Instrument air;

    @BeforeEach
    void signInAlice() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1");
        air = TradingScenes.instrument(alice, "AIR");
        driver.fxRun(() -> alice.context().instrumentProperty().set(air)); // ticket, ladder and chart on Airbus
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    @Test
    void theLadderShowsDepthBeyondFiveLevelsTheVolumeTradedAtEachPriceAndTheLastTradeSize() {
        TradingScenes.tradeAirbusBetween(driver, alice);
        long mid = driver.fx(() -> alice.context().desk().book(air.id()).lastTradePrice());
        // Alice's own bids eight to eleven ticks under the touch: deeper than the makers' five levels.
        long deep = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - 11 * air.tickSize());
        for (int k = 0; k < 4; k++) {
            long price = deep + k * air.tickSize();
            driver.fxRun(() -> alice.ladder().ladder().placeAt(Side.BUY, price));
        }
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 6, 5);

        assertThat(driver.fx(() -> alice.context().desk().book(air.id()).quantityAt(Side.BUY, deep)))
                .as("the eleventh level under the touch reaches the ladder").isGreaterThanOrEqualTo(10);
        assertThat(driver.fx(() -> alice.context().desk().book(air.id()).tradedAt(mid)))
                .as("volume traded at the trade's price today").isGreaterThanOrEqualTo(25);
        driver.settle();
        assertThat(driver.fx(() -> alice.ladder().touchLabel().getText()))
                .as("the last trade with its size").endsWith("last " + Decimals.format(mid, 2) + " × 25");
    }

    @Test
    void thePositionsAveragePriceIsMarkedOnTheLadderAndTheChartWithWhatATickIsWorth() {
        TradingScenes.tradeAirbusBetween(driver, alice);
        long mid = driver.fx(() -> alice.context().desk().book(air.id()).lastTradePrice());
        driver.fxRun(() -> alice.ladder().ladder().placeAt(Side.BUY, mid - air.tickSize()));
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 3, 5);
        driver.fxRun(() -> alice.dock().open(Workstation.CHART));
        driver.settle();

        assertThat(driver.fx(() -> alice.ladder().ladder().markedAveragePrice())).isEqualTo(mid);
        // 25 shares × a 0.02 tick.
        assertThat(driver.fx(() -> alice.ladder().positionLabel().getText()))
                .isEqualTo("+25 @ " + Decimals.format(mid * 100, 4) + "  0.50 EUR/tick");
        PriceChart chart = alice.chart().chart();
        assertThat(driver.fx(chart::drawnAveragePriceLine)).isEqualTo(mid);
        assertThat(driver.fx(chart::drawnFillMarkers)).as("Alice's fill").isEqualTo(1);
        assertThat(driver.fx(chart::drawnOrderLines)).as("her bid a tick under the trade").isGreaterThanOrEqualTo(1);

        // On the smallest window the order's label and the average's, at the same price, must not run together.
        driver.fxRun(() -> {
            alice.stage().setWidth(1024);
            alice.stage().setHeight(700);
        });
        driver.settle();
        List<javafx.geometry.Rectangle2D> labels = driver.fx(chart::placedLabels);
        assertThat(labels).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).intersects(labels.get(j))).as("labels %s and %s", labels.get(i),
                        labels.get(j)).isFalse();
            }
        }
    }

    @Test
    void atTheSmallestWindowEveryLadderHeaderFitsItsColumn() {
        driver.fxRun(() -> {
            alice.stage().setWidth(1024);
            alice.stage().setHeight(700);
        });
        driver.settle();
        LadderView ladder = alice.ladder().ladder();
        javafx.scene.text.Font bold = javafx.scene.text.Font.font("DejaVu Sans",
                javafx.scene.text.FontWeight.BOLD, 10.5);

        for (LadderView.Column column : LadderView.Column.values()) {
            double columnWidth = driver.fx(() -> ladder.columnWidth(column));
            String title = driver.fx(() -> ladder.headerTitle(column));
            double textWidth = driver.fx(() -> {
                javafx.scene.text.Text text = new javafx.scene.text.Text(title);
                text.setFont(bold);
                return text.getLayoutBounds().getWidth();
            });
            assertThat(textWidth).as("%s header '%s' in a column %.0f px wide", column, title, columnWidth)
                    .isLessThan(columnWidth);
        }
    }

    @Test
    void theLadderOrdersItsOwnPresetQuantityWhateverTheTicketSays() {
        LadderPanel panel = alice.ladder();
        ToggleButton twentyFive = driver.fx(() -> panel.presetButtons().stream()
                .filter(b -> b.getText().equals("25")).findFirst().orElseThrow());
        driver.robot.clickOn(twentyFive);
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "7", TradingScenes.midPrice(driver, alice, "AIR"));

        long below = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - 6 * air.tickSize());
        driver.fxRun(() -> panel.ladder().placeAt(Side.BUY, below));

        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
        assertThat(driver.fx(() -> alice.context().desk().workingOrders().getFirst().leaves())).isEqualTo(25);
        assertThat(driver.fx(() -> panel.presetButtons().stream().map(ToggleButton::getText).toList()))
                .containsExactly("1", "5", "10", "25", "50", "100");
    }

    @Test
    void autoCentreNeverMovesTheLadderWhileThePointerIsOverIt() {
        LadderView ladder = alice.ladder().ladder();
        driver.robot.moveTo(ladder);
        driver.fxRun(ladder::requestFocus);
        driver.robot.type(KeyCode.PAGE_UP, 3); // a page and a half above the market
        driver.settle();
        long scrolledTo = driver.fx(ladder::centrePrice);
        assertThat(driver.fx(() -> ladder.autoCentreProperty().get())).as("paging away switches it off").isFalse();

        driver.fxRun(() -> alice.ladder().autoCentreSwitch().setSelected(true));
        placeFarBid(12);
        driver.settle();
        assertThat(driver.fx(ladder::centrePrice)).as("still where the trader scrolled").isEqualTo(scrolledTo);

        driver.robot.moveTo(alice.stage().getScene().lookup("#sendButton"));
        placeFarBid(13);
        driver.waitUntil(() -> ladder.centrePrice() != scrolledTo, 5);
        long market = driver.fx(() -> alice.context().desk().book(air.id()).centrePrice());
        assertThat(Math.abs(driver.fx(ladder::centrePrice) - market)).isLessThanOrEqualTo(2 * air.tickSize());
    }

    @Test
    void severalLaddersAndChartsOneAnInstrumentAreDockablePanels() {
        Instrument sap = TradingScenes.instrument(alice, "SAP");
        Instrument asml = TradingScenes.instrument(alice, "ASML");
        driver.fxRun(() -> {
            alice.openLadder(sap);
            alice.openLadder(asml);
            alice.openChart(sap);
        });
        driver.settle();

        assertThat(driver.fx(() -> alice.dock().panelsIn(DockWorkspace.CENTRE)))
                .contains(Workstation.LADDER, "ladder-SAP", "ladder-ASML");
        assertThat(driver.fx(() -> alice.instrumentLadders().get("SAP").ladder().instrument())).isEqualTo(sap);
        assertThat(driver.fx(() -> alice.ladder().ladder().instrument()))
                .as("the main ladder still follows the ticket").isEqualTo(alice.context().instrument());
        driver.fxRun(() -> alice.dock().detach("ladder-ASML", null));
        assertThat(driver.fx(() -> alice.dock().isDetached("ladder-ASML"))).isTrue();
        assertThat(driver.fx(() -> alice.capture().areas().stream().flatMap(a -> a.panels().stream()).toList()))
                .contains("ladder-SAP", "chart-SAP");
        assertThat(driver.fx(() -> alice.capture().detached())).extracting(d -> d.panel()).contains("ladder-ASML");
    }

    @Test
    void theWatchlistQuotesEveryInstrumentAndTimeAndSalesListsTheLatestTradeFirst() {
        TradingScenes.tradeAirbusBetween(driver, alice);
        long mid = driver.fx(() -> alice.context().desk().book(air.id()).lastTradePrice());
        driver.fxRun(() -> {
            alice.dock().open(Workstation.WATCHLIST);
            alice.watchlist().refresh();
            alice.dock().open(Workstation.TIME_SALES);
            alice.timeAndSales().refresh();
        });

        List<WatchlistPanel.Quote> quotes = driver.fx(() -> List.copyOf(alice.watchlist().table().getItems()));
        assertThat(quotes).extracting(WatchlistPanel.Quote::symbol)
                .containsExactlyElementsOf(driver.fx(() -> alice.context().desk().instruments().stream()
                        .map(Instrument::symbol).toList()));
        WatchlistPanel.Quote airQuote = quotes.stream().filter(q -> q.symbol().equals("AIR")).findFirst().orElseThrow();
        assertThat(airQuote.last()).isEqualByComparingTo(Decimals.of(mid, 2));
        assertThat(airQuote.bid()).isNotNull();
        assertThat(airQuote.ask()).isNotNull();
        assertThat(airQuote.change()).isEqualByComparingTo(Decimals.of(mid - air.referencePrice(), 2));
        assertThat(airQuote.volume()).isGreaterThanOrEqualTo(25);

        TimeAndSalesPanel.Print newest = driver.fx(() -> alice.timeAndSales().table().getItems().getFirst());
        assertThat(newest.price()).isEqualTo(mid);
        assertThat(newest.quantity()).isEqualTo(25);
    }

    @Test
    void theChartReadsPriceAndTimeUnderThePointerAndDrawsTheAverageAndVwap() {
        PriceChart chart = alice.chart().chart();
        driver.fxRun(() -> alice.dock().open(Workstation.CHART));
        // the warm-up's sixty minutes are stamped 1.5 s apart (90 s of trades): one-second candles make more than
        // the twenty the moving average needs, five-second ones fewer
        driver.fxRun(() -> chart.setInterval(1_000));
        driver.settle();

        driver.robot.moveTo(chart);
        driver.settle();

        PriceChart.Crosshair crosshair = driver.fx(chart::crosshair);
        assertThat(crosshair).as("a readout under the pointer").isNotNull();
        assertThat(crosshair.price() % air.tickSize()).isZero();
        assertThat(crosshair.price()).isBetween(air.lowestPrice(), air.highestPrice());
        assertThat(crosshair.time()).isPositive();
        assertThat(driver.fx(chart::lastVwap)).isBetween(air.lowestPrice(), air.highestPrice());
        assertThat(driver.fx(chart::lastAverage)).as("the warm-up makes more than twenty candles")
                .isBetween(air.lowestPrice(), air.highestPrice());
        List<Long> grid = driver.fx(chart::drawnGrid);
        assertThat(grid).as("the price axis' grid").hasSizeGreaterThan(1);
        long step = grid.get(1) - grid.getFirst();
        assertThat(PriceGrid.isNice(step)).as("a step of 1, 2, 2.5 or 5 x 10^n, not %s", grid).isTrue();
        assertThat(step % air.tickSize()).as("a whole number of ticks").isZero();
        assertThat(grid).allMatch(price -> price % step == 0);

        driver.fxRun(() -> chart.showVwapProperty().set(false));
        driver.settle();
        assertThat(driver.fx(chart::lastVwap)).as("switched off").isZero();
    }

    private void placeFarBid(int ticksUnder) {
        long price = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - ticksUnder * air.tickSize());
        int before = driver.fx(() -> alice.context().desk().workingOrders().size());
        driver.fxRun(() -> alice.ladder().ladder().placeAt(Side.BUY, price));
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == before + 1, 5);
    }
}
