package com.bourse.ui.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart's price grid steps by amounts a trader reads at a glance, on the instrument's ticks. */
class PriceGridTest {
    @Test
    void aRangeOfNineFiftyStepsByTwoNotByOneNinety() {
        // 684.00 to 693.50 at scale 2 with a 0.10 tick: the range over five was 1.90 (687.80 / 685.90 / 684.00)
        long step = PriceGrid.step(69_350 - 68_400, 10);

        assertThat(step).isEqualTo(200);
        assertThat(PriceGrid.first(68_400, step)).isEqualTo(68_600);
    }

    @Test
    void everyStepIsOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        for (long range = 1; range < 2_000_000; range = range * 3 / 2 + 1) {
            long step = PriceGrid.step(range, 1);

            assertThat(PriceGrid.isNice(step)).as("step %d for range %d", step, range).isTrue();
            assertThat(range / step).as("lines for range %d", range).isBetween(1L, (long) PriceGrid.LINES);
        }
    }

    @Test
    void aStepIsAlwaysAWholeNumberOfTicks() {
        assertThat(PriceGrid.step(500, 25)).as("0.25 tick, range 5.00").isEqualTo(100);
        assertThat(PriceGrid.step(1_150, 20)).as("2.50 is not a number of 0.20 ticks").isEqualTo(500);
        assertThat(PriceGrid.step(60, 50)).as("never finer than the tick").isEqualTo(50);
        assertThat(PriceGrid.step(50, 3)).as("a tick no nice step divides: the tick times a nice number")
                .isEqualTo(15);
    }

    @Test
    void twoAndAHalfIsUsedWhereItIsAWholeNumberOfUnits() {
        assertThat(PriceGrid.step(1_100, 5)).isEqualTo(250);
        assertThat(PriceGrid.isNice(25)).isTrue();
        assertThat(PriceGrid.isNice(190)).isFalse();
    }

    @Test
    void aTickThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> PriceGrid.step(100, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tick");
    }
}
