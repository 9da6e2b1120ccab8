package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Event;
import com.bourse.protocol.SelfTradePrevention;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** An account never trades with itself; its self-trade mode says which side gives way. */
class SelfTradePreventionTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader other = desk.trader();

    @Test
    void cancelNewestCancelsTheIncomingOrderAndKeepsTheRestingOne() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_NEWEST);
        var resting = desk.sellLimit(self, 100_00, 5);

        var incoming = desk.buyLimit(self, 100_00, 5);

        assertThat(incoming.trades()).isEmpty();
        assertThat(incoming.all(Event.OrderCancelled.class)).containsExactly(
                new Event.OrderCancelled(incoming.id(), self.accountId(), 5, CancelReason.SELF_TRADE));
        assertThat(desk.workingOrder(self, resting.id())).isNotNull();
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.heldCash(self)).isZero();
    }

    @Test
    void cancelOldestCancelsTheRestingOrderAndTheIncomingOneCarriesOn() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_OLDEST);
        var resting = desk.sellLimit(self, 100_00, 5);
        var otherAsk = desk.sellLimit(other, 100_00, 3);

        var incoming = desk.buyLimit(self, 100_00, 5);

        assertThat(incoming.all(Event.OrderCancelled.class)).containsExactly(
                new Event.OrderCancelled(resting.id(), self.accountId(), 5, CancelReason.SELF_TRADE));
        assertThat(incoming.trades()).extracting(Event.Trade::makerOrderId, Event.Trade::quantity)
                .containsExactly(tuple(otherAsk.id(), 3L));
        assertThat(desk.bids()).containsExactly(new BookLevel(100_00, 2, 1));
        assertThat(desk.heldShares(self)).isZero();
    }

    @Test
    void cancelBothCancelsTheRestingAndTheIncomingOrder() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_BOTH);
        var resting = desk.sellLimit(self, 100_00, 5);
        desk.sellLimit(other, 100_00, 3);

        var incoming = desk.buyLimit(self, 100_00, 5);

        assertThat(incoming.trades()).isEmpty();
        assertThat(incoming.all(Event.OrderCancelled.class)).containsExactly(
                new Event.OrderCancelled(resting.id(), self.accountId(), 5, CancelReason.SELF_TRADE),
                new Event.OrderCancelled(incoming.id(), self.accountId(), 5, CancelReason.SELF_TRADE));
        assertThat(desk.working(self)).isEmpty();
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 3, 1));
    }

    @Test
    void othersQueuedAheadOfTheOwnOrderStillTrade() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_NEWEST);
        desk.sellLimit(other, 100_00, 3);
        desk.sellLimit(self, 100_10, 5);

        var incoming = desk.buyLimit(self, 100_10, 5);

        assertThat(incoming.trades()).extracting(Event.Trade::makerAccountId, Event.Trade::quantity)
                .containsExactly(tuple(other.accountId(), 3L));
        assertThat(incoming.only(Event.OrderCancelled.class).cancelledQuantity()).isEqualTo(2);
    }

    @Test
    void differentAccountsOfDifferentTradersTradeNormally() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_BOTH);
        desk.sellLimit(other, 100_00, 5);

        var incoming = desk.buyLimit(self, 100_00, 5);

        assertThat(incoming.trades()).hasSize(1);
        assertThat(incoming.has(Event.OrderCancelled.class)).isFalse();
    }

    @Test
    void selfTradeCheckAppliesToTheSellSideToo() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_OLDEST);
        var resting = desk.buyLimit(self, 100_00, 5);

        var incoming = desk.sellLimit(self, 100_00, 5);

        assertThat(incoming.trades()).isEmpty();
        assertThat(incoming.only(Event.OrderCancelled.class).orderId()).isEqualTo(resting.id());
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 5, 1));
        assertThat(desk.heldCash(self)).isZero();
    }
}
