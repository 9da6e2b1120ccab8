package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A post-only order only ever adds liquidity: it rests or it is refused, it never takes. */
class PostOnlyTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    @Test
    void postOnlyBuyThatWouldTradeIsRefused() {
        desk.sellLimit(alice, 100_00, 5);

        var postOnly = desk.postOnly(bob, Side.BUY, 100_00, 5);

        assertThat(postOnly.rejection()).isEqualTo(ErrorCode.POST_ONLY_WOULD_CROSS);
        assertThat(postOnly.trades()).isEmpty();
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 5, 1));
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.heldCash(bob)).isZero();
    }

    @Test
    void postOnlySellThatWouldTradeIsRefused() {
        desk.buyLimit(alice, 100_00, 5);

        var postOnly = desk.postOnly(bob, Side.SELL, 99_00, 5);

        assertThat(postOnly.rejection()).isEqualTo(ErrorCode.POST_ONLY_WOULD_CROSS);
        assertThat(desk.heldShares(bob)).isZero();
    }

    @Test
    void postOnlyThatDoesNotCrossRests() {
        desk.sellLimit(alice, 100_00, 5);

        var postOnly = desk.postOnly(bob, Side.BUY, 99_99, 5);

        assertThat(postOnly.has(Event.OrderAccepted.class)).isTrue();
        assertThat(desk.bids()).containsExactly(new BookLevel(99_99, 5, 1));
        assertThat(desk.workingOrder(bob, postOnly.id()).postOnly()).isTrue();
    }

    @Test
    void postOnlyMakesTheTradeWhenLaterTakenAndStaysMaker() {
        var postOnly = desk.postOnly(alice, Side.SELL, 100_00, 5);

        var taker = desk.buyLimit(bob, 100_00, 5);

        assertThat(taker.only(Event.Trade.class).makerOrderId()).isEqualTo(postOnly.id());
    }

    @Test
    void postOnlyCannotBeImmediateOrCancel() {
        var ioc = desk.place(desk.order(alice, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 99_00, 0, 5, 0, true));

        assertThat(ioc.rejection()).isEqualTo(ErrorCode.INVALID_ORDER_SPEC);
    }

    @Test
    void postOnlyReplacedToACrossingPriceIsRefusedAndKeepsResting() {
        desk.sellLimit(alice, 100_00, 5);
        var postOnly = desk.postOnly(bob, Side.BUY, 99_00, 5);

        var replace = desk.replace(bob, postOnly.id(), 100_00, 5);

        assertThat(replace.rejection()).isEqualTo(ErrorCode.POST_ONLY_WOULD_CROSS);
        assertThat(desk.bids()).containsExactly(new BookLevel(99_00, 5, 1));
    }
}
