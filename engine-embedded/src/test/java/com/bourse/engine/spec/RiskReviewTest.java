package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.SurveillanceRule;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME_SYMBOL;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static com.bourse.engine.spec.TradingDesk.SECOND_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soft risk layer: score = 0.4·amount + 0.3·frequency + 0.3·pattern (basis points); a score of 0.8 or more,
 * or an amount above 100,000 EUR, holds the order or transfer until a risk officer other than its author decides.
 */
class RiskReviewTest {
    private static final int THRESHOLD = 8_000;
    /** 100,000.00 EUR in cents. */
    private static final long LARGE = 10_000_000;

    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    private static int weighted(int amount, int frequency, int pattern) {
        return (4_000 * amount + 3_000 * frequency + 3_000 * pattern) / 10_000;
    }

    /** A buy of 1001 at 100.00: 100,100.00 EUR, just above the large-amount line. */
    private TradingDesk.Outcome largeBuy(Trader trader) {
        desk.fund(trader, EUR, LARGE);
        return desk.buyLimit(trader, 100_00, 1_001);
    }

    /** Offers 1001 shares at 100.00 in two orders, each below the large-amount line. */
    private void bobOffers1001At100() {
        desk.fund(bob, ACME_SYMBOL, 600);
        desk.sellLimit(bob, 100_00, 500);
        desk.sellLimit(bob, 100_00, 501);
    }

    // ---- Scoring --------------------------------------------------------------------------------

    @Test
    void scoreIsTheWeightedSumOfAmountFrequencyAndPattern() {
        desk.fund(alice, EUR, 5_000_000);
        desk.startNextThrottleWindow();
        for (int i = 0; i < 9; i++) {
            desk.buyLimit(alice, 99_00, 1);
        }

        // 10th order of the window (frequency 10/10), 5,300,000 of 10,000,000 cents (amount 0.53), five times the
        // usual size and more than half the band away from the reference price (pattern 0.5 + 0.5).
        var order = desk.buyLimit(alice, 106_00, 500);

        int score = weighted(5_300, 10_000, 10_000);
        assertThat(score).isEqualTo(8_120);
        assertThat(order.only(Event.RiskAlert.class)).isEqualTo(new Event.RiskAlert(ReviewSubject.ORDER, order.id(),
                alice.accountId(), score, 5_300, 10_000, 10_000, ErrorCode.HIGH_RISK_TRANSACTION,
                SurveillanceRule.mask(SurveillanceRule.OUTSIZED_ORDER, SurveillanceRule.NEAR_BAND_EDGE)));
        assertThat(order.only(Event.RiskAlert.class).rules())
                .containsExactly(SurveillanceRule.OUTSIZED_ORDER, SurveillanceRule.NEAR_BAND_EDGE);
        assertThat(order.only(Event.OrderHeld.class))
                .isEqualTo(new Event.OrderHeld(order.id(), alice.accountId(), score, ErrorCode.HIGH_RISK_TRANSACTION));
    }

    @Test
    void accountsOwnReviewThresholdHoldsWhatTheInstallationsWouldPass() {
        desk.fund(alice, EUR, 5_000_000);
        desk.startNextThrottleWindow();
        // 5,000,000 of 10,000,000 cents: amount 0.5, first order of the window 0.1: 0.4·0.5 + 0.3·0.1 = 0.23.
        desk.setLimits(OFFICER, alice, com.bourse.protocol.RiskLimits.defaults().withBandAndThreshold(0, 2_000));

        var order = desk.buyLimit(alice, 100_00, 500);

        assertThat(order.only(Event.OrderHeld.class)).isEqualTo(new Event.OrderHeld(order.id(), alice.accountId(),
                weighted(5_000, 1_000, 0), ErrorCode.HIGH_RISK_TRANSACTION));
    }

    @Test
    void anotherAccountKeepsTheInstallationsReviewThreshold() {
        desk.setLimits(OFFICER, alice, com.bourse.protocol.RiskLimits.defaults().withBandAndThreshold(0, 2_000));
        desk.fund(bob, EUR, 5_000_000);
        desk.startNextThrottleWindow();

        var order = desk.buyLimit(bob, 100_00, 500);

        assertThat(order.has(Event.OrderHeld.class)).isFalse();
        assertThat(order.has(Event.OrderAccepted.class)).isTrue();
    }

    @Test
    void accountsOwnReviewThresholdHoldsItsTransfersToo() {
        desk.setLimits(OFFICER, alice, com.bourse.protocol.RiskLimits.defaults().withBandAndThreshold(0, 2_000));

        desk.fund(alice, EUR, 2 * LARGE);

        // 6,000,000 of 10,000,000 cents: at least 0.4·0.6 = 0.24, above alice's 0.2, far below the installation's 0.8.
        var withdrawal = desk.withdraw(alice.userId(), desk.nextTransferId(), alice, EUR, 6_000_000);

        var pending = withdrawal.all(Event.TransferStateChanged.class).getLast();
        assertThat(pending.state()).isEqualTo(TransferState.PENDING);
        assertThat(pending.reason()).isEqualTo(ErrorCode.HIGH_RISK_TRANSACTION);
    }

    @Test
    void orderScoringBelowTheThresholdGoesStraightToTheBook() {
        desk.fund(alice, EUR, 5_000_000);
        desk.startNextThrottleWindow();
        for (int i = 0; i < 9; i++) {
            desk.buyLimit(alice, 99_00, 1);
        }

        // Same as above but at the reference price: pattern 0.5, score 0.4·0.5 + 0.3·1 + 0.3·0.5 = 0.65.
        var order = desk.buyLimit(alice, 100_00, 500);

        assertThat(weighted(5_000, 10_000, 5_000)).isLessThan(THRESHOLD);
        assertThat(order.has(Event.OrderHeld.class)).isFalse();
        assertThat(order.has(Event.RiskAlert.class)).isFalse();
        assertThat(desk.bids().getFirst().quantity()).isEqualTo(500);
    }

    @Test
    void largeAmountIsAlwaysHeldWhateverTheScore() {
        var order = largeBuy(alice);

        var held = order.only(Event.OrderHeld.class);
        assertThat(held.reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
        assertThat(held.riskScoreBps()).isLessThan(THRESHOLD);
        assertThat(order.only(Event.RiskAlert.class).reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
    }

    @Test
    void exactly100000IsNotALargeAmount() {
        desk.fund(alice, EUR, LARGE);

        var order = desk.buyLimit(alice, 100_00, 1_000);

        assertThat(order.has(Event.OrderHeld.class)).isFalse();
        assertThat(desk.bids().getFirst().quantity()).isEqualTo(1_000);
    }

    @Test
    void largeSellIsHeldToo() {
        desk.fund(alice, ACME_SYMBOL, 600);

        var order = desk.sellLimit(alice, 100_00, 1_001);

        assertThat(order.only(Event.OrderHeld.class).reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
    }

    // ---- Held orders ----------------------------------------------------------------------------

    @Test
    void heldOrderWaitsWithoutTouchingTheBook() {
        bobOffers1001At100();
        var asksBefore = desk.asks();

        var order = largeBuy(alice);

        assertThat(order.has(Event.OrderAccepted.class)).isTrue();
        assertThat(order.trades()).isEmpty();
        assertThat(order.has(Event.BookDelta.class)).isFalse();
        assertThat(desk.asks()).isEqualTo(asksBefore);
        assertThat(desk.workingOrder(alice, order.id()).status()).isEqualTo("HELD");
        assertThat(desk.heldCash(alice)).isEqualTo(100_00 * 1_001);
    }

    @Test
    void heldOrderApprovedByAnotherRiskOfficerTrades() {
        bobOffers1001At100();
        var order = largeBuy(alice);

        var approval = desk.approveOrder(OFFICER, order.id());

        assertThat(approval.events().getFirst())
                .isEqualTo(new Event.OrderApproved(order.id(), OFFICER, alice.accountId()));
        assertThat(approval.trades()).extracting(Event.Trade::quantity).containsExactly(500L, 501L);
        assertThat(desk.asks()).isEmpty();
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void heldOrderRejectedByARiskOfficerReleasesItsHold() {
        bobOffers1001At100();
        var order = largeBuy(alice);

        var rejection = desk.rejectOrder(OFFICER, order.id());

        assertThat(rejection.rejection()).isEqualTo(ErrorCode.REJECTED_BY_RISK_OFFICER);
        assertThat(rejection.trades()).isEmpty();
        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.asks().getFirst().quantity()).isEqualTo(1_001);
    }

    @Test
    void officerCannotApproveOwnHeldOrder() {
        Trader dave = desk.traderWhoIsAlsoOfficer();
        var order = largeBuy(dave);

        var selfApproval = desk.approveOrder(dave.userId(), order.id());

        assertThat(selfApproval.events())
                .containsExactly(new Event.CommandRejected(order.id(), ErrorCode.FOUR_EYES_VIOLATION,
                        dave.accountId()));
        assertThat(desk.workingOrder(dave, order.id()).status()).isEqualTo("HELD");
        assertThat(desk.approveOrder(SECOND_OFFICER, order.id()).has(Event.OrderApproved.class)).isTrue();
    }

    @Test
    void officerCannotRejectOwnHeldOrderEither() {
        Trader dave = desk.traderWhoIsAlsoOfficer();
        var order = largeBuy(dave);

        var selfRejection = desk.rejectOrder(dave.userId(), order.id());

        assertThat(selfRejection.rejection()).isEqualTo(ErrorCode.FOUR_EYES_VIOLATION);
        assertThat(desk.workingOrder(dave, order.id()).status()).isEqualTo("HELD");
    }

    @Test
    void traderCannotApproveAHeldOrder() {
        var order = largeBuy(alice);

        var approval = desk.approveOrder(bob.userId(), order.id());

        assertThat(approval.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.workingOrder(alice, order.id()).status()).isEqualTo("HELD");
    }

    @Test
    void approvingAnOrderThatIsNotHeldIsRefused() {
        var order = desk.buyLimit(alice, 99_00, 5);

        var approval = desk.approveOrder(OFFICER, order.id());

        assertThat(approval.rejection()).isEqualTo(ErrorCode.NOT_HELD);
    }

    @Test
    void replaceThatMakesAnOrderLargeSendsItBackToReview() {
        bobOffers1001At100();
        desk.fund(alice, EUR, LARGE);
        var order = desk.buyLimit(alice, 99_00, 1);

        var replace = desk.replace(alice, order.id(), 100_00, 1_001);

        assertThat(replace.only(Event.OrderReplaced.class).keptPriority()).isFalse();
        assertThat(replace.only(Event.OrderHeld.class).reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
        assertThat(replace.only(Event.RiskAlert.class).subjectId()).isEqualTo(order.id());
        assertThat(replace.trades()).isEmpty();
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.workingOrder(alice, order.id()).status()).isEqualTo("HELD");
        assertThat(desk.heldCash(alice)).isEqualTo(100_00 * 1_001);
    }

    @Test
    void officerRejectingAnAmendedWorkingOrderCancelsTheRestAndKeepsWhatItTraded() {
        desk.fund(bob, ACME_SYMBOL, 1);
        desk.fund(alice, EUR, LARGE);
        var order = desk.buyLimit(alice, 99_00, 2);
        desk.sellLimit(bob, 99_00, 1);
        desk.replace(alice, order.id(), 99_00, 1_200);

        var rejection = desk.rejectOrder(OFFICER, order.id());

        assertThat(rejection.only(Event.OrderCancelled.class).reason()).isEqualTo(CancelReason.RISK_OFFICER);
        assertThat(rejection.all(Event.OrderRejected.class)).isEmpty();
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void replacedOrderApprovedAfterReviewTrades() {
        bobOffers1001At100();
        desk.fund(alice, EUR, LARGE);
        var order = desk.buyLimit(alice, 99_00, 1);
        desk.replace(alice, order.id(), 100_00, 1_001);

        var approval = desk.approveOrder(OFFICER, order.id());

        assertThat(approval.trades()).extracting(Event.Trade::quantity).containsExactly(500L, 501L);
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void traderMayCancelTheirHeldOrder() {
        var order = largeBuy(alice);

        var cancel = desk.cancel(alice, order.id());

        assertThat(cancel.has(Event.OrderCancelled.class)).isTrue();
        assertThat(desk.heldCash(alice)).isZero();
    }

    // ---- Held transfers -------------------------------------------------------------------------

    @Test
    void largeWithdrawalIsHeldPendingWithAnAlert() {
        desk.fund(alice, EUR, 2 * LARGE);
        long id = desk.nextTransferId();

        var request = desk.withdraw(alice.userId(), id, alice, EUR, LARGE + 1);

        var pending = request.all(Event.TransferStateChanged.class).getLast();
        assertThat(pending.state()).isEqualTo(TransferState.PENDING);
        assertThat(pending.reason()).isEqualTo(ErrorCode.LARGE_AMOUNT);
        // Alice's fourth transfer in the window (frequency 0.4), above the large line (amount 1), no pattern.
        assertThat(request.only(Event.RiskAlert.class)).isEqualTo(new Event.RiskAlert(ReviewSubject.TRANSFER, id,
                alice.accountId(), weighted(10_000, 4_000, 0), 10_000, 4_000, 0, ErrorCode.LARGE_AMOUNT, 0));
        assertThat(desk.heldCash(alice)).isEqualTo(LARGE + 1);
    }

    @Test
    void heldWithdrawalApprovedByARiskOfficerGoesToTheBank() {
        desk.fund(alice, EUR, 2 * LARGE);
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, LARGE + 1);

        var approval = desk.approveTransfer(OFFICER, id);
        desk.settle(id, true);

        assertThat(approval.only(Event.TransferStateChanged.class).state()).isEqualTo(TransferState.PROCESSING);
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.COMPLETED);
        assertThat(desk.cash(alice)).isEqualTo(TradingDesk.STARTING_CASH + 2 * LARGE - (LARGE + 1));
    }

    @Test
    void heldWithdrawalRejectedByARiskOfficerFailsAndReleasesTheHold() {
        desk.fund(alice, EUR, 2 * LARGE);
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, LARGE + 1);

        var rejection = desk.rejectTransfer(OFFICER, id);

        var failed = rejection.only(Event.TransferStateChanged.class);
        assertThat(failed.state()).isEqualTo(TransferState.FAILED);
        assertThat(failed.reason()).isEqualTo(ErrorCode.REJECTED_BY_RISK_OFFICER);
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void heldInternalTransferCompletesWhenApproved() {
        desk.fund(alice, EUR, 2 * LARGE);
        long id = desk.nextTransferId();
        desk.transferBetween(alice.userId(), id, alice, bob, EUR, LARGE + 1);

        var approval = desk.approveTransfer(OFFICER, id);

        assertThat(approval.all(Event.TransferStateChanged.class)).extracting(Event.TransferStateChanged::state)
                .containsExactly(TransferState.PROCESSING, TransferState.COMPLETED);
        assertThat(desk.cash(bob)).isEqualTo(TradingDesk.STARTING_CASH + LARGE + 1);
    }

    @Test
    void officerCannotApproveTheirOwnHeldTransfer() {
        Trader dave = desk.traderWhoIsAlsoOfficer();
        desk.fund(dave, EUR, 2 * LARGE);
        long id = desk.nextTransferId();
        desk.withdraw(dave.userId(), id, dave, EUR, LARGE + 1);

        var selfApproval = desk.approveTransfer(dave.userId(), id);

        assertThat(selfApproval.rejection()).isEqualTo(ErrorCode.FOUR_EYES_VIOLATION);
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.PENDING);
    }

    @Test
    void traderCannotApproveAHeldTransfer() {
        desk.fund(alice, EUR, 2 * LARGE);
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, LARGE + 1);

        var approval = desk.approveTransfer(bob.userId(), id);

        assertThat(approval.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.PENDING);
    }

    @Test
    void theSystemItselfCannotApprove() {
        var order = largeBuy(alice);

        var approval = desk.approveOrder(Command.SYSTEM_USER, order.id());

        assertThat(approval.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }
}
