package com.bourse.engine.model;

import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.BookLevel;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ComplianceKind;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive exchange to check the engine against: each book side is a plain list of orders kept
 * sorted by price then time priority, every lookup is a linear scan, fill-or-kill is decided by matching a
 * throw-away copy of the book, and balances are a map per account. It emits the same {@link Event} records,
 * in the same order, as the engine.
 *
 * <p>Scope: LIMIT, MARKET, STOP and STOP_LIMIT orders; GTC, IOC and FOK; post-only; icebergs; cancel; replace
 * (new total quantity, stop price); the three self-trade prevention modes; cash and position holds with
 * settlement on every trade. Order checks cover duplicate ids (per account), ownership, buying power, sellable
 * position, post-only crossing, stops whose trigger was already reached and amendments at or below the filled
 * quantity. Everything else (DAY orders and end of day, halts, mass cancel, kill switch, transfers, risk scoring
 * and approvals, the structural validation of malformed commands) is outside the model: such commands throw here,
 * and the generator keeps them out of the compared stream. The settlement arithmetic (hold rounded up, cash
 * rounded down, hold released per fill at the hold price) is the desk's rule, so it is restated, not re-derived.
 *
 * <p>Stops, as the rule reads: every trade price of an aggressive order's sweep is written down; after the sweep,
 * every waiting stop that one of those prices reached (at or above a buy stop's price, at or below a sell stop's)
 * is elected, in the stops' time priority, and queued; queued stops then trade one by one, first in first out,
 * each one's own sweep electing more in the same way.
 */
final class ReferenceExchange {

    private static final class Wallet {
        final long accountId;
        final long owner;
        final SelfTradePrevention selfTradePrevention;
        final Map<String, long[]> assets = new LinkedHashMap<>(); // asset -> {balance, held}
        long lastOrderId;

        Wallet(long accountId, long owner, SelfTradePrevention selfTradePrevention) {
            this.accountId = accountId;
            this.owner = owner;
            this.selfTradePrevention = selfTradePrevention;
        }

        long[] of(String asset) {
            return assets.computeIfAbsent(asset, a -> new long[2]);
        }

        long available(String asset) {
            long[] figures = of(asset);
            return figures[0] - figures[1];
        }
    }

    private static final class Listing {
        final Instrument spec;
        final long divisor;
        final List<Resting> bids = new ArrayList<>();
        final List<Resting> asks = new ArrayList<>();
        /** Waiting stops, in no particular order: each carries its time priority. */
        final List<Resting> stops = new ArrayList<>();
        long lastPrice;

        Listing(Instrument spec, long divisor) {
            this.spec = spec;
            this.divisor = divisor;
            this.lastPrice = spec.referencePrice();
        }

        List<Resting> side(Side side) {
            return side == Side.BUY ? bids : asks;
        }
    }

    /** A working order; on the book once it rests. */
    private static final class Resting {
        long orderId;
        long userId;
        Wallet account;
        Listing listing;
        Side side;
        OrderType type;
        TimeInForce timeInForce;
        long price;
        long stopPrice;
        boolean waiting;
        long stopPriority;
        long electedAt;
        long filled;
        long leaves;
        long visible;
        long displayQuantity;
        boolean postOnly;
        long priority;
        long holdPrice;
        long held;

        boolean isBuy() {
            return side == Side.BUY;
        }

        String heldAsset() {
            return isBuy() ? listing.spec.currency() : listing.spec.symbol();
        }

        Resting copy() {
            Resting c = new Resting();
            c.orderId = orderId;
            c.account = account;
            c.listing = listing;
            c.side = side;
            c.price = price;
            c.leaves = leaves;
            c.visible = visible;
            c.displayQuantity = displayQuantity;
            c.priority = priority;
            return c;
        }
    }

    private static final Comparator<Resting> BIDS = Comparator.<Resting>comparingLong(o -> -o.price)
            .thenComparingLong(o -> o.priority);
    private static final Comparator<Resting> ASKS = Comparator.<Resting>comparingLong(o -> o.price)
            .thenComparingLong(o -> o.priority);

    private final Map<Long, Listing> listings = new LinkedHashMap<>();
    private final Map<Long, Wallet> wallets = new LinkedHashMap<>();
    private record Key(long accountId, long orderId) {
    }

    private final Map<Key, Resting> working = new HashMap<>();
    /** Prices of the trades of the sweep under way. */
    private List<Long> sweepPrices = new ArrayList<>();
    private long stopSeq;
    private long tradeSeq;
    private long journalSeq;
    private long prioritySeq;
    private long now;
    private List<Event> out = new ArrayList<>();

    /** A market with these instruments; {@code currencyDigits} gives each currency's minor digits. */
    ReferenceExchange(List<Instrument> instruments, Map<String, Integer> currencyDigits) {
        for (Instrument spec : instruments) {
            long divisor = FixedPoint.pow10(spec.priceScale() - currencyDigits.get(spec.currency()));
            listings.put(spec.id(), new Listing(spec, divisor));
        }
    }

    void openAccount(long accountId, long owner, SelfTradePrevention selfTradePrevention) {
        wallets.put(accountId, new Wallet(accountId, owner, selfTradePrevention));
    }

    /** A deposit settled before the compared stream: one journal entry, as the engine books it. */
    void deposit(long accountId, String asset, long amount) {
        wallets.get(accountId).of(asset)[0] += amount;
        journalSeq++;
    }

    /** Applies one command and returns what the exchange says happened. */
    List<Event> apply(Command command) {
        out = new ArrayList<>();
        now = command.timestamp();
        switch (command) {
            case Command.PlaceOrder c -> place(c);
            case Command.CancelOrder c -> cancel(c);
            case Command.ReplaceOrder c -> replace(c);
            default -> throw new IllegalArgumentException("outside the reference model: " + command);
        }
        return out;
    }

    long balance(long accountId, String asset) {
        return wallets.get(accountId).of(asset)[0];
    }

    long held(long accountId, String asset) {
        return wallets.get(accountId).of(asset)[1];
    }

    /** All levels of one side, best first, built by walking the sorted list. */
    List<BookLevel> depth(long instrumentId, Side side) {
        List<BookLevel> levels = new ArrayList<>();
        for (Resting o : listings.get(instrumentId).side(side)) {
            BookLevel last = levels.isEmpty() ? null : levels.getLast();
            if (last != null && last.price() == o.price) {
                levels.set(levels.size() - 1, new BookLevel(o.price, last.quantity() + o.visible,
                        last.orderCount() + 1));
            } else {
                levels.add(new BookLevel(o.price, o.visible, 1));
            }
        }
        return levels;
    }

    // ---- Commands ---------------------------------------------------------------------------------

    private void place(Command.PlaceOrder c) {
        if (c.timeInForce() == TimeInForce.DAY) {
            throw new IllegalArgumentException("outside the reference model: " + c);
        }
        Wallet wallet = wallets.get(c.accountId());
        Listing listing = listings.get(c.instrumentId());
        if (c.userId() != Command.SYSTEM_USER && c.userId() != wallet.owner) {
            out.add(new Event.OrderRejected(c.orderId(), c.accountId(), ErrorCode.NOT_AUTHORIZED));
            return;
        }
        if (c.orderId() <= wallet.lastOrderId) {
            out.add(new Event.OrderRejected(c.orderId(), c.accountId(), ErrorCode.DUPLICATE_ID));
            return;
        }
        boolean stop = c.type() == OrderType.STOP || c.type() == OrderType.STOP_LIMIT;
        if (stop && reaches(c.side(), listing.lastPrice, c.stopPrice())) {
            out.add(new Event.OrderRejected(c.orderId(), c.accountId(), ErrorCode.STOP_PRICE_ALREADY_REACHED));
            return;
        }
        boolean limit = c.type() == OrderType.LIMIT || c.type() == OrderType.STOP_LIMIT;
        long holdPrice = limit ? c.price() : listing.spec.highestPrice();
        long hold;
        if (c.side() == Side.BUY) {
            hold = Math.ceilDiv(holdPrice * c.quantity(), listing.divisor);
            if (hold > wallet.available(listing.spec.currency())) {
                out.add(new Event.OrderRejected(c.orderId(), c.accountId(), ErrorCode.INSUFFICIENT_BALANCE));
                return;
            }
        } else {
            hold = c.quantity();
            if (wallet.available(listing.spec.symbol()) < hold) {
                out.add(new Event.OrderRejected(c.orderId(), c.accountId(), ErrorCode.INSUFFICIENT_POSITION));
                return;
            }
        }
        if (c.postOnly() && crossesOpposite(listing, c.side(), c.price())) {
            out.add(new Event.OrderRejected(c.orderId(), c.accountId(), ErrorCode.POST_ONLY_WOULD_CROSS));
            return;
        }
        wallet.lastOrderId = c.orderId();
        Resting order = new Resting();
        order.orderId = c.orderId();
        order.account = wallet;
        order.listing = listing;
        order.side = c.side();
        order.type = c.type();
        order.timeInForce = c.timeInForce();
        order.price = limit ? c.price() : 0;
        order.stopPrice = stop ? c.stopPrice() : 0;
        order.leaves = c.quantity();
        order.displayQuantity = c.displayQuantity();
        order.postOnly = c.postOnly();
        order.holdPrice = holdPrice;
        order.held = hold;
        order.userId = c.userId();
        working.put(new Key(wallet.accountId, order.orderId), order);
        out.add(new Event.OrderAccepted(order.orderId, wallet.accountId, listing.spec.id(), c.userId(), order.side,
                order.type, order.timeInForce, order.price, order.stopPrice, order.leaves, order.displayQuantity,
                order.postOnly, c.timestamp()));
        changeHeld(wallet, order.heldAsset(), hold);
        if (stop) {
            order.waiting = true;
            order.stopPriority = ++stopSeq;
            listing.stops.add(order);
        } else {
            matchAndElect(order);
        }
    }

    /** The order a cancel or amendment names: by account, or by id alone when only one account has it working. */
    private Resting find(long accountId, long orderId) {
        if (accountId != 0) {
            Resting order = working.get(new Key(accountId, orderId));
            if (order == null) {
                out.add(new Event.OrderRejected(orderId, accountId, ErrorCode.UNKNOWN_ORDER));
            }
            return order;
        }
        List<Resting> withId = working.values().stream().filter(o -> o.orderId == orderId).toList();
        if (withId.size() != 1) {
            out.add(new Event.OrderRejected(orderId, 0,
                    withId.isEmpty() ? ErrorCode.UNKNOWN_ORDER : ErrorCode.ORDER_ID_AMBIGUOUS));
            return null;
        }
        return withId.getFirst();
    }

    private void cancel(Command.CancelOrder c) {
        Resting order = find(c.accountId(), c.orderId());
        if (order == null) {
            return;
        }
        if (c.userId() != Command.SYSTEM_USER && c.userId() != order.account.owner) {
            out.add(new Event.OrderRejected(c.orderId(), order.account.accountId, ErrorCode.NOT_AUTHORIZED));
            return;
        }
        if (order.waiting) {
            order.listing.stops.remove(order);
            out.add(new Event.OrderCancelled(order.orderId, order.account.accountId, order.leaves,
                    CancelReason.USER_REQUEST));
            retire(order);
            return;
        }
        cancelResting(order, CancelReason.USER_REQUEST);
    }

    private void replace(Command.ReplaceOrder c) {
        Resting order = find(c.accountId(), c.orderId());
        if (order == null) {
            return;
        }
        Wallet wallet = order.account;
        if (c.userId() != Command.SYSTEM_USER && c.userId() != wallet.owner) {
            out.add(new Event.OrderRejected(c.orderId(), wallet.accountId, ErrorCode.NOT_AUTHORIZED));
            return;
        }
        boolean limitPriced = order.type == OrderType.LIMIT || order.type == OrderType.STOP_LIMIT;
        long total = c.newTotalQuantity();
        long stopPrice = c.newStopPrice() == 0 ? order.stopPrice : c.newStopPrice();
        ErrorCode refusal = null;
        if (!order.waiting && !limitPriced) {
            refusal = ErrorCode.ORDER_NOT_REPLACEABLE;
        } else if (total <= 0) {
            refusal = ErrorCode.INVALID_QUANTITY;
        } else if ((limitPriced ? c.newPrice() <= 0 : c.newPrice() != 0) || c.newStopPrice() < 0
                || (!order.waiting && c.newStopPrice() != 0 && c.newStopPrice() != order.stopPrice)) {
            refusal = ErrorCode.INVALID_PRICE;
        } else if (total <= order.filled) {
            refusal = ErrorCode.QUANTITY_NOT_ABOVE_FILLED;
        } else if (order.waiting && reaches(order.side, order.listing.lastPrice, stopPrice)) {
            refusal = ErrorCode.STOP_PRICE_ALREADY_REACHED;
        }
        if (refusal != null) {
            out.add(new Event.OrderRejected(c.orderId(), wallet.accountId, refusal));
            return;
        }
        long newLeaves = total - order.filled;
        Listing listing = order.listing;
        long newHoldPrice = limitPriced ? c.newPrice() : listing.spec.highestPrice();
        long newHold;
        if (order.isBuy()) {
            newHold = Math.ceilDiv(newHoldPrice * newLeaves, listing.divisor);
            if (newHold - order.held > wallet.available(listing.spec.currency())) {
                out.add(new Event.OrderRejected(c.orderId(), wallet.accountId, ErrorCode.INSUFFICIENT_BALANCE));
                return;
            }
        } else {
            long more = newLeaves - order.leaves;
            if (more > 0 && wallet.available(listing.spec.symbol()) < more) {
                out.add(new Event.OrderRejected(c.orderId(), wallet.accountId, ErrorCode.INSUFFICIENT_POSITION));
                return;
            }
            newHold = newLeaves;
        }
        if (order.postOnly && crossesOpposite(listing, order.side, c.newPrice())) {
            out.add(new Event.OrderRejected(c.orderId(), wallet.accountId, ErrorCode.POST_ONLY_WOULD_CROSS));
            return;
        }
        boolean keepsPriority = c.newPrice() == order.price && stopPrice == order.stopPrice
                && newLeaves <= order.leaves;
        if (order.isBuy()) {
            order.holdPrice = newHoldPrice;
        }
        long heldChange = newHold - order.held;
        order.held = newHold;
        if (order.waiting) {
            order.price = c.newPrice();
            order.stopPrice = stopPrice;
            order.leaves = newLeaves;
            if (!keepsPriority) {
                order.stopPriority = ++stopSeq;
            }
            out.add(new Event.OrderReplaced(order.orderId, wallet.accountId, order.price, newLeaves, keepsPriority,
                    order.stopPrice, total));
            changeHeld(wallet, order.heldAsset(), heldChange);
            return;
        }
        if (keepsPriority) {
            order.visible = order.displayQuantity > 0 ? Math.min(order.visible, newLeaves) : newLeaves;
            order.leaves = newLeaves;
            out.add(new Event.OrderReplaced(order.orderId, wallet.accountId, order.price, order.leaves, true, 0,
                    total));
            announceLevel(listing, order.side, order.price);
            changeHeld(wallet, order.heldAsset(), heldChange);
            return;
        }
        long oldPrice = order.price;
        listing.side(order.side).remove(order);
        announceLevel(listing, order.side, oldPrice);
        order.price = c.newPrice();
        order.leaves = newLeaves;
        out.add(new Event.OrderReplaced(order.orderId, wallet.accountId, order.price, order.leaves, false, 0, total));
        changeHeld(wallet, order.heldAsset(), heldChange);
        matchAndElect(order);
    }

    // ---- Stops ------------------------------------------------------------------------------------

    /** Has a trade at {@code tradePrice} reached a {@code side} stop at {@code stopPrice}? */
    private static boolean reaches(Side side, long tradePrice, long stopPrice) {
        return side == Side.BUY ? tradePrice >= stopPrice : tradePrice <= stopPrice;
    }

    /** Matches an order, then the stops its sweep elected, first elected first, and the stops theirs elected. */
    private void matchAndElect(Resting taker) {
        Listing listing = taker.listing;
        java.util.ArrayDeque<Resting> elected = new java.util.ArrayDeque<>();
        sweepPrices = new ArrayList<>();
        match(taker);
        elect(listing, sweepPrices, elected);
        while (!elected.isEmpty()) {
            Resting stop = elected.removeFirst();
            out.add(new Event.OrderTriggered(stop.orderId, stop.electedAt, stop.account.accountId));
            sweepPrices = new ArrayList<>();
            match(stop);
            elect(listing, sweepPrices, elected);
        }
    }

    /** Queues, in time priority, every waiting stop that one of {@code prices} reached. */
    private static void elect(Listing listing, List<Long> prices, java.util.Deque<Resting> queue) {
        List<Resting> byPriority = new ArrayList<>(listing.stops);
        byPriority.sort(Comparator.comparingLong(o -> o.stopPriority));
        for (Resting stop : byPriority) {
            List<Long> reaching = prices.stream().filter(p -> reaches(stop.side, p, stop.stopPrice)).toList();
            if (!reaching.isEmpty()) {
                stop.electedAt = stop.isBuy() ? java.util.Collections.max(reaching)
                        : java.util.Collections.min(reaching);
                stop.waiting = false;
                listing.stops.remove(stop);
                queue.addLast(stop);
            }
        }
    }

    // ---- Matching ---------------------------------------------------------------------------------

    private void match(Resting taker) {
        Listing listing = taker.listing;
        long limit = limitOf(taker);
        if (taker.timeInForce == TimeInForce.FOK && !fillsCompletely(taker, limit)) {
            endTaker(taker, CancelReason.FOK_NOT_FILLED);
            return;
        }
        List<Resting> opposite = listing.side(taker.side.opposite());
        boolean stoppedBySelfTrade = false;
        while (taker.leaves > 0 && !opposite.isEmpty() && crosses(taker.side, opposite.getFirst().price, limit)) {
            Resting maker = opposite.getFirst();
            if (maker.account == taker.account) {
                SelfTradePrevention mode = taker.account.selfTradePrevention;
                out.add(new Event.ComplianceViolation(taker.account.accountId, taker.userId,
                        ComplianceKind.SELF_TRADE_PREVENTED, taker.orderId, ErrorCode.SELF_TRADE_PREVENTED));
                if (mode == SelfTradePrevention.CANCEL_OLDEST || mode == SelfTradePrevention.CANCEL_BOTH) {
                    cancelResting(maker, CancelReason.SELF_TRADE);
                }
                if (mode == SelfTradePrevention.CANCEL_NEWEST || mode == SelfTradePrevention.CANCEL_BOTH) {
                    stoppedBySelfTrade = true;
                    break;
                }
                continue;
            }
            long quantity = Math.min(taker.leaves, maker.visible);
            maker.visible -= quantity;
            maker.leaves -= quantity;
            taker.leaves -= quantity;
            trade(maker, taker, maker.price, quantity);
            if (maker.visible == 0) {
                if (maker.leaves > 0) {
                    maker.visible = Math.min(maker.displayQuantity, maker.leaves);
                    maker.priority = ++prioritySeq;
                    sort(listing, maker.side);
                } else {
                    opposite.remove(maker);
                    retire(maker);
                }
            }
            announceLevel(listing, maker.side, maker.price);
        }
        if (taker.leaves == 0) {
            retire(taker);
        } else if (stoppedBySelfTrade) {
            endTaker(taker, CancelReason.SELF_TRADE);
        } else if (taker.timeInForce == TimeInForce.IOC || taker.timeInForce == TimeInForce.FOK) {
            endTaker(taker, CancelReason.IOC_REMAINDER);
        } else if (taker.type == OrderType.MARKET || taker.type == OrderType.STOP) {
            endTaker(taker, CancelReason.NO_LIQUIDITY);
        } else {
            taker.visible = taker.displayQuantity > 0 ? Math.min(taker.displayQuantity, taker.leaves) : taker.leaves;
            taker.priority = ++prioritySeq;
            listing.side(taker.side).add(taker);
            sort(listing, taker.side);
            announceLevel(listing, taker.side, taker.price);
        }
    }

    /** Fill-or-kill: match a copy of the opposite side, self-trade rules included, and see what is left. */
    private boolean fillsCompletely(Resting taker, long limit) {
        List<Resting> opposite = new ArrayList<>();
        for (Resting o : taker.listing.side(taker.side.opposite())) {
            opposite.add(o.copy());
        }
        Comparator<Resting> order = taker.isBuy() ? ASKS : BIDS;
        long needed = taker.leaves;
        long priority = prioritySeq;
        while (needed > 0 && !opposite.isEmpty() && crosses(taker.side, opposite.getFirst().price, limit)) {
            Resting maker = opposite.getFirst();
            if (maker.account == taker.account) {
                SelfTradePrevention mode = taker.account.selfTradePrevention;
                if (mode != SelfTradePrevention.CANCEL_OLDEST) {
                    return false;
                }
                opposite.removeFirst();
                continue;
            }
            long quantity = Math.min(needed, maker.visible);
            needed -= quantity;
            maker.visible -= quantity;
            maker.leaves -= quantity;
            if (maker.visible == 0) {
                if (maker.leaves > 0) {
                    maker.visible = Math.min(maker.displayQuantity, maker.leaves);
                    maker.priority = ++priority;
                    opposite.sort(order);
                } else {
                    opposite.removeFirst();
                }
            }
        }
        return needed == 0;
    }

    private void trade(Resting maker, Resting taker, long price, long quantity) {
        Listing listing = taker.listing;
        out.add(new Event.Trade(++tradeSeq, listing.spec.id(), price, quantity, taker.side, maker.orderId,
                taker.orderId, maker.account.accountId, taker.account.accountId, maker.leaves, taker.leaves, now));
        listing.lastPrice = price;
        sweepPrices.add(price);
        maker.filled += quantity;
        taker.filled += quantity;
        Resting buyer = taker.isBuy() ? taker : maker;
        Resting seller = taker.isBuy() ? maker : taker;
        long cash = price * quantity / listing.divisor;
        long release = buyer.leaves == 0 ? buyer.held
                : Math.min(buyer.held, Math.ceilDiv(buyer.holdPrice * quantity, listing.divisor));
        buyer.held -= release;
        seller.held -= quantity;
        long journal = ++journalSeq;
        String currency = listing.spec.currency();
        String position = listing.spec.symbol();
        post(journal, buyer.account, currency, -cash, release);
        post(journal, seller.account, currency, cash, 0);
        post(journal, buyer.account, position, quantity, 0);
        post(journal, seller.account, position, -quantity, quantity);
    }

    // ---- End of an order's life and bookkeeping ---------------------------------------------------

    private void cancelResting(Resting order, CancelReason reason) {
        order.listing.side(order.side).remove(order);
        announceLevel(order.listing, order.side, order.price);
        out.add(new Event.OrderCancelled(order.orderId, order.account.accountId, order.leaves, reason));
        retire(order);
    }

    private void endTaker(Resting taker, CancelReason reason) {
        out.add(new Event.OrderCancelled(taker.orderId, taker.account.accountId, taker.leaves, reason));
        retire(taker);
    }

    private void retire(Resting order) {
        if (order.held != 0) {
            changeHeld(order.account, order.heldAsset(), -order.held);
            order.held = 0;
        }
        working.remove(new Key(order.account.accountId, order.orderId));
    }

    private void changeHeld(Wallet wallet, String asset, long change) {
        if (change == 0) {
            return;
        }
        long[] figures = wallet.of(asset);
        figures[1] += change;
        out.add(new Event.BalanceChanged(wallet.accountId, asset, 0, figures[0], figures[1], 0));
    }

    private void post(long journal, Wallet wallet, String asset, long delta, long heldRelease) {
        long[] figures = wallet.of(asset);
        figures[0] += delta;
        figures[1] -= heldRelease;
        out.add(new Event.BalanceChanged(wallet.accountId, asset, delta, figures[0], figures[1], journal));
    }

    private void announceLevel(Listing listing, Side side, long price) {
        long quantity = 0;
        int count = 0;
        for (Resting o : listing.side(side)) {
            if (o.price == price) {
                quantity += o.visible;
                count++;
            }
        }
        out.add(new Event.BookDelta(listing.spec.id(), side, price, quantity, count));
    }

    private static void sort(Listing listing, Side side) {
        listing.side(side).sort(side == Side.BUY ? BIDS : ASKS);
    }

    private static long limitOf(Resting order) {
        if (order.type == OrderType.LIMIT || order.type == OrderType.STOP_LIMIT) {
            return order.price;
        }
        return order.isBuy() ? order.listing.spec.highestPrice() : order.listing.spec.lowestPrice();
    }

    private static boolean crosses(Side takerSide, long makerPrice, long limit) {
        return takerSide == Side.BUY ? makerPrice <= limit : makerPrice >= limit;
    }

    private static boolean crossesOpposite(Listing listing, Side side, long price) {
        List<Resting> opposite = listing.side(side.opposite());
        return !opposite.isEmpty() && crosses(side, opposite.getFirst().price, price);
    }
}
