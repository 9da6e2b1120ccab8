package com.bourse.simulator;

import com.bourse.protocol.Command;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketSimulatorTest {
    private static final long OPEN = 1_795_683_600_000L;
    /** Band 90.00..110.00 around 100.00, tick 0.05. */
    private static final Instrument ACME = new Instrument(1, "ACME", "EUR", 2, 5, 1, 100_00, 1_000);
    /** A dear instrument (5,000.00): quotes must shrink to stay under the review line. */
    private static final Instrument DEAR = new Instrument(2, "DEAR", "EUR", 2, 10, 1, 5_000_00, 1_000);
    private static final long USER = 6;
    private static final long FLOW_USER = 7;
    private static final long MAKERS = 9001;
    private static final long FLOW = 9002;

    /** Three minutes of ACME, one running far above its band and one far below; one minute of DEAR. */
    private static final SimulatedMarket MARKET = new SimulatedMarket(USER, MAKERS, FLOW_USER, FLOW, List.of(ACME, DEAR), Map.of(
            ACME.id(), List.of(new PriceBar(0, 100_00, 100_10, 99_90, 100_05, 1_200),
                    new PriceBar(1, 100_05, 150_00, 100_05, 150_00, 300),
                    new PriceBar(2, 150_00, 150_00, 40_00, 40_00, 2_600)),
            DEAR.id(), List.of(new PriceBar(0, 5_000_00, 5_000_00, 5_000_00, 5_000_00, 100))));

    /** Three minutes of ACME rising a point a minute, inside its band. */
    private static final SimulatedMarket RISING = new SimulatedMarket(USER, MAKERS, FLOW_USER, FLOW, List.of(ACME), Map.of(
            ACME.id(), List.of(new PriceBar(0, 100_00, 101_00, 100_00, 101_00, 900),
                    new PriceBar(1, 101_00, 102_00, 101_00, 102_00, 900),
                    new PriceBar(2, 102_00, 103_00, 102_00, 103_00, 900))));

    @Test
    void everyQuoteLiesOnATickInsideTheInstrumentsBandEvenWhenHistoryLeavesIt() {
        MarketSimulator simulator = new MarketSimulator(MARKET, 42, 0);

        List<Command.PlaceOrder> quotes = limitOrders(wholeDay(simulator));

        assertThat(quotes).isNotEmpty().allSatisfy(q -> {
            Instrument instrument = q.instrumentId() == ACME.id() ? ACME : DEAR;
            assertThat(q.price()).isBetween(instrument.lowestPrice(), instrument.highestPrice());
            assertThat(q.price() % instrument.tickSize()).isZero();
        });
        assertThat(quotes).filteredOn(q -> q.instrumentId() == ACME.id())
                .extracting(Command.PlaceOrder::price).contains(ACME.highestPrice(), ACME.lowestPrice());
    }

    @Test
    void quotesStayBelowTheLargeAmountReviewLine() {
        List<Command.PlaceOrder> quotes = limitOrders(wholeDay(new MarketSimulator(MARKET, 7, 0)));

        assertThat(quotes).allSatisfy(q -> assertThat(q.price() * q.quantity()).isLessThan(100_000_00L));
    }

    @Test
    void orderIdsRiseStrictlyFromJustAboveTheGivenFloorAndTheNextDayContinuesAboveThem() {
        long floor = 9_001_000_000_123L;
        MarketSimulator simulator = new MarketSimulator(MARKET, 42, floor);

        List<Long> today = orderIds(wholeDay(simulator));
        List<Long> tomorrow = orderIds(wholeDay(simulator.nextDay()));

        assertThat(today.getFirst()).isEqualTo(floor + 1);
        assertThat(today).isSorted().doesNotHaveDuplicates();
        assertThat(simulator.lastOrderId()).isEqualTo(today.getLast());
        assertThat(tomorrow.getFirst()).isEqualTo(today.getLast() + 1);
        assertThat(tomorrow).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theNextDayOpensWhereTheLastClosedByWalkingTheHistoryBackThenForwardAgain() {
        MarketSimulator today = new MarketSimulator(RISING, 42, 0);
        List<Long> todaysMids = acmeMids(wholeDay(today));
        MarketSimulator tomorrow = today.nextDay();
        List<Long> tomorrowsMids = acmeMids(wholeDay(tomorrow));
        List<Long> dayAfterMids = acmeMids(wholeDay(tomorrow.nextDay()));

        // Starting the history over would take ACME from 103.00 back to 101.00 in a minute; walked back, each
        // minute moves as much as it did today.
        assertThat(todaysMids).containsExactly(101_00L, 102_00L, 103_00L);
        assertThat(tomorrow.backwards()).isTrue();
        assertThat(tomorrowsMids).containsExactly(102_00L, 101_00L, 100_00L);
        assertThat(dayAfterMids).isEqualTo(todaysMids);
    }

    @Test
    void aBackwardsDayResumesBackwardsAtTheMinuteItHadReached() {
        MarketSimulator today = new MarketSimulator(RISING, 42, 0);
        wholeDay(today);
        MarketSimulator tomorrow = today.nextDay();
        tomorrow.nextBar(OPEN);

        MarketSimulator resumed = MarketSimulator.resume(RISING, tomorrow.seed(), tomorrow.barIndex(),
                tomorrow.backwards(), tomorrow.lastOrderId());

        assertThat(acmeMids(wholeDay(resumed))).containsExactly(101_00L, 100_00L);
    }

    @Test
    void theSameSeedGivesTheSameCommandsAndAnotherSeedDifferentFlow() {
        List<Command> first = wholeDay(new MarketSimulator(MARKET, 42, 1_000));
        List<Command> again = wholeDay(new MarketSimulator(MARKET, 42, 1_000));
        List<Command> other = wholeDay(new MarketSimulator(MARKET, 43, 1_000));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void makersQuoteInOneAccountAndTheFlowTradesFromAnotherOwnersAccount() {
        List<Command> day = wholeDay(new MarketSimulator(MARKET, 42, 0));

        assertThat(day).filteredOn(c -> c instanceof Command.PlaceOrder p && p.type() == OrderType.LIMIT)
                .allSatisfy(c -> assertThat(c.userId()).isEqualTo(USER))
                .allSatisfy(c -> assertThat(((Command.PlaceOrder) c).accountId()).isEqualTo(MAKERS));
        assertThat(day).filteredOn(c -> c instanceof Command.PlaceOrder p && p.type() == OrderType.MARKET)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.userId()).isEqualTo(FLOW_USER))
                .allSatisfy(c -> assertThat(((Command.PlaceOrder) c).accountId()).isEqualTo(FLOW));
        assertThat(day).filteredOn(c -> c instanceof Command.MassCancel)
                .allSatisfy(c -> assertThat(c.userId()).isEqualTo(USER));
    }

    @Test
    void theDayEndsWithTheLongestHistory() {
        MarketSimulator simulator = new MarketSimulator(MARKET, 42, 0);

        wholeDay(simulator);

        assertThat(simulator.barIndex()).isEqualTo(3);
        assertThat(simulator.hasNextBar()).isFalse();
    }

    @Test
    void aNegativeFloorAndOneAccountForBothSidesAreRefused() {
        assertThatThrownBy(() -> new MarketSimulator(MARKET, 42, -1)).hasMessageContaining("orderIdFloor");
        assertThatThrownBy(() -> new SimulatedMarket(USER, MAKERS, FLOW_USER, MAKERS, List.of(), Map.of()))
                .hasMessageContaining("two accounts");
    }

    private static List<Command> wholeDay(MarketSimulator simulator) {
        List<Command> commands = new ArrayList<>();
        while (simulator.hasNextBar()) {
            commands.addAll(simulator.nextBar(OPEN + simulator.barIndex() * 60_000L));
        }
        return commands;
    }

    private static List<Command.PlaceOrder> limitOrders(List<Command> commands) {
        return commands.stream().filter(c -> c instanceof Command.PlaceOrder p && p.type() == OrderType.LIMIT)
                .map(c -> (Command.PlaceOrder) c).toList();
    }

    private static List<Long> orderIds(List<Command> commands) {
        return commands.stream().filter(c -> c instanceof Command.PlaceOrder)
                .map(c -> ((Command.PlaceOrder) c).orderId()).toList();
    }

    /** The middle of the makers' quotes in each minute of ACME: the price the replayed minute closed at. */
    private static List<Long> acmeMids(List<Command> commands) {
        List<Long> mids = new ArrayList<>();
        List<Command.PlaceOrder> minute = new ArrayList<>();
        for (Command c : commands) {
            if (c instanceof Command.MassCancel m && m.instrumentId() == ACME.id()) {
                minute = new ArrayList<>();
            } else if (c instanceof Command.PlaceOrder p && p.instrumentId() == ACME.id() && p.type() == OrderType.LIMIT) {
                minute.add(p);
                if (minute.size() == 2) {
                    mids.add((minute.get(0).price() + minute.get(1).price()) / 2);
                }
            }
        }
        return mids;
    }
}
