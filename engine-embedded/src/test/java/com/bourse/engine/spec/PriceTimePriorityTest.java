package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Continuous matching: best price first, then first come first served, always at the resting order's price. */
class PriceTimePriorityTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private final Trader carol = desk.trader();

    @Test
    void ordersThatDoNotCrossRestOnTheirSides() {
        desk.buyLimit(alice, 99_00, 5);
        desk.sellLimit(bob, 101_00, 7);

        assertThat(desk.bids()).containsExactly(new BookLevel(99_00, 5, 1));
        assertThat(desk.asks()).containsExactly(new BookLevel(101_00, 7, 1));
        assertThat(desk.engine().tradeCount()).isZero();
    }

    @Test
    void betterPricedOrderTradesFirstEvenWhenItCameLater() {
        var worse = desk.sellLimit(alice, 100_50, 5);
        var better = desk.sellLimit(bob, 100_00, 5);

        var taker = desk.buyLimit(carol, 101_00, 5);

        assertThat(taker.trades()).extracting(Event.Trade::makerOrderId).containsExactly(better.id());
        assertThat(desk.asks()).containsExactly(new BookLevel(100_50, 5, 1));
        assertThat(desk.workingOrder(alice, worse.id())).isNotNull();
    }

    @Test
    void higherBidIsHitFirstBySeller() {
        desk.buyLimit(alice, 99_00, 5);
        var better = desk.buyLimit(bob, 99_50, 5);

        var taker = desk.sellLimit(carol, 99_00, 5);

        assertThat(taker.trades()).extracting(Event.Trade::makerOrderId, Event.Trade::price)
                .containsExactly(tuple(better.id(), 99_50L));
    }

    @Test
    void atTheSamePriceTheEarlierOrderTradesFirst() {
        var first = desk.sellLimit(alice, 100_00, 5);
        var second = desk.sellLimit(bob, 100_00, 5);

        var taker = desk.buyLimit(carol, 100_00, 5);

        assertThat(taker.trades()).extracting(Event.Trade::makerOrderId).containsExactly(first.id());
        assertThat(desk.workingOrder(bob, second.id()).leaves()).isEqualTo(5);
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 5, 1));
    }

    @Test
    void queueAtOnePriceIsWorkedInArrivalOrder() {
        var first = desk.sellLimit(alice, 100_00, 2);
        var second = desk.sellLimit(bob, 100_00, 2);
        var third = desk.sellLimit(carol, 100_00, 2);

        var taker = desk.buyLimit(desk.trader(), 100_00, 6);

        assertThat(taker.trades()).extracting(Event.Trade::makerOrderId)
                .containsExactly(first.id(), second.id(), third.id());
    }

    @Test
    void smallerIncomingOrderPartiallyFillsTheRestingOrder() {
        var maker = desk.sellLimit(alice, 100_00, 10);

        var taker = desk.buyLimit(bob, 100_00, 4);

        assertThat(taker.trades()).extracting(Event.Trade::quantity, Event.Trade::makerLeaves, Event.Trade::takerLeaves)
                .containsExactly(tuple(4L, 6L, 0L));
        assertThat(desk.workingOrder(alice, maker.id()).leaves()).isEqualTo(6);
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 6, 1));
        assertThat(desk.working(bob)).isEmpty();
    }

    @Test
    void largerIncomingLimitOrderRestsItsRemainder() {
        desk.sellLimit(alice, 100_00, 4);

        var taker = desk.buyLimit(bob, 100_00, 10);

        assertThat(taker.trades()).extracting(Event.Trade::quantity).containsExactly(4L);
        assertThat(desk.asks()).isEmpty();
        assertThat(desk.bids()).containsExactly(new BookLevel(100_00, 6, 1));
        assertThat(desk.workingOrder(bob, taker.id()).leaves()).isEqualTo(6);
    }

    @Test
    void buyerPaysTheRestingAsksPriceNotItsOwnLimit() {
        desk.sellLimit(alice, 100_00, 5);

        var taker = desk.buyLimit(bob, 102_00, 5);

        assertThat(taker.only(Event.Trade.class).price()).isEqualTo(100_00);
    }

    @Test
    void sellerReceivesTheRestingBidsPriceNotItsOwnLimit() {
        desk.buyLimit(alice, 101_00, 5);

        var taker = desk.sellLimit(bob, 99_00, 5);

        assertThat(taker.only(Event.Trade.class).price()).isEqualTo(101_00);
    }

    @Test
    void aTakerSweepsSeveralLevelsFromTheBestPriceOutward() {
        desk.sellLimit(alice, 100_20, 5);
        desk.sellLimit(bob, 100_00, 3);
        desk.sellLimit(carol, 100_10, 4);

        var taker = desk.buyLimit(desk.trader(), 100_20, 10);

        assertThat(taker.trades()).extracting(Event.Trade::price, Event.Trade::quantity)
                .containsExactly(tuple(100_00L, 3L), tuple(100_10L, 4L), tuple(100_20L, 3L));
        assertThat(desk.asks()).containsExactly(new BookLevel(100_20, 2, 1));
    }

    @Test
    void sweepStopsAtTheTakersLimitPrice() {
        desk.sellLimit(alice, 100_00, 3);
        desk.sellLimit(bob, 100_50, 3);

        var taker = desk.buyLimit(carol, 100_10, 10);

        assertThat(taker.trades()).extracting(Event.Trade::price).containsExactly(100_00L);
        assertThat(desk.bids()).containsExactly(new BookLevel(100_10, 7, 1));
        assertThat(desk.asks()).containsExactly(new BookLevel(100_50, 3, 1));
    }

    @Test
    void everyTradeNamesMakerAndTakerOrdersAccountsAndWhatEachHasLeft() {
        var maker = desk.sellLimit(alice, 100_00, 10);

        var taker = desk.buyLimit(bob, 100_00, 4);

        Event.Trade trade = taker.only(Event.Trade.class);
        assertThat(trade.instrumentId()).isEqualTo(ACME);
        assertThat(trade.makerOrderId()).isEqualTo(maker.id());
        assertThat(trade.takerOrderId()).isEqualTo(taker.id());
        assertThat(trade.makerAccountId()).isEqualTo(alice.accountId());
        assertThat(trade.takerAccountId()).isEqualTo(bob.accountId());
        assertThat(trade.takerSide()).isEqualTo(Side.BUY);
        assertThat(trade.makerLeaves()).isEqualTo(6);
        assertThat(trade.takerLeaves()).isZero();
        assertThat(trade.tradeId()).isPositive();
    }

    @Test
    void tradeIdsIncreaseWithEveryExecution() {
        desk.sellLimit(alice, 100_00, 1);
        desk.sellLimit(bob, 100_00, 1);

        var taker = desk.buyLimit(carol, 100_00, 2);

        var ids = taker.trades().stream().map(Event.Trade::tradeId).toList();
        assertThat(ids).hasSize(2);
        assertThat(ids.get(1)).isEqualTo(ids.get(0) + 1);
    }

    @Test
    void everyFilledLevelIsReportedAsABookDelta() {
        desk.sellLimit(alice, 100_00, 3);
        desk.sellLimit(bob, 100_10, 4);

        var taker = desk.buyLimit(carol, 100_10, 5);

        assertThat(taker.all(Event.BookDelta.class))
                .containsExactly(new Event.BookDelta(ACME, Side.SELL, 100_00, 0, 0),
                        new Event.BookDelta(ACME, Side.SELL, 100_10, 2, 1));
    }
}
