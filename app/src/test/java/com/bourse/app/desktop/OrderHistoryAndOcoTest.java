package com.bourse.app.desktop;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.OrderHistory;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.view.Workstation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working-orders blotter shows a refused order as REJECTED with the venue's reason; an order's history lists
 * every step of it with its time, those from before the window opened too (read from the store, a stop's moved
 * trigger with them); an OCO exit from
 * the ticket works as two linked orders (the blotter's OCO column) and cancelling one leg ends the pair; an OCO leg
 * the engine refuses is listed as REJECTED, in a window opened later too.
 *
 * <p>One desktop for the class (a start is the slow part on a loaded machine); each spec starts from an empty
 * blotter and waits on conditions, never on time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderHistoryAndOcoTest {
    /** A wait for the venue's answer on a loaded two-core machine: generous, it only matters when it fails. */
    private static final int ANSWER_SECONDS = 60;
    private DesktopDriver driver;
    private Workstation alice;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        // the desktop's first start in a test JVM takes well over TestFX's default on a loaded machine
        System.setProperty("testfx.setup.timeout", "120000");
        driver = new DesktopDriver(home);
        driver.start();
        alice = driver.signIn("alice", "alice-training-1", 120);
    }

    @AfterAll
    void stop() throws Exception {
        driver.stop();
    }

    /** Each spec starts with no dialog open and nothing in the blotter: every order cancelled, every refusal dismissed. */
    @BeforeEach
    void emptyBlotter() {
        TradingScenes.closeDialog(driver);
        driver.fxRun(() -> {
            alice.cancelAll();
            List.copyOf(alice.context().desk().workingOrders()).stream().filter(r -> !r.isWorking())
                    .forEach(alice.context().desk()::dismiss);
        });
        driver.waitUntil(() -> alice.context().desk().workingOrders().isEmpty(), ANSWER_SECONDS);
    }

    private Instrument asml() {
        return TradingScenes.instrument(alice, "ASML");
    }

    private List<OrderRow> rows() {
        return driver.fx(() -> List.copyOf(alice.context().desk().workingOrders()));
    }

    /**
     * A bid price 9% under ASML's reference: inside its 10% band, and far below where the simulated market trades,
     * so nothing fills it while a spec runs (40 ticks under the touch did, now and then, on a slow machine).
     */
    private long farBid(Instrument asml) {
        return asml.referencePrice() * 91 / 100 / asml.tickSize() * asml.tickSize();
    }

    /** A sell stop of alice's ASML through her window's session (the ticket's path for a STOP order). */
    private long sellStop(Instrument asml, long trigger, long quantity) {
        long id = driver.fx(() -> {
            TradingSession session = alice.context().session();
            long orderId = session.newOrderId(1001);
            alice.context().inbox().expectOrder(orderId);
            session.submit(new Command.PlaceOrder(session.now(), session.trader().userId(), orderId, 1001, asml.id(),
                    Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, trigger, quantity, 0, false));
            return orderId;
        });
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream().anyMatch(r -> r.orderId() == id),
                ANSWER_SECONDS);
        return id;
    }

    @Test
    void aRefusedOrderShowsInTheBlotterAsRejectedWithTheVenuesReasonUntilDismissed() {
        // alice holds 200 ASML: selling 300 is refused by the engine, not by the ticket (the ladder's path)
        long mid = driver.fx(() -> alice.context().desk().book(asml().id()).centrePrice());
        long orderId = driver.fx(() -> alice.context().entry().placeLimit(1001, asml(), Side.SELL, mid, 300));
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream().anyMatch(r -> r.orderId() == orderId),
                ANSWER_SECONDS);

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
        assertThat(rows()).as("cancel on a refused row dismisses it").isEmpty();
    }

    @Test
    void anOrdersHistoryListsEveryStepWithItsTimeFromAcceptedToCancelledAndWhy() {
        Instrument asml = asml();
        long bid = farBid(asml);
        long orderId = driver.fx(() -> alice.context().entry().placeLimit(1001, asml, Side.BUY, bid, 3));
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, ANSWER_SECONDS);
        OrderRow row = rows().getFirst();
        assertThat(row.orderId()).isEqualTo(orderId);
        driver.fxRun(() -> alice.context().entry().amend(row, bid - asml.tickSize(), 5));
        driver.waitUntil(() -> alice.context().desk().workingOrders().getFirst().quantity() == 5, ANSWER_SECONDS);
        driver.fxRun(() -> alice.context().entry().cancel(rows().getFirst()));
        driver.waitUntil(() -> alice.context().desk().workingOrders().isEmpty(), ANSWER_SECONDS);

        List<OrderHistory.Step> steps = driver.fx(() -> alice.context().desk().history().of(1001, orderId));
        assertThat(steps).extracting(OrderHistory.Step::event).containsExactly("Accepted", "Amended", "Cancelled");
        assertThat(steps.get(0).detail()).isEqualTo("Buy 3 ASML LIMIT at " + Decimals.format(bid, 2) + " GTC");
        assertThat(steps.get(1).detail()).isEqualTo("price " + Decimals.format(bid - asml.tickSize(), 2)
                + ", open quantity 5 (lost its place)");
        assertThat(steps.get(2).detail()).isEqualTo("5 open: " + CancelReason.USER_REQUEST.description());

        // the same history, from the blotter: an order still working, selected, History
        long working = driver.fx(() -> alice.context().entry().placeLimit(1001, asml, Side.BUY, bid, 2));
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, ANSWER_SECONDS);
        TradingScenes.HistoryView view = TradingScenes.orderHistory(driver, alice, working);
        @SuppressWarnings("unchecked")
        TableView<OrderHistory.Step> table = driver.fx(() -> (TableView<OrderHistory.Step>) view.dialog()
                .lookup("#orderHistory"));
        assertThat(driver.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("Time", "Event", "Detail");
        assertThat(view.steps()).extracting(OrderHistory.Step::event).containsExactly("Accepted");
        assertThat(driver.fx(view::header)).isEqualTo("Order " + working + " of account 1001: 1 step");
        driver.screenshot(driver.fx(() -> view.dialog().getScene()),
                DesktopDriver.screenshotFolder().resolve("order-history-dialog.png"));
    }

    @Test
    void aWindowOpenedLaterShowsAnOrdersStepsFromBeforeItOpenedThenWhatItHearsAndTheRefusedLegOfAnOcoExit() {
        // Given a bid alice amended, a stop whose trigger she moved, and an OCO exit whose stop the engine refused
        // (off its tick), in her first window
        Instrument asml = asml();
        long bid = farBid(asml);
        long bidId = driver.fx(() -> alice.context().entry().placeLimit(1001, asml, Side.BUY, bid, 3));
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 1, ANSWER_SECONDS);
        driver.fxRun(() -> alice.context().entry().amend(rows().getFirst(), bid - asml.tickSize(), 5));
        driver.waitUntil(() -> alice.context().desk().workingOrders().getFirst().quantity() == 5, ANSWER_SECONDS);
        long stopLossId = sellStop(asml, bid, 4);
        long movedTrigger = bid - 2 * asml.tickSize();
        driver.fxRun(() -> {
            TradingSession session = alice.context().session();
            session.submit(new Command.ReplaceOrder(session.now(), session.trader().userId(), stopLossId, 1001, 0,
                    movedTrigger, 4));
        });
        driver.waitUntil(() -> alice.context().desk().history().of(1001, stopLossId).stream()
                .anyMatch(st -> st.event().equals("Amended")), ANSWER_SECONDS);
        long offTickStop = driver.fx(() -> alice.context().desk().book(asml.id()).bestBid()) - 10 * asml.tickSize()
                - asml.tickSize() / 2;
        long target = driver.fx(() -> alice.context().entry().placeOco(1001, asml, Side.SELL, TimeInForce.GTC, 5,
                asml.referencePrice() * 109 / 100 / asml.tickSize() * asml.tickSize(), offTickStop));
        long stop = target + 1;
        driver.waitUntil(() -> alice.context().desk().workingOrders().stream()
                .anyMatch(r -> r.orderId() == stop && !r.isWorking())
                && alice.context().desk().history().of(1001, target).stream()
                .anyMatch(s -> s.event().equals("Cancelled")), ANSWER_SECONDS);
        List<OrderHistory.Step> bidSteps = driver.fx(() -> alice.context().desk().history().of(1001, bidId));
        List<OrderHistory.Step> stopLossSteps = driver.fx(() -> alice.context().desk().history()
                .of(1001, stopLossId));
        assertThat(stopLossSteps.getLast().detail()).isEqualTo("stop " + Decimals.format(movedTrigger, 2)
                + ", open quantity 4 (lost its place)");
        List<OrderHistory.Step> stopSteps = driver.fx(() -> alice.context().desk().history().of(1001, stop));
        assertThat(stopSteps).extracting(OrderHistory.Step::event, OrderHistory.Step::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Rejected", ErrorCode.OFF_TICK_PRICE.description()));

        // When she opens a second window
        driver.fxRun(() -> driver.desktop().showAnotherSignIn());
        Workstation later = driver.signIn("alice", "alice-training-1", 120);
        try {
            driver.waitUntil(() -> later.context().desk().workingOrders().size() == 3, ANSWER_SECONDS);

            // Then it lists the refused stop as REJECTED with the engine's reason, and the bid's history there reads
            // as in the first window: what the store kept from before it opened
            OrderRow refusedStop = driver.fx(() -> later.context().desk().workingOrders().stream()
                    .filter(r -> r.orderId() == stop).findFirst().orElseThrow());
            assertThat(refusedStop.status()).isEqualTo(OrderRow.REJECTED);
            assertThat(refusedStop.reason()).isEqualTo(ErrorCode.OFF_TICK_PRICE.description());
            assertThat(refusedStop.type()).isEqualTo(com.bourse.protocol.OrderType.STOP);
            assertThat(driver.fx(() -> later.context().desk().history().of(1001, bidId))).as("heard in it").isEmpty();
            assertThat(TradingScenes.orderHistory(driver, later, bidId).steps())
                    .extracting(OrderHistory.Step::event, OrderHistory.Step::detail)
                    .containsExactlyElementsOf(bidSteps.stream()
                            .map(st -> org.assertj.core.groups.Tuple.tuple(st.event(), st.detail())).toList());
            TradingScenes.closeDialog(driver);
            // the stop's amendment read back from the store names its new trigger, as the first window heard it
            assertThat(TradingScenes.orderHistory(driver, later, stopLossId).steps())
                    .extracting(OrderHistory.Step::event, OrderHistory.Step::detail)
                    .containsExactlyElementsOf(stopLossSteps.stream()
                            .map(st -> org.assertj.core.groups.Tuple.tuple(st.event(), st.detail())).toList());
            TradingScenes.closeDialog(driver);
            assertThat(TradingScenes.orderHistory(driver, later, stop).steps())
                    .extracting(OrderHistory.Step::event, OrderHistory.Step::detail)
                    .containsExactlyElementsOf(stopSteps.stream()
                            .map(st -> org.assertj.core.groups.Tuple.tuple(st.event(), st.detail())).toList());
            TradingScenes.closeDialog(driver);

            // and what it hears next follows, once: the bid cancelled from the first window
            driver.fxRun(() -> alice.context().entry().cancel(rows().stream().filter(r -> r.orderId() == bidId)
                    .findFirst().orElseThrow()));
            driver.waitUntil(() -> later.context().desk().workingOrders().stream().noneMatch(r -> r.orderId() == bidId),
                    ANSWER_SECONDS);
            assertThat(driver.fx(() -> later.context().desk().history().of(1001, bidId)))
                    .extracting(OrderHistory.Step::event).containsExactly("Cancelled");
        } finally {
            driver.fxRun(later::close);
        }
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
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 2
                && alice.context().desk().workingOrders().stream().allMatch(r -> r.ocoPeerId() != 0), ANSWER_SECONDS);

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
        driver.waitUntil(() -> alice.context().desk().workingOrders().isEmpty(), ANSWER_SECONDS);
        List<OrderHistory.Step> stopSteps = driver.fx(() -> alice.context().desk().history()
                .of(1001, legs.get(1).orderId()));
        assertThat(stopSteps.getLast().detail()).isEqualTo("10 open: " + CancelReason.OCO_CANCELLED.description());
    }

    @Test
    void aShiftClickOnTheLadderSendsAnOcoExitWithItsStopAsFarBelowTheMarketAsTheTargetIsAbove() {
        Instrument asml = asml();
        driver.fxRun(() -> alice.context().instrumentProperty().set(asml));
        // The last price and the ladder's click read in one step on the FX thread: no trade falls between them.
        long[] lastAndId = driver.fx(() -> {
            long mark = alice.context().desk().markPrice(asml);
            return new long[]{mark, alice.ladder().ladder().placeOcoAt(Side.SELL, mark + 30 * asml.tickSize())};
        });
        long last = lastAndId[0];
        long target = last + 30 * asml.tickSize();
        long id = lastAndId[1];
        driver.waitUntil(() -> alice.context().desk().workingOrders().size() == 2
                && alice.context().desk().workingOrders().stream().allMatch(r -> r.ocoPeerId() != 0), ANSWER_SECONDS);

        assertThat(id).isPositive();
        assertThat(rows()).extracting(OrderRow::priceUnits, OrderRow::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(target, com.bourse.protocol.OrderType.LIMIT),
                org.assertj.core.groups.Tuple.tuple(0L, com.bourse.protocol.OrderType.STOP));
        assertThat(rows().get(1).stopPrice()).isEqualByComparingTo(
                Decimals.of(last - 30 * asml.tickSize(), asml.priceScale()));
        long below = driver.fx(() -> alice.ladder().ladder().placeOcoAt(Side.SELL,
                alice.context().desk().markPrice(asml) - asml.tickSize()));
        assertThat(below).as("a sell exit's target below the market is refused as typed").isEqualTo(-1);
        assertThat(driver.fx(() -> alice.context().desk().messageProperty().get())).startsWith("Ladder OCO not sent: ");
    }
}
