package com.bourse.engine.spec;

import com.bourse.engine.spec.TradingDesk.Trader;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.LongFunction;
import java.util.stream.Stream;

import static com.bourse.engine.spec.TradingDesk.ACME;
import static com.bourse.engine.spec.TradingDesk.ACME_SYMBOL;
import static com.bourse.engine.spec.TradingDesk.ADMIN;
import static com.bourse.engine.spec.TradingDesk.BACK_OFFICE;
import static com.bourse.engine.spec.TradingDesk.EUR;
import static com.bourse.engine.spec.TradingDesk.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear code and changes nothing: the engine's snapshot is byte for byte what it was. */
class MalformedCommandTest {
    private static final long UNKNOWN = 777_777;

    private final TradingDesk desk = TradingDesk.open();
    private final Trader alice = desk.trader();
    private final Trader bob = desk.trader();
    private long restingBid;

    @BeforeEach
    void marketWithSomeBusiness() {
        restingBid = desk.buyLimit(alice, 99_00, 5).id();
        desk.sellLimit(bob, 101_00, 5);
        desk.sellLimit(bob, 100_00, 2);
        desk.buyLimit(alice, 100_00, 1);
    }

    private void assertOrderRefusedWithoutChange(Command.PlaceOrder ticket, ErrorCode code) {
        byte[] before = desk.engine().snapshot();

        var outcome = desk.place(ticket);

        assertThat(outcome.events())
                .containsExactly(new Event.OrderRejected(ticket.orderId(), ticket.accountId(), code));
        assertThat(desk.engine().snapshot()).isEqualTo(before);
    }

    private void assertRefusedWithoutChange(LongFunction<Command> command, ErrorCode code) {
        byte[] before = desk.engine().snapshot();

        var outcome = desk.apply(command);

        assertThat(outcome.events()).hasSize(1);
        assertThat(outcome.rejection()).isEqualTo(code);
        assertThat(desk.engine().snapshot()).isEqualTo(before);
    }

    private Command.PlaceOrder ticket(long price, long quantity) {
        return desk.limit(alice, Side.BUY, price, quantity);
    }

    // ---- Orders ---------------------------------------------------------------------------------

    @Test
    void zeroQuantityIsRefused() {
        assertOrderRefusedWithoutChange(ticket(99_00, 0), ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void negativeQuantityIsRefused() {
        assertOrderRefusedWithoutChange(ticket(99_00, -5), ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void negativePriceIsRefused() {
        assertOrderRefusedWithoutChange(ticket(-99_00, 5), ErrorCode.INVALID_PRICE);
    }

    @Test
    void limitOrderWithoutAPriceIsRefused() {
        assertOrderRefusedWithoutChange(ticket(0, 5), ErrorCode.INVALID_PRICE);
    }

    @Test
    void stopOrderWithoutAStopPriceIsRefused() {
        assertOrderRefusedWithoutChange(desk.order(alice, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, 0, 5, 0, false),
                ErrorCode.INVALID_PRICE);
    }

    @Test
    void negativeStopPriceIsRefused() {
        assertOrderRefusedWithoutChange(
                desk.order(alice, Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, -1, 5, 0, false),
                ErrorCode.INVALID_PRICE);
    }

    @Test
    void orderWithoutASideIsRefused() {
        assertOrderRefusedWithoutChange(desk.order(alice, null, OrderType.LIMIT, TimeInForce.GTC, 99_00, 0, 5, 0, false),
                ErrorCode.INVALID_ORDER_SPEC);
    }

    @Test
    void negativeDisplayQuantityIsRefused() {
        assertOrderRefusedWithoutChange(
                desk.order(alice, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 99_00, 0, 5, -1, false),
                ErrorCode.INVALID_DISPLAY_QUANTITY);
    }

    @Test
    void nonPositiveOrderIdIsRefused() {
        var t = ticket(99_00, 5);
        assertOrderRefusedWithoutChange(new Command.PlaceOrder(0, t.userId(), 0, t.accountId(), ACME, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, 99_00, 0, 5, 0, false), ErrorCode.INVALID_ID);
    }

    @Test
    void unknownInstrumentIsRefused() {
        var t = ticket(99_00, 5);
        assertOrderRefusedWithoutChange(new Command.PlaceOrder(0, t.userId(), t.orderId(), t.accountId(), UNKNOWN,
                Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 99_00, 0, 5, 0, false), ErrorCode.UNKNOWN_INSTRUMENT);
    }

    @Test
    void unknownAccountIsRefused() {
        var t = ticket(99_00, 5);
        assertOrderRefusedWithoutChange(new Command.PlaceOrder(0, t.userId(), t.orderId(), UNKNOWN, ACME, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, 99_00, 0, 5, 0, false), ErrorCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void unknownUserIsRefused() {
        var t = ticket(99_00, 5);
        assertOrderRefusedWithoutChange(new Command.PlaceOrder(0, UNKNOWN, t.orderId(), t.accountId(), ACME, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, 99_00, 0, 5, 0, false), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void orderForSomeoneElsesAccountIsRefused() {
        var t = ticket(99_00, 5);
        assertOrderRefusedWithoutChange(new Command.PlaceOrder(0, bob.userId(), t.orderId(), alice.accountId(), ACME,
                Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 99_00, 0, 5, 0, false), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void priceTimesQuantityThatOverflowsIsRefused() {
        assertOrderRefusedWithoutChange(ticket(100_00, Long.MAX_VALUE / 100), ErrorCode.PRICE_OVERFLOW);
    }

    @Test
    void marketOrderWhoseHoldWouldOverflowIsRefused() {
        assertOrderRefusedWithoutChange(
                desk.order(alice, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, Long.MAX_VALUE / 1_000, 0, false),
                ErrorCode.PRICE_OVERFLOW);
    }

    @Test
    void idOfAWorkingOrderCannotBeReused() {
        // Bob has never used this id, but it names Alice's working order.
        assertOrderRefusedWithoutChange(new Command.PlaceOrder(0, bob.userId(), restingBid, bob.accountId(), ACME,
                Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 98_00, 0, 5, 0, false), ErrorCode.DUPLICATE_ID);
    }

    @Test
    void orderIdsMustIncreasePerAccount() {
        assertOrderRefusedWithoutChange(new Command.PlaceOrder(0, alice.userId(), restingBid, alice.accountId(), ACME,
                Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 98_00, 0, 5, 0, false), ErrorCode.DUPLICATE_ID);
    }

    // ---- Order management -----------------------------------------------------------------------

    @Test
    void cancelOfAnUnknownOrderIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.CancelOrder(ts, alice.userId(), UNKNOWN), ErrorCode.UNKNOWN_ORDER);
    }

    @Test
    void replaceToZeroQuantityIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.ReplaceOrder(ts, alice.userId(), restingBid, 99_00, 0),
                ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void replaceToANegativePriceIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.ReplaceOrder(ts, alice.userId(), restingBid, -1, 5),
                ErrorCode.INVALID_PRICE);
    }

    @Test
    void replaceThatOverflowsIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.ReplaceOrder(ts, alice.userId(), restingBid, 99_00,
                Long.MAX_VALUE / 100), ErrorCode.PRICE_OVERFLOW);
    }

    @Test
    void haltOfAnUnknownInstrumentIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.HaltInstrument(ts, OFFICER, UNKNOWN), ErrorCode.UNKNOWN_INSTRUMENT);
    }

    @Test
    void killSwitchOnAnUnknownAccountIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.EngageKillSwitch(ts, OFFICER, UNKNOWN), ErrorCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void commandFromAnUnknownUserIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.EngageKillSwitch(ts, UNKNOWN, alice.accountId()),
                ErrorCode.USER_NOT_FOUND);
    }

    // ---- Transfers ------------------------------------------------------------------------------

    @Test
    void transferOfZeroIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.RequestTransfer(ts, BACK_OFFICE, desk.nextTransferId(),
                TransferKind.DEPOSIT, 0, alice.accountId(), EUR, 0), ErrorCode.INVALID_AMOUNT);
    }

    @Test
    void negativeTransferIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.RequestTransfer(ts, alice.userId(), desk.nextTransferId(),
                TransferKind.WITHDRAWAL, alice.accountId(), 0, EUR, -100), ErrorCode.INVALID_AMOUNT);
    }

    @Test
    void transferOfAnUnknownAssetIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.RequestTransfer(ts, BACK_OFFICE, desk.nextTransferId(),
                TransferKind.DEPOSIT, 0, alice.accountId(), "XYZ", 100), ErrorCode.UNKNOWN_ASSET);
    }

    @Test
    void transferToAnUnknownAccountIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.RequestTransfer(ts, BACK_OFFICE, desk.nextTransferId(),
                TransferKind.DEPOSIT, 0, UNKNOWN, EUR, 100), ErrorCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void transferWithoutAnIdIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.RequestTransfer(ts, BACK_OFFICE, 0, TransferKind.DEPOSIT, 0,
                alice.accountId(), EUR, 100), ErrorCode.INVALID_ID);
    }

    @Test
    void settlementOfAnUnknownTransferIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.SettleTransfer(ts, BACK_OFFICE, UNKNOWN, true),
                ErrorCode.UNKNOWN_TRANSFER);
    }

    // ---- Reference data -------------------------------------------------------------------------

    @Test
    void accountIdAlreadyInUseIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.OpenAccount(ts, ADMIN, alice.accountId(), bob.userId(), EUR,
                SelfTradePrevention.CANCEL_BOTH), ErrorCode.DUPLICATE_ID);
    }

    @Test
    void accountForAnUnknownOwnerIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.OpenAccount(ts, ADMIN, 5_555, UNKNOWN, EUR,
                SelfTradePrevention.CANCEL_BOTH), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void accountInAnUnknownCurrencyIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.OpenAccount(ts, ADMIN, 5_555, alice.userId(), "XYZ",
                SelfTradePrevention.CANCEL_BOTH), ErrorCode.UNKNOWN_ASSET);
    }

    @Test
    void instrumentIdAlreadyInUseIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.ListInstrument(ts, ADMIN,
                new Instrument(ACME, "NEWCO", EUR, 2, 1, 1, 50_00, 1_000)), ErrorCode.DUPLICATE_ID);
    }

    @Test
    void instrumentSymbolAlreadyInUseIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.ListInstrument(ts, ADMIN,
                new Instrument(99, ACME_SYMBOL, EUR, 2, 1, 1, 50_00, 1_000)), ErrorCode.DUPLICATE_ID);
    }

    @Test
    void instrumentInAnUnknownCurrencyIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.ListInstrument(ts, ADMIN,
                new Instrument(99, "NEWCO", "XYZ", 2, 1, 1, 50_00, 1_000)), ErrorCode.UNKNOWN_ASSET);
    }

    static Stream<Arguments> invalidInstruments() {
        return Stream.of(
                Arguments.of("zero tick", new Instrument(99, "NEWCO", EUR, 2, 0, 1, 50_00, 1_000)),
                Arguments.of("negative tick", new Instrument(99, "NEWCO", EUR, 2, -1, 1, 50_00, 1_000)),
                Arguments.of("zero lot", new Instrument(99, "NEWCO", EUR, 2, 1, 0, 50_00, 1_000)),
                Arguments.of("zero reference price", new Instrument(99, "NEWCO", EUR, 2, 1, 1, 0, 1_000)),
                Arguments.of("reference off the tick", new Instrument(99, "NEWCO", EUR, 2, 5, 1, 50_03, 1_000)),
                Arguments.of("no band", new Instrument(99, "NEWCO", EUR, 2, 1, 1, 50_00, 0)),
                Arguments.of("band of 100% or more", new Instrument(99, "NEWCO", EUR, 2, 1, 1, 50_00, 10_000)),
                Arguments.of("price scale finer than cents", new Instrument(99, "NEWCO", EUR, 1, 1, 1, 50_0, 1_000)),
                Arguments.of("blank symbol", new Instrument(99, " ", EUR, 2, 1, 1, 50_00, 1_000)),
                Arguments.of("too many ticks in the band",
                        new Instrument(99, "NEWCO", EUR, 12, 1, 1, 100_000_000_000_000L, 1_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInstruments")
    void instrumentWithAnInvalidConfigurationIsRefused(String why, Instrument instrument) {
        assertRefusedWithoutChange(ts -> new Command.ListInstrument(ts, ADMIN, instrument),
                ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void instrumentWithoutAPositiveIdIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.ListInstrument(ts, ADMIN,
                new Instrument(0, "NEWCO", EUR, 2, 1, 1, 50_00, 1_000)), ErrorCode.INVALID_ID);
    }

    @Test
    void currencyAlreadyListedIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.AddCurrency(ts, ADMIN, new Currency(EUR, 2)),
                ErrorCode.DUPLICATE_ID);
    }

    @Test
    void currencyWithNegativeDigitsIsRefused() {
        assertRefusedWithoutChange(ts -> new Command.AddCurrency(ts, ADMIN, new Currency("USD", -1)),
                ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void traderCannotListInstruments() {
        assertRefusedWithoutChange(ts -> new Command.ListInstrument(ts, alice.userId(),
                new Instrument(99, "NEWCO", EUR, 2, 1, 1, 50_00, 1_000)), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void traderCannotGrantThemselvesRoles() {
        assertRefusedWithoutChange(ts -> new Command.RegisterUser(ts, alice.userId(), alice.userId(),
                Role.mask(Role.TRADER, Role.RISK_OFFICER)), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void unknownRoleBitsAreRefused() {
        assertRefusedWithoutChange(ts -> new Command.RegisterUser(ts, ADMIN, 4_242, 1 << 10),
                ErrorCode.INVALID_CONFIGURATION);
    }
}
