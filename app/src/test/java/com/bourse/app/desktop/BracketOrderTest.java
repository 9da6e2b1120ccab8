package com.bourse.app.desktop;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.WorkingOrder;
import com.bourse.simulator.SimulatedMarket;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.OrderHistory;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.view.LadderView;
import com.bourse.ui.view.Workstation;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Brackets on one simulated market: a limit entry that, once filled, gets a take-profit target and a protective
 * stop cancelling each other — from the ticket (prices checked as typed, the send button naming all three) and from
 * the ladder (its bracket switch and offsets in ticks); the blotter names each leg after its entry and the ladder
 * marks where they work. Screenshots in both themes at 1440×900 and 1024×700.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BracketOrderTest {
    private static final long ALICE_EQUITIES = 1001;
    private Path home;
    private DesktopDriver driver;
    private Workstation alice;

    @BeforeAll
    void signInAlice() throws Exception {
        System.setProperty("testfx.setup.timeout", "120000");
        home = Files.createTempDirectory("bracket-orders");
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1", 90);
    }

    @AfterAll
    void stop() throws Exception {
        driver.stop();
    }

    @Test
    @Order(1)
    void aStopOnTheWrongSideOfTheEntryIsRefusedAtTheStopFieldAndNothingIsSent() throws Exception {
        Instrument asml = TradingScenes.instrument(alice, "ASML");
        long ask = driver.fx(() -> alice.context().desk().book(asml.id()).bestAsk());
        TradingScenes.fillTicket(driver, alice, "ASML", Side.BUY, "10", price(ask, asml));
        driver.fxRun(() -> alice.ticket().setBracket(true));
        type("#targetSpinner", price(ask + 20 * asml.tickSize(), asml));
        type("#stopSpinner", price(ask + 5 * asml.tickSize(), asml));

        driver.robot.clickOn(driver.fx(() -> scene().lookup("#sendButton")));

        assertThat(text("#stopError")).isEqualTo("A buy bracket's stop must be below its entry " + format(ask, asml));
        assertThat(driver.fx(() -> scene().lookup("#stopSpinner").getStyleClass())).contains("invalid");
        assertThat(text("#orderMessage")).isEqualTo("Nothing was sent: correct the marked fields");
        driver.settle();
        assertThat(driver.fx(() -> alice.context().desk().workingOrders())).isEmpty();
        List<WorkingOrder> inEngine = driver.desktop().host().venue().query(e -> e.workingOrders(ALICE_EQUITIES))
                .get(5, TimeUnit.SECONDS);
        assertThat(inEngine).isEmpty();
    }

    @Test
    @Order(2)
    void aBracketFromTheTicketWorksItsTargetAndStopOnceTheEntryFillsAndAFillAtTheTargetCancelsTheStop()
            throws Exception {
        Instrument asml = TradingScenes.instrument(alice, "ASML");
        long ask = driver.fx(() -> alice.context().desk().book(asml.id()).bestAsk());
        long target = ask + 20 * asml.tickSize();
        long stop = ask - 10 * asml.tickSize();
        TradingScenes.fillTicket(driver, alice, "ASML", Side.BUY, "10", price(ask, asml));
        driver.fxRun(() -> alice.ticket().setBracket(true));
        type("#targetSpinner", price(target, asml));
        type("#stopSpinner", price(stop, asml));

        assertThat(driver.fx(() -> ((Button) scene().lookup("#sendButton")).getText())).isEqualTo("Buy 10 ASML @ "
                + format(ask, asml) + ", target " + format(target, asml) + ", stop " + format(stop, asml));
        // 20 ticks on 10 shares made, 10 ticks lost, in the instrument's currency
        int digits = driver.fx(() -> alice.context().desk().digits(asml.currency()));
        assertThat(text("#bracketSummary")).isEqualTo("Target +20 ticks: +" + money(200 * asml.tickSize(), asml,
                digits) + "\nStop −10 ticks: −" + money(100 * asml.tickSize(), asml, digits) + "\nReward/risk 2.0");
        shoot("bracket-ticket", alice.stage().getScene());

        driver.fxRun(() -> alice.ticket().send());
        // the entry buys at the makers' offer at once: then its target and stop work, named after it
        driver.waitUntil(() -> rows().size() == 2 && rows().stream().allMatch(r -> r.ocoPeerId() != 0), 10);
        long entry = driver.fx(() -> alice.context().desk().fills().getFirst().orderId());
        assertThat(rows()).extracting(OrderRow::side, OrderRow::type, OrderRow::priceUnits, OrderRow::leaves,
                this::link).containsExactlyInAnyOrder(
                tuple(Side.SELL, OrderType.LIMIT, target, 10L, "Bracket " + entry + " · target"),
                tuple(Side.SELL, OrderType.STOP, 0L, 10L, "Bracket " + entry + " · stop"));
        assertThat(rows().stream().filter(r -> r.type() == OrderType.STOP).findFirst().orElseThrow().stopPrice())
                .isEqualByComparingTo(Decimals.of(stop, asml.priceScale()));
        driver.waitUntil(() -> text("#orderStatus").equals("Entry filled: its target and stop are working"), 5);
        assertThat(driver.fx(() -> alice.context().desk().ladderMarks(asml.id()))).contains(
                new DeskState.LadderMark(Side.SELL, target, 10, DeskState.LadderMark.Kind.TARGET),
                new DeskState.LadderMark(Side.SELL, stop, 10, DeskState.LadderMark.Kind.STOP));
        TableView<OrderRow> table = alice.workingOrders().table();
        assertThat(driver.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .contains("Bracket / OCO");
        shoot("bracket-legs", alice.stage().getScene());

        // the makers step away; the order flow buys 10 at the target: the target fills, the stop is cancelled
        SimulatedMarket market = driver.desktop().host().data().simulatedMarket();
        var venue = driver.desktop().host().venue();
        venue.submit(new Command.MassCancel(System.currentTimeMillis(), market.makerUser(), market.makerAccount(),
                asml.id()));
        venue.submit(new Command.PlaceOrder(System.currentTimeMillis(), market.flowUser(),
                driver.desktop().host().newOrderId(market.flowAccount()), market.flowAccount(), asml.id(), Side.BUY,
                OrderType.LIMIT, TimeInForce.IOC, target, 0, 10, 0, false));
        driver.waitUntil(() -> rows().isEmpty(), 10);
        assertThat(driver.fx(() -> alice.context().desk().fills().getFirst()))
                .extracting(f -> f.side(), f -> f.quantity(), f -> f.price())
                .containsExactly(Side.SELL, 10L, Decimals.of(target, asml.priceScale()));
        long stopId = driver.fx(() -> alice.context().desk().bracketOf(ALICE_EQUITIES, entry).stopId());
        List<OrderHistory.Step> stopSteps = driver.fx(() -> alice.context().desk().history()
                .of(ALICE_EQUITIES, stopId));
        assertThat(stopSteps.getLast().detail()).isEqualTo("10 open: " + CancelReason.OCO_FILLED.description());
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void aClickOnTheLadderWithItsBracketSwitchOnSendsABracketWhoseLegsTheLadderMarksOnceTheyWork() {
        Instrument air = TradingScenes.instrument(alice, "AIR");
        LadderView ladder = alice.ladder().ladder();
        driver.fxRun(() -> {
            alice.context().instrumentProperty().set(air);
            alice.ladder().bracketSwitch().setSelected(true);
            ((Spinner<Integer>) scene().lookup("#ladder-targetTicks")).getValueFactory().setValue(6);
            ((Spinner<Integer>) scene().lookup("#ladder-stopTicks")).getValueFactory().setValue(4);
            ladder.clickQuantityProperty().set(25);
            ladder.centreOnMarket();
        });
        driver.settle();
        long ask = driver.fx(() -> alice.context().desk().book(air.id()).bestAsk());

        // the bid column at the offer's row: buy 25 at the offer, which fills at once
        Point2D cell = driver.fx(() -> ladder.localToScreen(ladder.columnCentreX(LadderView.Column.BIDS),
                ladder.rowCentreY(ask)));
        driver.robot.clickOn(cell);

        driver.waitUntil(() -> rows().size() == 2 && rows().stream().allMatch(r -> r.ocoPeerId() != 0), 10);
        long target = ask + 6 * air.tickSize();
        long stop = ask - 4 * air.tickSize();
        assertThat(rows()).extracting(OrderRow::type, OrderRow::leaves, r -> link(r).replaceAll("\\d+", "N"))
                .containsExactlyInAnyOrder(tuple(OrderType.LIMIT, 25L, "Bracket N · target"),
                        tuple(OrderType.STOP, 25L, "Bracket N · stop"));
        assertThat(driver.fx(() -> alice.context().desk().ladderMarks(air.id()))).containsExactlyInAnyOrder(
                new DeskState.LadderMark(Side.SELL, target, 25, DeskState.LadderMark.Kind.TARGET),
                new DeskState.LadderMark(Side.SELL, stop, 25, DeskState.LadderMark.Kind.STOP));

        // a bracket resting below the market: its entry names the legs it will get, the ladder marks them faintly;
        // cancelled before it fills, nothing of it is left
        long bid = driver.fx(() -> alice.context().desk().book(air.id()).bestBid());
        long resting = driver.fx(() -> ladder.placeBracketAt(Side.BUY, bid - 3 * air.tickSize()));
        driver.waitUntil(() -> rows().size() == 3, 10);
        OrderRow entry = rows().stream().filter(r -> r.orderId() == resting).findFirst().orElseThrow();
        assertThat(link(entry)).isEqualTo("Entry · target "
                + format(bid + 3 * air.tickSize(), air) + ", stop " + format(bid - 7 * air.tickSize(), air));
        assertThat(driver.fx(() -> alice.context().desk().ladderMarks(air.id()))).contains(
                new DeskState.LadderMark(Side.SELL, bid + 3 * air.tickSize(), 25, DeskState.LadderMark.Kind.PENDING_TARGET),
                new DeskState.LadderMark(Side.SELL, bid - 7 * air.tickSize(), 25, DeskState.LadderMark.Kind.PENDING_STOP));
        driver.fxRun(ladder::centreOnMarket);
        screenshotsAtBothSizesAndThemes();

        driver.fxRun(() -> alice.context().entry().cancel(entry));
        driver.waitUntil(() -> rows().size() == 2, 10);
        driver.settle();
        assertThat(rows()).noneMatch(r -> r.orderId() == resting || r.priceUnits() == bid + 3 * air.tickSize());
        assertThat(driver.fx(() -> alice.context().desk().history().of(ALICE_EQUITIES, resting).getLast().detail()))
                .isEqualTo("nothing filled, so its target and stop are not entered");
    }

    @Test
    @Order(4)
    void aWindowOpenedAfterTheBracketWasSentNamesItsLegsAndPendingLegsAsTheSendingWindowDoes() {
        // Given a bracket's target and stop working (the ladder's, above) and another bracket resting below the market
        Instrument air = TradingScenes.instrument(alice, "AIR");
        LadderView ladder = alice.ladder().ladder();
        driver.fxRun(() -> alice.context().instrumentProperty().set(air));
        long bid = driver.fx(() -> alice.context().desk().book(air.id()).bestBid());
        long resting = driver.fx(() -> ladder.placeBracketAt(Side.BUY, bid - 3 * air.tickSize()));
        driver.waitUntil(() -> rows().stream().anyMatch(r -> r.orderId() == resting && r.isWorking()), 10);
        java.util.Map<Long, String> sendersLinks = links(alice);
        assertThat(sendersLinks.values()).anyMatch(l -> l.startsWith("Entry · target"))
                .anyMatch(l -> l.endsWith(" · target")).anyMatch(l -> l.endsWith(" · stop"));
        List<DeskState.LadderMark> sendersMarks = driver.fx(() -> alice.context().desk().ladderMarks(air.id()));

        // When she opens a second window
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        Workstation later = driver.signIn("alice", "alice-training-1", 120);
        try {
            driver.waitUntil(() -> driver.fx(() -> later.context().desk().workingOrders().stream()
                    .filter(OrderRow::isWorking).count()) == sendersLinks.size(), 30);

            // Then its Bracket / OCO column and its ladder's marks (the resting entry's pending legs too) are the
            // sending window's, from the engine's working orders
            assertThat(links(later)).isEqualTo(sendersLinks);
            assertThat(driver.fx(() -> later.context().desk().ladderMarks(air.id())))
                    .containsExactlyInAnyOrderElementsOf(sendersMarks)
                    .contains(new DeskState.LadderMark(Side.SELL, bid + 3 * air.tickSize(), 25,
                            DeskState.LadderMark.Kind.PENDING_TARGET));
        } finally {
            driver.fxRun(later::close);
        }
        driver.fxRun(() -> alice.context().entry().cancel(rows().stream().filter(r -> r.orderId() == resting)
                .findFirst().orElseThrow()));
        driver.waitUntil(() -> rows().stream().noneMatch(r -> r.orderId() == resting && r.isWorking()), 10);
    }

    @Test
    @Order(5)
    void aBracketAboveTheConfirmationThresholdAsksNamingItsEntryTargetAndStopAndWhatEachMakesOrLoses()
            throws Exception {
        // Given a bracket on 100 ASML, about 68,000 EUR: above the 50,000 EUR confirmation threshold
        Instrument asml = TradingScenes.instrument(alice, "ASML");
        driver.fxRun(() -> alice.context().instrumentProperty().set(asml));
        long entry = asml.referencePrice(); // the makers stepped away from ASML above: its book may be empty
        long target = entry + 20 * asml.tickSize();
        long stop = entry - 10 * asml.tickSize();
        int digits = driver.fx(() -> alice.context().desk().digits(asml.currency()));
        TradingScenes.fillTicket(driver, alice, "ASML", Side.BUY, "100", price(entry, asml));
        driver.fxRun(() -> alice.ticket().setBracket(true));
        type("#targetSpinner", price(target, asml));
        type("#stopSpinner", price(stop, asml));

        // When she sends it
        javafx.application.Platform.runLater(() -> alice.ticket().send());
        driver.waitUntil(() -> TradingScenes.showingDialog() != null || !text("#orderMessage").isEmpty(), 10);
        assertThat(text("#orderMessage")).as("the ticket's message; send button: %s, errors: %s %s %s %s",
                driver.fx(() -> ((Button) scene().lookup("#sendButton")).getText()), text("#quantityError"),
                text("#priceError"), text("#targetError"), text("#stopError")).isEmpty();
        DialogPane dialog = TradingScenes.awaitDialog(driver);

        // Then the question names the entry, the target and the stop, each with its quantity and price, and what
        // the bracket makes at the target and loses at the stop, as the ticket's summary does
        String question = driver.fx(dialog::getContentText);
        assertThat(question).startsWith("Bracket: buy 100 ASML @ " + format(entry, asml) + ", worth "
                + money(100 * entry, asml, digits) + ".").contains(
                "\nTarget: sell 100 ASML @ " + format(target, asml) + ", +20 ticks: +"
                        + money(2000 * asml.tickSize(), asml, digits),
                "\nStop: sell 100 ASML at market on stop " + format(stop, asml) + ", −10 ticks: −"
                        + money(1000 * asml.tickSize(), asml, digits),
                "\nReward/risk 2.0");
        driver.screenshot(driver.fx(dialog::getScene), DesktopDriver.screenshotFolder()
                .resolve("bracket-confirmation.png"));

        // and declined, nothing is sent
        driver.fxRun(() -> ((Button) dialog.lookupButton(ButtonType.CANCEL)).fire());
        assertThat(text("#orderMessage")).isEqualTo("Not sent: confirmation declined");
        driver.settle();
        assertThat(rows()).noneMatch(r -> r.instrumentId() == asml.id());
        List<WorkingOrder> inEngine = driver.desktop().host().venue().query(e -> e.workingOrders(ALICE_EQUITIES))
                .get(5, TimeUnit.SECONDS);
        assertThat(inEngine).noneMatch(o -> o.instrumentId() == asml.id());
    }

    /** Each working order's Bracket / OCO text in a window, by order id. */
    private java.util.Map<Long, String> links(Workstation window) {
        return driver.fx(() -> {
            java.util.Map<Long, String> links = new java.util.TreeMap<>();
            for (OrderRow row : window.context().desk().workingOrders()) {
                if (row.isWorking()) {
                    links.put(row.orderId(), window.context().desk().linkOf(row));
                }
            }
            return links;
        });
    }

    /**
     * Screenshots of the whole window at 1440×900 and 1024×700 in both themes; no text may be cut short, and at
     * either size the blotter's Bracket / OCO cells are in view beside the ticket.
     */
    private void screenshotsAtBothSizesAndThemes() {
        List<String> cut = new java.util.ArrayList<>();
        List<String> outOfView = new java.util.ArrayList<>();
        Path small = DesktopDriver.repositoryFolder("app/target/screenshots-1024");
        for (double[] size : new double[][]{{1440, 900}, {1024, 700}}) {
            Path to = size[0] == 1440 ? DesktopDriver.screenshotFolder() : small;
            driver.fxRun(() -> {
                alice.stage().setX(0);
                alice.stage().setY(0);
                alice.stage().setWidth(size[0]);
                alice.stage().setHeight(size[1]);
            });
            for (Theme theme : Theme.values()) {
                driver.fxRun(() -> alice.context().themes().setTheme(theme));
                driver.settle();
                try {
                    Files.createDirectories(to);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                driver.screenshot(driver.fx(() -> alice.stage().getScene()),
                        to.resolve("bracket-ladder-" + theme.id() + ".png"));
                cut.addAll(driver.fx(() -> TicketAndLayoutTest.truncated("bracket " + (int) size[0] + " "
                        + theme.id(), alice.stage().getScene().getRoot())));
                outOfView.addAll(driver.fx(() -> linkCellsOutOfView((int) size[0] + " " + theme.id())));
            }
        }
        driver.fxRun(() -> alice.context().themes().setTheme(Theme.DARK));
        assertThat(cut).as("text shown cut short").isEmpty();
        assertThat(outOfView).as("Bracket / OCO cells beyond the blotter's visible width").isEmpty();
    }

    /**
     * Each working order with a Bracket / OCO text whose cell is not drawn within the blotter's visible width (with
     * the table scrolled to its left edge), or not drawn at all. FX thread.
     */
    private List<String> linkCellsOutOfView(String where) {
        TableView<OrderRow> table = alice.workingOrders().table();
        double visibleRight = Math.min(table.localToScene(table.getLayoutBounds()).getMaxX(),
                alice.stage().getScene().getWidth());
        java.util.Set<String> drawn = new java.util.HashSet<>();
        List<String> out = new java.util.ArrayList<>();
        for (javafx.scene.Node node : table.lookupAll(".table-cell")) {
            if (node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.isVisible()
                    && cell.getTableColumn() != null && "oco".equals(cell.getTableColumn().getId())
                    && cell.getText() != null && !cell.getText().isBlank()) {
                drawn.add(cell.getText());
                double right = cell.localToScene(cell.getLayoutBounds()).getMaxX();
                if (right > visibleRight) {
                    out.add(where + ": '" + cell.getText() + "' ends at x " + right + ", the blotter at " + visibleRight);
                }
            }
        }
        for (OrderRow row : alice.context().desk().workingOrders()) {
            String link = alice.context().desk().linkOf(row);
            if (!link.isEmpty() && !drawn.contains(link)) {
                out.add(where + ": '" + link + "' (order " + row.orderId() + ") not drawn");
            }
        }
        return out;
    }

    private void shoot(String name, Scene scene) {
        driver.screenshot(scene, DesktopDriver.screenshotFolder().resolve(name + ".png"));
    }

    private List<OrderRow> rows() {
        return driver.fx(() -> List.copyOf(alice.context().desk().workingOrders()));
    }

    private String link(OrderRow row) {
        return driver.fx(() -> alice.context().desk().linkOf(row));
    }

    private Scene scene() {
        return alice.stage().getScene();
    }

    private String text(String selector) {
        return driver.fx(() -> ((Label) scene().lookup(selector)).getText());
    }

    @SuppressWarnings("unchecked")
    private void type(String selector, String text) {
        driver.fxRun(() -> ((Spinner<String>) scene().lookup(selector)).getEditor().setText(text));
    }

    private static String money(long priceUnitsTimesQuantity, Instrument i, int digits) {
        return Decimals.format(Decimals.of(priceUnitsTimesQuantity, i.priceScale()), digits) + " " + i.currency();
    }

    private static String price(long units, Instrument i) {
        return Decimals.plain(units, i.priceScale());
    }

    private static String format(long units, Instrument i) {
        return Decimals.format(units, i.priceScale());
    }
}
