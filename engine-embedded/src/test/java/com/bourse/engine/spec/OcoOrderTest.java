package com.bourse.engine.spec;

import com.bourse.engine.Engine;
import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static com.bourse.engine.spec.TradingDesk.STARTING_SHARES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-cancels-other pairs and brackets (Command.PlaceOco): a target limit and a stop, entered as one group; a fill
 * of one takes as much off the other, one filled in full cancels the other, a leg that ends otherwise ends the
 * group; the pair holds the position or cash once; a bracket enters its pair when its entry stops working, for what
 * it filled.
 */
class OcoOrderTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    // ---- Entry ------------------------------------------------------------------------------------------

    @Test
    void anOcoPairWorksAsALimitTargetAndAWaitingStopLinkedToEachOther() {
        var oco = desk.oco(alice, Side.SELL, 100, 105_00, 95_00);

        assertThat(oco.outcome().only(Event.OcoLinked.class))
                .isEqualTo(new Event.OcoLinked(alice.accountId(), oco.target(), oco.stop()));
        assertThat(desk.working(alice)).extracting(WorkingOrder::orderId, WorkingOrder::status, WorkingOrder::ocoPeerId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(oco.target(), "RESTING", oco.stop()),
                        org.assertj.core.groups.Tuple.tuple(oco.stop(), "STOP_WAITING", oco.target()));
    }

    @Test
    void bothSellLegsTogetherHoldTheSharesOnceSoAWholePositionCanBeProtected() {
        var oco = desk.oco(alice, Side.SELL, STARTING_SHARES, 105_00, 95_00);

        assertThat(oco.outcome().rejection()).isNull();
        assertThat(desk.heldShares(alice)).isEqualTo(STARTING_SHARES);
    }

    @Test
    void aPairWhoseTargetIsNotBeyondItsStopIsRefusedWholeAndNothingWorks() {
        var oco = desk.oco(alice, Side.SELL, 10, 95_00, 105_00);

        assertThat(oco.outcome().all(Event.OrderRejected.class)).extracting(Event.OrderRejected::orderId,
                Event.OrderRejected::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(oco.target(), ErrorCode.INVALID_PRICE),
                org.assertj.core.groups.Tuple.tuple(oco.stop(), ErrorCode.INVALID_PRICE));
        assertThat(desk.working(alice)).isEmpty();
    }

    @Test
    void aLegTheRiskChecksRefuseRefusesThePair() {
        var oco = desk.oco(alice, Side.SELL, STARTING_SHARES + 1, 105_00, 95_00);

        assertThat(oco.outcome().rejection()).isEqualTo(ErrorCode.INSUFFICIENT_POSITION);
        assertThat(oco.outcome().has(Event.OcoLinked.class)).isFalse();
        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.heldShares(alice)).isZero();
    }

    // ---- Fills ------------------------------------------------------------------------------------------

    @Test
    void whenTheTargetFillsInFullTheStopIsCancelledNamingTheOco() {
        var oco = desk.oco(alice, Side.SELL, 10, 105_00, 95_00);

        var lift = desk.buyLimit(bob, 105_00, 10);

        assertThat(lift.trades()).hasSize(1);
        assertThat(lift.only(Event.OrderCancelled.class))
                .isEqualTo(new Event.OrderCancelled(oco.stop(), alice.accountId(), 10, CancelReason.OCO_FILLED));
        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.heldShares(alice)).isZero();
        assertThat(desk.shares(alice)).isEqualTo(STARTING_SHARES - 10);
    }

    @Test
    void whenTheStopIsElectedAndFillsTheTargetIsCancelledAndTheSharesItHeldAreSold() {
        var oco = desk.oco(alice, Side.SELL, 10, 105_00, 99_00);
        desk.buyLimit(bob, 98_00, 20);
        var drop = desk.sellMarket(desk.trader(), 1); // a trade at 98.00, through the stop

        assertThat(drop.only(Event.OrderTriggered.class).orderId()).isEqualTo(oco.stop());
        assertThat(drop.all(Event.OrderCancelled.class)).contains(
                new Event.OrderCancelled(oco.target(), alice.accountId(), 10, CancelReason.OCO_FILLED));
        assertThat(desk.shares(alice)).isEqualTo(STARTING_SHARES - 10);
        assertThat(desk.heldShares(alice)).isZero();
        assertThat(desk.asks()).isEmpty();
    }

    @Test
    void aPartialFillOfOneLegTakesAsMuchOffTheOtherWhichKeepsWorking() {
        var oco = desk.oco(alice, Side.SELL, 10, 105_00, 95_00);

        var lift = desk.buyLimit(bob, 105_00, 4);

        assertThat(lift.only(Event.OrderReplaced.class)).isEqualTo(new Event.OrderReplaced(oco.stop(),
                alice.accountId(), 0, 6, true, 95_00, 6));
        assertThat(desk.workingOrder(alice, oco.target()).leaves()).isEqualTo(6);
        assertThat(desk.workingOrder(alice, oco.stop()).leaves()).isEqualTo(6);
        assertThat(desk.heldShares(alice)).isEqualTo(6);
    }

    // ---- Ending a leg otherwise ----------------------------------------------------------------------

    @Test
    void cancellingOneLegCancelsTheGroup() {
        var oco = desk.oco(alice, Side.SELL, 10, 105_00, 95_00);

        var cancel = desk.cancel(alice, oco.target());

        assertThat(cancel.all(Event.OrderCancelled.class)).containsExactly(
                new Event.OrderCancelled(oco.target(), alice.accountId(), 10, CancelReason.USER_REQUEST),
                new Event.OrderCancelled(oco.stop(), alice.accountId(), 10, CancelReason.OCO_CANCELLED));
        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.heldShares(alice)).isZero();
    }

    @Test
    void aMassCancelEndsBothLegsAndReleasesTheHoldOnce() {
        desk.oco(alice, Side.SELL, 10, 105_00, 95_00);
        desk.sellLimit(alice, 108_00, 5);

        desk.massCancel(alice.userId(), alice.accountId(), 0);

        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.heldShares(alice)).isZero();
    }

    @Test
    void aLegCannotBeAmended() {
        var oco = desk.oco(alice, Side.SELL, 10, 105_00, 95_00);

        assertThat(desk.amend(alice, oco.stop(), 0, 96_00, 10).rejection()).isEqualTo(ErrorCode.ORDER_NOT_REPLACEABLE);
        assertThat(desk.workingOrder(alice, oco.stop()).stopPrice()).isEqualTo(95_00);
    }

    // ---- Brackets -------------------------------------------------------------------------------------------

    @Test
    void aBracketEntersItsTargetAndStopOnlyWhenItsEntryHasFilled() {
        var bracket = desk.longBracket(alice, 10, 99_00, 104_00, 96_00);
        assertThat(desk.working(alice)).extracting(WorkingOrder::orderId).containsExactly(bracket.entry());

        var fill = desk.sellLimit(bob, 99_00, 10);

        assertThat(fill.only(Event.OcoLinked.class))
                .isEqualTo(new Event.OcoLinked(alice.accountId(), bracket.target(), bracket.stop()));
        assertThat(desk.working(alice)).extracting(WorkingOrder::orderId, WorkingOrder::side, WorkingOrder::leaves)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(bracket.target(), Side.SELL, 10L),
                        org.assertj.core.groups.Tuple.tuple(bracket.stop(), Side.SELL, 10L));
    }

    @Test
    void aBracketWhoseEntryFilledInPartAndWasCancelledProtectsWhatItFilled() {
        var bracket = desk.longBracket(alice, 10, 99_00, 104_00, 96_00);
        desk.sellLimit(bob, 99_00, 4);

        desk.cancel(alice, bracket.entry());

        assertThat(desk.working(alice)).extracting(WorkingOrder::orderId, WorkingOrder::leaves)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(bracket.target(), 4L),
                        org.assertj.core.groups.Tuple.tuple(bracket.stop(), 4L));
    }

    @Test
    void ordersEnteredWhileTheBracketWaitsDoNotTakeItsLegsIds() {
        var bracket = desk.longBracket(alice, 10, 99_00, 104_00, 96_00);
        var later = desk.sellLimit(alice, 109_00, 1);
        assertThat(later.rejection()).isNull();

        var fill = desk.sellLimit(bob, 99_00, 10);

        assertThat(fill.has(Event.OcoLinked.class)).isTrue();
        assertThat(fill.rejection()).isNull();
        assertThat(later.id()).isGreaterThan(bracket.stop());
    }

    @Test
    void theWorkingOrdersNameTheirBracketTheEntryItsLegsToBeAndEachLegItsEntryAfterARestartToo() {
        var bracket = desk.longBracket(alice, 10, 99_00, 104_00, 96_00);
        var named = new WorkingOrder.Bracket(bracket.entry(), bracket.target(), 104_00, bracket.stop(), 96_00);
        assertThat(desk.working(alice)).extracting(WorkingOrder::bracket).containsExactly(named);

        desk.sellLimit(bob, 99_00, 10);

        assertThat(desk.working(alice)).extracting(WorkingOrder::bracket).containsExactly(named, named);
        assertThat(desk.restored().workingOrders(alice.accountId())).extracting(WorkingOrder::bracket)
                .containsExactly(named, named);
        var plain = desk.oco(alice, Side.SELL, 1, 105_00, 95_00);
        assertThat(desk.working(alice)).filteredOn(o -> o.orderId() == plain.target() || o.orderId() == plain.stop())
                .extracting(WorkingOrder::bracket).containsOnly(WorkingOrder.Bracket.NONE);
    }

    // ---- Restart --------------------------------------------------------------------------------------------

    @Test
    void aRestoredEngineKeepsTheGroupAndItsSnapshotIsByteForByteTheSame() {
        var oco = desk.oco(alice, Side.SELL, 10, 105_00, 95_00);
        desk.longBracket(bob, 5, 99_00, 104_00, 96_00);
        Engine restored = desk.restored();

        assertThat(restored.snapshot()).isEqualTo(desk.engine().snapshot());
        List<Event> events = new ArrayList<>();
        restored.apply(new Command.CancelOrder(desk.now(), alice.userId(), oco.stop(), alice.accountId()), events::add);
        assertThat(events).filteredOn(Event.OrderCancelled.class::isInstance).containsExactly(
                new Event.OrderCancelled(oco.stop(), alice.accountId(), 10, CancelReason.USER_REQUEST),
                new Event.OrderCancelled(oco.target(), alice.accountId(), 10, CancelReason.OCO_CANCELLED));
        assertThat(restored.held(alice.accountId(), TradingDesk.ACME_SYMBOL)).isZero();
    }

    @Test
    void theKillSwitchEndsBothLegsAndReleasesTheHold() {
        var oco = desk.oco(alice, Side.SELL, 10, 105_00, 95_00);
        desk.engageKillSwitch(OFFICER, alice);

        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.heldShares(alice)).isZero();
        assertThat(desk.journal()).filteredOn(Event.OrderCancelled.class::isInstance)
                .extracting(e -> ((Event.OrderCancelled) e).orderId()).contains(oco.target(), oco.stop());
    }
}
