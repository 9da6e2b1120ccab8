package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Amending a resting limit order: what keeps its place in the queue and what sends it to the back. */
class ReplaceTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private final Trader carol = desk.trader();

    @Test
    void replaceToANewPriceLosesTimePriority() {
        var first = desk.buyLimit(alice, 99_00, 5);
        var second = desk.buyLimit(bob, 99_10, 5);

        var replace = desk.replace(alice, first.id(), 99_10, 5);
        var taker = desk.sellLimit(carol, 99_10, 5);

        assertThat(replace.only(Event.OrderReplaced.class))
                .isEqualTo(new Event.OrderReplaced(first.id(), alice.accountId(), 99_10, 5, false));
        assertThat(taker.only(Event.Trade.class).makerOrderId()).isEqualTo(second.id());
    }

    @Test
    void replaceThatIncreasesQuantityLosesTimePriority() {
        var first = desk.buyLimit(alice, 99_00, 5);
        var second = desk.buyLimit(bob, 99_00, 5);

        var replace = desk.replace(alice, first.id(), 99_00, 8);
        var taker = desk.sellLimit(carol, 99_00, 5);

        assertThat(replace.only(Event.OrderReplaced.class).keptPriority()).isFalse();
        assertThat(taker.only(Event.Trade.class).makerOrderId()).isEqualTo(second.id());
        assertThat(desk.bids()).containsExactly(new BookLevel(99_00, 8, 1));
    }

    @Test
    void replaceThatDecreasesQuantityKeepsTimePriority() {
        var first = desk.buyLimit(alice, 99_00, 5);
        desk.buyLimit(bob, 99_00, 5);

        var replace = desk.replace(alice, first.id(), 99_00, 3);
        var taker = desk.sellLimit(carol, 99_00, 3);

        assertThat(replace.only(Event.OrderReplaced.class))
                .isEqualTo(new Event.OrderReplaced(first.id(), alice.accountId(), 99_00, 3, true));
        assertThat(taker.only(Event.Trade.class).makerOrderId()).isEqualTo(first.id());
    }

    @Test
    void replaceReportsTheLevelsNewVisibleQuantity() {
        var order = desk.buyLimit(alice, 99_00, 5);
        desk.buyLimit(bob, 99_00, 5);

        desk.replace(alice, order.id(), 99_00, 2);

        assertThat(desk.bids()).containsExactly(new BookLevel(99_00, 7, 2));
    }

    @Test
    void replaceToACrossingPriceTradesAtTheRestingPrice() {
        desk.sellLimit(alice, 100_00, 3);
        var bid = desk.buyLimit(bob, 99_00, 5);

        var replace = desk.replace(bob, bid.id(), 100_50, 5);

        assertThat(replace.trades()).extracting(Event.Trade::takerOrderId, Event.Trade::price, Event.Trade::quantity)
                .containsExactly(tuple(bid.id(), 100_00L, 3L));
        assertThat(desk.bids()).containsExactly(new BookLevel(100_50, 2, 1));
        assertThat(desk.heldCash(bob)).isEqualTo(100_50 * 2);
    }

    @Test
    void replaceMovesTheCashHoldToTheNewPriceAndQuantity() {
        var bid = desk.buyLimit(alice, 99_00, 10);

        desk.replace(alice, bid.id(), 98_00, 5);

        assertThat(desk.heldCash(alice)).isEqualTo(98_00 * 5);
    }

    @Test
    void replaceOfASellMovesTheSharesHold() {
        var ask = desk.sellLimit(alice, 101_00, 10);

        desk.replace(alice, ask.id(), 101_00, 4);

        assertThat(desk.heldShares(alice)).isEqualTo(4);
    }

    @Test
    void amendmentOfAPartlyFilledOrderSetsItsNewTotalAndKeepsWhatFilled() {
        var ask = desk.sellLimit(alice, 101_00, 10);
        desk.buyLimit(bob, 101_00, 4);

        var replace = desk.replace(alice, ask.id(), 101_00, 7);

        assertThat(replace.only(Event.OrderReplaced.class))
                .isEqualTo(new Event.OrderReplaced(ask.id(), alice.accountId(), 101_00, 3, true, 0, 7));
        assertThat(desk.workingOrder(alice, ask.id()).leaves()).isEqualTo(3);
        assertThat(desk.heldShares(alice)).isEqualTo(3);
    }

    @Test
    void reSendingTheOriginalTotalNeverReopensTheFilledPart() {
        var ask = desk.sellLimit(alice, 101_00, 10);
        desk.buyLimit(bob, 101_00, 4);

        var replace = desk.replace(alice, ask.id(), 101_00, 10);

        assertThat(replace.only(Event.OrderReplaced.class).quantity()).isEqualTo(6);
        assertThat(replace.only(Event.OrderReplaced.class).keptPriority()).isTrue();
        assertThat(desk.workingOrder(alice, ask.id()).leaves()).isEqualTo(6);
    }

    @Test
    void amendmentToATotalAtOrBelowTheFilledQuantityIsRefusedAndChangesNothing() {
        var ask = desk.sellLimit(alice, 101_00, 10);
        desk.buyLimit(bob, 101_00, 4);

        var atFilled = desk.replace(alice, ask.id(), 101_00, 4);
        var belowFilled = desk.replace(alice, ask.id(), 101_00, 2);

        assertThat(atFilled.events()).containsExactly(
                new Event.OrderRejected(ask.id(), alice.accountId(), ErrorCode.QUANTITY_NOT_ABOVE_FILLED));
        assertThat(belowFilled.rejection()).isEqualTo(ErrorCode.QUANTITY_NOT_ABOVE_FILLED);
        assertThat(desk.workingOrder(alice, ask.id()).leaves()).isEqualTo(6);
        assertThat(desk.heldShares(alice)).isEqualTo(6);
    }

    @Test
    void replaceBeyondBuyingPowerIsRefusedAndLeavesTheOrderAsItWas() {
        var bid = desk.buyLimit(alice, 99_00, 10);

        var replace = desk.replace(alice, bid.id(), 99_00, 1_000);

        assertThat(replace.rejection()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(desk.workingOrder(alice, bid.id()).leaves()).isEqualTo(10);
        assertThat(desk.heldCash(alice)).isEqualTo(99_00 * 10);
    }

    @Test
    void marketOrderNeverRestsSoThereIsNothingToAmend() {
        desk.sellLimit(bob, 100_00, 1);
        var market = desk.buyMarket(alice, 5);

        var replace = desk.replace(alice, market.id(), 100_00, 5);

        assertThat(replace.rejection()).isEqualTo(ErrorCode.UNKNOWN_ORDER);
    }

    @Test
    void orderHeldForReviewCannotBeReplaced() {
        desk.fund(alice, EUR, 15_000_000);
        var held = desk.buyLimit(alice, 100_00, 1_001);
        assertThat(held.has(Event.OrderHeld.class)).isTrue();

        var replace = desk.replace(alice, held.id(), 100_00, 10);

        assertThat(replace.rejection()).isEqualTo(ErrorCode.ORDER_NOT_REPLACEABLE);
        assertThat(desk.workingOrder(alice, held.id()).status()).isEqualTo("HELD");
    }

    @Test
    void anotherTraderCannotReplaceYourOrder() {
        var bid = desk.buyLimit(alice, 99_00, 10);

        var replace = desk.apply(ts -> new Command.ReplaceOrder(ts, bob.userId(), bid.id(), alice.accountId(), 99_00,
                0, 5));

        assertThat(replace.events())
                .containsExactly(new Event.OrderRejected(bid.id(), alice.accountId(), ErrorCode.NOT_AUTHORIZED));
        assertThat(desk.workingOrder(alice, bid.id()).leaves()).isEqualTo(10);
    }

    @Test
    void replaceOfAnUnknownOrderIsRefused() {
        var replace = desk.replace(alice, 424_242, 99_00, 5);

        assertThat(replace.rejection()).isEqualTo(ErrorCode.UNKNOWN_ORDER);
    }

    @Test
    void replaceThatShrinksAnIcebergKeepsItsPlace() {
        var iceberg = desk.sellIceberg(alice, 100_00, 30, 10);
        desk.sellLimit(bob, 100_00, 10);

        var replace = desk.replace(alice, iceberg.id(), 100_00, 6);
        var taker = desk.buyLimit(carol, 100_00, 6);

        assertThat(replace.only(Event.OrderReplaced.class).keptPriority()).isTrue();
        assertThat(taker.only(Event.Trade.class).makerOrderId()).isEqualTo(iceberg.id());
    }
}
