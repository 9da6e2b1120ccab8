package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Iceberg orders show one slice at a time; each new slice queues behind what is already there. */
class IcebergTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private final Trader carol = desk.trader();

    @Test
    void onlyTheDisplayQuantityIsVisibleInTheBook() {
        var iceberg = desk.sellIceberg(alice, 100_00, 100, 10);

        assertThat(iceberg.all(Event.BookDelta.class))
                .containsExactly(new Event.BookDelta(ACME, Side.SELL, 100_00, 10, 1));
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 10, 1));
        var working = desk.workingOrder(alice, iceberg.id());
        assertThat(working.leaves()).isEqualTo(100);
        assertThat(working.visible()).isEqualTo(10);
    }

    @Test
    void theWholeIcebergIsHeldNotJustTheVisibleSlice() {
        desk.sellIceberg(alice, 100_00, 100, 10);

        assertThat(desk.heldShares(alice)).isEqualTo(100);
    }

    @Test
    void aTradeShowsTheNextSliceAfterTheVisibleOneIsTaken() {
        desk.sellIceberg(alice, 100_00, 30, 10);

        var taker = desk.buyLimit(bob, 100_00, 10);

        assertThat(taker.trades()).extracting(Event.Trade::quantity, Event.Trade::makerLeaves)
                .containsExactly(tuple(10L, 20L));
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 10, 1));
    }

    @Test
    void refilledSliceGoesToTheBackOfTheQueueAndLosesPriority() {
        var iceberg = desk.sellIceberg(alice, 100_00, 30, 10);
        var plain = desk.sellLimit(bob, 100_00, 10);

        var first = desk.buyLimit(carol, 100_00, 10);
        var second = desk.buyLimit(carol, 100_00, 10);

        assertThat(first.only(Event.Trade.class).makerOrderId()).isEqualTo(iceberg.id());
        assertThat(second.only(Event.Trade.class).makerOrderId()).isEqualTo(plain.id());
    }

    @Test
    void largeTakerTakesTheVisibleSliceThenTheOrdersQueuedBehindIt() {
        var iceberg = desk.sellIceberg(alice, 100_00, 30, 10);
        var plain = desk.sellLimit(bob, 100_00, 10);

        var taker = desk.buyLimit(carol, 100_00, 25);

        assertThat(taker.trades()).extracting(Event.Trade::makerOrderId, Event.Trade::quantity)
                .containsExactly(tuple(iceberg.id(), 10L), tuple(plain.id(), 10L), tuple(iceberg.id(), 5L));
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 5, 1));
    }

    @Test
    void lastSliceShowsOnlyWhatIsLeft() {
        desk.sellIceberg(alice, 100_00, 25, 10);

        desk.buyLimit(bob, 100_00, 20);

        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 5, 1));
    }

    @Test
    void displayQuantityAboveTheOrderQuantityIsRefused() {
        var iceberg = desk.sellIceberg(alice, 100_00, 10, 11);

        assertThat(iceberg.rejection()).isEqualTo(ErrorCode.INVALID_DISPLAY_QUANTITY);
    }

    @Test
    void icebergMustBeALimitOrderThatCanRest() {
        var ioc = desk.place(desk.order(alice, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, 100_00, 0, 30, 10, false));

        assertThat(ioc.rejection()).isEqualTo(ErrorCode.INVALID_ORDER_SPEC);
    }
}
