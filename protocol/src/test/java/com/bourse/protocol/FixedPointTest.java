package com.bourse.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class FixedPointTest {

    @Test
    void everyPowerOfTenALongHoldsComesFromTheTable() {
        BigInteger expected = BigInteger.ONE;
        for (int exponent = 0; exponent <= FixedPoint.MAX_SCALE; exponent++) {
            assertThat(FixedPoint.pow10(exponent)).as("10^%d", exponent).isEqualTo(expected.longValueExact());
            expected = expected.multiply(BigInteger.TEN);
        }
    }

    @Test
    void aPowerOfTenBeyondALongOrBelowOneIsRefused() {
        assertThatThrownBy(() -> FixedPoint.pow10(19)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10^19");
        assertThatThrownBy(() -> FixedPoint.pow10(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wholeCurrencyUnitsBecomeMinorUnits() {
        // given a 250,000 exposure limit in a two-digit currency and in a zero-digit one
        assertThat(FixedPoint.fromWhole(250_000, 2)).isEqualTo(25_000_000);
        assertThat(FixedPoint.fromWhole(250_000, 0)).isEqualTo(250_000);
        assertThat(FixedPoint.fromWhole(-3, 8)).isEqualTo(-300_000_000);
    }

    @Test
    void wholeUnitsThatOverflowALongAreRefusedNotWrapped() {
        assertThatThrownBy(() -> FixedPoint.fromWhole(Long.MAX_VALUE / 100 + 1, 2))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FixedPoint.fromWhole(10, FixedPoint.MAX_SCALE))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void unitsReadBackAsTheExactDecimalWithTheirScale() {
        assertThat(FixedPoint.toDecimal(12_345, 2)).isEqualTo(new BigDecimal("123.45"));
        assertThat(FixedPoint.toDecimal(-5, 4)).isEqualTo(new BigDecimal("-0.0005"));
        assertThat(FixedPoint.toDecimal(Long.MIN_VALUE, 0)).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE));
        assertThat(FixedPoint.toPlainString(1_200, 4)).isEqualTo("0.1200");
        assertThat(FixedPoint.toPlainString(7, 0)).isEqualTo("7");
    }

    @Test
    void aDecimalBecomesUnitsOnlyWhenNoDigitIsLost() {
        assertThat(FixedPoint.toUnits(new BigDecimal("123.45"), 2)).isEqualTo(12_345);
        assertThat(FixedPoint.toUnits(new BigDecimal("123.4500"), 2)).as("trailing zeros lose nothing")
                .isEqualTo(12_345);
        assertThat(FixedPoint.toUnits(new BigDecimal("1E+3"), 2)).isEqualTo(100_000);
        assertThatThrownBy(() -> FixedPoint.toUnits(new BigDecimal("123.456"), 2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aDecimalBeyondALongIsRefusedAtEitherEnd() {
        BigDecimal justOver = new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE).movePointLeft(2);
        assertThatThrownBy(() -> FixedPoint.toUnits(justOver, 2)).isInstanceOf(ArithmeticException.class);
        BigDecimal lowest = BigDecimal.valueOf(Long.MIN_VALUE, 2);
        assertThat(FixedPoint.toUnits(lowest, 2)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> FixedPoint.toUnits(lowest.subtract(new BigDecimal("0.01")), 2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void roundingFollowsTheModeAskedForOnBothSidesOfZero() {
        BigDecimal half = new BigDecimal("2.125");
        assertThat(FixedPoint.toUnits(half, 2, RoundingMode.HALF_EVEN)).isEqualTo(212);
        assertThat(FixedPoint.toUnits(half, 2, RoundingMode.HALF_UP)).isEqualTo(213);
        assertThat(FixedPoint.toUnits(half.negate(), 2, RoundingMode.HALF_EVEN)).isEqualTo(-212);
        assertThat(FixedPoint.toUnits(half.negate(), 2, RoundingMode.FLOOR)).isEqualTo(-213);
        assertThat(FixedPoint.toUnits(half.negate(), 2, RoundingMode.DOWN)).isEqualTo(-212);
    }

    @Test
    void aPriceRescaledToCurrencyDigitsRoundsOnlyWhenItMust() {
        // given a notional at price scale 4 shown in a two-digit currency
        assertThat(FixedPoint.rescale(1_234_500, 4, 2, RoundingMode.UNNECESSARY)).isEqualTo(12_345);
        assertThat(FixedPoint.rescale(1_234_550, 4, 2, RoundingMode.HALF_EVEN)).isEqualTo(12_346);
        assertThat(FixedPoint.rescale(1_234_450, 4, 2, RoundingMode.HALF_EVEN)).isEqualTo(12_344);
        assertThat(FixedPoint.rescale(-1_234_550, 4, 2, RoundingMode.HALF_EVEN)).isEqualTo(-12_346);
        assertThat(FixedPoint.rescale(-1, 4, 2, RoundingMode.FLOOR)).isEqualTo(-1);
        assertThatThrownBy(() -> FixedPoint.rescale(1_234_567, 4, 2, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rescalingUpIsExactAndOverflowIsRefused() {
        assertThat(FixedPoint.rescale(12_345, 2, 4, RoundingMode.UNNECESSARY)).isEqualTo(1_234_500);
        assertThat(FixedPoint.rescale(12_345, 2, 2, RoundingMode.UNNECESSARY)).isEqualTo(12_345);
        assertThatThrownBy(() -> FixedPoint.rescale(Long.MAX_VALUE / 10, 0, 2, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aScaleOutsideWhatALongCanCarryIsABugNotAValue() {
        assertThatThrownBy(() -> FixedPoint.toDecimal(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedPoint.toUnits(BigDecimal.ONE, 19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedPoint.rescale(1, 2, 19, RoundingMode.UNNECESSARY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
