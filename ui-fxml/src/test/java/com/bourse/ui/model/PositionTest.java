package com.bourse.ui.model;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PositionTest {
    private static final Instrument AIR = new Instrument(3, "AIR", "EUR", 2, 2, 1, 16_236, 1_000);

    @Test
    void averagePriceIsTheQuantityWeightedCostOfBuys() {
        Position p = new Position(1001, AIR);

        p.fill(Side.BUY, 16_000, 10);
        p.fill(Side.BUY, 16_300, 30);

        assertThat(p.quantity()).isEqualTo(40);
        assertThat(p.averagePrice()).isEqualByComparingTo("162.25");
    }

    @Test
    void sellRealisesTheDifferenceToTheAverageAndKeepsTheAverageOfTheRest() {
        Position p = new Position(1001, AIR);
        p.fill(Side.BUY, 16_000, 10);
        p.fill(Side.BUY, 16_300, 30);

        p.fill(Side.SELL, 16_500, 20);

        assertThat(p.quantity()).isEqualTo(20);
        assertThat(p.money(p.realisedValue(), 2)).isEqualByComparingTo("55.00"); // 20 × (165.00 − 162.25)
        assertThat(p.averagePrice()).isEqualByComparingTo("162.25");
        assertThat(p.money(p.unrealisedValue(16_000), 2)).isEqualByComparingTo("-45.00");
    }

    @Test
    void sellingEverythingLeavesNoCostBehind() {
        Position p = new Position(1001, AIR);
        p.fill(Side.BUY, 16_001, 3);

        p.fill(Side.SELL, 16_002, 3);

        assertThat(p.quantity()).isZero();
        assertThat(p.cost()).isZero();
        assertThat(p.averagePrice()).isNull();
        assertThat(p.realisedValue()).isEqualTo(3);
    }

    @Test
    void openingBalanceEntersAtTheMarkSoItsPnlStartsAtZero() {
        Position p = new Position(1002, AIR);

        p.settle(800, 16_236);

        assertThat(p.quantity()).isEqualTo(800);
        assertThat(p.averagePrice()).isEqualByComparingTo(new BigDecimal("162.36"));
        assertThat(p.unrealisedValue(16_236)).isZero();
    }

    @Test
    void settlementThatMatchesTheFillsChangesNothing() {
        Position p = new Position(1001, AIR);
        p.fill(Side.BUY, 16_000, 10);

        p.settle(10, 17_000);

        assertThat(p.cost()).isEqualTo(160_000);
    }
}
