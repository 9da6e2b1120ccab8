package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.ComplianceKind;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bourse.engine.spec.TradingDesk.BACK_OFFICE;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static com.bourse.engine.spec.TradingDesk.STARTING_CASH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The specification's payment: from one account to another with a reference and an optional fee, PENDING →
 * PROCESSING → COMPLETED (or FAILED, or CANCELLED while pending), scored and held for a risk officer like any
 * transfer, announced by {@code PaymentProcessed} when it completes.
 */
class PaymentTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    private static List<TransferState> states(TradingDesk.Outcome outcome) {
        return outcome.all(Event.TransferStateChanged.class).stream().map(Event.TransferStateChanged::state).toList();
    }

    @Test
    void paymentCompletesAtOnceCreditsThePayeeAndChargesThePayerTheFee() {
        long id = desk.nextTransferId();

        var payment = desk.pay(BACK_OFFICE, id, alice, bob, 1_000_00, 2_50, "Invoice 2026-117");

        assertThat(states(payment)).containsExactly(TransferState.PENDING, TransferState.PROCESSING,
                TransferState.COMPLETED);
        assertThat(payment.all(Event.TransferStateChanged.class)).allSatisfy(change -> {
            assertThat(change.kind()).isEqualTo(TransferKind.PAYMENT);
            assertThat(change.fee()).isEqualTo(2_50);
            assertThat(change.reference()).isEqualTo("Invoice 2026-117");
        });
        assertThat(payment.only(Event.PaymentProcessed.class)).isEqualTo(new Event.PaymentProcessed(id,
                alice.accountId(), bob.accountId(), EUR, 1_000_00, 2_50, "Invoice 2026-117"));
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH - 1_000_00 - 2_50);
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH + 1_000_00);
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.engine().ledgerTotal(EUR)).isZero();
    }

    @Test
    void paymentPostsOneBalancedJournalEntry() {
        var payment = desk.pay(alice.userId(), desk.nextTransferId(), alice, bob, 500_00, 1_00, "rent");

        List<Event.BalanceChanged> postings = payment.all(Event.BalanceChanged.class).stream()
                .filter(b -> b.delta() != 0).toList();
        assertThat(postings).extracting(Event.BalanceChanged::delta).containsExactly(-501_00L, 500_00L, 1_00L);
        assertThat(postings).extracting(Event.BalanceChanged::journalId).containsOnly(postings.getFirst().journalId());
    }

    @Test
    void traderMayPayFromTheirOwnAccountButNotFromAnothers() {
        var own = desk.pay(alice.userId(), desk.nextTransferId(), alice, bob, 10_00, 0, "");
        var others = desk.pay(alice.userId(), desk.nextTransferId(), bob, alice, 10_00, 0, "");

        assertThat(own.has(Event.PaymentProcessed.class)).isTrue();
        assertThat(others.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH + 10_00);
    }

    @Test
    void paymentBeyondTheAvailableCashFailsWithInsufficientBalance() {
        var payment = desk.pay(BACK_OFFICE, desk.nextTransferId(), alice, bob, STARTING_CASH, 1, "too much");

        assertThat(states(payment)).containsExactly(TransferState.PENDING, TransferState.FAILED);
        assertThat(payment.all(Event.TransferStateChanged.class).getLast().reason())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(payment.has(Event.PaymentProcessed.class)).isFalse();
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void largePaymentWaitsForARiskOfficerHoldingAmountAndFee() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();

        var payment = desk.pay(BACK_OFFICE, id, alice, bob, 15_000_000, 10_00, "property");

        assertThat(states(payment)).containsExactly(TransferState.PENDING, TransferState.PENDING);
        Event.RiskAlert alert = payment.only(Event.RiskAlert.class);
        assertThat(alert.subject()).isEqualTo(ReviewSubject.TRANSFER);
        assertThat(alert.subjectId()).isEqualTo(id);
        assertThat(desk.heldCash(alice)).isEqualTo(15_000_000 + 10_00);
        assertThat(payment.has(Event.PaymentProcessed.class)).isFalse();
    }

    @Test
    void approvedHeldPaymentCompletesWithPaymentProcessed() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        desk.pay(BACK_OFFICE, id, alice, bob, 15_000_000, 0, "property");

        var approve = desk.approveTransfer(OFFICER, id);

        assertThat(states(approve)).containsExactly(TransferState.PROCESSING, TransferState.COMPLETED);
        assertThat(approve.only(Event.PaymentProcessed.class).amount()).isEqualTo(15_000_000);
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH + 15_000_000);
    }

    @Test
    void rejectedHeldPaymentFailsAndReleasesTheHold() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        desk.pay(BACK_OFFICE, id, alice, bob, 15_000_000, 0, "property");

        var reject = desk.rejectTransfer(OFFICER, id);

        assertThat(states(reject)).containsExactly(TransferState.FAILED);
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH);
    }

    @Test
    void heldPaymentCanBeCancelledWhilePending() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        desk.pay(BACK_OFFICE, id, alice, bob, 15_000_000, 0, "property");

        var cancel = desk.cancelTransfer(BACK_OFFICE, id);

        assertThat(states(cancel)).containsExactly(TransferState.CANCELLED);
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void approvingAHeldPaymentWhoseRulesFiredIsLoggedAsAnOverride() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        // Nearly the whole account in one go: the account-drain rule fires beside the large amount.
        var payment = desk.pay(BACK_OFFICE, id, alice, bob, desk.cash(alice) - 1_00, 0, "everything");
        Event.RiskAlert alert = payment.only(Event.RiskAlert.class);
        assertThat(alert.ruleMask()).isNotZero();

        var approve = desk.approveTransfer(OFFICER, id);

        assertThat(approve.only(Event.ComplianceViolation.class)).isEqualTo(new Event.ComplianceViolation(
                alice.accountId(), OFFICER, ComplianceKind.OFFICER_OVERRIDE, id, alert.reason()));
    }

    @Test
    void retryWithTheSameFieldsReturnsTheFirstResultAndPaysOnce() {
        long id = desk.nextTransferId();
        var first = desk.pay(BACK_OFFICE, id, alice, bob, 100_00, 0, "once");

        var retry = desk.pay(BACK_OFFICE, id, alice, bob, 100_00, 0, "once");

        assertThat(retry.events()).containsExactly(first.all(Event.TransferStateChanged.class).getLast());
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH + 100_00);
    }

    @Test
    void sameIdWithAnotherReferenceIsRefused() {
        long id = desk.nextTransferId();
        desk.pay(BACK_OFFICE, id, alice, bob, 100_00, 0, "once");

        assertThat(desk.pay(BACK_OFFICE, id, alice, bob, 100_00, 0, "twice").rejection())
                .isEqualTo(ErrorCode.DUPLICATE_ID_MISMATCH);
    }

    @Test
    void malformedPaymentsAreRefusedAndChangeNothing() {
        assertThat(desk.pay(BACK_OFFICE, desk.nextTransferId(), alice, bob, 0, 0, "").rejection())
                .isEqualTo(ErrorCode.INVALID_AMOUNT);
        assertThat(desk.pay(BACK_OFFICE, desk.nextTransferId(), alice, bob, 10_00, -1, "").rejection())
                .isEqualTo(ErrorCode.INVALID_AMOUNT);
        assertThat(desk.pay(BACK_OFFICE, desk.nextTransferId(), alice, alice, 10_00, 0, "").rejection())
                .isEqualTo(ErrorCode.SAME_ACCOUNT);
        assertThat(desk.pay(BACK_OFFICE, desk.nextTransferId(), alice, bob, 10_00, 0, "x".repeat(141)).rejection())
                .isEqualTo(ErrorCode.INVALID_TRANSFER);
        assertThat(desk.pay(BACK_OFFICE, desk.nextTransferId(), alice, bob, Long.MAX_VALUE, 1, "").rejection())
                .isEqualTo(ErrorCode.INVALID_AMOUNT);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH);
    }

    @Test
    void paymentIsNotATransferKindARequestTransferMayName() {
        var request = desk.requestTransfer(BACK_OFFICE, desk.nextTransferId(), TransferKind.PAYMENT,
                alice.accountId(), bob.accountId(), EUR, 10_00);

        assertThat(request.rejection()).isEqualTo(ErrorCode.INVALID_TRANSFER);
    }
}
