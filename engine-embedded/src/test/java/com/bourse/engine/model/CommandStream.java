package com.bourse.engine.model;

import com.bourse.engine.model.TradingFloor.Seat;
import com.bourse.protocol.Command;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.protocol.TransferKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Random but reproducible trading activity on a {@link TradingFloor}: the same seed gives the same commands.
 * Each command depends only on the seed and the commands before it (never on the engine's answers), so a
 * shorter stream from the same seed is a prefix of a longer one, which is what lets jqwik shrink a failure
 * to its shortest stream.
 *
 * <p>Prices mostly stay within a few ticks of the reference so orders cross often; cancels and amendments
 * aim at recently placed orders, some of which have already gone (those are rejected as unknown); they mostly
 * name the account, sometimes only the id (order ids are unique per account, and reused ids are sent on other
 * accounts too). Amendments send a new total quantity: sometimes the original total again, sometimes one at or
 * below what may have filled; waiting stops are amended too (trigger and quantity). Stops are priced near the
 * reference like everything else, so many elect mid-sweep, cascade, or are refused as already reached.
 * {@link Scope#MATCHING} stays inside what {@link ReferenceExchange} models (GTC stops included);
 * {@link Scope#WHOLE_ENGINE} adds DAY orders and end of day, orders big enough for review and their approval,
 * halts, mass cancels, the kill switch, limit changes and transfers with settlement, cancellation and retries.
 */
final class CommandStream {

    enum Scope { MATCHING, WHOLE_ENGINE }

    /** An order as sent; {@code canRest} when it may stay working (GTC or DAY limit and stop orders). */
    private record Placed(long orderId, Seat seat, Instrument instrument, Side side, OrderType type, long price,
                          long quantity, boolean canRest) {
    }

    private record Requested(long transferId, Command.RequestTransfer request) {
    }

    private static final int REMEMBERED = 24;
    private static final int BIG_LOTS = 60;

    private final Random random;
    private final TradingFloor floor;
    private final Scope scope;
    private final List<Placed> placed = new ArrayList<>();
    private final List<Placed> restable = new ArrayList<>();
    /** Orders and transfers big enough that they probably wait for a risk officer. */
    private final List<Placed> big = new ArrayList<>();
    private final List<Requested> requested = new ArrayList<>();
    private final List<Requested> bigTransfers = new ArrayList<>();
    private final Set<Long> halted = new TreeSet<>();
    private final Set<Long> killed = new TreeSet<>();
    /** Decisions a back office would take next about a transfer that waits for review: approve, then settle. */
    private final Deque<Function<Long, Command>> followUps = new ArrayDeque<>();
    private long time;
    private long nextOrderId = 1;
    private long nextTransferId = 1;

    CommandStream(long seed, TradingFloor floor, Scope scope) {
        this.random = new Random(seed);
        this.floor = floor;
        this.scope = scope;
        this.time = floor.openingEnd();
    }

    /** The floor's opening followed by {@code count} generated commands. */
    static List<Command> session(long seed, TradingFloor floor, Scope scope, int count) {
        List<Command> commands = new ArrayList<>(floor.opening());
        commands.addAll(new CommandStream(seed, floor, scope).take(count));
        return commands;
    }

    List<Command> take(int count) {
        List<Command> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            commands.add(next());
        }
        return commands;
    }

    Command next() {
        time += random.nextInt(40);
        // Halts and kill switches are short interruptions, or the stream would mostly be refused orders.
        if (!halted.isEmpty() && random.nextInt(6) == 0) {
            long instrumentId = halted.iterator().next();
            halted.remove(instrumentId);
            return new Command.ResumeInstrument(time, officer(), instrumentId);
        }
        if (!killed.isEmpty() && random.nextInt(6) == 0) {
            long accountId = killed.iterator().next();
            killed.remove(accountId);
            return new Command.ReleaseKillSwitch(time, officer(), accountId);
        }
        if (!followUps.isEmpty() && random.nextInt(3) == 0) {
            return followUps.removeFirst().apply(time);
        }
        int roll = random.nextInt(100);
        if (scope == Scope.WHOLE_ENGINE && roll >= 75) {
            return backOffice(random.nextInt(100));
        }
        if (roll < 45) {
            return limitOrder();
        }
        if (roll < 53) {
            return marketOrder();
        }
        if (roll < 61 && !placed.isEmpty()) {
            return cancel(target());
        }
        if (roll < 72 && !placed.isEmpty()) {
            return replace(target());
        }
        if (roll < 74 && !placed.isEmpty()) {
            return reusedOrderId();
        }
        return limitOrder();
    }

    // ---- Orders -----------------------------------------------------------------------------------

    private Command limitOrder() {
        Seat seat = seat();
        Instrument instrument = instrument();
        Side side = side();
        long quantity = quantity(instrument);
        long price = priceFor(instrument);
        boolean wide = scope == Scope.WHOLE_ENGINE;
        int kind = random.nextInt(100);
        if (kind < 12) {
            return stopOrder(seat, instrument, side, quantity, kind < 6 ? OrderType.STOP : OrderType.STOP_LIMIT, price);
        }
        TimeInForce tif = pick(TimeInForce.GTC, TimeInForce.GTC, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK,
                wide ? TimeInForce.DAY : TimeInForce.GTC);
        boolean rests = tif == TimeInForce.GTC || tif == TimeInForce.DAY;
        boolean postOnly = rests && random.nextInt(10) == 0;
        long display = 0;
        if (rests && quantity > instrument.lotSize() && random.nextInt(6) == 0) {
            display = instrument.lotSize() * (1 + random.nextInt((int) (quantity / instrument.lotSize()) - 1));
        }
        return place(seat, instrument, side, OrderType.LIMIT, tif, price, 0, quantity, display, postOnly);
    }

    private Command marketOrder() {
        Instrument instrument = instrument();
        TimeInForce tif = random.nextInt(5) < 3 ? TimeInForce.IOC : TimeInForce.FOK;
        return place(seat(), instrument, side(), OrderType.MARKET, tif, 0, 0, quantity(instrument), 0, false);
    }

    private Command stopOrder(Seat seat, Instrument instrument, Side side, long quantity, OrderType type, long price) {
        long stop = stopPriceFor(instrument, side);
        TimeInForce tif = scope == Scope.WHOLE_ENGINE && random.nextBoolean() ? TimeInForce.DAY : TimeInForce.GTC;
        return place(seat, instrument, side, type, tif, type == OrderType.STOP ? 0 : price, stop, quantity, 0, false);
    }

    private Command place(Seat seat, Instrument instrument, Side side, OrderType type, TimeInForce tif, long price,
                          long stopPrice, long quantity, long display, boolean postOnly) {
        long orderId = nextOrderId++;
        Placed order = new Placed(orderId, seat, instrument, side, type, price, quantity,
                tif == TimeInForce.GTC || tif == TimeInForce.DAY);
        remember(placed, order);
        if (order.canRest()) {
            remember(restable, order);
        }
        if (quantity >= BIG_LOTS * instrument.lotSize()) {
            remember(big, order);
        }
        return new Command.PlaceOrder(time, actingFor(seat), orderId, seat.accountId(), instrument.id(), side, type,
                tif, price, stopPrice, quantity, display, postOnly);
    }

    /** Mostly an order that may still be working; now and then any recent one, likely long gone. */
    private Placed target() {
        return restable.isEmpty() || random.nextInt(5) == 0 ? recent(placed) : recent(restable);
    }

    private Command cancel(Placed target) {
        return new Command.CancelOrder(time, actingFor(target.seat()), target.orderId(), accountNamed(target));
    }

    /**
     * A new price (limit, or trigger for a stop), or the same price with a new total: half the original, the
     * original again (which must not re-open what filled), or any size.
     */
    private Command replace(Placed target) {
        Instrument instrument = target.instrument();
        int how = random.nextInt(5);
        boolean stop = target.type() == OrderType.STOP || target.type() == OrderType.STOP_LIMIT;
        long price = target.type() == OrderType.STOP ? 0
                : how == 0 || target.price() == 0 ? priceFor(instrument) : target.price();
        long stopPrice = stop && (how == 0 || random.nextInt(3) == 0) ? stopPriceFor(instrument, target.side()) : 0;
        long quantity = switch (how) {
            case 1 -> Math.max(instrument.lotSize(),
                    target.quantity() / 2 / instrument.lotSize() * instrument.lotSize());
            case 2 -> target.quantity();
            default -> quantity(instrument);
        };
        return new Command.ReplaceOrder(time, actingFor(target.seat()), target.orderId(), accountNamed(target),
                price, stopPrice, quantity);
    }

    /** Mostly the order's account; now and then none (0), naming the order by its id alone. */
    private long accountNamed(Placed target) {
        return random.nextInt(5) == 0 ? 0 : target.seat().accountId();
    }

    /** An order whose id the account has already used (or that another account holds): rejected as a duplicate. */
    private Command reusedOrderId() {
        Placed earlier = recent(placed);
        Instrument instrument = earlier.instrument();
        Seat seat = random.nextBoolean() ? earlier.seat() : seat();
        return new Command.PlaceOrder(time, seat.owner(), earlier.orderId(), seat.accountId(), instrument.id(),
                side(), OrderType.LIMIT, TimeInForce.GTC, priceFor(instrument), 0, quantity(instrument), 0, false);
    }

    /** Usually the owner; now and then the system user (who may act for anyone) or another trader (refused). */
    private long actingFor(Seat seat) {
        return switch (random.nextInt(40)) {
            case 0 -> seat().owner();
            case 1 -> Command.SYSTEM_USER;
            default -> seat.owner();
        };
    }

    private long quantity(Instrument instrument) {
        int lots = 1 + random.nextInt(20);
        if (scope == Scope.WHOLE_ENGINE && random.nextInt(12) == 0) {
            lots = BIG_LOTS + random.nextInt(60); // large enough to wait for a risk officer
        }
        return lots * instrument.lotSize();
    }

    /**
     * Mostly within four ticks of the reference, so orders cross often; sometimes up to 100 ticks away (the
     * book's ladder keeps a bit per tick in 64-tick words, and these prices cross word boundaries); now and
     * then at the very edges of the price band.
     */
    private long priceFor(Instrument instrument) {
        long tick = instrument.tickSize();
        int roll = random.nextInt(20);
        if (roll == 0) {
            return instrument.lowestPrice() + tick * random.nextInt(3);
        }
        if (roll == 1) {
            return instrument.highestPrice() - tick * random.nextInt(3);
        }
        int ticks = roll < 5 ? random.nextInt(201) - 100 : random.nextInt(9) - 4;
        return instrument.referencePrice() + tick * ticks;
    }

    /**
     * Mostly a few ticks on the far side of the reference for its side (above for a buy stop, below for a sell),
     * where the market comes and goes, so stops wait and then elect, often in the middle of a sweep; sometimes
     * anywhere, so some are refused as already reached.
     */
    private long stopPriceFor(Instrument instrument, Side side) {
        if (random.nextInt(4) == 0) {
            return priceFor(instrument);
        }
        long ticks = 1 + random.nextInt(6);
        return instrument.referencePrice() + (side == Side.BUY ? ticks : -ticks) * instrument.tickSize();
    }

    // ---- Everything around the book (whole-engine scope only) ------------------------------------

    private Command backOffice(int roll) {
        if (roll < 26) {
            return transfer();
        }
        if (roll < 35 && !requested.isEmpty()) {
            Requested t = recent(requested);
            return new Command.SettleTransfer(time, TradingFloor.BACK_OFFICE, t.transferId(), random.nextInt(4) > 0);
        }
        if (roll < 39 && !requested.isEmpty()) {
            Requested t = recent(requested);
            return new Command.CancelTransfer(time, t.request().userId(), t.transferId());
        }
        if (roll < 42 && !requested.isEmpty()) {
            return recent(requested).request(); // a retry: answered with the first result
        }
        if (roll < 64) {
            return review();
        }
        if (roll < 67) {
            long instrumentId = instrument().id();
            halted.add(instrumentId);
            return new Command.HaltInstrument(time, officer(), instrumentId);
        }
        if (roll < 72) {
            Seat seat = seat();
            int which = random.nextInt(3);
            long instrumentId = random.nextBoolean() ? 0 : instrument().id();
            return which == 0 ? new Command.MassCancel(time, seat.owner(), seat.accountId(), instrumentId)
                    : new Command.MassCancel(time, officer(), which == 1 ? seat.accountId() : 0, instrumentId);
        }
        if (roll < 75) {
            long accountId = seat().accountId();
            killed.add(accountId);
            return new Command.EngageKillSwitch(time, officer(), accountId);
        }
        if (roll < 77) {
            return new Command.ReleaseKillSwitch(time, officer(), seat().accountId());
        }
        if (roll < 85) {
            return new Command.EndOfDay(time, pick(TradingFloor.ADMIN, TradingFloor.BACK_OFFICE, Command.SYSTEM_USER));
        }
        if (roll < 88) {
            RiskLimits limits = random.nextBoolean() ? TradingFloor.OPEN_LIMITS
                    : new RiskLimits(40L * (1 + random.nextInt(5)), 10_000_000L * (1 + random.nextInt(5)),
                    200L + random.nextInt(2_000), 2 + random.nextInt(10), 100L + random.nextInt(1_000));
            return new Command.SetRiskLimits(time, officer(), seat().accountId(), limits);
        }
        return limitOrder();
    }

    private Command transfer() {
        long transferId = nextTransferId++;
        TransferKind kind = pick(TransferKind.DEPOSIT, TransferKind.WITHDRAWAL, TransferKind.INTERNAL);
        Seat from = seat();
        Seat to = seat();
        boolean securities = random.nextInt(3) == 0;
        Instrument instrument = instrument();
        String asset = securities ? instrument.symbol() : random.nextBoolean() ? "EUR" : "USD";
        long amount = securities ? instrument.lotSize() * (1 + random.nextInt(random.nextInt(8) == 0 ? 400 : 40))
                : 100L * (1 + random.nextInt(random.nextInt(8) == 0 ? 20_000 : 3_000));
        if (random.nextInt(30) == 0) {
            amount = pick(Long.MAX_VALUE, Long.MAX_VALUE / 2, Long.MAX_VALUE / 3); // no long balance could take it all
        }
        long fromId = kind == TransferKind.DEPOSIT ? 0 : from.accountId();
        long toId = kind == TransferKind.WITHDRAWAL ? 0 : to.accountId();
        Seat principal = kind == TransferKind.DEPOSIT ? to : from;
        long userId = random.nextInt(3) == 0 ? TradingFloor.BACK_OFFICE : principal.owner();
        Command.RequestTransfer request = new Command.RequestTransfer(time, userId, transferId, kind, fromId, toId,
                asset, amount);
        remember(requested, new Requested(transferId, request));
        if (securities ? amount > 40 * instrument.lotSize() : amount > 300_000) {
            remember(bigTransfers, new Requested(transferId, request));
            if (random.nextBoolean()) {
                long officer = officer();
                followUps.add(at -> new Command.Approve(at, officer, ReviewSubject.TRANSFER, transferId));
                followUps.add(at -> new Command.SettleTransfer(at, TradingFloor.BACK_OFFICE, transferId, true));
            }
        }
        return request;
    }

    /** Mostly about an order or transfer that is probably held; sometimes about one that is not. */
    private Command review() {
        boolean transfer = random.nextInt(3) == 0 && !requested.isEmpty();
        boolean likelyHeld = random.nextInt(4) > 0;
        long subjectId = transfer
                ? (likelyHeld && !bigTransfers.isEmpty() ? recent(bigTransfers) : recent(requested)).transferId()
                : placed.isEmpty() ? 1 : (likelyHeld && !big.isEmpty() ? recent(big) : recent(placed)).orderId();
        ReviewSubject subject = transfer ? ReviewSubject.TRANSFER : ReviewSubject.ORDER;
        return random.nextInt(4) > 0
                ? new Command.Approve(time, officer(), subject, subjectId)
                : new Command.Reject(time, officer(), subject, subjectId, "outside policy");
    }

    private long officer() {
        return random.nextBoolean() ? TradingFloor.OFFICER : TradingFloor.SECOND_OFFICER;
    }

    // ---- Picks ------------------------------------------------------------------------------------

    private Seat seat() {
        return TradingFloor.SEATS.get(random.nextInt(TradingFloor.SEATS.size()));
    }

    private Instrument instrument() {
        return floor.instruments.get(random.nextInt(floor.instruments.size()));
    }

    private Side side() {
        return random.nextBoolean() ? Side.BUY : Side.SELL;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Mostly the last few, sometimes older ones, so some targets are long gone. */
    private <T> T recent(List<T> list) {
        int back = Math.min(list.size(), random.nextInt(4) == 0 ? REMEMBERED : 6);
        return list.get(list.size() - 1 - random.nextInt(back));
    }

    private static <T> void remember(List<T> list, T item) {
        list.add(item);
        if (list.size() > REMEMBERED) {
            list.removeFirst();
        }
    }
}
