package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bourse.engine.spec.TradingDesk.ACME_SYMBOL;
import static com.bourse.engine.spec.TradingDesk.BACK_OFFICE;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.STARTING_CASH;
import static com.bourse.engine.spec.TradingDesk.STARTING_SHARES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deposits, withdrawals and internal transfers as two-phase transfers: PENDING → PROCESSING → COMPLETED or
 * FAILED, or CANCELLED while pending; terminal states are final and a retry with the same id changes nothing.
 */
class TransferTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    private static List<TransferState> states(TradingDesk.Outcome outcome) {
        return outcome.all(Event.TransferStateChanged.class).stream().map(Event.TransferStateChanged::state).toList();
    }

    @Test
    void depositIsProcessingUntilTheBankSettlesIt() {
        long id = desk.nextTransferId();

        var request = desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);

        assertThat(states(request)).containsExactly(TransferState.PENDING, TransferState.PROCESSING);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
    }

    @Test
    void settledDepositCompletesAndCreditsTheAccount() {
        long id = desk.nextTransferId();
        desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);

        var settle = desk.settle(id, true);

        assertThat(states(settle)).containsExactly(TransferState.COMPLETED);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH + 1_000_00);
        assertThat(desk.engine().ledgerTotal(EUR)).isZero();
    }

    @Test
    void depositTheBankRefusesFailsAndCreditsNothing() {
        long id = desk.nextTransferId();
        desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);

        var settle = desk.settle(id, false);

        assertThat(settle.only(Event.TransferStateChanged.class).state()).isEqualTo(TransferState.FAILED);
        assertThat(settle.only(Event.TransferStateChanged.class).reason()).isEqualTo(ErrorCode.SETTLEMENT_FAILED);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
    }

    @Test
    void withdrawalHoldsTheFundsUntilSettled() {
        long id = desk.nextTransferId();

        var request = desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);

        assertThat(states(request)).containsExactly(TransferState.PENDING, TransferState.PROCESSING);
        assertThat(desk.heldCash(alice)).isEqualTo(1_000_00);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
    }

    @Test
    void settledWithdrawalDebitsTheAccountAndReleasesTheHold() {
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);

        desk.settle(id, true);

        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.COMPLETED);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH - 1_000_00);
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void failedWithdrawalReleasesTheHoldAndDebitsNothing() {
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);

        desk.settle(id, false);

        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.FAILED);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void internalTransferCompletesAtOnce() {
        long id = desk.nextTransferId();

        var request = desk.transferBetween(alice.userId(), id, alice, bob, ACME_SYMBOL, 20);

        assertThat(states(request))
                .containsExactly(TransferState.PENDING, TransferState.PROCESSING, TransferState.COMPLETED);
        assertThat(desk.shares(alice)).isEqualTo(STARTING_SHARES - 20);
        assertThat(desk.shares(bob)).isEqualTo(STARTING_SHARES + 20);
        assertThat(desk.heldShares(alice)).isZero();
    }

    @Test
    void internalTransferNeedsTwoDifferentAccounts() {
        var request = desk.transferBetween(alice.userId(), desk.nextTransferId(), alice, alice, EUR, 100);

        assertThat(request.rejection()).isEqualTo(ErrorCode.SAME_ACCOUNT);
    }

    @Test
    void transferBeyondTheAvailableFundsFailsWithInsufficientBalance() {
        long id = desk.nextTransferId();

        var request = desk.withdraw(alice.userId(), id, alice, EUR, STARTING_CASH + 1);

        assertThat(states(request)).containsExactly(TransferState.PENDING, TransferState.FAILED);
        assertThat(request.all(Event.TransferStateChanged.class).getLast().reason())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
    }

    @Test
    void transferPendingReviewCanBeCancelledAndReleasesItsHold() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        var request = desk.withdraw(alice.userId(), id, alice, EUR, 15_000_000);
        assertThat(states(request)).containsExactly(TransferState.PENDING, TransferState.PENDING);

        var cancel = desk.cancelTransfer(alice.userId(), id);

        assertThat(states(cancel)).containsExactly(TransferState.CANCELLED);
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void transferAlreadyProcessingCannotBeCancelled() {
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);

        var cancel = desk.cancelTransfer(alice.userId(), id);

        assertThat(cancel.rejection()).isEqualTo(ErrorCode.INVALID_TRANSFER_STATE);
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.PROCESSING);
    }

    @Test
    void completedTransferIsFinal() {
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);
        desk.settle(id, true);
        byte[] before = desk.engine().snapshot();

        var settleAgain = desk.settle(id, true);
        var failAfterwards = desk.settle(id, false);
        var cancel = desk.cancelTransfer(alice.userId(), id);

        assertThat(settleAgain.rejection()).isEqualTo(ErrorCode.INVALID_TRANSFER_STATE);
        assertThat(failAfterwards.rejection()).isEqualTo(ErrorCode.INVALID_TRANSFER_STATE);
        assertThat(cancel.rejection()).isEqualTo(ErrorCode.INVALID_TRANSFER_STATE);
        assertThat(desk.engine().snapshot()).isEqualTo(before);
    }

    @Test
    void failedTransferIsFinal() {
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);
        desk.settle(id, false);

        var settle = desk.settle(id, true);

        assertThat(settle.rejection()).isEqualTo(ErrorCode.INVALID_TRANSFER_STATE);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
    }

    @Test
    void cancelledTransferIsFinal() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 15_000_000);
        desk.cancelTransfer(alice.userId(), id);

        var approve = desk.approveTransfer(TradingDesk.OFFICER, id);
        var cancelAgain = desk.cancelTransfer(alice.userId(), id);

        assertThat(approve.rejection()).isEqualTo(ErrorCode.NOT_HELD);
        assertThat(cancelAgain.rejection()).isEqualTo(ErrorCode.INVALID_TRANSFER_STATE);
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.CANCELLED);
    }

    @Test
    void retryWithTheSameIdAndFieldsReturnsTheFirstResultAndChangesNothing() {
        long id = desk.nextTransferId();
        var first = desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);
        byte[] before = desk.engine().snapshot();

        var retry = desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);

        assertThat(retry.events()).containsExactly(first.all(Event.TransferStateChanged.class).getLast());
        assertThat(desk.engine().snapshot()).isEqualTo(before);
        assertThat(desk.heldCash(alice)).isEqualTo(1_000_00);
    }

    @Test
    void retryAfterTheTransferCompletedStillReturnsTheFirstResult() {
        long id = desk.nextTransferId();
        var first = desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);
        desk.settle(id, true);

        var retry = desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);

        assertThat(retry.events()).containsExactly(first.all(Event.TransferStateChanged.class).getLast());
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH + 1_000_00);
    }

    @Test
    void retryThatRepeatsAnAccountFieldTheKindIgnoresIsStillTheSameRequest() {
        // A deposit only uses the account it goes to; a client that also fills the source must still be able to retry.
        long id = desk.nextTransferId();
        var first = desk.requestTransfer(BACK_OFFICE, id, TransferKind.DEPOSIT, bob.accountId(), alice.accountId(), EUR,
                1_000_00);
        byte[] before = desk.engine().snapshot();

        var retry = desk.requestTransfer(BACK_OFFICE, id, TransferKind.DEPOSIT, bob.accountId(), alice.accountId(), EUR,
                1_000_00);

        assertThat(retry.events()).containsExactly(first.all(Event.TransferStateChanged.class).getLast());
        assertThat(desk.engine().snapshot()).isEqualTo(before);
    }

    @Test
    void sameIdWithDifferentFieldsIsRefusedAndChangesNothing() {
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);
        byte[] before = desk.engine().snapshot();

        var otherAmount = desk.withdraw(alice.userId(), id, alice, EUR, 2_000_00);
        var otherKind = desk.requestTransfer(BACK_OFFICE, id, TransferKind.DEPOSIT, 0, alice.accountId(), EUR, 1_000_00);

        assertThat(otherAmount.events()).containsExactly(new Event.CommandRejected(id, ErrorCode.DUPLICATE_ID_MISMATCH));
        assertThat(otherKind.rejection()).isEqualTo(ErrorCode.DUPLICATE_ID_MISMATCH);
        assertThat(desk.engine().snapshot()).isEqualTo(before);
    }

    @Test
    void onlyTheBackOfficeSettles() {
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 1_000_00);

        var settle = desk.apply(ts -> new Command.SettleTransfer(ts, alice.userId(), id, true));

        assertThat(settle.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.PROCESSING);
    }

    @Test
    void internalTransferCannotBeSettledByTheBank() {
        long id = desk.nextTransferId();
        desk.transferBetween(alice.userId(), id, alice, bob, EUR, 100);

        var settle = desk.settle(id, false);

        assertThat(settle.rejection()).isEqualTo(ErrorCode.INVALID_TRANSFER_STATE);
    }

    @Test
    void traderCannotMoveFundsOutOfAnotherTradersAccount() {
        var request = desk.withdraw(bob.userId(), desk.nextTransferId(), alice, EUR, 100);

        assertThat(request.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.heldCash(alice)).isZero();
    }
}
