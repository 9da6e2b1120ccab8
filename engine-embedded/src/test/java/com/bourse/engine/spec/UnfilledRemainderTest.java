package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reason per kind of unfilled remainder, whatever the order type: what an immediate-or-cancel order (limit or
 * market) could not fill at once is an IOC remainder; an elected stop (market-priced, GTC or DAY) that runs out
 * of book within the band is cancelled for no liquidity. Each cancel names the order and its account.
 */
class UnfilledRemainderTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private final Trader carol = desk.trader();

    @Test
    void immediateOrCancelLimitAndMarketRemaindersAreTheSameKindOfRemainder() {
        desk.sellLimit(bob, 100_00, 2);
        desk.sellLimit(bob, 100_10, 2);

        var limit = desk.place(desk.order(alice, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 100_00, 0, 5, 0, false));
        var market = desk.buyMarket(carol, 5);

        assertThat(limit.only(Event.OrderCancelled.class))
                .isEqualTo(new Event.OrderCancelled(limit.id(), alice.accountId(), 3, CancelReason.IOC_REMAINDER));
        assertThat(market.only(Event.OrderCancelled.class))
                .isEqualTo(new Event.OrderCancelled(market.id(), carol.accountId(), 3, CancelReason.IOC_REMAINDER));
    }

    @Test
    void electedStopThatRunsOutOfBookIsCancelledForNoLiquidity() {
        var stop = desk.sellStop(alice, 99_00, 5);
        desk.buyLimit(bob, 99_00, 1);
        desk.buyLimit(bob, 98_00, 2);

        var trade = desk.sellLimit(carol, 99_00, 1);

        assertThat(trade.only(Event.OrderCancelled.class))
                .isEqualTo(new Event.OrderCancelled(stop.id(), alice.accountId(), 3, CancelReason.NO_LIQUIDITY));
    }
}
