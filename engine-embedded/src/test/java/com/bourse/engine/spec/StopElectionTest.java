package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.BAND_HIGH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What elects a waiting stop and in what order elected stops trade: any trade at or through the stop price elects
 * it, mid-sweep trades included; stops elected by the same order's trades run in their time priority; stops their
 * trades elect queue behind those already elected; a stop whose trigger was already reached cannot be entered.
 */
class StopElectionTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private final Trader carol = desk.trader();
    private final Trader dave = desk.trader();
    private final Trader erin = desk.trader();

    // ---- Every trade at or through the trigger elects ----------------------------------------------

    @Test
    void sellStopIsElectedByATradeInTheMiddleOfASweepThatEndsAboveItsStopPrice() {
        var stop = desk.sellStop(alice, 99_05, 2);
        desk.buyLimit(dave, 98_00, 5);
        desk.sellLimit(bob, 98_90, 1);
        desk.sellLimit(bob, 99_15, 1);

        var sweep = desk.buyLimit(carol, 99_15, 2);

        assertThat(sweep.trades()).extracting(Event.Trade::price).containsExactly(98_90L, 99_15L, 98_00L);
        assertThat(sweep.only(Event.OrderTriggered.class)).isEqualTo(new Event.OrderTriggered(stop.id(), 98_90,
                alice.accountId()));
        assertThat(desk.working(alice)).isEmpty();
    }

    @Test
    void buyStopIsElectedByATradeInTheMiddleOfASweepThatEndsBelowItsStopPrice() {
        var stop = desk.buyStop(alice, 100_95, 2);
        desk.sellLimit(dave, 102_00, 5);
        desk.buyLimit(bob, 101_10, 1);
        desk.buyLimit(bob, 100_85, 1);

        var sweep = desk.sellLimit(carol, 100_85, 2);

        assertThat(sweep.trades()).extracting(Event.Trade::price).containsExactly(101_10L, 100_85L, 102_00L);
        assertThat(sweep.only(Event.OrderTriggered.class)).isEqualTo(new Event.OrderTriggered(stop.id(), 101_10,
                alice.accountId()));
    }

    @Test
    void aTradeExactlyAtTheStopPriceElectsIt() {
        var stop = desk.sellStop(alice, 99_00, 1);
        desk.buyLimit(dave, 98_00, 5);
        desk.buyLimit(bob, 99_00, 1);

        var trade = desk.sellLimit(carol, 99_00, 1);

        assertThat(trade.only(Event.OrderTriggered.class)).isEqualTo(new Event.OrderTriggered(stop.id(), 99_00,
                alice.accountId()));
    }

    // ---- Order of the elected ---------------------------------------------------------------------

    @Test
    void stopsElectedByTheSameTradesRunInTheirTimePriorityNotByTheirStopPrices() {
        var older = desk.sellStop(alice, 99_00, 1);
        var newer = desk.sellStop(bob, 99_50, 1);
        desk.buyLimit(dave, 99_50, 1);
        desk.buyLimit(dave, 99_00, 1);
        desk.buyLimit(dave, 98_00, 5);

        var sweep = desk.sellLimit(erin, 99_00, 2);

        assertThat(sweep.all(Event.OrderTriggered.class)).extracting(Event.OrderTriggered::orderId)
                .containsExactly(older.id(), newer.id());
    }

    @Test
    void stopsElectedByAnElectedStopsTradesQueueBehindTheStopsAlreadyElected() {
        var oldest = desk.sellStop(carol, 98_00, 1);
        var first = desk.sellStop(alice, 99_50, 1);
        var second = desk.sellStop(bob, 99_00, 1);
        desk.buyLimit(dave, 99_50, 1);
        desk.buyLimit(dave, 99_00, 1);
        desk.buyLimit(dave, 98_00, 1);
        desk.buyLimit(dave, 97_00, 5);

        var sweep = desk.sellLimit(erin, 99_00, 2);

        // first and second are elected by erin's sweep; first's own trade at 98.00 elects the oldest, which
        // queues behind second although it was entered before both.
        assertThat(sweep.all(Event.OrderTriggered.class)).containsExactly(
                new Event.OrderTriggered(first.id(), 99_00, alice.accountId()),
                new Event.OrderTriggered(second.id(), 99_00, bob.accountId()),
                new Event.OrderTriggered(oldest.id(), 98_00, carol.accountId()));
        assertThat(sweep.trades()).extracting(Event.Trade::takerOrderId, Event.Trade::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sweep.id(), 99_50L),
                        org.assertj.core.groups.Tuple.tuple(sweep.id(), 99_00L),
                        org.assertj.core.groups.Tuple.tuple(first.id(), 98_00L),
                        org.assertj.core.groups.Tuple.tuple(second.id(), 97_00L),
                        org.assertj.core.groups.Tuple.tuple(oldest.id(), 97_00L));
    }

    @Test
    void aStopStaysElectedWhenAnEarlierElectedStopMovesThePriceAwayFromItsTrigger() {
        var buyStop = desk.buyStop(alice, 100_50, 1);
        var sellStop = desk.sellStop(bob, 99_05, 1);
        desk.buyLimit(dave, 98_00, 5);
        desk.sellLimit(erin, 98_90, 1);
        desk.sellLimit(erin, 100_50, 1);
        desk.sellLimit(erin, 101_00, 5);

        var sweep = desk.buyLimit(carol, 100_50, 2);

        // The buy stop (older) runs first and trades at 101.00, away from 99.05; the sell stop still runs.
        assertThat(sweep.all(Event.OrderTriggered.class)).containsExactly(
                new Event.OrderTriggered(buyStop.id(), 100_50, alice.accountId()),
                new Event.OrderTriggered(sellStop.id(), 98_90, bob.accountId()));
        assertThat(sweep.trades()).extracting(Event.Trade::price)
                .containsExactly(98_90L, 100_50L, 101_00L, 98_00L);
        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.working(bob)).isEmpty();
    }

    // ---- A trigger already reached at entry is refused ---------------------------------------------

    @Test
    void stopAtTheReferencePriceOfAnInstrumentThatHasNotTradedIsRefusedAsAlreadyReached() {
        var buy = desk.buyStop(alice, 100_00, 1);
        var sell = desk.sellStopLimit(alice, 100_00, 99_00, 1);
        var justAbove = desk.buyStop(alice, 100_01, 1);

        assertThat(buy.events()).containsExactly(
                new Event.OrderRejected(buy.id(), alice.accountId(), ErrorCode.STOP_PRICE_ALREADY_REACHED));
        assertThat(sell.rejection()).isEqualTo(ErrorCode.STOP_PRICE_ALREADY_REACHED);
        assertThat(justAbove.has(Event.OrderAccepted.class)).isTrue();
        assertThat(desk.heldCash(alice)).isEqualTo(BAND_HIGH);
    }

    @Test
    void stopAtOrThroughTheLastTradeIsRefusedInsteadOfFiringAtOnce() {
        desk.sellLimit(bob, 101_00, 1);
        desk.buyLimit(carol, 101_00, 1);

        var buyAtLast = desk.buyStop(alice, 101_00, 1);
        var buyBelowLast = desk.buyStop(alice, 100_50, 1);
        var sellAboveLast = desk.sellStop(alice, 101_50, 1);
        var sellBelowLast = desk.sellStop(alice, 100_90, 1);

        assertThat(buyAtLast.rejection()).isEqualTo(ErrorCode.STOP_PRICE_ALREADY_REACHED);
        assertThat(buyBelowLast.rejection()).isEqualTo(ErrorCode.STOP_PRICE_ALREADY_REACHED);
        assertThat(sellAboveLast.rejection()).isEqualTo(ErrorCode.STOP_PRICE_ALREADY_REACHED);
        assertThat(sellBelowLast.has(Event.OrderTriggered.class)).isFalse();
        assertThat(desk.workingOrder(alice, sellBelowLast.id()).status()).isEqualTo("STOP_WAITING");
    }
}
