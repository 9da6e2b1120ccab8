package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling one working order. */
class CancelTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    @Test
    void cancelRemovesTheOrderFromTheBookAndReleasesItsHold() {
        var order = desk.buyLimit(alice, 99_00, 5);

        var cancel = desk.cancel(alice, order.id());

        assertThat(cancel.only(Event.OrderCancelled.class))
                .isEqualTo(new Event.OrderCancelled(order.id(), alice.accountId(), 5, CancelReason.USER_REQUEST));
        assertThat(cancel.only(Event.BookDelta.class)).isEqualTo(new Event.BookDelta(ACME, Side.BUY, 99_00, 0, 0));
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void cancelOfAPartlyFilledOrderCancelsOnlyWhatIsLeft() {
        var order = desk.sellLimit(alice, 100_00, 10);
        desk.buyLimit(bob, 100_00, 4);

        var cancel = desk.cancel(alice, order.id());

        assertThat(cancel.only(Event.OrderCancelled.class).cancelledQuantity()).isEqualTo(6);
        assertThat(desk.heldShares(alice)).isZero();
        assertThat(desk.shares(alice)).isEqualTo(TradingDesk.STARTING_SHARES - 4);
    }

    @Test
    void cancelOfOneOrderLeavesTheOthersAtThePriceInTheirPlace() {
        desk.buyLimit(alice, 99_00, 5);
        var middle = desk.buyLimit(bob, 99_00, 3);
        var last = desk.buyLimit(alice, 99_00, 2);

        desk.cancel(bob, middle.id());

        assertThat(desk.bids()).containsExactly(new BookLevel(99_00, 7, 2));
        var taker = desk.sellLimit(bob, 99_00, 7);
        assertThat(taker.trades()).extracting(Event.Trade::makerOrderId).endsWith(last.id());
    }

    @Test
    void cancelOfAWaitingStopOrderReleasesItsHold() {
        var stop = desk.buyStop(alice, 101_00, 5);

        var cancel = desk.cancel(alice, stop.id());

        assertThat(cancel.only(Event.OrderCancelled.class).cancelledQuantity()).isEqualTo(5);
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.working(alice)).isEmpty();
    }

    @Test
    void anotherTraderCannotCancelYourOrder() {
        var order = desk.buyLimit(alice, 99_00, 5);

        var cancel = desk.apply(ts -> new Command.CancelOrder(ts, bob.userId(), order.id(), alice.accountId()));

        assertThat(cancel.events())
                .containsExactly(new Event.OrderRejected(order.id(), alice.accountId(), ErrorCode.NOT_AUTHORIZED));
        assertThat(desk.workingOrder(alice, order.id())).isNotNull();
    }

    @Test
    void riskOfficerMayCancelAnyOrder() {
        var order = desk.buyLimit(alice, 99_00, 5);

        var cancel = desk.apply(ts -> new Command.CancelOrder(ts, OFFICER, order.id()));

        assertThat(cancel.has(Event.OrderCancelled.class)).isTrue();
        assertThat(desk.working(alice)).isEmpty();
    }

    @Test
    void filledOrderCanNoLongerBeCancelled() {
        var order = desk.sellLimit(alice, 100_00, 5);
        desk.buyLimit(bob, 100_00, 5);

        var cancel = desk.cancel(alice, order.id());

        assertThat(cancel.rejection()).isEqualTo(ErrorCode.UNKNOWN_ORDER);
    }

    @Test
    void cancelledOrderCannotBeCancelledTwice() {
        var order = desk.buyLimit(alice, 99_00, 5);
        desk.cancel(alice, order.id());

        var again = desk.cancel(alice, order.id());

        assertThat(again.rejection()).isEqualTo(ErrorCode.UNKNOWN_ORDER);
        assertThat(again.has(Event.OrderCancelled.class)).isFalse();
    }
}
