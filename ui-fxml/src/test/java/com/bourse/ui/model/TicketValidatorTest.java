package com.bourse.ui.model;

import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketValidatorTest {
    /** 684.50 EUR, tick 0.10, lot 5, band ±10 %: 616.10 to 752.90. */
    private static final Instrument ASML = new Instrument(1, "ASML", "EUR", 2, 10, 5, 68_450, 1_000);
    private static final long CASH = 10_000_000; // 100,000.00 EUR

    @Test
    void validLimitOrderBecomesThePlaceOrderCommand() {
        TicketCheck check = TicketValidator.check(draft(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "10", "684.50"));

        assertThat(check.errors()).isEmpty();
        Command.PlaceOrder order = check.toCommand(1_000, 2, 77);
        assertThat(order).isEqualTo(new Command.PlaceOrder(1_000, 2, 77, 1001, 1, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, 68_450, 0, 10, 0, false));
        assertThat(check.notionalMinor()).isEqualTo(684_500);
    }

    @Test
    void lettersInQuantityAreRefused() {
        assertThat(errorAt(TicketField.QUANTITY, "ten", "684.50")).isEqualTo("Enter a whole number of units");
    }

    @Test
    void negativeQuantityIsRefusedInTheEnginesWords() {
        assertThat(errorAt(TicketField.QUANTITY, "-5", "684.50")).isEqualTo(ErrorCode.INVALID_QUANTITY.description());
    }

    @Test
    void quantityOffTheLotNamesTheLot() {
        assertThat(errorAt(TicketField.QUANTITY, "7", "684.50"))
                .isEqualTo(ErrorCode.OFF_LOT_QUANTITY.description() + " (5)");
    }

    @Test
    void priceOffTheTickNamesTheTick() {
        assertThat(errorAt(TicketField.PRICE, "10", "684.55")).isEqualTo(ErrorCode.OFF_TICK_PRICE.description() + " (0.10)");
    }

    @Test
    void priceOutsideTheBandNamesTheBand() {
        assertThat(errorAt(TicketField.PRICE, "10", "800.00"))
                .isEqualTo(ErrorCode.PRICE_OUT_OF_BAND.description() + " (616.10 to 752.90)");
    }

    @Test
    void moreDecimalsThanThePriceScaleAreRefused() {
        assertThat(errorAt(TicketField.PRICE, "10", "684.501")).isEqualTo("At most 2 decimals");
    }

    @Test
    void buyAboveAvailableCashIsRefusedWithWhatIsAvailable() {
        assertThat(errorAt(TicketField.QUANTITY, "200", "684.50"))
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE.description() + ": 100,000.00 EUR available");
    }

    @Test
    void sellAboveAvailablePositionIsRefused() {
        TicketCheck check = TicketValidator.check(draft(Side.SELL, OrderType.LIMIT, TimeInForce.GTC, "500", "684.50"));

        assertThat(check.errorAt(TicketField.QUANTITY))
                .isEqualTo(ErrorCode.INSUFFICIENT_POSITION.description() + ": 300 available");
    }

    @Test
    void marketOrderThatWouldRestIsRefusedAtTimeInForce() {
        TicketCheck check = TicketValidator.check(draft(Side.BUY, OrderType.MARKET, TimeInForce.GTC, "10", ""));

        assertThat(check.errorAt(TicketField.TIME_IN_FORCE)).contains("IOC or FOK");
    }

    @Test
    void marketBuyIsCheckedAgainstCashAtTheTopOfTheBand() {
        TicketCheck check = TicketValidator.check(draft(Side.BUY, OrderType.MARKET, TimeInForce.IOC, "135", ""));

        // 135 × 752.90 = 101,641.50 EUR would be held, more than the 100,000.00 available.
        assertThat(check.errorAt(TicketField.QUANTITY)).startsWith(ErrorCode.INSUFFICIENT_BALANCE.description());
    }

    @Test
    void icebergShowingMoreThanTheOrderIsRefused() {
        TicketDraft d = new TicketDraft(ASML, 1001L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "10", "684.50", "",
                "20", false, 2, RiskLimits.defaults(), CASH, 300, 68_450);

        assertThat(TicketValidator.check(d).errorAt(TicketField.DISPLAY_QUANTITY))
                .isEqualTo(ErrorCode.INVALID_DISPLAY_QUANTITY.description());
    }

    @Test
    void orderAboveTheNotionalLimitIsRefused() {
        RiskLimits tight = new RiskLimits(1_000_000, 500_000, 10_000_000, 10, 60_000);
        TicketDraft d = new TicketDraft(ASML, 1001L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "10", "684.50", "",
                "", false, 2, tight, CASH, 300, 68_450);

        assertThat(TicketValidator.check(d).errorAt(TicketField.QUANTITY))
                .isEqualTo(ErrorCode.NOTIONAL_LIMIT.description() + " (5,000.00 EUR)");
    }

    @Test
    void negativePriceIsTheLimitPricesFaultNotTheQuantitys() {
        TicketCheck check = TicketValidator.check(draft(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "10", "-5"));

        assertThat(check.errorAt(TicketField.PRICE)).isEqualTo(ErrorCode.INVALID_PRICE.description());
        assertThat(check.errorAt(TicketField.QUANTITY)).isNull();
    }

    @Test
    void negativeStopPriceIsTheStopPricesFault() {
        TicketDraft d = new TicketDraft(ASML, 1001L, Side.SELL, OrderType.STOP, TimeInForce.GTC, "10", "", "-1", "",
                false, 2, RiskLimits.defaults(), CASH, 300, 68_450);

        TicketCheck check = TicketValidator.check(d);

        assertThat(check.errorAt(TicketField.STOP_PRICE)).isEqualTo(ErrorCode.INVALID_PRICE.description());
        assertThat(check.errorAt(TicketField.QUANTITY)).isNull();
    }

    @Test
    void theQuantityLimitIsWrittenWithGroupedDigits() {
        RiskLimits limits = new RiskLimits(1_000_000, 1_000_000_000_000L, 10_000_000_000L, 10, 60_000);
        TicketDraft d = new TicketDraft(ASML, 1001L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "2000000",
                "684.50", "", "", false, 2, limits, Long.MAX_VALUE / 4, 300, 68_450);

        assertThat(TicketValidator.check(d).errorAt(TicketField.QUANTITY))
                .isEqualTo(ErrorCode.QUANTITY_LIMIT.description() + " (1,000,000)");
    }

    @Test
    void aSellAboveAThousandSharesHeldNamesThemGrouped() {
        TicketDraft d = new TicketDraft(ASML, 1001L, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, "2000", "684.50",
                "", "", false, 2, RiskLimits.defaults(), CASH, 1_500, 68_450);

        assertThat(TicketValidator.check(d).errorAt(TicketField.QUANTITY))
                .isEqualTo(ErrorCode.INSUFFICIENT_POSITION.description() + ": 1,500 available");
    }

    @Test
    void engineRejectionsMapToTheFieldTheyConcern() {
        assertThat(TicketField.of(ErrorCode.OFF_TICK_PRICE)).isEqualTo(TicketField.PRICE);
        assertThat(TicketField.of(ErrorCode.INSUFFICIENT_BALANCE)).isEqualTo(TicketField.QUANTITY);
        assertThat(TicketField.of(ErrorCode.HIGH_FREQUENCY)).isEqualTo(TicketField.ORDER);
    }

    private static String errorAt(TicketField field, String quantity, String price) {
        return TicketValidator.check(draft(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, quantity, price)).errorAt(field);
    }

    private static TicketDraft draft(Side side, OrderType type, TimeInForce tif, String quantity, String price) {
        return new TicketDraft(ASML, 1001L, side, type, tif, quantity, price, "", "", false, 2, RiskLimits.defaults(),
                CASH, 300, 68_450);
    }
}
