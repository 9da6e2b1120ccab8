package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.BAND_HIGH;
import static com.bourse.engine.spec.TradingDesk.BAND_LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** LIMIT, MARKET, STOP and STOP_LIMIT orders. */
class OrderTypeTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private final Trader carol = desk.trader();
    private final Trader dave = desk.trader();

    // ---- LIMIT ----------------------------------------------------------------------------------

    @Test
    void limitOrderWithNothingToCrossRestsAtItsPrice() {
        var order = desk.buyLimit(alice, 99_00, 5);

        assertThat(order.has(Event.OrderAccepted.class)).isTrue();
        assertThat(desk.bids()).containsExactly(new BookLevel(99_00, 5, 1));
        assertThat(desk.workingOrder(alice, order.id()).status()).isEqualTo("RESTING");
    }

    // ---- MARKET ---------------------------------------------------------------------------------

    @Test
    void marketOrderThatWouldRestIsRefused() {
        var gtc = desk.place(desk.order(alice, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, 0, 5, 0, false));
        var day = desk.place(desk.order(alice, Side.BUY, OrderType.MARKET, TimeInForce.DAY, 0, 0, 5, 0, false));

        assertThat(gtc.rejection()).isEqualTo(ErrorCode.INVALID_ORDER_SPEC);
        assertThat(day.rejection()).isEqualTo(ErrorCode.INVALID_ORDER_SPEC);
    }

    @Test
    void marketBuySweepsTheAsksAndCancelsItsUnfilledRestAsAnImmediateOrCancelRemainder() {
        desk.sellLimit(alice, 100_00, 3);
        desk.sellLimit(bob, 101_00, 2);

        var market = desk.buyMarket(carol, 10);

        assertThat(market.trades()).extracting(Event.Trade::price, Event.Trade::quantity)
                .containsExactly(tuple(100_00L, 3L), tuple(101_00L, 2L));
        assertThat(market.only(Event.OrderCancelled.class))
                .isEqualTo(new Event.OrderCancelled(market.id(), carol.accountId(), 5, CancelReason.IOC_REMAINDER));
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.working(carol)).isEmpty();
    }

    @Test
    void marketSellHitsTheBidsBestFirst() {
        desk.buyLimit(alice, 99_00, 3);
        desk.buyLimit(bob, 99_50, 3);

        var market = desk.sellMarket(carol, 4);

        assertThat(market.trades()).extracting(Event.Trade::price, Event.Trade::quantity)
                .containsExactly(tuple(99_50L, 3L), tuple(99_00L, 1L));
        assertThat(market.has(Event.OrderCancelled.class)).isFalse();
    }

    @Test
    void marketOrderIntoAnEmptyBookIsCancelledWhole() {
        var market = desk.buyMarket(alice, 5);

        assertThat(market.trades()).isEmpty();
        assertThat(market.only(Event.OrderCancelled.class).cancelledQuantity()).isEqualTo(5);
        assertThat(market.only(Event.OrderCancelled.class).reason()).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void marketBuyNeverTradesAboveTheTopOfTheBand() {
        var outsideBand = desk.sellLimit(alice, BAND_HIGH + 1, 5);
        desk.sellLimit(bob, BAND_HIGH, 2);

        var market = desk.buyMarket(carol, 5);

        assertThat(outsideBand.rejection()).isEqualTo(ErrorCode.PRICE_OUT_OF_BAND);
        assertThat(market.trades()).extracting(Event.Trade::price).containsExactly(BAND_HIGH);
        assertThat(market.only(Event.OrderCancelled.class).cancelledQuantity()).isEqualTo(3);
    }

    @Test
    void marketSellNeverTradesBelowTheBottomOfTheBand() {
        var outsideBand = desk.buyLimit(alice, BAND_LOW - 1, 5);
        desk.buyLimit(bob, BAND_LOW, 2);

        var market = desk.sellMarket(carol, 5);

        assertThat(outsideBand.rejection()).isEqualTo(ErrorCode.PRICE_OUT_OF_BAND);
        assertThat(market.trades()).extracting(Event.Trade::price).containsExactly(BAND_LOW);
        assertThat(market.only(Event.OrderCancelled.class).reason()).isEqualTo(CancelReason.IOC_REMAINDER);
    }

    @Test
    void marketBuyHoldsCashAtTheTopOfTheBandAndPaysOnlyWhatItTraded() {
        desk.sellLimit(alice, 100_00, 5);
        long cashBefore = desk.cash(bob);

        var market = desk.buyMarket(bob, 5);

        var firstHold = market.all(Event.BalanceChanged.class).getFirst();
        assertThat(firstHold.delta()).isZero();
        assertThat(firstHold.held()).isEqualTo(BAND_HIGH * 5);
        assertThat(desk.cash(bob)).isEqualTo(cashBefore - 100_00 * 5);
        assertThat(desk.heldCash(bob)).isZero();
    }

    @Test
    void marketFillOrKillTradesOnlyWhenItCanFillInFull() {
        desk.sellLimit(alice, 100_00, 3);
        var tooBig = desk.place(desk.order(bob, Side.BUY, OrderType.MARKET, TimeInForce.FOK, 0, 0, 4, 0, false));
        var fits = desk.place(desk.order(carol, Side.BUY, OrderType.MARKET, TimeInForce.FOK, 0, 0, 3, 0, false));

        assertThat(tooBig.trades()).isEmpty();
        assertThat(tooBig.only(Event.OrderCancelled.class).reason()).isEqualTo(CancelReason.FOK_NOT_FILLED);
        assertThat(fits.trades()).extracting(Event.Trade::quantity).containsExactly(3L);
    }

    // ---- STOP and STOP_LIMIT --------------------------------------------------------------------

    @Test
    void stopOrderWaitsOffTheBook() {
        var stop = desk.buyStop(alice, 101_00, 5);

        assertThat(stop.has(Event.OrderAccepted.class)).isTrue();
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.workingOrder(alice, stop.id()).status()).isEqualTo("STOP_WAITING");
    }

    @Test
    void stopOrdersMustBeAbleToWaitForTheirTrigger() {
        var ioc = desk.place(desk.order(alice, Side.BUY, OrderType.STOP, TimeInForce.IOC, 0, 101_00, 5, 0, false));

        assertThat(ioc.rejection()).isEqualTo(ErrorCode.INVALID_ORDER_SPEC);
    }

    @Test
    void buyStopIsNotTriggeredByATradeBelowItsStopPrice() {
        var stop = desk.buyStop(alice, 101_00, 5);
        desk.sellLimit(bob, 100_99, 1);

        var trade = desk.buyLimit(carol, 100_99, 1);

        assertThat(trade.trades()).hasSize(1);
        assertThat(trade.has(Event.OrderTriggered.class)).isFalse();
        assertThat(desk.workingOrder(alice, stop.id()).status()).isEqualTo("STOP_WAITING");
    }

    @Test
    void buyStopTriggersWhenTheLastTradeReachesItsStopPriceAndBuysAtMarket() {
        var stop = desk.buyStop(alice, 101_00, 5);
        desk.sellLimit(dave, 101_50, 5);
        desk.sellLimit(bob, 101_00, 1);

        var trigger = desk.buyLimit(carol, 101_00, 1);

        assertThat(trigger.only(Event.OrderTriggered.class)).isEqualTo(new Event.OrderTriggered(stop.id(), 101_00,
                alice.accountId()));
        assertThat(trigger.trades()).extracting(Event.Trade::takerOrderId, Event.Trade::price, Event.Trade::quantity)
                .containsExactly(tuple(trigger.id(), 101_00L, 1L), tuple(stop.id(), 101_50L, 5L));
        assertThat(desk.working(alice)).isEmpty();
    }

    @Test
    void sellStopTriggersWhenTheLastTradeFallsToItsStopPrice() {
        var stop = desk.sellStop(alice, 99_00, 5);
        desk.buyLimit(dave, 98_50, 5);
        desk.buyLimit(bob, 99_00, 1);

        var trigger = desk.sellLimit(carol, 99_00, 1);

        assertThat(trigger.only(Event.OrderTriggered.class)).isEqualTo(new Event.OrderTriggered(stop.id(), 99_00,
                alice.accountId()));
        assertThat(trigger.trades()).extracting(Event.Trade::takerOrderId, Event.Trade::price)
                .containsExactly(tuple(trigger.id(), 99_00L), tuple(stop.id(), 98_50L));
    }

    @Test
    void triggeredStopCancelsWhatTheBookCannotFill() {
        var stop = desk.buyStop(alice, 101_00, 5);
        desk.sellLimit(dave, 101_50, 2);
        desk.sellLimit(bob, 101_00, 1);

        var trigger = desk.buyLimit(carol, 101_00, 1);

        assertThat(trigger.all(Event.OrderCancelled.class))
                .containsExactly(new Event.OrderCancelled(stop.id(), alice.accountId(), 3, CancelReason.NO_LIQUIDITY));
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void triggeredStopLimitTradesUpToItsLimitAndRestsTheRemainder() {
        var stop = desk.buyStopLimit(alice, 101_00, 101_20, 5);
        desk.sellLimit(dave, 101_10, 2);
        desk.sellLimit(dave, 101_50, 5);
        desk.sellLimit(bob, 101_00, 1);

        var trigger = desk.buyLimit(carol, 101_00, 1);

        assertThat(trigger.has(Event.OrderTriggered.class)).isTrue();
        assertThat(trigger.trades()).filteredOn(t -> t.takerOrderId() == stop.id())
                .extracting(Event.Trade::price, Event.Trade::quantity).containsExactly(tuple(101_10L, 2L));
        assertThat(desk.bids()).containsExactly(new BookLevel(101_20, 3, 1));
        assertThat(desk.workingOrder(alice, stop.id()).status()).isEqualTo("RESTING");
    }

    @Test
    void stopsReachedByTheSameTradeTriggerInEntryOrder() {
        var first = desk.buyStop(alice, 101_00, 1);
        var second = desk.buyStop(bob, 100_80, 1);
        desk.sellLimit(dave, 101_50, 5);
        desk.sellLimit(dave, 101_00, 1);

        var trigger = desk.buyLimit(carol, 101_00, 1);

        assertThat(trigger.all(Event.OrderTriggered.class)).extracting(Event.OrderTriggered::orderId)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void aTriggeredStopsTradesCanTriggerFurtherStops() {
        var first = desk.sellStop(alice, 99_00, 5);
        var second = desk.sellStop(bob, 98_00, 5);
        desk.buyLimit(dave, 98_50, 2);
        desk.buyLimit(dave, 98_00, 10);
        desk.buyLimit(carol, 99_00, 1);

        var trigger = desk.sellLimit(desk.trader(), 99_00, 1);

        assertThat(trigger.all(Event.OrderTriggered.class))
                .containsExactly(new Event.OrderTriggered(first.id(), 99_00, alice.accountId()),
                        new Event.OrderTriggered(second.id(), 98_00, bob.accountId()));
        assertThat(trigger.trades()).filteredOn(t -> t.takerOrderId() == second.id())
                .extracting(Event.Trade::price, Event.Trade::quantity).containsExactly(tuple(98_00L, 5L));
        assertThat(desk.bids()).containsExactly(new BookLevel(98_00, 2, 1));
    }

    @Test
    void buyStopHoldsCashAtTheTopOfTheBand() {
        desk.buyStop(alice, 101_00, 5);

        assertThat(desk.heldCash(alice)).isEqualTo(BAND_HIGH * 5);
    }
}
