package com.bourse.ui.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TradeTapeTest {

    @Test
    void tradesGroupIntoCandlesOfTheInterval() {
        TradeTape tape = new TradeTape(1_000);
        tape.add(10_000, 100, 5);
        tape.add(12_000, 104, 1);
        tape.add(14_999, 99, 2);
        tape.add(15_000, 101, 3);

        assertThat(tape.candles(5_000, 10)).containsExactly(
                new TradeTape.Candle(10_000, 100, 104, 99, 99, 8, 100),
                new TradeTape.Candle(15_000, 101, 101, 101, 101, 3, 100));
    }

    @Test
    void laterTradesExtendTheCandlesAlreadyBuilt() {
        TradeTape tape = new TradeTape(1_000);
        tape.add(10_000, 100, 5);
        tape.candles(5_000, 10);

        tape.add(11_000, 90, 1);
        tape.add(21_000, 95, 4);

        assertThat(tape.candles(5_000, 10)).containsExactly(
                new TradeTape.Candle(10_000, 100, 100, 90, 90, 6, 98),
                new TradeTape.Candle(20_000, 95, 95, 95, 95, 4, 97));
    }

    @Test
    void onlyTheLatestCandlesAreReturnedAndAnotherIntervalRegroups() {
        TradeTape tape = new TradeTape(1_000);
        for (int s = 0; s < 60; s++) {
            tape.add(s * 1_000L, 100 + s, 1);
        }

        assertThat(tape.candles(5_000, 3)).extracting(TradeTape.Candle::start).containsExactly(45_000L, 50_000L, 55_000L);
        assertThat(tape.candles(60_000, 10)).singleElement().satisfies(c -> {
            assertThat(c.open()).isEqualTo(100);
            assertThat(c.close()).isEqualTo(159);
            assertThat(c.volume()).isEqualTo(60);
        });
    }

    @Test
    void vwapWeighsEachTradeByItsQuantityAndStartsAgainOnANewDay() {
        TradeTape tape = new TradeTape(1_000, java.time.ZoneOffset.UTC);
        long day = 86_400_000L;
        tape.add(day - 60_000, 500, 100); // the evening before: not part of today's average
        tape.add(day + 1_000, 100, 1);
        tape.add(day + 2_000, 110, 3);

        assertThat(tape.candles(60_000, 10)).extracting(TradeTape.Candle::vwap).containsExactly(500L, 108L);
    }
}
