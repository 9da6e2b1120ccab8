package com.bourse.backoffice.store;

import com.bourse.protocol.Command;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import com.bourse.protocol.SurveillanceRule;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the back office sees after the engine's events are projected. */
class ProjectionTest {
    static final long ALICE = TradingWorkload.traderId(0);
    static final long BOB = TradingWorkload.traderId(1);
    static final long ALICE_ACCOUNT = TradingWorkload.accountId(0);
    static final long BOB_ACCOUNT = TradingWorkload.accountId(1);
    static final long ASML = 1;
    static final long MORNING = TradingWorkload.START; // 2026-11-02T08:00Z
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    // Order ids are the client's; the engine refuses an id another live order already uses, so Bob's start at 101.
    @TempDir
    Path dir;
    DeskFixture desk;
    OrderRepository orders;

    @BeforeEach
    void openDeskWithTwoFundedTraders() {
        desk = DeskFixture.open(dir);
        desk.run(new TradingWorkload(1, 2, 1, 0).setup());
        orders = new OrderRepository(desk.store);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void partlyFilledThenCancelledOrderShowsEveryStepOfItsLife() {
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 10),
                Command.PlaceOrder.limit(MORNING + 1_000, BOB, 101, BOB_ACCOUNT, ASML, Side.SELL, 68450, 4),
                new Command.CancelOrder(MORNING + 2_000, ALICE, 1));
        desk.awaitProjected();

        List<OrderLine> blotter = orders.blotter(ALICE_ACCOUNT, DAY, Page.first(50));
        assertThat(blotter).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(o.filledQuantity()).isEqualTo(4);
            assertThat(o.leaves()).isZero();
            assertThat(o.enteredAt()).isEqualTo(Instant.ofEpochMilli(MORNING));
            assertThat(o.updatedAt()).isEqualTo(Instant.ofEpochMilli(MORNING + 2_000));
        });
        assertThat(orders.history(blotter.getFirst().entrySeq()))
                .extracting(OrderEventLine::kind, OrderEventLine::quantity, OrderEventLine::leaves)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ACCEPTED", 10L, 10L),
                        org.assertj.core.groups.Tuple.tuple("FILL", 4L, 6L),
                        org.assertj.core.groups.Tuple.tuple("CANCELLED", 6L, 0L));
    }

    @Test
    void orderRefusedAtEntryIsOnTheBlotterWithItsReason() {
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 7, ALICE_ACCOUNT, ASML, Side.BUY, 68455, 10));
        desk.awaitProjected();

        assertThat(orders.blotter(ALICE_ACCOUNT, DAY, Page.first(10))).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.reason()).isEqualTo("OFF_TICK_PRICE");
            assertThat(o.leaves()).isZero();
        });
        long entry = orders.blotter(ALICE_ACCOUNT, DAY, Page.first(10)).getFirst().entrySeq();
        assertThat(orders.history(entry))
                .extracting(OrderEventLine::kind, OrderEventLine::price, OrderEventLine::quantity,
                        OrderEventLine::leaves, OrderEventLine::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REJECTED", 68455L, 10L, 0L, "OFF_TICK_PRICE"));
    }

    @Test
    void anOcoPairRefusedForItsShapeListsBothOrdersAsRefusedAtEntryWithTheEnginesReason() {
        // a buy pair's target must be below its stop: the engine refuses the pair whole, naming each order
        desk.run(Command.PlaceOco.pair(MORNING, ALICE, ALICE_ACCOUNT, ASML, Side.BUY, 10, 21, 68500, 22, 68400));
        desk.awaitProjected();

        assertThat(orders.refusedAtEntry(ALICE_ACCOUNT, DAY, 50))
                .extracting(OrderLine::orderId, OrderLine::orderType, OrderLine::status, OrderLine::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(21L, "LIMIT", OrderStatus.REJECTED, "INVALID_PRICE"),
                        org.assertj.core.groups.Tuple.tuple(22L, "STOP", OrderStatus.REJECTED, "INVALID_PRICE"));
        for (OrderLine leg : orders.refusedAtEntry(ALICE_ACCOUNT, DAY, 50)) {
            assertThat(orders.history(leg.entrySeq())).extracting(OrderEventLine::kind, OrderEventLine::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("REJECTED", "INVALID_PRICE"));
        }
    }

    @Test
    void anOcoStopThePreTradeChecksRefuseIsRefusedAtEntryAndItsAcceptedTargetEndsAsOcoCancelled() {
        desk.run(Command.PlaceOco.pair(MORNING, ALICE, ALICE_ACCOUNT, ASML, Side.BUY, 10, 31, 68400, 32, 68505));
        desk.awaitProjected();

        assertThat(orders.refusedAtEntry(ALICE_ACCOUNT, DAY, 50)).singleElement().satisfies(stop -> {
            assertThat(stop.orderId()).isEqualTo(32);
            assertThat(stop.stopPrice()).isEqualTo(68505);
            assertThat(stop.reason()).isEqualTo("OFF_TICK_PRICE");
        });
        OrderLine target = orders.byOrderId(ALICE_ACCOUNT, 31).orElseThrow();
        assertThat(orders.history(target.entrySeq())).extracting(OrderEventLine::kind, OrderEventLine::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACCEPTED", null),
                        org.assertj.core.groups.Tuple.tuple("CANCELLED", "OCO_CANCELLED"));
        assertThat(orders.refusedAtEntry(ALICE_ACCOUNT, DAY.plusDays(1), 50)).as("another day's").isEmpty();
    }

    @Test
    void repricedRestingOrderKeepsTheTermsItWasAcceptedOnAndShowsTheFillOfTheSellerWhoHitIt() {
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 10),
                new Command.ReplaceOrder(MORNING + 1_000, ALICE, 1, 68400, 8),
                Command.PlaceOrder.limit(MORNING + 2_000, BOB, 101, BOB_ACCOUNT, ASML, Side.SELL, 68400, 3));
        desk.awaitProjected();

        OrderLine order = orders.blotter(ALICE_ACCOUNT, DAY, Page.first(10)).getFirst();
        assertThat(order.price()).isEqualTo(68400);
        assertThat(orders.history(order.entrySeq()))
                .extracting(OrderEventLine::kind, OrderEventLine::price, OrderEventLine::quantity,
                        OrderEventLine::leaves, OrderEventLine::actingUserId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ACCEPTED", 68450L, 10L, 10L, ALICE),
                        org.assertj.core.groups.Tuple.tuple("REPLACED", 68400L, 8L, 8L, ALICE),
                        org.assertj.core.groups.Tuple.tuple("FILL", 68400L, 3L, 5L, BOB));
        assertThat(orders.history(order.entrySeq()).getLast().tradeId()).isNotNull();
    }

    @Test
    void aStopOrdersAmendmentStepKeepsItsNewTriggerAndOtherStepsReadBackWithoutOne() {
        // Given a last trade at 684.50, a buy stop at 690.00 whose trigger alice moves to 691.00
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 2),
                Command.PlaceOrder.limit(MORNING + 1_000, BOB, 101, BOB_ACCOUNT, ASML, Side.SELL, 68450, 2),
                new Command.PlaceOrder(MORNING + 2_000, ALICE, 2, ALICE_ACCOUNT, ASML, Side.BUY, OrderType.STOP,
                        TimeInForce.GTC, 0, 69000, 5, 0, false),
                new Command.ReplaceOrder(MORNING + 3_000, ALICE, 2, ALICE_ACCOUNT, 0, 69100, 5),
                new Command.CancelOrder(MORNING + 4_000, ALICE, 2));
        desk.awaitProjected();

        // Then its history read back from the store has the trigger as entered and as amended; the cancel has none
        OrderLine stop = orders.byOrderId(ALICE_ACCOUNT, 2).orElseThrow();
        assertThat(orders.history(stop.entrySeq()))
                .extracting(OrderEventLine::kind, OrderEventLine::price, OrderEventLine::stopPrice,
                        OrderEventLine::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ACCEPTED", 0L, 69000L, 5L),
                        org.assertj.core.groups.Tuple.tuple("REPLACED", 0L, 69100L, 5L),
                        org.assertj.core.groups.Tuple.tuple("CANCELLED", 0L, 0L, 5L));
    }

    @Test
    void tradePostsCashAndPositionOnBothAccountsAndBalancesMatchTheEngine() {
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 10),
                Command.PlaceOrder.limit(MORNING + 1, BOB, 101, BOB_ACCOUNT, ASML, Side.SELL, 68450, 10));
        desk.awaitProjected();

        List<TradeLine> trades = new TradeRepository(desk.store).trades(ASML, Instant.ofEpochMilli(MORNING),
                Instant.ofEpochMilli(MORNING + 60_000), Page.first(10));
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.quantity()).isEqualTo(10);
            assertThat(t.makerAccountId()).isEqualTo(ALICE_ACCOUNT);
            assertThat(t.takerSide()).isEqualTo("SELL");
        });
        LedgerRepository ledger = new LedgerRepository(desk.store);
        Statement aliceCash = ledger.statement(ALICE_ACCOUNT, "EUR", DAY, DAY);
        assertThat(aliceCash.postings()).filteredOn(p -> p.refKind().equals("TRADE")).singleElement().satisfies(p -> {
            assertThat(p.delta()).isEqualTo(-684_500);
            assertThat(p.refId()).isEqualTo(trades.getFirst().tradeId());
        });
        for (long account : List.of(ALICE_ACCOUNT, BOB_ACCOUNT)) {
            for (BalanceLine b : ledger.balances(account)) {
                assertThat(b.balance()).as(b.asset()).isEqualTo(desk.desk.engine().balance(account, b.asset()));
                assertThat(b.held()).as(b.asset()).isEqualTo(desk.desk.engine().held(account, b.asset()));
            }
        }
    }

    @Test
    void heldOrderApprovedByAnOfficerClosesItsAlertWithTheOfficersName() {
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 500),
                new Command.Approve(MORNING + 5_000, TradingWorkload.OFFICER_A, ReviewSubject.ORDER, 1));
        desk.awaitProjected();

        RiskRepository risk = new RiskRepository(desk.store);
        assertThat(risk.alerts(AlertDecision.PENDING, Page.first(10))).isEmpty();
        assertThat(risk.alerts(AlertDecision.APPROVED, Page.first(10))).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("ORDER");
            assertThat(a.subjectId()).isEqualTo(1);
            assertThat(a.reason()).isEqualTo("LARGE_AMOUNT");
            assertThat(a.decidedBy()).isEqualTo(TradingWorkload.OFFICER_A);
            assertThat(a.decidedAt()).isEqualTo(Instant.ofEpochMilli(MORNING + 5_000));
        });
        assertThat(orders.byOrderId(ALICE_ACCOUNT, 1)).get().extracting(OrderLine::status)
                .isEqualTo(OrderStatus.WORKING);
    }

    @Test
    void alertNamesTheSurveillanceRulesThatFiredAndKeepsThemThroughTheDecision() {
        // Three buys of 140 ASML at 684.50 (95,830.00 EUR each, just under the 100,000 line) within two minutes.
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 140),
                Command.PlaceOrder.limit(MORNING + 60_000, ALICE, 2, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 140),
                Command.PlaceOrder.limit(MORNING + 120_000, ALICE, 3, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 140));
        desk.awaitProjected();
        RiskRepository risk = new RiskRepository(desk.store);
        assertThat(risk.alerts(AlertDecision.PENDING, Page.first(10))).singleElement().satisfies(a -> {
            assertThat(a.subjectId()).isEqualTo(3);
            assertThat(a.reason()).isEqualTo("HIGH_RISK_TRANSACTION");
            assertThat(a.rules()).containsExactly(SurveillanceRule.STRUCTURING);
        });

        desk.run(new Command.Approve(MORNING + 180_000, TradingWorkload.OFFICER_A, ReviewSubject.ORDER, 3));
        desk.awaitProjected();

        assertThat(risk.alerts(AlertDecision.APPROVED, Page.first(10))).singleElement()
                .satisfies(a -> assertThat(a.rules()).containsExactly(SurveillanceRule.STRUCTURING));
    }

    @Test
    void alertForTheAmountAloneNamesNoRules() {
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 500));
        desk.awaitProjected();

        assertThat(new RiskRepository(desk.store).alerts(AlertDecision.PENDING, Page.first(10))).singleElement()
                .satisfies(a -> assertThat(a.rules()).isEmpty());
    }

    @Test
    void officersRejectionKeepsTheReasonOnTheAlertAndEndsTheOrder() {
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 500),
                new Command.Reject(MORNING + 5_000, TradingWorkload.OFFICER_B, ReviewSubject.ORDER, 1,
                        "client limit exceeded; call the desk"));
        desk.awaitProjected();

        assertThat(new RiskRepository(desk.store).alerts(AlertDecision.REJECTED, Page.first(10))).singleElement()
                .satisfies(a -> assertThat(a.decisionNote()).isEqualTo("client limit exceeded; call the desk"));
        assertThat(orders.byOrderId(ALICE_ACCOUNT, 1)).get().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.reason()).isEqualTo("REJECTED_BY_RISK_OFFICER");
        });
    }

    @Test
    void withdrawalHistoryFollowsTheTransferStateMachine() {
        desk.run(new Command.RequestTransfer(MORNING, ALICE, 77, TransferKind.WITHDRAWAL, ALICE_ACCOUNT, 0, "EUR",
                        100_00),
                new Command.SettleTransfer(MORNING + 60_000, TradingWorkload.BACK_OFFICE, 77, true));
        desk.awaitProjected();

        TransferRepository transfers = new TransferRepository(desk.store);
        assertThat(transfers.history(77)).extracting(TransferEventLine::state, TransferEventLine::actingUserId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TransferState.PENDING, ALICE),
                        org.assertj.core.groups.Tuple.tuple(TransferState.PROCESSING, ALICE),
                        org.assertj.core.groups.Tuple.tuple(TransferState.COMPLETED, TradingWorkload.BACK_OFFICE));
        assertThat(transfers.inState(TransferState.COMPLETED, Page.first(100)))
                .extracting(TransferLine::transferId).contains(77L);
    }

    @Test
    void retriedTransferRequestAddsNoStepToItsHistory() {
        Command.RequestTransfer request = new Command.RequestTransfer(MORNING, ALICE, 78, TransferKind.INTERNAL,
                ALICE_ACCOUNT, BOB_ACCOUNT, "EUR", 5_00);
        desk.run(request, request);
        desk.awaitProjected();

        assertThat(new TransferRepository(desk.store).history(78)).extracting(TransferEventLine::state)
                .containsExactly(TransferState.PENDING, TransferState.PROCESSING, TransferState.COMPLETED);
    }

    @Test
    void statementOpensWithEarlierPostingsAndClosesWithTheirSum() {
        long nextDay = MORNING + 86_400_000L;
        desk.run(new Command.RequestTransfer(MORNING, ALICE, 80, TransferKind.INTERNAL, ALICE_ACCOUNT, BOB_ACCOUNT,
                        "EUR", 1_000_00),
                new Command.RequestTransfer(nextDay, ALICE, 81, TransferKind.INTERNAL, ALICE_ACCOUNT, BOB_ACCOUNT,
                        "EUR", 250_00),
                new Command.RequestTransfer(nextDay + 1, BOB, 82, TransferKind.INTERNAL, BOB_ACCOUNT, ALICE_ACCOUNT,
                        "EUR", 40_00));
        desk.awaitProjected();

        Statement statement = new LedgerRepository(desk.store).statement(ALICE_ACCOUNT, "EUR", DAY.plusDays(1),
                DAY.plusDays(1));
        assertThat(statement.openingBalance()).isEqualTo(50_000_000_000L - 1_000_00);
        assertThat(statement.postings()).extracting(PostingLine::delta).containsExactly(-250_00L, 40_00L);
        assertThat(statement.closingBalance()).isEqualTo(statement.openingBalance() - 250_00 + 40_00)
                .isEqualTo(desk.desk.engine().balance(ALICE_ACCOUNT, "EUR"))
                .isEqualTo(statement.postings().getLast().balanceAfter());
    }

    @Test
    void endOfDayKeepsEachAccountsPositionsAsTheyStoodAtTheClose() {
        desk.run(Command.PlaceOrder.limit(MORNING, ALICE, 1, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 10),
                Command.PlaceOrder.limit(MORNING + 1, BOB, 101, BOB_ACCOUNT, ASML, Side.SELL, 68450, 10),
                new Command.EndOfDay(MORNING + 10 * 3_600_000L, TradingWorkload.ADMIN),
                Command.PlaceOrder.limit(MORNING + 86_400_000L, ALICE, 2, ALICE_ACCOUNT, ASML, Side.BUY, 68450, 3),
                Command.PlaceOrder.limit(MORNING + 86_400_001L, BOB, 102, BOB_ACCOUNT, ASML, Side.SELL, 68450, 3));
        desk.awaitProjected();

        List<PositionLine> close = new LedgerRepository(desk.store).endOfDayPositions(DAY, Page.first(100));
        assertThat(close).filteredOn(p -> p.asset().equals("ASML"))
                .extracting(PositionLine::accountId, PositionLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ALICE_ACCOUNT, 10_000_010L),
                        org.assertj.core.groups.Tuple.tuple(BOB_ACCOUNT, 9_999_990L));
    }

    @Test
    void killSwitchAndLimitChangesShowOnTheAccountsControls() {
        desk.run(new Command.EngageKillSwitch(MORNING, TradingWorkload.OFFICER_A, ALICE_ACCOUNT));
        desk.awaitProjected();

        assertThat(new RiskRepository(desk.store).controls(ALICE_ACCOUNT)).get().satisfies(c -> {
            assertThat(c.killSwitch()).isTrue();
            assertThat(c.killSwitchBy()).isEqualTo(TradingWorkload.OFFICER_A);
            assertThat(c.limits().maxOrdersPerWindow()).isEqualTo(1_000_000);
        });
    }

    @Test
    void anAccountsOwnPriceBandAndReviewThresholdShowOnItsControlsAndSurviveARestartFromASnapshot() {
        com.bourse.protocol.RiskLimits own = new com.bourse.protocol.RiskLimits(5_000, 50_000_000, 100_000, 200,
                1_000, 150, 6_500);
        desk.close();
        Path restarted = dir.resolve("restarted");
        try (DeskFixture before = DeskFixture.snapshottingEvery(restarted, 5)) {
            before.run(new TradingWorkload(1, 2, 1, 0).setup());
            before.run(new Command.SetRiskLimits(MORNING, TradingWorkload.OFFICER_A, ALICE_ACCOUNT, own));
            for (int i = 1; i <= 6; i++) { // past the next snapshot, which carries the projector's memory
                before.run(Command.PlaceOrder.limit(MORNING + i, BOB, 100 + i, BOB_ACCOUNT, ASML, Side.SELL, 68450, 1));
            }
            before.awaitProjected();
            assertThat(new RiskRepository(before.store).controls(ALICE_ACCOUNT)).get()
                    .satisfies(c -> assertThat(c.limits()).isEqualTo(own));
        }
        try (DeskFixture after = DeskFixture.snapshottingEvery(restarted, 5)) {
            assertThat(after.desk.recovery().snapshotSeq()).as("restored from a snapshot").isPositive();
            // The kill switch rewrites the account's row from the projector's restored memory of its controls.
            after.run(new Command.EngageKillSwitch(MORNING + 100, TradingWorkload.OFFICER_A, ALICE_ACCOUNT));
            after.awaitProjected();
            assertThat(new RiskRepository(after.store).controls(ALICE_ACCOUNT)).get().satisfies(c -> {
                assertThat(c.killSwitch()).isTrue();
                assertThat(c.limits().priceBandBps()).isEqualTo(150);
                assertThat(c.limits().reviewThresholdBps()).isEqualTo(6_500);
            });
        }
        desk = DeskFixture.open(dir.resolve("unused"));
    }
}
