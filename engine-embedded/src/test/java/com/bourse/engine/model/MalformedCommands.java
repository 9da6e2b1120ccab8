package com.bourse.engine.model;

import com.bourse.engine.Engine;
import com.bourse.engine.model.TradingFloor.Seat;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;
import com.bourse.protocol.WorkingOrder;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Commands a well-behaved engine must refuse without changing anything: zero, negative and overflowing
 * numbers, ids nobody issued, ids already taken, nulls where an enum or a value belongs, impossible order
 * combinations, wrong users and wrong states. Targets are taken from the engine's current state (a real
 * working order, a real held order, a real completed transfer) so the refusals are about the flaw, not
 * about a missing target.
 */
final class MalformedCommands {
    static final long UNKNOWN_USER = 777;
    static final long UNKNOWN_ACCOUNT = 999;
    static final long UNKNOWN_INSTRUMENT = 99;
    static final long UNKNOWN_ID = 1_000_000_000_000L;

    private final Random random;
    private final Engine engine;
    private final TradingFloor floor;
    private final long time;
    private final List<Supplier<Command>> kinds = List.of(
            this::badQuantity, this::badLimitPrice, this::overflowingOrder, this::badStopPrice,
            this::badDisplayQuantity, this::nullEnum, this::badOrderId, this::unknownReference,
            this::duplicateOrderId, this::impossibleCombination, this::unknownOrderToCancelOrAmend,
            this::badAmendment, this::amendmentOfOrderOffTheBook, this::badMassCancelOrHalt, this::badReview,
            this::badKillSwitchOrLimits, this::badTransferRequest, this::badTransferDecision, this::badCurrency,
            this::badInstrument, this::badAccount, this::badUser, this::endOfDayByNonAdmin);

    MalformedCommands(long seed, Engine engine, TradingFloor floor, long time) {
        this.random = new Random(seed);
        this.engine = engine;
        this.floor = floor;
        this.time = time;
    }

    Command next() {
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    // ---- Orders -----------------------------------------------------------------------------------

    private Command badQuantity() {
        Instrument instrument = instrument();
        long quantity = pick(0L, -1L, -instrument.lotSize(), Long.MIN_VALUE);
        return limit(seat(), instrument, instrument.referencePrice(), quantity);
    }

    private Command badLimitPrice() {
        Instrument instrument = instrument();
        long tick = instrument.tickSize();
        long price = pick(0L, -tick, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / tick * tick,
                instrument.highestPrice() + tick, instrument.lowestPrice() - tick, instrument.referencePrice() + 1);
        return limit(seat(), instrument, price, instrument.lotSize());
    }

    /** Price times quantity beyond a long: a market buy holds at the band's top, so its quantity alone overflows. */
    private Command overflowingOrder() {
        Instrument instrument = instrument();
        Seat seat = seat();
        long lot = instrument.lotSize();
        long huge = pick(Long.MAX_VALUE / lot * lot, Long.MAX_VALUE / 3 / lot * lot,
                (Long.MAX_VALUE / instrument.referencePrice() + 1) * lot);
        if (random.nextBoolean()) {
            return limit(seat, instrument, instrument.referencePrice(), huge);
        }
        return new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(), side(),
                OrderType.MARKET, TimeInForce.IOC, 0, 0, huge, 0, false);
    }

    private Command badStopPrice() {
        Instrument instrument = instrument();
        Seat seat = seat();
        long stop = pick(0L, -instrument.tickSize(), Long.MAX_VALUE, instrument.highestPrice() + instrument.tickSize());
        return new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(), side(),
                OrderType.STOP, TimeInForce.GTC, 0, stop, instrument.lotSize(), 0, false);
    }

    private Command badDisplayQuantity() {
        Instrument instrument = instrument();
        Seat seat = seat();
        long quantity = 4 * instrument.lotSize();
        long display = pick(-instrument.lotSize(), quantity + instrument.lotSize(), Long.MIN_VALUE);
        return new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(), side(),
                OrderType.LIMIT, TimeInForce.GTC, instrument.referencePrice(), 0, quantity, display, false);
    }

    private Command nullEnum() {
        Instrument instrument = instrument();
        Seat seat = seat();
        int which = random.nextInt(3);
        return new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(),
                which == 0 ? null : side(), which == 1 ? null : OrderType.LIMIT,
                which == 2 ? null : TimeInForce.GTC, instrument.referencePrice(), 0, instrument.lotSize(), 0, false);
    }

    private Command badOrderId() {
        Instrument instrument = instrument();
        Seat seat = seat();
        long orderId = pick(0L, -1L, Long.MIN_VALUE);
        return new Command.PlaceOrder(time, seat.owner(), orderId, seat.accountId(), instrument.id(), side(),
                OrderType.LIMIT, TimeInForce.GTC, instrument.referencePrice(), 0, instrument.lotSize(), 0, false);
    }

    private Command unknownReference() {
        Instrument instrument = instrument();
        Seat seat = seat();
        int which = random.nextInt(4);
        long userId = which == 2 ? UNKNOWN_USER : which == 3 ? otherOwner(seat) : seat.owner();
        return new Command.PlaceOrder(time, userId, freshOrderId(), which == 0 ? UNKNOWN_ACCOUNT : seat.accountId(),
                which == 1 ? UNKNOWN_INSTRUMENT : instrument.id(), side(), OrderType.LIMIT, TimeInForce.GTC,
                instrument.referencePrice(), 0, instrument.lotSize(), 0, false);
    }

    /**
     * A new order carrying an id its account has already used: its working order's, or an earlier one. (Ids are
     * the account's own: another account may use the same id, so that is no duplicate.)
     */
    private Command duplicateOrderId() {
        WorkingOrder order = working(null);
        if (order == null) {
            return badOrderId();
        }
        Instrument instrument = instrument();
        Seat seat = seatOf(order.accountId());
        long orderId = random.nextBoolean() ? order.orderId() : 1 + random.nextLong(order.orderId());
        return new Command.PlaceOrder(time, seat.owner(), orderId, seat.accountId(), instrument.id(), side(),
                OrderType.LIMIT, TimeInForce.GTC, instrument.referencePrice(), 0, instrument.lotSize(), 0, false);
    }

    private Command impossibleCombination() {
        Instrument instrument = instrument();
        Seat seat = seat();
        long price = instrument.referencePrice();
        long lot = instrument.lotSize();
        return switch (random.nextInt(5)) {
            case 0 -> new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(),
                    side(), OrderType.MARKET, TimeInForce.GTC, 0, 0, lot, 0, false);
            case 1 -> new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(),
                    side(), OrderType.STOP, TimeInForce.IOC, 0, price, lot, 0, false);
            case 2 -> new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(),
                    side(), OrderType.MARKET, TimeInForce.IOC, 0, 0, lot, 0, true);
            case 3 -> new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(),
                    side(), OrderType.LIMIT, TimeInForce.FOK, price, 0, 4 * lot, lot, false);
            default -> new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(),
                    side(), OrderType.LIMIT, TimeInForce.IOC, price, 0, lot, 0, true);
        };
    }

    private Command unknownOrderToCancelOrAmend() {
        long orderId = pick(0L, -1L, UNKNOWN_ID, Long.MIN_VALUE);
        Seat seat = seat();
        return random.nextBoolean() ? new Command.CancelOrder(time, seat.owner(), orderId)
                : new Command.ReplaceOrder(time, seat.owner(), orderId, instrument().referencePrice(), 1);
    }

    private Command badAmendment() {
        WorkingOrder order = working("RESTING");
        if (order == null) {
            return unknownOrderToCancelOrAmend();
        }
        Instrument instrument = instrumentOf(order.instrumentId());
        long tick = instrument.tickSize();
        long lot = instrument.lotSize();
        long price = order.price();
        long quantity = order.leaves();
        switch (random.nextInt(4)) {
            case 0 -> quantity = pick(0L, -lot, Long.MIN_VALUE);
            case 1 -> price = pick(0L, -tick, Long.MIN_VALUE, Long.MAX_VALUE / tick * tick, price + 1);
            case 2 -> quantity = Long.MAX_VALUE / lot * lot;
            default -> {
                // Right numbers, wrong user: another trader may not amend someone else's order.
                return new Command.ReplaceOrder(time, otherOwner(seatOf(order.accountId())), order.orderId(),
                        order.accountId(), price, 0, quantity);
            }
        }
        return new Command.ReplaceOrder(time, seatOf(order.accountId()).owner(), order.orderId(), order.accountId(),
                price, 0, quantity);
    }

    /**
     * A held order cannot be amended; a waiting stop can, but a STOP order not with a limit price (it has none) and
     * a stop-limit order not with a negative trigger.
     */
    private Command amendmentOfOrderOffTheBook() {
        WorkingOrder order = working(random.nextBoolean() ? "HELD" : "STOP_WAITING");
        if (order == null) {
            return unknownOrderToCancelOrAmend();
        }
        Instrument instrument = instrumentOf(order.instrumentId());
        long owner = seatOf(order.accountId()).owner();
        if (order.status().equals("HELD") || order.type() == OrderType.STOP) {
            return new Command.ReplaceOrder(time, owner, order.orderId(), order.accountId(),
                    instrument.referencePrice(), 0, instrument.lotSize());
        }
        return new Command.ReplaceOrder(time, owner, order.orderId(), order.accountId(), order.price(),
                -instrument.tickSize(), instrument.lotSize());
    }

    // ---- Market control and review ----------------------------------------------------------------

    private Command badMassCancelOrHalt() {
        Seat seat = seat();
        return switch (random.nextInt(6)) {
            case 0 -> new Command.MassCancel(time, TradingFloor.OFFICER, UNKNOWN_ACCOUNT, 0);
            case 1 -> new Command.MassCancel(time, TradingFloor.OFFICER, 0, UNKNOWN_INSTRUMENT);
            case 2 -> new Command.MassCancel(time, UNKNOWN_USER, 0, 0);
            case 3 -> new Command.MassCancel(time, otherOwner(seat), seat.accountId(), 0);
            case 4 -> new Command.HaltInstrument(time, TradingFloor.OFFICER, pick(UNKNOWN_INSTRUMENT, 0L, -1L));
            default -> new Command.ResumeInstrument(time, random.nextBoolean() ? UNKNOWN_USER : seat.owner(),
                    instrument().id());
        };
    }

    private Command badReview() {
        WorkingOrder held = working("HELD");
        WorkingOrder notHeld = working("RESTING");
        long heldId = held == null ? UNKNOWN_ID : held.orderId();
        return switch (random.nextInt(7)) {
            case 0 -> new Command.Approve(time, TradingFloor.OFFICER, null, heldId);
            case 1 -> new Command.Reject(time, TradingFloor.OFFICER, null, heldId, "no subject");
            case 2 -> new Command.Approve(time, Command.SYSTEM_USER, ReviewSubject.ORDER, heldId);
            case 3 -> new Command.Approve(time, seat().owner(), ReviewSubject.ORDER, heldId);
            case 4 -> new Command.Approve(time, TradingFloor.OFFICER, ReviewSubject.ORDER,
                    notHeld == null || heldSomewhere(notHeld.orderId()) ? UNKNOWN_ID : notHeld.orderId());
            case 5 -> new Command.Reject(time, TradingFloor.SECOND_OFFICER, ReviewSubject.TRANSFER,
                    TradingFloor.FIRST_OPENING_TRANSFER, null);
            default -> new Command.Approve(time, UNKNOWN_USER, ReviewSubject.TRANSFER, pick(0L, -1L, UNKNOWN_ID));
        };
    }

    private Command badKillSwitchOrLimits() {
        Seat seat = seat();
        return switch (random.nextInt(6)) {
            case 0 -> new Command.EngageKillSwitch(time, TradingFloor.OFFICER, UNKNOWN_ACCOUNT);
            case 1 -> new Command.ReleaseKillSwitch(time, seat.owner(), seat.accountId());
            case 2 -> new Command.SetRiskLimits(time, TradingFloor.OFFICER, seat.accountId(), null);
            case 3 -> new Command.SetRiskLimits(time, TradingFloor.OFFICER, seat.accountId(),
                    new RiskLimits(pick(0L, -1L, 10L), 10, 10, random.nextBoolean() ? 0 : -5, 1_000));
            case 4 -> new Command.SetRiskLimits(time, TradingFloor.OFFICER, UNKNOWN_ACCOUNT, TradingFloor.OPEN_LIMITS);
            default -> new Command.SetRiskLimits(time, seat.owner(), seat.accountId(), TradingFloor.OPEN_LIMITS);
        };
    }

    // ---- Money ------------------------------------------------------------------------------------

    private Command badTransferRequest() {
        Seat seat = seat();
        long id = freshTransferId();
        long account = seat.accountId();
        return switch (random.nextInt(10)) {
            case 0 -> new Command.RequestTransfer(time, TradingFloor.BACK_OFFICE, id, TransferKind.DEPOSIT, 0, account,
                    "EUR", pick(0L, -1L, Long.MIN_VALUE));
            case 1 -> new Command.RequestTransfer(time, TradingFloor.BACK_OFFICE, id, null, 0, account, "EUR", 100);
            case 2 -> new Command.RequestTransfer(time, TradingFloor.BACK_OFFICE, id, TransferKind.DEPOSIT, 0, account,
                    null, 100);
            case 3 -> new Command.RequestTransfer(time, TradingFloor.BACK_OFFICE, id, TransferKind.DEPOSIT, 0, account,
                    pick("XYZ", "", "eur"), 100);
            case 4 -> new Command.RequestTransfer(time, seat.owner(), id, TransferKind.WITHDRAWAL, UNKNOWN_ACCOUNT,
                    0, "EUR", 100);
            case 5 -> new Command.RequestTransfer(time, seat.owner(), id, TransferKind.INTERNAL, account, account,
                    "EUR", 100);
            case 6 -> new Command.RequestTransfer(time, TradingFloor.BACK_OFFICE, pick(0L, -1L, Long.MIN_VALUE),
                    TransferKind.DEPOSIT, 0, account, "EUR", 100);
            case 9 -> new Command.RequestTransfer(time, TradingFloor.BACK_OFFICE, id, TransferKind.DEPOSIT, 0, account,
                    pick("EUR", "USD", instrument().symbol()), Long.MAX_VALUE - random.nextInt(1_000));
            case 7 -> new Command.RequestTransfer(time, TradingFloor.BACK_OFFICE, TradingFloor.FIRST_OPENING_TRANSFER,
                    pick(TransferKind.DEPOSIT, TransferKind.WITHDRAWAL, null), 0, account, "EUR", 12_345);
            default -> new Command.RequestTransfer(time, otherOwner(seat), id, TransferKind.WITHDRAWAL, account, 0,
                    "EUR", 100);
        };
    }

    private Command badTransferDecision() {
        long completed = TradingFloor.FIRST_OPENING_TRANSFER;
        return switch (random.nextInt(5)) {
            case 0 -> new Command.SettleTransfer(time, TradingFloor.BACK_OFFICE, pick(0L, -1L, UNKNOWN_ID), true);
            case 1 -> new Command.SettleTransfer(time, TradingFloor.BACK_OFFICE, completed, random.nextBoolean());
            case 2 -> new Command.SettleTransfer(time, seat().owner(), completed, true);
            case 3 -> new Command.CancelTransfer(time, TradingFloor.BACK_OFFICE, pick(0L, -1L, UNKNOWN_ID));
            default -> new Command.CancelTransfer(time, TradingFloor.BACK_OFFICE, completed);
        };
    }

    // ---- Reference data ---------------------------------------------------------------------------

    private Command badCurrency() {
        Currency currency = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> new Currency(pick("", "   "), 2);
            case 2 -> new Currency("EUR", 2);
            default -> new Currency("GBP", pick(-1, 9, Integer.MIN_VALUE, Integer.MAX_VALUE));
        };
        return new Command.AddCurrency(time, random.nextInt(5) == 0 ? seat().owner() : TradingFloor.ADMIN, currency);
    }

    private Command badInstrument() {
        Instrument instrument = switch (random.nextInt(13)) {
            case 0 -> null;
            case 1 -> new Instrument(1, "NEW", "EUR", 2, 5, 1, 10_000, 500);
            case 2 -> new Instrument(50, "ACME", "EUR", 2, 5, 1, 10_000, 500);
            case 3 -> new Instrument(50, "NEW", "XYZ", 2, 5, 1, 10_000, 500);
            case 4 -> new Instrument(50, "NEW", "EUR", 2, pick(0L, -5L), 1, 10_000, 500);
            case 5 -> new Instrument(50, "NEW", "EUR", 2, 5, pick(0L, -1L), 10_000, 500);
            case 6 -> new Instrument(50, "NEW", "EUR", pick(1, 13, -1, Integer.MAX_VALUE), 5, 1, 10_000, 500);
            case 7 -> new Instrument(50, "NEW", "EUR", 2, 5, 1, 10_001, 500);
            case 8 -> new Instrument(50, "NEW", "EUR", 2, 5, 1, 10_000, pick(0, -1, 10_000, Integer.MAX_VALUE));
            case 9 -> new Instrument(50, "NEW", "EUR", 2, 1, 1, Long.MAX_VALUE, 500);
            case 10 -> new Instrument(50, "NEW", "EUR", 2, 1, 1, 1_000_000_000, 9_999);
            case 11 -> new Instrument(pick(0L, -1L), "NEW", "EUR", 2, 5, 1, 10_000, 500);
            default -> new Instrument(50, pick("", " "), "EUR", 2, 5, 1, 10_000, 500);
        };
        return new Command.ListInstrument(time, random.nextInt(6) == 0 ? TradingFloor.OFFICER : TradingFloor.ADMIN,
                instrument);
    }

    private Command badAccount() {
        return switch (random.nextInt(7)) {
            case 0 -> new Command.OpenAccount(time, TradingFloor.ADMIN, pick(0L, -1L, Long.MIN_VALUE), 11, "EUR",
                    SelfTradePrevention.CANCEL_OLDEST);
            case 1 -> new Command.OpenAccount(time, TradingFloor.ADMIN, seat().accountId(), 11, "EUR",
                    SelfTradePrevention.CANCEL_OLDEST);
            case 2 -> new Command.OpenAccount(time, TradingFloor.ADMIN, 500, UNKNOWN_USER, "EUR",
                    SelfTradePrevention.CANCEL_OLDEST);
            case 3 -> new Command.OpenAccount(time, TradingFloor.ADMIN, 500, 11, pick(null, "XYZ", "ACME"),
                    SelfTradePrevention.CANCEL_OLDEST);
            case 4 -> new Command.OpenAccount(time, TradingFloor.ADMIN, 500, 11, "EUR", null);
            case 5 -> new Command.OpenAccount(time, seat().owner(), 500, 11, "EUR", SelfTradePrevention.CANCEL_BOTH);
            default -> new Command.OpenAccount(time, UNKNOWN_USER, 500, 11, "EUR", SelfTradePrevention.CANCEL_BOTH);
        };
    }

    private Command badUser() {
        return switch (random.nextInt(4)) {
            case 0 -> new Command.RegisterUser(time, TradingFloor.ADMIN, pick(0L, -1L, Long.MIN_VALUE),
                    Role.mask(Role.TRADER));
            case 1 -> new Command.RegisterUser(time, TradingFloor.ADMIN, 600, pick(-1, 1 << Role.values().length, Integer.MIN_VALUE));
            case 2 -> new Command.RegisterUser(time, seat().owner(), 600, Role.mask(Role.ADMIN));
            default -> new Command.RegisterUser(time, TradingFloor.OFFICER, seat().owner(), Role.mask(Role.ADMIN));
        };
    }

    private Command endOfDayByNonAdmin() {
        return new Command.EndOfDay(time, pick(seat().owner(), TradingFloor.OFFICER, UNKNOWN_USER));
    }

    // ---- Helpers ----------------------------------------------------------------------------------

    private Command limit(Seat seat, Instrument instrument, long price, long quantity) {
        return new Command.PlaceOrder(time, seat.owner(), freshOrderId(), seat.accountId(), instrument.id(), side(),
                OrderType.LIMIT, TimeInForce.GTC, price, 0, quantity, 0, false);
    }

    /** An id above anything the streams use, so only the flaw under test can refuse it. */
    private long freshOrderId() {
        return UNKNOWN_ID + random.nextInt(1_000_000);
    }

    private long freshTransferId() {
        return UNKNOWN_ID + random.nextInt(1_000_000);
    }

    /** A working order in the given status (any when null), or null if there is none. */
    /** Order ids are unique per account only: another account may hold an order under the same id. */
    private boolean heldSomewhere(long orderId) {
        return engine.workingOrders(0).stream().anyMatch(o -> o.orderId() == orderId && o.status().equals("HELD"));
    }

    private WorkingOrder working(String status) {
        List<WorkingOrder> candidates = engine.workingOrders(0).stream()
                .filter(o -> status == null || o.status().equals(status)).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private Seat seat() {
        return TradingFloor.SEATS.get(random.nextInt(TradingFloor.SEATS.size()));
    }

    private static Seat seatOf(long accountId) {
        return TradingFloor.SEATS.stream().filter(s -> s.accountId() == accountId).findFirst().orElseThrow();
    }

    /** A trader who does not own the seat's account. */
    private long otherOwner(Seat seat) {
        return TradingFloor.SEATS.stream().map(Seat::owner).filter(owner -> owner != seat.owner()).findFirst()
                .orElseThrow();
    }

    private Instrument instrument() {
        return floor.instruments.get(random.nextInt(floor.instruments.size()));
    }

    private Instrument instrumentOf(long instrumentId) {
        return floor.instruments.stream().filter(i -> i.id() == instrumentId).findFirst().orElseThrow();
    }

    private Side side() {
        return random.nextBoolean() ? Side.BUY : Side.SELL;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
