package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.Command;
import com.bourse.protocol.ComplianceKind;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.Test;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static com.bourse.engine.spec.TradingDesk.BAND_HIGH;
import static com.bourse.engine.spec.TradingDesk.BAND_LOW;
import static com.bourse.engine.spec.TradingDesk.BOND;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static com.bourse.engine.spec.TradingDesk.STARTING_CASH;
import static com.bourse.engine.spec.TradingDesk.STARTING_SHARES;
import static org.assertj.core.api.Assertions.assertThat;

/** The hard pre-trade checks: each refuses the order with its own code and the order holds nothing. */
class RiskLimitTest {
    private static final RiskLimits DEFAULTS = RiskLimits.defaults();

    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();

    private static RiskLimits limits(long maxQuantity, long maxNotional, long maxPosition) {
        return new RiskLimits(maxQuantity, maxNotional, maxPosition, DEFAULTS.maxOrdersPerWindow(),
                DEFAULTS.throttleWindowMillis());
    }

    private void assertRefusedHoldingNothing(TradingDesk.Outcome order, ErrorCode code) {
        Event refusal = new Event.OrderRejected(order.id(), alice.accountId(), code);
        boolean limitBreach = code == ErrorCode.QUANTITY_LIMIT || code == ErrorCode.NOTIONAL_LIMIT
                || code == ErrorCode.POSITION_LIMIT || code == ErrorCode.HIGH_FREQUENCY;
        if (limitBreach) {
            // A refused breach of a limit is also a line of the compliance log, naming who tried.
            assertThat(order.events()).containsExactly(refusal, new Event.ComplianceViolation(alice.accountId(),
                    alice.userId(), ComplianceKind.LIMIT_BREACH_ATTEMPT, order.id(), code));
        } else {
            assertThat(order.events()).containsExactly(refusal);
        }
        assertThat(desk.heldCash(alice)).isZero();
        assertThat(desk.heldShares(alice)).isZero();
        assertThat(desk.working(alice)).isEmpty();
    }

    @Test
    void orderOnAHaltedInstrumentIsRefused() {
        desk.halt(OFFICER, ACME);

        assertRefusedHoldingNothing(desk.buyLimit(alice, 99_00, 5), ErrorCode.INSTRUMENT_HALTED);
    }

    @Test
    void priceAboveTheBandIsRefused() {
        assertRefusedHoldingNothing(desk.buyLimit(alice, BAND_HIGH + 1, 5), ErrorCode.PRICE_OUT_OF_BAND);
    }

    @Test
    void priceBelowTheBandIsRefused() {
        assertRefusedHoldingNothing(desk.sellLimit(alice, BAND_LOW - 1, 5), ErrorCode.PRICE_OUT_OF_BAND);
    }

    @Test
    void pricesOnTheEdgesOfTheBandAreAccepted() {
        assertThat(desk.buyLimit(alice, BAND_LOW, 5).rejection()).isNull();
        assertThat(desk.sellLimit(alice, BAND_HIGH, 5).rejection()).isNull();
    }

    @Test
    void stopPriceOutsideTheBandIsRefused() {
        assertRefusedHoldingNothing(desk.buyStop(alice, BAND_HIGH + 1, 5), ErrorCode.PRICE_OUT_OF_BAND);
    }

    // ---- The account's own price band: narrower than the instrument's, around the same reference ------

    /** The defaults with a band of its own: ±5% of ACME's 100.00 is 95.00 to 105.00 (the instrument allows ±10%). */
    private static RiskLimits bandOf5Percent() {
        return DEFAULTS.withBandAndThreshold(500, 0);
    }

    @Test
    void priceOutsideTheAccountsOwnBandIsRefusedInsideTheInstruments() {
        desk.setLimits(OFFICER, alice, bandOf5Percent());

        assertRefusedHoldingNothing(desk.buyLimit(alice, 105_01, 5), ErrorCode.PRICE_OUT_OF_BAND);
        assertRefusedHoldingNothing(desk.sellLimit(alice, 94_99, 5), ErrorCode.PRICE_OUT_OF_BAND);
        assertRefusedHoldingNothing(desk.buyStop(alice, 105_01, 5), ErrorCode.PRICE_OUT_OF_BAND);
    }

    @Test
    void pricesOnTheEdgesOfTheAccountsOwnBandAreAccepted() {
        desk.setLimits(OFFICER, alice, bandOf5Percent());

        assertThat(desk.buyLimit(alice, 95_00, 5).rejection()).isNull();
        assertThat(desk.sellLimit(alice, 105_00, 5).rejection()).isNull();
    }

    @Test
    void anotherAccountKeepsTheInstrumentsWholeBand() {
        desk.setLimits(OFFICER, alice, bandOf5Percent());
        desk.fund(bob, "EUR", STARTING_CASH);

        assertThat(desk.buyLimit(bob, 108_00, 5).rejection()).isNull();
    }

    @Test
    void replaceOutsideTheAccountsOwnBandIsRefusedAndTheOrderStays() {
        var order = desk.buyLimit(alice, 100_00, 5);
        desk.setLimits(OFFICER, alice, bandOf5Percent());

        assertThat(desk.replace(alice, order.id(), 106_00, 5).rejection()).isEqualTo(ErrorCode.PRICE_OUT_OF_BAND);
        assertThat(desk.working(alice)).hasSize(1);
    }

    @Test
    void bandOrThresholdOfAWholeScoreOrMoreIsAnInvalidConfiguration() {
        assertThat(desk.setLimits(OFFICER, alice, DEFAULTS.withBandAndThreshold(10_000, 0)).rejection())
                .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(desk.setLimits(OFFICER, alice, DEFAULTS.withBandAndThreshold(0, 10_001)).rejection())
                .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(desk.setLimits(OFFICER, alice, DEFAULTS.withBandAndThreshold(-1, 0)).rejection())
                .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void theAccountsOwnBandAndThresholdSurviveASnapshot() {
        RiskLimits own = DEFAULTS.withBandAndThreshold(500, 3_000);
        desk.setLimits(OFFICER, alice, own);

        var restored = com.bourse.engine.Engine.restore(desk.engine().config(), desk.engine().snapshot());

        assertThat(restored.riskLimits(alice.accountId())).isEqualTo(own);
    }

    @Test
    void quantityAboveTheAccountsPerOrderLimitIsRefused() {
        desk.setLimits(OFFICER, alice, limits(100, DEFAULTS.maxOrderNotional(), DEFAULTS.maxPosition()));

        assertRefusedHoldingNothing(desk.buyLimit(alice, 99_00, 101), ErrorCode.QUANTITY_LIMIT);
        assertThat(desk.buyLimit(alice, 99_00, 100).rejection()).isNull();
    }

    @Test
    void valueAboveTheAccountsPerOrderLimitIsRefused() {
        desk.setLimits(OFFICER, alice, limits(DEFAULTS.maxOrderQuantity(), 100_000, DEFAULTS.maxPosition()));

        assertRefusedHoldingNothing(desk.buyLimit(alice, 100_00, 11), ErrorCode.NOTIONAL_LIMIT);
        assertThat(desk.buyLimit(alice, 100_00, 10).rejection()).isNull();
    }

    @Test
    void marketOrderIsValuedAtTheLastTradePriceForTheNotionalLimit() {
        desk.setLimits(OFFICER, alice, limits(DEFAULTS.maxOrderQuantity(), 100_000, DEFAULTS.maxPosition()));

        assertRefusedHoldingNothing(desk.buyMarket(alice, 11), ErrorCode.NOTIONAL_LIMIT);
    }

    @Test
    void buyBeyondAvailableCashIsRefused() {
        long affordable = STARTING_CASH / 100_00;

        assertRefusedHoldingNothing(desk.buyLimit(alice, 100_00, affordable + 1), ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(desk.buyLimit(alice, 100_00, affordable).rejection()).isNull();
    }

    @Test
    void marketBuyMustBeAffordableAtTheTopOfTheBand() {
        long affordableAtTop = STARTING_CASH / BAND_HIGH;

        assertRefusedHoldingNothing(desk.buyMarket(alice, affordableAtTop + 1), ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void sellingMoreThanTheAccountOwnsIsRefused() {
        assertRefusedHoldingNothing(desk.sellLimit(alice, 101_00, STARTING_SHARES + 1),
                ErrorCode.INSUFFICIENT_POSITION);
    }

    @Test
    void sharesAlreadyOfferedCannotBeSoldTwice() {
        desk.sellLimit(alice, 101_00, STARTING_SHARES);

        var second = desk.sellLimit(alice, 102_00, 1);

        assertThat(second.rejection()).isEqualTo(ErrorCode.INSUFFICIENT_POSITION);
        assertThat(desk.heldShares(alice)).isEqualTo(STARTING_SHARES);
    }

    @Test
    void accountWithoutSharesCannotSellShort() {
        Trader empty = desk.unfundedTrader();

        var sell = desk.sellMarket(empty, 1);

        assertThat(sell.rejection()).isEqualTo(ErrorCode.INSUFFICIENT_POSITION);
    }

    @Test
    void buyThatCouldTakeThePositionBeyondItsLimitIsRefused() {
        desk.setLimits(OFFICER, alice, limits(DEFAULTS.maxOrderQuantity(), DEFAULTS.maxOrderNotional(),
                STARTING_SHARES + 10));

        assertRefusedHoldingNothing(desk.buyLimit(alice, 99_00, 11), ErrorCode.POSITION_LIMIT);
        assertThat(desk.buyLimit(alice, 99_00, 10).rejection()).isNull();
    }

    @Test
    void positionLimitCountsWorkingBuyOrders() {
        desk.setLimits(OFFICER, alice, limits(DEFAULTS.maxOrderQuantity(), DEFAULTS.maxOrderNotional(),
                STARTING_SHARES + 10));
        desk.buyLimit(alice, 99_00, 6);

        var second = desk.buyLimit(alice, 99_00, 5);

        assertThat(second.rejection()).isEqualTo(ErrorCode.POSITION_LIMIT);
        assertThat(desk.buyLimit(alice, 99_00, 4).rejection()).isNull();
    }

    @Test
    void eleventhOrderInsideTheThrottleWindowIsRefused() {
        desk.startNextThrottleWindow();
        for (int i = 0; i < DEFAULTS.maxOrdersPerWindow(); i++) {
            assertThat(desk.buyLimit(alice, 99_00, 1).rejection()).as("order %d", i + 1).isNull();
        }

        var eleventh = desk.buyLimit(alice, 99_00, 1);

        assertThat(eleventh.events()).containsExactly(
                new Event.OrderRejected(eleventh.id(), alice.accountId(), ErrorCode.HIGH_FREQUENCY),
                new Event.ComplianceViolation(alice.accountId(), alice.userId(), ComplianceKind.LIMIT_BREACH_ATTEMPT,
                        eleventh.id(), ErrorCode.HIGH_FREQUENCY));
    }

    @Test
    void throttleAllowsOrdersAgainInTheNextWindow() {
        desk.startNextThrottleWindow();
        for (int i = 0; i < DEFAULTS.maxOrdersPerWindow(); i++) {
            desk.buyLimit(alice, 99_00, 1);
        }
        assertThat(desk.buyLimit(alice, 99_00, 1).rejection()).isEqualTo(ErrorCode.HIGH_FREQUENCY);

        desk.startNextThrottleWindow();

        assertThat(desk.buyLimit(alice, 99_00, 1).rejection()).isNull();
    }

    @Test
    void throttleCountsEachAccountSeparately() {
        desk.startNextThrottleWindow();
        for (int i = 0; i < DEFAULTS.maxOrdersPerWindow(); i++) {
            desk.buyLimit(alice, 99_00, 1);
        }

        assertThat(desk.buyLimit(bob, 99_00, 1).rejection()).isNull();
    }

    @Test
    void priceOffTheInstrumentsTickIsRefused() {
        var order = desk.place(desk.limit(alice, BOND, Side.BUY, 100_02, 10));

        assertRefusedHoldingNothing(order, ErrorCode.OFF_TICK_PRICE);
        assertThat(desk.place(desk.limit(alice, BOND, Side.BUY, 100_05, 10)).rejection()).isNull();
    }

    @Test
    void quantityOffTheInstrumentsLotIsRefused() {
        var order = desk.place(desk.limit(alice, BOND, Side.BUY, 100_00, 15));

        assertRefusedHoldingNothing(order, ErrorCode.OFF_LOT_QUANTITY);
        assertThat(desk.place(desk.limit(alice, BOND, Side.BUY, 100_00, 20)).rejection()).isNull();
    }

    @Test
    void stopPriceOffTheTickIsRefused() {
        var ticket = desk.order(alice, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, 101_00, 10, 0, false);
        var onBond = new Command.PlaceOrder(0, ticket.userId(), ticket.orderId(),
                ticket.accountId(), BOND, ticket.side(), ticket.type(), ticket.timeInForce(), 0, 101_03, 10, 0, false);

        assertRefusedHoldingNothing(desk.place(onBond), ErrorCode.OFF_TICK_PRICE);
    }

    @Test
    void refusedOrderLeavesTheEngineExactlyAsItWas() {
        desk.sellLimit(bob, 100_00, 5);
        desk.startNextThrottleWindow();
        byte[] before = desk.engine().snapshot();

        var tooExpensive = desk.buyLimit(alice, 100_00, STARTING_CASH / 100_00 + 1);
        var shortSale = desk.sellLimit(alice, 101_00, STARTING_SHARES + 1);
        var crossingPostOnly = desk.postOnly(alice, Side.BUY, 100_00, 1);

        assertThat(tooExpensive.rejection()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(shortSale.rejection()).isEqualTo(ErrorCode.INSUFFICIENT_POSITION);
        assertThat(crossingPostOnly.rejection()).isEqualTo(ErrorCode.POST_ONLY_WOULD_CROSS);
        assertThat(desk.engine().snapshot()).isEqualTo(before);
    }

    @Test
    void refusedOrdersDoNotUseUpTheThrottle() {
        desk.startNextThrottleWindow();
        for (int i = 0; i < DEFAULTS.maxOrdersPerWindow(); i++) {
            desk.sellLimit(alice, 101_00, STARTING_SHARES + 1);
        }

        assertThat(desk.buyLimit(alice, 99_00, 1).rejection()).isNull();
    }

    @Test
    void riskOfficerSetsLimitsAndEveryoneHearsIt() {
        var limits = limits(100, 100_000, 1_000);

        var change = desk.setLimits(OFFICER, alice, limits);

        assertThat(change.events()).containsExactly(new Event.RiskLimitsChanged(alice.accountId(), limits));
    }

    @Test
    void traderCannotChangeTheirOwnLimits() {
        var change = desk.setLimits(alice.userId(), alice, limits(1, 1, 1));

        assertThat(change.rejection()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(desk.buyLimit(alice, 99_00, 5).rejection()).isNull();
    }

    @Test
    void limitsThatAreNotPositiveAreRefused() {
        var change = desk.setLimits(OFFICER, alice, new RiskLimits(0, 1, 1, 1, 1));

        assertThat(change.rejection()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }
}
