package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static com.bourse.engine.spec.TradingDesk.ADMIN;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/** A halted instrument takes no new business, but traders can always get out of their working orders. */
class HaltTest {
    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    @Test
    void haltedInstrumentRefusesNewOrders() {
        var halt = desk.halt(OFFICER, ACME);

        var order = desk.buyLimit(alice, 99_00, 5);

        assertThat(halt.only(Event.InstrumentStatusChanged.class))
                .isEqualTo(new Event.InstrumentStatusChanged(ACME, true));
        assertThat(order.rejection()).isEqualTo(ErrorCode.INSTRUMENT_HALTED);
        assertThat(desk.bids()).isEmpty();
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void restingOrdersDoNotTradeWhileHaltedBecauseNothingNewArrives() {
        desk.sellLimit(alice, 100_00, 5);
        desk.halt(ADMIN, ACME);

        var taker = desk.buyLimit(bob, 100_00, 5);

        assertThat(taker.trades()).isEmpty();
        assertThat(desk.asks()).hasSize(1);
    }

    @Test
    void cancelStillWorksWhileHalted() {
        var order = desk.buyLimit(alice, 99_00, 5);
        desk.halt(OFFICER, ACME);

        var cancel = desk.cancel(alice, order.id());

        assertThat(cancel.has(Event.OrderCancelled.class)).isTrue();
        assertThat(desk.heldCash(alice)).isZero();
    }

    @Test
    void massCancelStillWorksWhileHalted() {
        desk.buyLimit(alice, 99_00, 5);
        desk.halt(OFFICER, ACME);

        var massCancel = desk.massCancel(alice.userId(), alice.accountId(), ACME);

        assertThat(massCancel.has(Event.OrderCancelled.class)).isTrue();
    }

    @Test
    void replaceIsRefusedWhileHalted() {
        var order = desk.buyLimit(alice, 99_00, 5);
        desk.halt(OFFICER, ACME);

        var replace = desk.replace(alice, order.id(), 99_50, 5);

        assertThat(replace.rejection()).isEqualTo(ErrorCode.INSTRUMENT_HALTED);
        assertThat(desk.bids().getFirst().price()).isEqualTo(99_00);
    }

    @Test
    void resumedInstrumentTradesAgain() {
        desk.sellLimit(alice, 100_00, 5);
        desk.halt(OFFICER, ACME);

        var resume = desk.resume(OFFICER, ACME);
        var taker = desk.buyLimit(bob, 100_00, 5);

        assertThat(resume.only(Event.InstrumentStatusChanged.class).halted()).isFalse();
        assertThat(taker.trades()).hasSize(1);
    }

    @Test
    void traderCannotHaltAnInstrument() {
        var halt = desk.halt(alice.userId(), ACME);

        assertThat(halt.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.engine().isHalted(ACME)).isFalse();
    }
}
