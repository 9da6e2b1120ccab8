package com.bourse.ui.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

    @Test
    void formatsFixedPointWithGroupingAndExactDecimals() {
        assertThat(Decimals.format(123_456_789, 2)).isEqualTo("1,234,567.89");
        assertThat(Decimals.format(-5, 2)).isEqualTo("-0.05");
        assertThat(Decimals.plain(68_450, 2)).isEqualTo("684.50");
    }

    @Test
    void parsesTypedPricesIntoUnits() {
        assertThat(Decimals.parse(" 684.5 ", 2)).isEqualTo(new Decimals.Parsed.Value(68_450));
        assertThat(Decimals.parse("684", 2)).isEqualTo(new Decimals.Parsed.Value(68_400));
    }

    @Test
    void refusesWhatIsNotANumberOrTooPrecise() {
        assertThat(Decimals.parse("abc", 2)).isInstanceOf(Decimals.Parsed.Invalid.class);
        assertThat(Decimals.parse("1e3", 2)).isInstanceOf(Decimals.Parsed.Invalid.class);
        assertThat(Decimals.parse("1.234", 2)).isEqualTo(new Decimals.Parsed.Invalid("At most 2 decimals"));
        assertThat(Decimals.parse("", 2)).isEqualTo(new Decimals.Parsed.Invalid("Required"));
        assertThat(Decimals.parseWhole("1.5")).isInstanceOf(Decimals.Parsed.Invalid.class);
    }

    @Test
    void aDecimalCommaIsAPointWhereTheLocaleWritesOne() {
        assertThat(Decimals.parse("162,36", 2, java.util.Locale.FRANCE)).isEqualTo(new Decimals.Parsed.Value(16_236));
        assertThat(Decimals.parse("162.36", 2, java.util.Locale.FRANCE)).isEqualTo(new Decimals.Parsed.Value(16_236));
        assertThat(Decimals.parse("162,36", 2, java.util.Locale.UK))
                .as("where a comma groups thousands it is not guessed to be a decimal point")
                .isInstanceOf(Decimals.Parsed.Invalid.class);
    }

    @Test
    void aNumberWithTooManyDigitsIsSaidToBeTooLarge() {
        assertThat(Decimals.parse("12345678901234567", 2)).isEqualTo(new Decimals.Parsed.Invalid("Number too large"));
    }
}
