package com.bourse.ui.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void oneIsSingularAndEveryOtherCountPluralWithGroupedDigits() {
        assertThat(Numbers.count(1, "fill")).isEqualTo("1 fill");
        assertThat(Numbers.count(0, "fill")).isEqualTo("0 fills");
        assertThat(Numbers.count(12_000, "order")).isEqualTo("12,000 orders");
        assertThat(Numbers.count(2, "match")).isEqualTo("2 matches");
    }
}
