package com.bourse.ui.model;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.MarketSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeskStateTest {
    private static final Instrument AIR = new Instrument(3, "AIR", "EUR", 2, 2, 1, 16_236, 1_000);

    private DeskState aliceDesk() {
        DeskState desk = new DeskState(List.of(new Currency("EUR", 2)), List.of(AIR),
                List.of(new AccountView(1001, "Alice", "EUR", 50_000_000, RiskLimits.defaults())));
        desk.load(new MarketSnapshot(Map.of(), List.of(),
                List.of(new MarketSnapshot.Balance(1001, "EUR", 25_000_000, 0))));
        return desk;
    }

    @Test
    void acceptedOrderIsWorkingUntilFilledAndTheFillBuildsThePosition() {
        DeskState desk = aliceDesk();
        desk.apply(new Event.OrderAccepted(7, 1001, 3, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 16_230, 0,
                40, 0, false, 1));
        assertThat(desk.workingOrders()).singleElement().extracting(OrderRow::leaves).isEqualTo(40L);

        desk.apply(new Event.Trade(1, 3, 16_230, 25, Side.SELL, 7, 99, 1001, 1002, 15, 0, 2));
        desk.apply(new Event.BalanceChanged(1001, "AIR", 25, 25, 0, 1));
        desk.endFrame();

        assertThat(desk.workingOrders()).singleElement().satisfies(o -> {
            assertThat(o.leaves()).isEqualTo(15);
            assertThat(o.filled()).isEqualTo(25);
        });
        assertThat(desk.fills()).singleElement().satisfies(f -> {
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.liquidity()).isEqualTo("MAKER");
            assertThat(f.value()).isEqualByComparingTo("4057.50");
        });
        assertThat(desk.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(25);
            assertThat(p.averagePrice()).isEqualByComparingTo("162.30");
        });
    }

    @Test
    void cancelledOrderLeavesTheBlotter() {
        DeskState desk = aliceDesk();
        desk.apply(new Event.OrderAccepted(7, 1001, 3, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 16_230, 0,
                40, 0, false, 1));

        desk.apply(new Event.OrderCancelled(7, 1001, 40, CancelReason.USER_REQUEST));

        assertThat(desk.workingOrders()).isEmpty();
        assertThat(desk.messageProperty().get()).contains("cancelled by the trader");
    }

    @Test
    void othersTradesMoveTheLastPriceButAreNotFills() {
        DeskState desk = aliceDesk();

        desk.apply(new Event.Trade(1, 3, 16_240, 5, Side.BUY, 1, 2, 9001, 9002, 0, 0, 2));

        assertThat(desk.fills()).isEmpty();
        assertThat(desk.book(3).lastTradePrice()).isEqualTo(16_240);
        assertThat(desk.tape(3).size()).isEqualTo(1);
    }

    @Test
    void replaceMovesTheOrderToItsNewPrice() {
        DeskState desk = aliceDesk();
        desk.apply(new Event.OrderAccepted(7, 1001, 3, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 16_230, 0,
                40, 0, false, 1));

        desk.apply(new Event.OrderReplaced(7, 1001, 16_220, 40, false));

        assertThat(desk.ownQuantityByPrice(3, Side.BUY)).containsExactly(Map.entry(16_220L, 40L));
    }

    @Test
    void aWindowOpenedAfterAnOrderWasHeldShowsWhyItWaitsAndWhenAnImmediateOneExpires() {
        DeskState desk = new DeskState(List.of(new Currency("EUR", 2)), List.of(AIR),
                List.of(new AccountView(1001, "Alice", "EUR", 50_000_000, RiskLimits.defaults())));
        long heldAt = 1_764_000_000_000L;
        desk.load(new MarketSnapshot(Map.of(), List.of(
                new com.bourse.protocol.WorkingOrder(8, 1001, 3, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 16_230,
                        0, 40, 40, 0, false, "HELD"),
                new com.bourse.protocol.WorkingOrder(9, 1001, 3, 2, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0,
                        40, 40, 0, false, "HELD")),
                List.of(new MarketSnapshot.Balance(1001, "EUR", 25_000_000, 0)), List.of(), true,
                List.of(new MarketSnapshot.Held(8, 1001, com.bourse.protocol.ErrorCode.LARGE_AMOUNT, heldAt),
                        new MarketSnapshot.Held(9, 1001, com.bourse.protocol.ErrorCode.HIGH_RISK_TRANSACTION, heldAt))));

        String expires = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(java.time.LocalTime.ofInstant(
                java.time.Instant.ofEpochMilli(heldAt + com.bourse.protocol.Command.HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS),
                java.time.ZoneId.systemDefault()));
        assertThat(desk.workingOrders()).extracting(OrderRow::orderId, OrderRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8L,
                        com.bourse.protocol.ErrorCode.LARGE_AMOUNT.description()),
                org.assertj.core.groups.Tuple.tuple(9L,
                        com.bourse.protocol.ErrorCode.HIGH_RISK_TRANSACTION.description() + " · expires " + expires));
    }
}
