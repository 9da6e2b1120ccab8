package com.bourse.ui.model;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BracketTicketTest {
    /** 684.50 EUR, tick 0.10, lot 5, band ±10 %: 616.10 to 752.90. */
    private static final Instrument ASML = new Instrument(1, "ASML", "EUR", 2, 10, 5, 68_450, 1_000);

    private static BracketTicket.Check check(Side side, String entry, String target, String stop) {
        return BracketTicket.check(new TicketDraft(ASML, 1001L, side, OrderType.LIMIT, TimeInForce.GTC, "100", entry,
                stop, "", false, 2, RiskLimits.defaults(), 100_000_000, 300, 68_450), target);
    }

    @Test
    void aBuyBracketShowsItsTargetAndStopInTicksAndMoneyFromTheEntryAndTheRatio() {
        BracketTicket.Check check = check(Side.BUY, "684.50", "686.50", "683.50");

        assertThat(check.isValid()).isTrue();
        assertThat(check.targetPrice()).isEqualTo(68_650);
        assertThat(check.stopPrice()).isEqualTo(68_350);
        assertThat(check.summary())
                .isEqualTo("Target +20 ticks: +200.00 EUR\nStop −10 ticks: −100.00 EUR\nReward/risk 2.0");
    }

    @Test
    void aLargeBracketsConfirmationNamesTheEntryTargetAndStopWithTheirQuantitiesAndWhatEachMakesOrLoses() {
        BracketTicket.Check buy = check(Side.BUY, "684.50", "686.50", "683.50");

        OrderConfirmation question = OrderConfirmation.ofBracket(buy);

        assertThat(question.title()).isEqualTo("Confirm large bracket");
        assertThat(question.question()).isEqualTo("""
                Bracket: buy 100 ASML @ 684.50, worth 68,450.00 EUR.
                Once it fills, for what filled:
                Target: sell 100 ASML @ 686.50, +20 ticks: +200.00 EUR
                Stop: sell 100 ASML at market on stop 683.50, −10 ticks: −100.00 EUR
                Reward/risk 2.0
                Send the bracket?""");
        assertThat(OrderConfirmation.ofBracket(check(Side.SELL, "684.50", "680.50", "685.50")).question())
                .contains("Bracket: sell 100 ASML @ 684.50", "Target: buy 100 ASML @ 680.50, +40 ticks: +400.00 EUR",
                        "Stop: buy 100 ASML at market on stop 685.50, −10 ticks: −100.00 EUR", "Reward/risk 4.0");
    }

    @Test
    void eachLegOnTheWrongSideOfTheEntryIsRefusedAtItsOwnField() {
        BracketTicket.Check buy = check(Side.BUY, "684.50", "684.50", "685.00");
        assertThat(buy.entry().errorAt(TicketField.TARGET_PRICE))
                .isEqualTo("A buy bracket's target must be above its entry 684.50");
        assertThat(buy.entry().errorAt(TicketField.STOP_PRICE))
                .isEqualTo("A buy bracket's stop must be below its entry 684.50");
        assertThat(buy.summary()).isEmpty();

        BracketTicket.Check sell = check(Side.SELL, "684.50", "683.00", "684.00");
        assertThat(sell.entry().errorAt(TicketField.STOP_PRICE))
                .isEqualTo("A sell bracket's stop must be above its entry 684.50");
        assertThat(sell.entry().errorAt(TicketField.TARGET_PRICE)).isNull();
    }

    @Test
    void legsAreCheckedForTickAndBandAndTheBracketMustRest() {
        BracketTicket.Check offTick = check(Side.BUY, "684.50", "686.55", "800.00");
        assertThat(offTick.entry().errorAt(TicketField.TARGET_PRICE)).isEqualTo(com.bourse.protocol.ErrorCode.OFF_TICK_PRICE.description() + " (0.10)");
        assertThat(offTick.entry().errorAt(TicketField.STOP_PRICE)).endsWith("(616.10 to 752.90)");

        BracketTicket.Check ioc = BracketTicket.check(new TicketDraft(ASML, 1001L, Side.BUY, OrderType.LIMIT,
                TimeInForce.IOC, "100", "684.50", "683.50", "", false, 2, RiskLimits.defaults(), 100_000_000, 300,
                68_450), "686.50");
        assertThat(ioc.entry().errorAt(TicketField.TIME_IN_FORCE))
                .isEqualTo("A bracket rests until its entry fills: GTC or DAY");
    }
}
