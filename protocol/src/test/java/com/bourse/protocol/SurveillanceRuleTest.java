package com.bourse.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SurveillanceRuleTest {

    @Test
    void maskListsItsRulesInDeclarationOrder() {
        int mask = SurveillanceRule.mask(SurveillanceRule.WASH_TRADE, SurveillanceRule.OUTSIZED_ORDER);

        assertThat(SurveillanceRule.of(mask))
                .containsExactly(SurveillanceRule.OUTSIZED_ORDER, SurveillanceRule.WASH_TRADE);
        assertThat(SurveillanceRule.WASH_TRADE.in(mask)).isTrue();
        assertThat(SurveillanceRule.LAYERING.in(mask)).isFalse();
    }

    @Test
    void rulesOfANewerEngineThatThisBuildDoesNotKnowAreLeftOut() {
        int fromNewerEngine = SurveillanceRule.STRUCTURING.bit() | 1 << 30;

        assertThat(SurveillanceRule.of(fromNewerEngine)).containsExactly(SurveillanceRule.STRUCTURING);
    }

    @Test
    void alertWithoutRulesNamesNone() {
        var alert = new Event.RiskAlert(ReviewSubject.ORDER, 1, 2, 9_000, 10_000, 10_000, 5_000,
                ErrorCode.LARGE_AMOUNT, 0);

        assertThat(alert.rules()).isEmpty();
    }
}
