package com.bourse.bench.stream;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrderStreamTest {
    private static final OrderStream ONE = OrderStream.generate(StreamSpec.oneInstrument(200_000));
    private static final OrderStream HUNDRED = OrderStream.generate(StreamSpec.hundredInstruments(200_000));

    @Test
    void sameSpecGivesTheSameStream() {
        // given a stream already generated from a spec
        OrderStream again = OrderStream.generate(StreamSpec.oneInstrument(200_000));

        // then generating it again gives the same commands
        for (int i = 0; i < ONE.size(); i++) {
            assertThat(again.kind(i)).isEqualTo(ONE.kind(i));
            assertThat(again.orderId(i)).isEqualTo(ONE.orderId(i));
            assertThat(again.account(i)).isEqualTo(ONE.account(i));
            assertThat(again.price(i)).isEqualTo(ONE.price(i));
            assertThat(again.quantity(i)).isEqualTo(ONE.quantity(i));
            assertThat(again.isBuy(i)).isEqualTo(ONE.isBuy(i));
        }
        assertThat(again.profile()).isEqualTo(ONE.profile());
    }

    @Test
    void mixIsSixtyPercentAddsTwentyCancelsTwentyAggressive() {
        for (OrderStream stream : new OrderStream[] {ONE, HUNDRED}) {
            StreamProfile p = stream.profile();
            assertThat((double) p.adds() / p.commands()).isCloseTo(0.60, within(0.01));
            assertThat((double) p.cancels() / p.commands()).isCloseTo(0.20, within(0.01));
            assertThat((double) p.aggressive() / p.commands()).isCloseTo(0.20, within(0.01));
        }
    }

    @Test
    void aggressiveOrdersSweepMoreThanOneLevelOnAverage() {
        assertThat(ONE.profile().meanLevelsCrossed()).isGreaterThan(1.3);
        assertThat(ONE.profile().maxLevelsCrossed()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void booksStayNearTheirTargetDepth() {
        for (OrderStream stream : new OrderStream[] {ONE, HUNDRED}) {
            int target = stream.spec().targetLiveOrdersPerInstrument();
            assertThat(stream.profile().meanLiveOrders()).isBetween(0.5 * target, 1.5 * target);
        }
    }

    @Test
    void makersRestAndCancelWhileTakersOnlyAggress() {
        int makers = ONE.spec().makers();
        for (int i = 0; i < ONE.size(); i++) {
            if (ONE.kind(i) == OrderStream.AGGRESSIVE) {
                assertThat(ONE.account(i)).isBetween(makers, ONE.spec().accounts() - 1);
            } else {
                assertThat(ONE.account(i)).isBetween(0, makers - 1);
            }
        }
    }

    @Test
    void pricesStayInsideTheBand() {
        StreamSpec spec = HUNDRED.spec();
        for (int i = 0; i < HUNDRED.size(); i++) {
            assertThat(HUNDRED.price(i)).isBetween(spec.lowestPriceTicks(), spec.highestPriceTicks());
        }
    }

    @Test
    void independentReplayAgreesWithTheProfileAndFindsEveryCancelledOrderLive() {
        for (OrderStream stream : new OrderStream[] {ONE, HUNDRED}) {
            // given a naive price-time book written independently of the generator's shadow book
            NaiveMarket market = new NaiveMarket();

            // when the whole stream is replayed through it
            for (int i = 0; i < stream.size(); i++) {
                market.apply(stream, i);
            }

            // then it saw the same trades and ends with the same working orders
            StreamProfile p = stream.profile();
            assertThat(market.trades).isEqualTo(p.trades());
            assertThat(market.tradedQuantity).isEqualTo(p.tradedQuantity());
            assertThat(market.remainders).isEqualTo(p.aggressiveWithRemainder());
            assertThat(market.live.size()).isEqualTo(p.liveAtEnd());
        }
    }

    /** Sorted maps of FIFO queues: slow, obvious, and sharing no code with {@link ShadowBook}. */
    private static final class NaiveMarket {
        final Map<Integer, TreeMap<Long, ArrayDeque<long[]>>> bids = new HashMap<>();
        final Map<Integer, TreeMap<Long, ArrayDeque<long[]>>> asks = new HashMap<>();
        final Map<Long, long[]> live = new HashMap<>();
        long trades;
        long tradedQuantity;
        long remainders;

        void apply(OrderStream s, int i) {
            int instrument = s.instrument(i);
            TreeMap<Long, ArrayDeque<long[]>> ownSide = (s.isBuy(i) ? bids : asks)
                    .computeIfAbsent(instrument, k -> new TreeMap<>(s.isBuy(i) ? Comparator.reverseOrder() : null));
            TreeMap<Long, ArrayDeque<long[]>> otherSide = (s.isBuy(i) ? asks : bids)
                    .computeIfAbsent(instrument, k -> new TreeMap<>(s.isBuy(i) ? null : Comparator.reverseOrder()));
            switch (s.kind(i)) {
                case OrderStream.ADD -> {
                    if (!otherSide.isEmpty()) {
                        long best = otherSide.firstKey();
                        assertThat(s.isBuy(i) ? s.price(i) < best : s.price(i) > best)
                                .as("resting add %d must not cross", i).isTrue();
                    }
                    long[] order = {s.orderId(i), s.quantity(i), s.price(i)};
                    ownSide.computeIfAbsent(s.price(i), k -> new ArrayDeque<>()).addLast(order);
                    live.put(s.orderId(i), order);
                }
                case OrderStream.CANCEL -> {
                    long[] order = live.remove(s.orderId(i));
                    assertThat(order).as("cancel %d names a live order", i).isNotNull();
                    assertThat(order[1]).as("open quantity of cancelled order").isEqualTo(s.quantity(i));
                    ArrayDeque<long[]> level = ownSide.get(order[2]);
                    level.remove(order);
                    if (level.isEmpty()) {
                        ownSide.remove(order[2]);
                    }
                }
                case OrderStream.AGGRESSIVE -> {
                    long left = s.quantity(i);
                    while (left > 0 && !otherSide.isEmpty()) {
                        long price = otherSide.firstKey();
                        if (s.isBuy(i) ? price > s.price(i) : price < s.price(i)) {
                            break;
                        }
                        ArrayDeque<long[]> level = otherSide.get(price);
                        long[] maker = level.peekFirst();
                        long take = Math.min(left, maker[1]);
                        maker[1] -= take;
                        left -= take;
                        trades++;
                        tradedQuantity += take;
                        if (maker[1] == 0) {
                            level.pollFirst();
                            live.remove(maker[0]);
                            if (level.isEmpty()) {
                                otherSide.remove(price);
                            }
                        }
                    }
                    if (left > 0) {
                        remainders++;
                    }
                }
                default -> throw new IllegalStateException("kind " + s.kind(i));
            }
        }
    }
}
