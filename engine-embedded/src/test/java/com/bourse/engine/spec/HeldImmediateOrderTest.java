package com.bourse.engine.spec;

import com.bourse.engine.Engine;
import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.bourse.engine.spec.TradingDesk.ACME_SYMBOL;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order meant to trade now (market, IOC, FOK) that the risk evaluator holds is no longer immediate: if no officer
 * approves it within {@link Command#HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS} it expires and releases what it held, so a
 * held flatten never freezes the position. Orders meant to rest wait for the officer as long as it takes.
 */
class HeldImmediateOrderTest {
    private static final long LIMIT = Command.HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS;

    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    /** Alice sells 1,500 shares at market into bob's bid at 100.00: 150,000 EUR, above the large-amount line. */
    private TradingDesk.Outcome heldFlatten() {
        desk.fund(alice, ACME_SYMBOL, 1_500);
        desk.fund(bob, EUR, 20_000_000);
        desk.buyLimit(bob, 100_00, 400);
        desk.buyLimit(bob, 100_00, 400);
        desk.buyLimit(bob, 100_00, 400);
        desk.buyLimit(bob, 100_00, 400);
        TradingDesk.Outcome sell = desk.sellMarket(alice, 1_500);
        assertThat(sell.has(Event.OrderHeld.class)).as("held for review: %s", sell.events()).isTrue();
        return sell;
    }

    @Test
    void heldMarketOrderExpiresWhenNoOfficerApprovesItInTime() {
        TradingDesk.Outcome sell = heldFlatten();
        assertThat(desk.heldShares(alice)).isEqualTo(1_500);
        long shares = desk.shares(alice);

        desk.later(LIMIT);
        TradingDesk.Outcome next = desk.buyLimit(bob, 99_00, 1);

        assertThat(next.events()).contains(new Event.OrderExpired(sell.id(), alice.accountId(), 1_500));
        assertThat(desk.heldShares(alice)).as("the position is free again").isZero();
        assertThat(desk.shares(alice)).as("nothing was sold").isEqualTo(shares);
        assertThat(desk.workingOrder(alice, sell.id())).isNull();
    }

    @Test
    void heldMarketOrderApprovedBeforeTheLimitTrades() {
        TradingDesk.Outcome sell = heldFlatten();

        desk.later(LIMIT - 100);
        TradingDesk.Outcome approved = desk.approveOrder(OFFICER, sell.id());

        assertThat(approved.has(Event.OrderExpired.class)).isFalse();
        assertThat(approved.trades()).extracting(Event.Trade::quantity).containsExactly(400L, 400L, 400L, 300L);
    }

    @Test
    void approvalAfterTheLimitFindsTheOrderExpired() {
        TradingDesk.Outcome sell = heldFlatten();

        desk.later(LIMIT + 5_000);
        TradingDesk.Outcome approved = desk.approveOrder(OFFICER, sell.id());

        assertThat(approved.events().getFirst()).isEqualTo(new Event.OrderExpired(sell.id(), alice.accountId(), 1_500));
        assertThat(approved.trades()).isEmpty();
        assertThat(approved.rejection()).as("nothing is held any more").isNotNull();
    }

    @Test
    void heldLimitOrderWaitsForTheOfficerBeyondTheLimit() {
        desk.fund(alice, EUR, 20_000_000);
        TradingDesk.Outcome buy = desk.buyLimit(alice, 100_00, 1_500);
        assertThat(buy.has(Event.OrderHeld.class)).isTrue();

        desk.later(LIMIT * 10);
        TradingDesk.Outcome next = desk.buyLimit(bob, 99_00, 1);

        assertThat(next.has(Event.OrderExpired.class)).isFalse();
        assertThat(desk.workingOrder(alice, buy.id()).status()).isEqualTo("HELD");
    }

    @Test
    void restoredEngineStillExpiresTheHeldOrderAtItsTime() {
        TradingDesk.Outcome sell = heldFlatten();
        Engine restored = Engine.restore(desk.engine().config(), desk.engine().snapshot());

        List<Event> early = new ArrayList<>();
        restored.apply(new Command.MassCancel(desk.now() + LIMIT - 1_000, OFFICER, bob.accountId(), 0), early::add);
        List<Event> late = new ArrayList<>();
        restored.apply(new Command.MassCancel(desk.now() + LIMIT, OFFICER, bob.accountId(), 0), late::add);

        assertThat(early).noneMatch(Event.OrderExpired.class::isInstance);
        assertThat(late.getFirst()).isEqualTo(new Event.OrderExpired(sell.id(), alice.accountId(), 1_500));
        assertThat(restored.held(alice.accountId(), ACME_SYMBOL)).isZero();
    }
}
