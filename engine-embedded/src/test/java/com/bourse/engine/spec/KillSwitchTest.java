package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ADMIN;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static com.bourse.engine.spec.TradingDesk.SECOND_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The account kill switch: everything working is cancelled and nothing new gets in until a risk officer says so. */
class KillSwitchTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    @Test
    void engagingCancelsEveryWorkingOrderOfTheAccountAndReleasesItsHolds() {
        var bid = desk.buyLimit(alice, 99_00, 5);
        var ask = desk.sellLimit(alice, 101_00, 5);
        var stop = desk.buyStop(alice, 102_00, 2);

        var kill = desk.engageKillSwitch(OFFICER, alice);

        assertThat(kill.only(Event.KillSwitchChanged.class))
                .isEqualTo(new Event.KillSwitchChanged(alice.accountId(), true, OFFICER));
        assertThat(kill.all(Event.OrderCancelled.class))
                .extracting(Event.OrderCancelled::orderId, Event.OrderCancelled::reason)
                .containsExactly(tuple(bid.id(), CancelReason.KILL_SWITCH), tuple(ask.id(), CancelReason.KILL_SWITCH),
                        tuple(stop.id(), CancelReason.KILL_SWITCH));
        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.heldShares(alice)).isZero();
    }

    @Test
    void engagingAlsoCancelsOrdersWaitingForReview() {
        desk.fund(alice, EUR, 15_000_000);
        var held = desk.buyLimit(alice, 100_00, 1_001);
        assertThat(held.has(Event.OrderHeld.class)).isTrue();

        var kill = desk.engageKillSwitch(OFFICER, alice);

        assertThat(kill.only(Event.OrderCancelled.class).orderId()).isEqualTo(held.id());
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.approveOrder(SECOND_OFFICER, held.id()).rejection()).isEqualTo(ErrorCode.UNKNOWN_ORDER);
    }

    @Test
    void engagedSwitchBlocksNewOrders() {
        desk.engageKillSwitch(OFFICER, alice);

        var order = desk.buyLimit(alice, 99_00, 5);

        assertThat(order.rejection()).isEqualTo(ErrorCode.ACCOUNT_KILL_SWITCH);
        assertThat(desk.bids()).isEmpty();
    }

    @Test
    void engagedSwitchBlocksWithdrawals() {
        desk.engageKillSwitch(OFFICER, alice);

        var withdrawal = desk.withdraw(alice.userId(), desk.nextTransferId(), alice, EUR, 100);

        assertThat(withdrawal.rejection()).isEqualTo(ErrorCode.ACCOUNT_KILL_SWITCH);
        assertThat(desk.cash(alice)).isEqualTo(TradingDesk.STARTING_CASH);
    }

    @Test
    void otherAccountsKeepTrading() {
        var bobsBid = desk.buyLimit(bob, 99_00, 5);

        desk.engageKillSwitch(OFFICER, alice);
        var bobsNext = desk.buyLimit(bob, 98_00, 5);

        assertThat(desk.workingOrder(bob, bobsBid.id())).isNotNull();
        assertThat(bobsNext.rejection()).isNull();
    }

    @Test
    void releasedSwitchLetsOrdersInAgain() {
        desk.engageKillSwitch(OFFICER, alice);

        var release = desk.releaseKillSwitch(SECOND_OFFICER, alice);
        var order = desk.buyLimit(alice, 99_00, 5);

        assertThat(release.only(Event.KillSwitchChanged.class))
                .isEqualTo(new Event.KillSwitchChanged(alice.accountId(), false, SECOND_OFFICER));
        assertThat(order.rejection()).isNull();
        assertThat(desk.engine().killSwitchEngaged(alice.accountId())).isFalse();
    }

    @Test
    void releasingDoesNotBringCancelledOrdersBack() {
        desk.buyLimit(alice, 99_00, 5);
        desk.engageKillSwitch(OFFICER, alice);

        desk.releaseKillSwitch(OFFICER, alice);

        assertThat(desk.working(alice)).isEmpty();
    }

    @Test
    void traderCannotEngageTheKillSwitch() {
        var bid = desk.buyLimit(alice, 99_00, 5);

        var kill = desk.engageKillSwitch(bob.userId(), alice);

        assertThat(kill.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.workingOrder(alice, bid.id())).isNotNull();
        assertThat(desk.engine().killSwitchEngaged(alice.accountId())).isFalse();
    }

    @Test
    void administratorCannotEngageTheKillSwitch() {
        var kill = desk.engageKillSwitch(ADMIN, alice);

        assertThat(kill.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.engine().killSwitchEngaged(alice.accountId())).isFalse();
    }

    @Test
    void traderCannotReleaseTheKillSwitchOnTheirOwnAccount() {
        desk.engageKillSwitch(OFFICER, alice);

        var release = desk.releaseKillSwitch(alice.userId(), alice);

        assertThat(release.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.engine().killSwitchEngaged(alice.accountId())).isTrue();
    }
}
