package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client order id is the account's own: unique (and rising) within the account, never checked against other
 * accounts' orders. Cancels and amendments name the account with the id; the engine's events name both.
 */
class ClientOrderIdTest {
    private static final long ID = 7;

    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    @Test
    void anotherAccountsWorkingOrderNeverMakesMyIdADuplicate() {
        desk.place(limit(bob, ID, Side.BUY, 99_00));

        var mine = desk.place(limit(alice, ID, Side.BUY, 98_00));

        assertThat(mine.has(Event.OrderAccepted.class)).isTrue();
        assertThat(desk.workingOrder(alice, ID).price()).isEqualTo(98_00);
        assertThat(desk.workingOrder(bob, ID).price()).isEqualTo(99_00);
    }

    @Test
    void anIdTheAccountHasAlreadyUsedIsADuplicate() {
        desk.place(limit(alice, ID, Side.BUY, 98_00));

        var again = desk.place(limit(alice, ID, Side.BUY, 97_00));
        var lower = desk.place(limit(alice, ID - 1, Side.BUY, 97_00));

        assertThat(again.events())
                .containsExactly(new Event.OrderRejected(ID, alice.accountId(), ErrorCode.DUPLICATE_ID));
        assertThat(lower.rejection()).isEqualTo(ErrorCode.DUPLICATE_ID);
    }

    @Test
    void cancelNamingTheAccountCancelsThatAccountsOrderOnly() {
        desk.place(limit(alice, ID, Side.BUY, 98_00));
        desk.place(limit(bob, ID, Side.BUY, 99_00));

        var cancel = desk.cancel(alice, ID);

        assertThat(cancel.only(Event.OrderCancelled.class).accountId()).isEqualTo(alice.accountId());
        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.workingOrder(bob, ID)).isNotNull();
    }

    @Test
    void cancelNamingNoAccountIsRefusedAsAmbiguousWhenTwoAccountsUseTheId() {
        desk.place(limit(alice, ID, Side.BUY, 98_00));
        desk.place(limit(bob, ID, Side.BUY, 99_00));

        var cancel = desk.apply(ts -> new Command.CancelOrder(ts, alice.userId(), ID));

        assertThat(cancel.events()).containsExactly(new Event.OrderRejected(ID, 0, ErrorCode.ORDER_ID_AMBIGUOUS));
        assertThat(desk.working(alice)).hasSize(1);
        assertThat(desk.working(bob)).hasSize(1);
    }

    @Test
    void cancelNamingNoAccountFindsTheOnlyWorkingOrderWithThatId() {
        desk.place(limit(alice, ID, Side.BUY, 98_00));

        var cancel = desk.apply(ts -> new Command.CancelOrder(ts, alice.userId(), ID));

        assertThat(cancel.has(Event.OrderCancelled.class)).isTrue();
    }

    @Test
    void amendmentNamingTheAccountAmendsThatAccountsOrderOnly() {
        desk.place(limit(alice, ID, Side.BUY, 98_00));
        desk.place(limit(bob, ID, Side.BUY, 99_00));

        desk.replace(bob, ID, 99_50, 5);

        assertThat(desk.workingOrder(bob, ID).price()).isEqualTo(99_50);
        assertThat(desk.workingOrder(alice, ID).price()).isEqualTo(98_00);
    }

    @Test
    void aTradeNamesEachOrderWithItsAccountWhenBothCarryTheSameClientId() {
        desk.place(limit(alice, ID, Side.BUY, 100_00));

        var sell = desk.place(limit(bob, ID, Side.SELL, 100_00));

        Event.Trade trade = sell.trades().getFirst();
        assertThat(trade.makerOrderId()).isEqualTo(ID);
        assertThat(trade.makerAccountId()).isEqualTo(alice.accountId());
        assertThat(trade.takerOrderId()).isEqualTo(ID);
        assertThat(trade.takerAccountId()).isEqualTo(bob.accountId());
    }

    @Test
    void refusedCancelOfAnUnknownOrderNamesTheOrderAndTheAccountItNamed() {
        var cancel = desk.cancel(alice, 424_242);

        assertThat(cancel.events())
                .containsExactly(new Event.OrderRejected(424_242, alice.accountId(), ErrorCode.UNKNOWN_ORDER));
    }

    private static Command.PlaceOrder limit(Trader trader, long orderId, Side side, long price) {
        return new Command.PlaceOrder(0, trader.userId(), orderId, trader.accountId(), ACME, side, OrderType.LIMIT,
                TimeInForce.GTC, price, 0, 5, 0, false);
    }
}
