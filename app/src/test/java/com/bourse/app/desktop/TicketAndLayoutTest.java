package com.bourse.app.desktop;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.ConnectionState;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.port.VenueMode;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.theme.ThemeManager;
import com.bourse.ui.view.WindowPlacement;
import com.bourse.ui.view.Workstation;
import eu.hansolo.tilesfx.Tile;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket's words and manners, the window from 1024×700 up, figures as a reader expects them, where a new
 * window opens, the dashboard's tiles and the shortcuts table; with screenshots at 1024×700 and 1440×900 in
 * both themes.
 */
class TicketAndLayoutTest {
    @TempDir
    Path home;
    private DesktopDriver driver;
    private Workstation alice;

    @BeforeEach
    void signInAlice() throws Exception {
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1");
        driver.fxRun(() -> alice.context().setConfirmer(check -> true));
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
    }

    @Test
    void aNegativePriceIsRefusedAtThePriceNotBlamedOnTheQuantity() {
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", "-5");

        driver.fxRun(() -> alice.ticket().send());

        assertThat(text("#priceError")).isEqualTo(ErrorCode.INVALID_PRICE.description());
        assertThat(text("#quantityError")).isEmpty();
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).isEmpty();
    }

    @Test
    void aMessageAppearingNeverMovesTheFieldsBelowIt() {
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", TradingScenes.midPrice(driver, alice, "AIR"));
        double priceY = sceneY("#priceSpinner");
        double sendY = sceneY("#sendButton");

        setText("#quantitySpinner", "ten");
        driver.fxRun(() -> alice.ticket().send());

        assertThat(text("#quantityError")).isEqualTo("Enter a whole number of units");
        assertThat(sceneY("#priceSpinner")).isEqualTo(priceY);
        assertThat(sceneY("#sendButton")).isEqualTo(sendY);
    }

    @Test
    void whatHappenedToTheOrderIsALineApartFromTheValidationMessages() {
        String mid = TradingScenes.midPrice(driver, alice, "AIR");
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", mid);

        String sent = driver.fx(() -> {
            alice.ticket().send();
            return ((Labeled) scene().lookup("#orderStatus")).getText();
        });

        assertThat(sent).startsWith("Sent: Buy 10 AIR @ " + mid);
        assertThat(text("#orderMessage")).isEmpty();
        driver.waitUntil(() -> text("#orderStatus").endsWith("is working"), 5);
        setText("#quantitySpinner", "ten");
        driver.fxRun(() -> alice.ticket().send());
        assertThat(text("#orderMessage")).isEqualTo("Nothing was sent: correct the marked fields");
        assertThat(text("#orderStatus")).as("the order sent before is still working").endsWith("is working");
    }

    @Test
    void theTicketJudgesNothingBeforeTheBalancesHaveLoaded() {
        SlowToConnect slow = new SlowToConnect(alice.context().session());
        Workstation early = driver.fx(() -> {
            Workstation w = new Workstation(new Stage(), slow, driver.desktop().workspaces(), new ThemeManager(),
                    null, null);
            w.show();
            return w;
        });
        driver.settle();
        Scene scene = driver.fx(() -> early.stage().getScene());

        assertThat(driver.fx(() -> ((Label) scene.lookup("#quantityError")).getText()))
                .as("no red '0.00 EUR available' on a window still loading").isEmpty();
        driver.fxRun(() -> early.ticket().send());
        assertThat(driver.fx(() -> ((Label) scene.lookup("#orderMessage")).getText()))
                .isEqualTo("Not sent: balances and prices are still loading");
        assertThat(slow.submitted).isEmpty();
        driver.fxRun(early::close);
    }

    @Test
    void theStopPriceIsInTheSendButtonAndInTheStatusLine() {
        TradingScenes.fillTicket(driver, alice, "SAP", Side.SELL, "10", "229.50");
        driver.fxRun(() -> typeBox().setValue(OrderType.STOP_LIMIT));
        setText("#stopSpinner", "230.00");

        assertThat(driver.fx(() -> ((Button) scene().lookup("#sendButton")).getText()))
                .isEqualTo("Sell 10 SAP @ 229.50 stop 230.00");
        driver.fxRun(() -> alice.ticket().send());

        driver.waitUntil(() -> alice.context().desk().messageProperty().get().contains("stop 230.00 accepted"), 5);
        driver.waitUntil(() -> text("#orderStatus").endsWith("is waiting for its stop price"), 5);
    }

    @Test
    void anOcoTicketNamesItsTargetAndStopInFullOnTheSendButtonAtEverySize() {
        java.math.BigDecimal mid = new java.math.BigDecimal(TradingScenes.midPrice(driver, alice, "ASML"));
        TradingScenes.fillTicket(driver, alice, "ASML", Side.SELL, "10",
                mid.add(java.math.BigDecimal.valueOf(20)).toPlainString());
        driver.fxRun(() -> ((javafx.scene.control.CheckBox) scene().lookup("#ocoBox")).setSelected(true));
        setText("#stopSpinner", mid.subtract(java.math.BigDecimal.valueOf(20)).toPlainString());

        for (double[] size : new double[][]{{1024, 700}, {1440, 900}}) {
            driver.fxRun(() -> {
                alice.stage().setWidth(size[0]);
                alice.stage().setHeight(size[1]);
            });
            driver.settle();
            Button send = driver.fx(() -> (Button) scene().lookup("#sendButton"));
            assertThat(driver.fx(send::getText)).startsWith("OCO sell 10 ASML target ").contains(" stop ");
            assertThat(driver.fx(() -> truncated("OCO at " + (int) size[0], send))).as("the send button").isEmpty();
        }
    }

    @Test
    void aDecimalCommaIsAcceptedWhereTheUsersLocaleWritesOne() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.FRANCE);
        try {
            String mid = TradingScenes.midPrice(driver, alice, "AIR");
            TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", mid.replace('.', ','));

            driver.fxRun(() -> alice.ticket().send());

            assertThat(text("#priceError")).isEmpty();
            driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);
            assertThat(driver.fx(() -> alice.context().desk().workingOrders().getFirst().price()))
                    .isEqualByComparingTo(mid);
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void figuresAreGroupedAndCountsAgreeWithTheirNoun() {
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "2000000", TradingScenes.midPrice(driver, alice, "AIR"));
        driver.fxRun(() -> alice.ticket().send());
        assertThat(text("#quantityError")).isEqualTo(ErrorCode.QUANTITY_LIMIT.description() + " (1,000,000)");

        TradingScenes.tradeAirbusBetween(driver, alice);
        driver.fxRun(() -> alice.dock().open(Workstation.FILLS));
        assertThat(driver.fx(() -> scene().getRoot().lookupAll("#count").stream().map(n -> ((Label) n).getText())
                .toList())).as("the first bid part-filled, the second untouched").contains("1 fill", "2 working");
    }

    @Test
    void aLadderDragSaysInTheStatusLineWhatItMoved() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        driver.fxRun(() -> alice.context().instrumentProperty().set(air));
        long from = driver.fx(() -> alice.context().desk().book(air.id()).bestBid() - 6 * air.tickSize());
        driver.fxRun(() -> alice.ladder().ladder().placeAt(Side.BUY, from));
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, 5);

        driver.fxRun(() -> alice.ladder().ladder().moveOwn(Side.BUY, from, from - 2 * air.tickSize()));

        assertThat(driver.fx(() -> alice.context().desk().messageProperty().get())).isEqualTo("Moving bid of 10 AIR from "
                + Decimals.format(from, 2) + " to " + Decimals.format(from - 2 * air.tickSize(), 2) + " (1 order)");
    }

    @Test
    void aSecondTradersWindowOpensBesideTheFirstNotOnTopOfIt() {
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        Workstation bob = driver.signIn("bob", "bob-training-1");

        Rectangle2D first = driver.fx(() -> bounds(alice.stage()));
        Rectangle2D second = driver.fx(() -> bounds(bob.stage()));
        assertThat(WindowPlacement.onTopOf(second, first)).as(first + " and " + second).isFalse();
    }

    @Test
    void fromTenTwentyFourBySevenHundredNothingIsCutShortInEitherTheme() throws Exception {
        assertThat(driver.fx(() -> alice.stage().getMinWidth())).isEqualTo(1024);
        assertThat(driver.fx(() -> alice.stage().getMinHeight())).isEqualTo(700);
        TradingScenes.tradeAirbusBetween(driver, alice);
        TradingScenes.fillTicket(driver, alice, "SAP", Side.SELL, "10", "229.50");
        driver.fxRun(() -> typeBox().setValue(OrderType.STOP_LIMIT));
        setText("#stopSpinner", "230.00");
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .anyMatch(o -> o.status().equals("STOP_WAITING")), 5);
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "10", TradingScenes.midPrice(driver, alice, "AIR"));
        Path folder = DesktopDriver.screenshotFolder();

        List<String> cut = new ArrayList<>();
        for (double[] size : new double[][]{{1024, 700}, {1440, 900}}) {
            driver.fxRun(() -> {
                alice.stage().setX(0);
                alice.stage().setY(0);
                alice.stage().setWidth(size[0]);
                alice.stage().setHeight(size[1]);
            });
            for (Theme theme : Theme.values()) {
                driver.fxRun(() -> {
                    alice.context().themes().setTheme(theme);
                    alice.dock().open(Workstation.ORDERS);
                    alice.dock().open(Workstation.CHART);
                });
                driver.settle();
                assertThat(driver.fx(() -> alice.ladder().ladder().getWidth())).as("the ladder's space comes first")
                        .isGreaterThanOrEqualTo(Workstation.LADDER_MIN_WIDTH - 2);
                String name = "trader-" + (int) size[0] + "x" + (int) size[1] + "-" + theme.id();
                shoot(folder.resolve(name + ".png"));
                cut.addAll(driver.fx(() -> truncated(name, alice.stage().getScene().getRoot())));
                driver.fxRun(() -> {
                    alice.dock().open(Workstation.POSITIONS);
                    alice.dock().open(Workstation.WATCHLIST);
                });
                driver.settle();
                shoot(folder.resolve(name + "-watchlist.png"));
                cut.addAll(driver.fx(() -> truncated(name + " watchlist", alice.stage().getScene().getRoot())));
                driver.fxRun(() -> {
                    alice.dock().open(Workstation.FILLS);
                    alice.dock().open(Workstation.DASHBOARD);
                    alice.dashboard().refresh();
                });
                driver.settle();
                shoot(folder.resolve(name + "-dashboard.png"));
                cut.addAll(driver.fx(() -> truncated(name + " dashboard", alice.stage().getScene().getRoot())));
                driver.fxRun(() -> alice.dock().open(Workstation.TIME_SALES));
                driver.settle();
                shoot(folder.resolve(name + "-time-sales.png"));
                cut.addAll(driver.fx(() -> truncated(name + " time & sales", alice.stage().getScene().getRoot())));
            }
        }
        driver.fxRun(() -> alice.context().themes().setTheme(Theme.DARK));
        assertThat(cut).as("text shown cut short").isEmpty();
    }

    @Test
    void theTicketFoldsAwayForTheLadderAndComesBackForTheKeys() {
        double ladderWide = driver.fx(() -> alice.ladder().getWidth());

        driver.fxRun(() -> alice.toggleTicket());
        driver.settle();
        assertThat(driver.fx(() -> alice.isTicketCollapsed())).isTrue();
        assertThat(driver.fx(() -> alice.ladder().getWidth())).isGreaterThan(ladderWide);

        driver.fxRun(() -> alice.focusTicket());
        assertThat(driver.fx(() -> alice.isTicketCollapsed())).as("F2 brings it back").isFalse();
    }

    @Test
    void dashboardTilesColourTheProfitNameTheLimitAndFillTheirPanel() {
        TradingScenes.tradeAirbusBetween(driver, alice);
        Instrument air = TradingScenes.instrument(alice, "AIR");
        // Alice buys a little more from the makers' offer: the last trade, and her mark, move above her cost.
        long ask = driver.fx(() -> alice.context().desk().book(air.id()).bestAsk());
        TradingScenes.fillTicket(driver, alice, "AIR", Side.BUY, "5", Decimals.plain(ask, 2));
        driver.fxRun(() -> alice.ticket().send());
        driver.waitUntil(() -> alice.context().desk().fills().size() == 2, 5);
        driver.fxRun(() -> {
            alice.dock().open(Workstation.DASHBOARD);
            alice.dashboard().refresh();
        });
        driver.settle();

        Label pnl = driver.fx(() -> (Label) alice.dashboard().lookup(".pnl-figure"));
        assertThat(driver.fx(pnl::getText)).startsWith("+");
        assertThat(driver.fx(pnl::getTextFill)).as("the theme's gain colour").isEqualTo(Color.web("#34c77b"));
        Tile exposure = driver.fx(() -> (Tile) alice.dashboard().lookup("#tileExposure"));
        assertThat(driver.fx(exposure::getText)).as("the limit, written in full")
                .matches("Limit \\d{1,3}(,\\d{3})*\\.\\d{2} EUR \\(account 1001\\)\\nused [\\d,.]+ EUR");
        Tile rate = driver.fx(() -> (Tile) alice.dashboard().lookup("#tileOrderRate"));
        assertThat(driver.fx(rate::getMinValue)).isZero();
        assertThat(driver.fx(rate::getMaxValue)).isGreaterThanOrEqualTo(10);
        javafx.scene.chart.NumberAxis axis = driver.fx(() -> alice.dashboard().rateChart().yAxis());
        assertThat(driver.fx(() -> axis.getTickMarks().stream()
                .map(t -> axis.getTickLabelFormatter().toString(t.getValue())).toList())).as("whole orders from zero, never 1.0 or 0.5").containsExactly("0", "2", "4", "6", "8", "10");
        Tile fillRatio = driver.fx(() -> alice.dashboard().fillRatioTile());
        List<String> figures = driver.fx(() -> fillRatio.lookupAll("Text").stream()
                .filter(javafx.scene.Node::isVisible).map(n -> ((javafx.scene.text.Text) n).getText())
                .filter(t -> t != null && !t.isBlank()).toList());
        assertThat(figures).as("the fill ratio written once: the percentage, then the quantities")
                .doesNotHaveDuplicates().contains("of 105");
        double width = driver.fx(() -> alice.dashboard().getWidth());
        for (String id : List.of("#tilePnl", "#tileExposure", "#tileOrderRate", "#tileFillRatio")) {
            double tile = driver.fx(() -> alice.dashboard().lookup(id).getLayoutBounds().getWidth());
            assertThat(tile).as(id + " fills half the panel").isGreaterThan(width * 0.45);
        }
    }

    @Test
    void helpListsTheKeyboardShortcutsAsATable() {
        var table = driver.fx(() -> alice.shell().shortcutsTable());

        assertThat(driver.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("Keys", "Action", "Where");
        assertThat(driver.fx(() -> table.getItems().stream().map(Workstation.Shortcut::keys).toList()))
                .contains("F2", "F5", "F8", "F9", "Shift+F8", "Ctrl+S");
    }

    /** Text a label or cell shows cut short (its rendered text differs from its text), named with where. */
    static List<String> truncated(String where, Parent root) {
        List<String> cut = new ArrayList<>();
        collect(where, root, cut);
        return cut;
    }

    private static void collect(String where, Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()
                && labeled.getScene() != null && labeled.getWidth() > 0) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                String text = labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText();
                if (child instanceof Text shown && !shown.getText().equals(text)
                        && !labeled.getText().contains("\n")) {
                    cut.add(where + ": '" + labeled.getText() + "' shown as '" + shown.getText() + "' ("
                            + labeled.getClass().getSimpleName() + " " + labeled.getId() + ")");
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(where, child, cut);
            }
        }
    }

    private void shoot(Path file) throws Exception {
        driver.screenshot(alice.stage().getScene(), file);
        assertThat(Files.size(file)).as(file.getFileName().toString()).isGreaterThan(10_000);
    }

    private static Rectangle2D bounds(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    private Scene scene() {
        return alice.stage().getScene();
    }

    private String text(String selector) {
        return driver.fx(() -> ((Labeled) scene().lookup(selector)).getText());
    }

    private double sceneY(String selector) {
        return driver.fx(() -> {
            Node node = scene().lookup(selector);
            return node.localToScene(node.getLayoutBounds()).getMinY();
        });
    }

    @SuppressWarnings("unchecked")
    private void setText(String spinner, String text) {
        driver.fxRun(() -> ((Spinner<String>) scene().lookup(spinner)).getEditor().setText(text));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<OrderType> typeBox() {
        return (ComboBox<OrderType>) scene().lookup("#typeBox");
    }

    /** A trader's session whose market never arrives: the window stays as it is before its first snapshot. */
    private static final class SlowToConnect implements TradingSession {
        private final TradingSession session;
        final List<Command> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();

        SlowToConnect(TradingSession session) {
            this.session = session;
        }

        @Override
        public TraderIdentity trader() {
            return session.trader();
        }

        @Override
        public VenueMode mode() {
            return session.mode();
        }

        @Override
        public ConnectionState connectionState() {
            return session.connectionState();
        }

        @Override
        public List<Currency> currencies() {
            return session.currencies();
        }

        @Override
        public List<Instrument> instruments() {
            return session.instruments();
        }

        @Override
        public List<AccountView> accounts() {
            return session.accounts();
        }

        @Override
        public long newOrderId(long accountId) {
            return session.newOrderId(accountId);
        }

        @Override
        public long now() {
            return session.now();
        }

        @Override
        public boolean submit(Command command) {
            submitted.add(command);
            return false;
        }

        @Override
        public CompletableFuture<MarketSnapshot> connect(MarketFeed feed) {
            return new CompletableFuture<>();
        }

        @Override
        public long lastLatencyNanos() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
