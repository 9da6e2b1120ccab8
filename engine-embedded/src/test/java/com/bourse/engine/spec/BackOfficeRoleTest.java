package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.TransferState;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static com.bourse.engine.spec.TradingDesk.ADMIN;
import static com.bourse.engine.spec.TradingDesk.BACK_OFFICE;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static com.bourse.engine.spec.TradingDesk.STARTING_CASH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back office keeps the books: it records and settles deposits and withdrawals for any account, cancels pending
 * movements and closes the day. Administrators keep users and reference data, not cash; risk officers decide
 * on held items, not settlements; a trader moves only their own account's cash.
 */
class BackOfficeRoleTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    @Test
    void backOfficeSettlesADeposit() {
        long id = desk.nextTransferId();
        desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);

        var settle = desk.apply(ts -> new Command.SettleTransfer(ts, BACK_OFFICE, id, true));

        assertThat(settle.rejection()).isNull();
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.COMPLETED);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH + 1_000_00);
    }

    @Test
    void traderCannotSettleADeposit() {
        long id = desk.nextTransferId();
        desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);

        var settle = desk.apply(ts -> new Command.SettleTransfer(ts, alice.userId(), id, true));

        assertThat(settle.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.PROCESSING);
    }

    @Test
    void adminCannotSettleADeposit() {
        long id = desk.nextTransferId();
        desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);

        assertThat(desk.apply(ts -> new Command.SettleTransfer(ts, ADMIN, id, true)).rejection())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.cash(alice)).isEqualTo(STARTING_CASH);
    }

    @Test
    void riskOfficerCannotSettleADeposit() {
        long id = desk.nextTransferId();
        desk.deposit(BACK_OFFICE, id, alice, EUR, 1_000_00);

        assertThat(desk.apply(ts -> new Command.SettleTransfer(ts, OFFICER, id, true)).rejection())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void adminCannotRecordADepositOnAnAccountTheyDoNotOwn() {
        var deposit = desk.deposit(ADMIN, desk.nextTransferId(), alice, EUR, 1_000_00);

        assertThat(deposit.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void backOfficeMovesCashBetweenAnyTwoAccounts() {
        var transfer = desk.transferBetween(BACK_OFFICE, desk.nextTransferId(), alice, bob, EUR, 10_00);

        assertThat(transfer.all(Event.TransferStateChanged.class).getLast().state())
                .isEqualTo(TransferState.COMPLETED);
        assertThat(desk.cash(bob)).isEqualTo(STARTING_CASH + 10_00);
    }

    @Test
    void backOfficeCancelsAnotherTradersPendingWithdrawal() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 15_000_000);

        var cancel = desk.cancelTransfer(BACK_OFFICE, id);

        assertThat(cancel.only(Event.TransferStateChanged.class).state()).isEqualTo(TransferState.CANCELLED);
    }

    @Test
    void traderCannotCancelAnotherTradersPendingWithdrawal() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 15_000_000);

        assertThat(desk.cancelTransfer(bob.userId(), id).rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void backOfficeClosesTheDayAndDayOrdersExpire() {
        var day = desk.place(new Command.PlaceOrder(0, alice.userId(), 1, alice.accountId(), ACME,
                com.bourse.protocol.Side.BUY, com.bourse.protocol.OrderType.LIMIT, TimeInForce.DAY, 99_00, 0, 5, 0,
                false));
        assertThat(day.rejection()).isNull();

        var close = desk.apply(ts -> new Command.EndOfDay(ts, BACK_OFFICE));

        assertThat(close.only(Event.OrderExpired.class).orderId()).isEqualTo(1);
    }

    @Test
    void traderCannotCloseTheDay() {
        assertThat(desk.apply(ts -> new Command.EndOfDay(ts, alice.userId())).rejection())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void backOfficeCannotDecideOnAHeldTransfer() {
        desk.fund(alice, EUR, 20_000_000);
        long id = desk.nextTransferId();
        desk.withdraw(alice.userId(), id, alice, EUR, 15_000_000);

        assertThat(desk.approveTransfer(BACK_OFFICE, id).rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.engine().transferState(id)).isEqualTo(TransferState.PENDING);
    }

    @Test
    void unknownUserIsUserNotFound() {
        var request = desk.requestTransfer(9_999, desk.nextTransferId(), TransferKind.DEPOSIT, 0, alice.accountId(),
                EUR, 10_00);

        assertThat(request.rejection()).isEqualTo(ErrorCode.USER_NOT_FOUND);
    }
}
