package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static com.bourse.engine.spec.TradingDesk.ADMIN;
import static com.bourse.engine.spec.TradingDesk.BOND;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Cancel-all, scoped to an account, an instrument, or both, and who may ask for it. */
class MassCancelTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    private long bondBid(Trader trader) {
        return desk.place(desk.limit(trader, BOND, Side.BUY, 99_00, 10)).id();
    }

    @Test
    void traderCancelsEveryWorkingOrderOfTheirAccount() {
        var bid = desk.buyLimit(alice, 99_00, 5);
        var ask = desk.sellLimit(alice, 101_00, 5);
        var stop = desk.buyStop(alice, 102_00, 1);
        var others = desk.buyLimit(bob, 98_00, 5);

        var massCancel = desk.massCancel(alice.userId(), alice.accountId(), 0);

        assertThat(massCancel.all(Event.OrderCancelled.class))
                .extracting(Event.OrderCancelled::orderId, Event.OrderCancelled::reason)
                .containsExactly(tuple(bid.id(), CancelReason.MASS_CANCEL),
                        tuple(ask.id(), CancelReason.MASS_CANCEL),
                        tuple(stop.id(), CancelReason.MASS_CANCEL));
        assertThat(desk.working(alice)).isEmpty();
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.heldShares(alice)).isZero();
        assertThat(desk.workingOrder(bob, others.id())).isNotNull();
    }

    @Test
    void traderCancelsOnlyOneInstrumentOfTheirAccount() {
        desk.buyLimit(alice, 99_00, 5);
        long bond = bondBid(alice);

        var massCancel = desk.massCancel(alice.userId(), alice.accountId(), ACME);

        assertThat(massCancel.all(Event.OrderCancelled.class)).hasSize(1);
        assertThat(desk.working(alice)).extracting(w -> w.orderId()).containsExactly(bond);
    }

    @Test
    void riskOfficerCancelsAnInstrumentAcrossAllAccounts() {
        desk.buyLimit(alice, 99_00, 5);
        desk.sellLimit(bob, 101_00, 5);
        long aliceBond = bondBid(alice);

        var massCancel = desk.massCancel(OFFICER, 0, ACME);

        assertThat(massCancel.all(Event.OrderCancelled.class)).extracting(Event.OrderCancelled::accountId)
                .containsExactly(alice.accountId(), bob.accountId());
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.asks()).isEmpty();
        assertThat(desk.working(alice)).extracting(w -> w.orderId()).containsExactly(aliceBond);
    }

    @Test
    void riskOfficerCancelsAnotherTradersAccount() {
        desk.buyLimit(alice, 99_00, 5);

        var massCancel = desk.massCancel(OFFICER, alice.accountId(), 0);

        assertThat(massCancel.all(Event.OrderCancelled.class)).hasSize(1);
        assertThat(desk.working(alice)).isEmpty();
    }

    @Test
    void traderCannotMassCancelAnotherTradersAccount() {
        desk.buyLimit(alice, 99_00, 5);

        var massCancel = desk.massCancel(bob.userId(), alice.accountId(), 0);

        assertThat(massCancel.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.working(alice)).hasSize(1);
    }

    @Test
    void traderCannotMassCancelAWholeInstrument() {
        desk.buyLimit(alice, 99_00, 5);
        desk.buyLimit(bob, 99_00, 5);

        var massCancel = desk.massCancel(alice.userId(), 0, ACME);

        assertThat(massCancel.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.bids()).hasSize(1);
        assertThat(desk.bids().getFirst().orderCount()).isEqualTo(2);
    }

    @Test
    void administratorWithoutTheRiskRoleCannotMassCancelOthers() {
        desk.buyLimit(alice, 99_00, 5);

        var massCancel = desk.massCancel(ADMIN, alice.accountId(), 0);

        assertThat(massCancel.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.working(alice)).hasSize(1);
    }

    @Test
    void massCancelOfAnUnknownAccountOrInstrumentIsRefused() {
        assertThat(desk.massCancel(OFFICER, 777_777, 0).rejection()).isEqualTo(ErrorCode.UNKNOWN_ACCOUNT);
        assertThat(desk.massCancel(OFFICER, 0, 777_777).rejection()).isEqualTo(ErrorCode.UNKNOWN_INSTRUMENT);
    }
}
