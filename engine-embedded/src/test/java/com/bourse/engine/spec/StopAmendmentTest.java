package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.BAND_HIGH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting stops can be amended (trigger, stop-limit's limit price, total quantity) with the book's priority rules:
 * a new price or a larger quantity sends the stop behind the other waiting stops, a smaller quantity keeps its
 * place; a trigger the market has already reached is refused, as at entry.
 */
class StopAmendmentTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private final Trader dave = desk.trader();
    private final Trader erin = desk.trader();

    @Test
    void waitingStopAmendedToANewTriggerLosesItsTimePriority() {
        var first = desk.sellStop(alice, 99_00, 1);
        var second = desk.sellStop(bob, 99_00, 1);

        var amend = desk.amend(alice, first.id(), 0, 99_50, 1);

        assertThat(amend.events()).containsExactly(
                new Event.OrderReplaced(first.id(), alice.accountId(), 0, 1, false, 99_50, 1));
        assertThat(electionOrderAt99()).containsExactly(second.id(), first.id());
    }

    @Test
    void waitingStopAmendedToALargerQuantityLosesItsTimePriority() {
        var first = desk.sellStop(alice, 99_00, 1);
        var second = desk.sellStop(bob, 99_00, 1);

        var amend = desk.amend(alice, first.id(), 0, 0, 2);

        assertThat(amend.only(Event.OrderReplaced.class).keptPriority()).isFalse();
        assertThat(electionOrderAt99()).containsExactly(second.id(), first.id());
    }

    @Test
    void waitingStopAmendedToASmallerQuantityKeepsItsTimePriority() {
        var first = desk.sellStop(alice, 99_00, 3);
        var second = desk.sellStop(bob, 99_00, 1);

        var amend = desk.amend(alice, first.id(), 0, 0, 2);

        assertThat(amend.events()).startsWith(
                new Event.OrderReplaced(first.id(), alice.accountId(), 0, 2, true, 99_00, 2));
        assertThat(desk.heldShares(alice)).isEqualTo(2);
        assertThat(electionOrderAt99()).containsExactly(first.id(), second.id());
    }

    @Test
    void stopLimitsTriggerAndLimitPriceCanBothBeAmended() {
        var stop = desk.buyStopLimit(alice, 101_00, 101_50, 5);

        var amend = desk.amend(alice, stop.id(), 102_00, 101_20, 5);

        assertThat(amend.only(Event.OrderReplaced.class))
                .isEqualTo(new Event.OrderReplaced(stop.id(), alice.accountId(), 102_00, 5, false, 101_20, 5));
        var working = desk.workingOrder(alice, stop.id());
        assertThat(working.stopPrice()).isEqualTo(101_20);
        assertThat(working.price()).isEqualTo(102_00);
        assertThat(working.status()).isEqualTo("STOP_WAITING");
        assertThat(desk.heldCash(alice)).isEqualTo(102_00 * 5);
    }

    @Test
    void amendingAWaitingBuyStopUpHoldsCashForTheNewQuantityAtTheTopOfTheBand() {
        var stop = desk.buyStop(alice, 101_00, 5);

        desk.amend(alice, stop.id(), 0, 0, 8);

        assertThat(desk.heldCash(alice)).isEqualTo(BAND_HIGH * 8);
    }

    @Test
    void stopCannotBeAmendedToATriggerTheMarketHasAlreadyReached() {
        var stop = desk.sellStop(alice, 99_00, 1);

        var amend = desk.amend(alice, stop.id(), 0, 100_00, 1);

        assertThat(amend.events()).containsExactly(
                new Event.OrderRejected(stop.id(), alice.accountId(), ErrorCode.STOP_PRICE_ALREADY_REACHED));
        assertThat(desk.workingOrder(alice, stop.id()).stopPrice()).isEqualTo(99_00);
    }

    @Test
    void stopOrderHasNoLimitPriceToAmend() {
        var stop = desk.sellStop(alice, 99_00, 1);

        var amend = desk.amend(alice, stop.id(), 98_00, 0, 1);

        assertThat(amend.rejection()).isEqualTo(ErrorCode.INVALID_PRICE);
    }

    @Test
    void amendedStopIsElectedAtItsNewTrigger() {
        var stop = desk.sellStop(alice, 98_00, 1);
        desk.amend(alice, stop.id(), 0, 99_00, 1);
        desk.buyLimit(dave, 99_00, 1);
        desk.buyLimit(dave, 97_00, 5);

        var trade = desk.sellLimit(erin, 99_00, 1);

        assertThat(trade.only(Event.OrderTriggered.class)).isEqualTo(new Event.OrderTriggered(stop.id(), 99_00,
                alice.accountId()));
    }

    /** Bids at 99.00 and below, then a sale at 99.00: the order in which the waiting sell stops are elected. */
    private java.util.List<Long> electionOrderAt99() {
        desk.buyLimit(dave, 99_00, 1);
        desk.buyLimit(dave, 97_00, 10);
        return desk.sellLimit(erin, 99_00, 1).all(Event.OrderTriggered.class).stream()
                .map(Event.OrderTriggered::orderId).toList();
    }
}
