package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** GTC, DAY, IOC and FOK, including fill-or-kill against the trader's own resting orders. */
class TimeInForceTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private final Trader carol = desk.trader();

    // ---- GTC and DAY ----------------------------------------------------------------------------

    @Test
    void dayOrderExpiresAtEndOfDayAndReleasesItsHold() {
        var day = desk.place(desk.limit(alice, Side.BUY, 99_00, 5).withTimeInForce(TimeInForce.DAY));

        var close = desk.endOfDay();

        assertThat(close.only(Event.OrderExpired.class))
                .isEqualTo(new Event.OrderExpired(day.id(), alice.accountId(), 5));
        assertThat(close.all(Event.BookDelta.class)).containsExactly(new Event.BookDelta(ACME, Side.BUY, 99_00, 0, 0));
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void goodTillCancelledOrderSurvivesEndOfDay() {
        var gtc = desk.buyLimit(alice, 99_00, 5);
        desk.place(desk.limit(bob, Side.BUY, 99_00, 3).withTimeInForce(TimeInForce.DAY));

        var close = desk.endOfDay();

        assertThat(close.all(Event.OrderExpired.class)).extracting(Event.OrderExpired::accountId)
                .containsExactly(bob.accountId());
        assertThat(desk.workingOrder(alice, gtc.id())).isNotNull();
        assertThat(desk.bids()).containsExactly(new BookLevel(99_00, 5, 1));
    }

    @Test
    void partlyFilledDayOrderExpiresWithWhatIsLeft() {
        var day = desk.place(desk.limit(alice, Side.SELL, 100_00, 10).withTimeInForce(TimeInForce.DAY));
        desk.buyLimit(bob, 100_00, 4);

        var close = desk.endOfDay();

        assertThat(close.only(Event.OrderExpired.class).expiredQuantity()).isEqualTo(6);
        assertThat(desk.heldShares(alice)).isZero();
    }

    @Test
    void dayStopOrderWaitingForItsTriggerAlsoExpires() {
        var stop = desk.place(desk.order(alice, Side.BUY, OrderType.STOP, TimeInForce.DAY, 0,
                101_00, 5, 0, false));

        var close = desk.endOfDay();

        assertThat(close.only(Event.OrderExpired.class).orderId()).isEqualTo(stop.id());
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void onlyAnAdministratorClosesTheDay() {
        desk.place(desk.limit(alice, Side.BUY, 99_00, 5).withTimeInForce(TimeInForce.DAY));

        var close = desk.apply(ts -> new Command.EndOfDay(ts, alice.userId()));

        assertThat(close.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.bids()).hasSize(1);
    }

    // ---- IOC ------------------------------------------------------------------------------------

    @Test
    void immediateOrCancelTradesWhatItCanAndCancelsTheRest() {
        desk.sellLimit(alice, 100_00, 3);

        var ioc = desk.place(desk.limit(bob, Side.BUY, 100_00, 10).withTimeInForce(TimeInForce.IOC));

        assertThat(ioc.trades()).extracting(Event.Trade::quantity).containsExactly(3L);
        assertThat(ioc.only(Event.OrderCancelled.class))
                .isEqualTo(new Event.OrderCancelled(ioc.id(), bob.accountId(), 7, CancelReason.IOC_REMAINDER));
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.heldCash(bob)).isZero();
    }

    @Test
    void immediateOrCancelWithNothingToTradeNeverRests() {
        var ioc = desk.place(desk.limit(bob, Side.BUY, 99_00, 10).withTimeInForce(TimeInForce.IOC));

        assertThat(ioc.only(Event.OrderCancelled.class).cancelledQuantity()).isEqualTo(10);
        assertThat(ioc.has(Event.BookDelta.class)).isFalse();
        assertThat(desk.bids()).isEmpty();
    }

    // ---- FOK ------------------------------------------------------------------------------------

    @Test
    void fillOrKillFillsCompletelyAcrossLevels() {
        desk.sellLimit(alice, 100_00, 3);
        desk.sellLimit(bob, 100_10, 4);

        var fok = desk.place(desk.limit(carol, Side.BUY, 100_10, 7).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).extracting(Event.Trade::price, Event.Trade::quantity)
                .containsExactly(tuple(100_00L, 3L), tuple(100_10L, 4L));
        assertThat(fok.has(Event.OrderCancelled.class)).isFalse();
    }

    @Test
    void fillOrKillThatCannotFillCompletelyDoesNothing() {
        desk.sellLimit(alice, 100_00, 3);
        desk.sellLimit(bob, 100_10, 4);

        var fok = desk.place(desk.limit(carol, Side.BUY, 100_10, 8).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).isEmpty();
        assertThat(fok.only(Event.OrderCancelled.class))
                .isEqualTo(new Event.OrderCancelled(fok.id(), carol.accountId(), 8, CancelReason.FOK_NOT_FILLED));
        assertThat(desk.asks()).containsExactly(new BookLevel(100_00, 3, 1), new BookLevel(100_10, 4, 1));
        assertThat(desk.heldCash(carol)).isZero();
    }

    @Test
    void fillOrKillCountsOnlyLiquidityWithinItsLimit() {
        desk.sellLimit(alice, 100_00, 3);
        desk.sellLimit(bob, 100_20, 4);

        var fok = desk.place(desk.limit(carol, Side.BUY, 100_10, 5).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).isEmpty();
        assertThat(fok.only(Event.OrderCancelled.class).reason()).isEqualTo(CancelReason.FOK_NOT_FILLED);
    }

    @Test
    void fillOrKillCountsTheHiddenPartOfAnIceberg() {
        desk.sellIceberg(alice, 100_00, 30, 10);

        var fok = desk.place(desk.limit(bob, Side.BUY, 100_00, 25).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).extracting(Event.Trade::quantity).containsExactly(10L, 10L, 5L);
    }

    @Test
    void fillOrKillBlockedByOwnOrderIsKilledWhenNewestIsCancelledOnSelfTrade() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_NEWEST);
        var own = desk.sellLimit(self, 100_00, 5);
        desk.sellLimit(alice, 100_00, 5);

        var fok = desk.place(desk.limit(self, Side.BUY, 100_00, 5).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).isEmpty();
        assertThat(fok.only(Event.OrderCancelled.class).reason()).isEqualTo(CancelReason.FOK_NOT_FILLED);
        assertThat(desk.workingOrder(self, own.id())).isNotNull();
    }

    @Test
    void fillOrKillFillsFromOthersQueuedAheadOfOwnOrderWhenNewestIsCancelledOnSelfTrade() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_NEWEST);
        desk.sellLimit(alice, 100_00, 5);
        var own = desk.sellLimit(self, 100_00, 5);

        var fok = desk.place(desk.limit(self, Side.BUY, 100_00, 5).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).extracting(Event.Trade::makerAccountId, Event.Trade::quantity)
                .containsExactly(tuple(alice.accountId(), 5L));
        assertThat(desk.workingOrder(self, own.id())).isNotNull();
    }

    @Test
    void fillOrKillCancelsOwnRestingOrderAndFillsFromOthersWhenOldestIsCancelledOnSelfTrade() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_OLDEST);
        var own = desk.sellLimit(self, 100_00, 5);
        desk.sellLimit(alice, 100_00, 5);

        var fok = desk.place(desk.limit(self, Side.BUY, 100_00, 5).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.all(Event.OrderCancelled.class))
                .containsExactly(new Event.OrderCancelled(own.id(), self.accountId(), 5, CancelReason.SELF_TRADE));
        assertThat(fok.trades()).extracting(Event.Trade::makerAccountId, Event.Trade::quantity)
                .containsExactly(tuple(alice.accountId(), 5L));
    }

    @Test
    void fillOrKillThatOthersCannotFillLeavesOwnOrderAloneWhenOldestIsCancelledOnSelfTrade() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_OLDEST);
        var own = desk.sellLimit(self, 100_00, 5);
        desk.sellLimit(alice, 100_00, 3);

        var fok = desk.place(desk.limit(self, Side.BUY, 100_00, 5).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).isEmpty();
        assertThat(fok.all(Event.OrderCancelled.class)).extracting(Event.OrderCancelled::orderId)
                .containsExactly(fok.id());
        assertThat(desk.workingOrder(self, own.id())).isNotNull();
    }

    @Test
    void fillOrKillBlockedByOwnOrderIsKilledAndCancelsNothingElseWhenBothAreCancelledOnSelfTrade() {
        // All or nothing wins over the self-trade rule: a FOK that cannot fill has no effect at all.
        Trader self = desk.trader(SelfTradePrevention.CANCEL_BOTH);
        var own = desk.sellLimit(self, 100_00, 5);
        desk.sellLimit(alice, 100_00, 5);

        var fok = desk.place(desk.limit(self, Side.BUY, 100_00, 5).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).isEmpty();
        assertThat(fok.all(Event.OrderCancelled.class))
                .containsExactly(new Event.OrderCancelled(fok.id(), self.accountId(), 5, CancelReason.FOK_NOT_FILLED));
        assertThat(desk.workingOrder(self, own.id())).isNotNull();
    }

    @Test
    void fillOrKillFillsFromOthersAheadOfOwnOrderWhenBothAreCancelledOnSelfTrade() {
        Trader self = desk.trader(SelfTradePrevention.CANCEL_BOTH);
        desk.sellLimit(alice, 100_00, 5);
        var own = desk.sellLimit(self, 100_10, 5);

        var fok = desk.place(desk.limit(self, Side.BUY, 100_10, 5).withTimeInForce(TimeInForce.FOK));

        assertThat(fok.trades()).extracting(Event.Trade::makerAccountId).containsExactly(alice.accountId());
        assertThat(desk.workingOrder(self, own.id())).isNotNull();
    }
}
