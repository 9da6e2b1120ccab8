package com.bourse.engine;

import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Role;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

/**
 * Pre-trade checks, run before an order touches the book: structure, permissions, market state, tick and
 * lot, price band, size limits, throttle, position limit and buying power, in that order, first failure
 * wins. An order that passes is then scored; a high score, a surveillance rule that holds on its own or a large
 * amount holds it for review.
 * The last check's figures stay in fields for the caller (no allocation). Engine thread only.
 */
final class RiskEvaluator {
    private final EngineState state;
    private final Matcher matcher;
    final RiskScore score;

    /** Price the buy hold is computed at. */
    long holdPrice;
    /** Cash (buy) or position (sell) to hold. */
    long holdAmount;
    long notional;
    /** Why the last passing order must wait for review, or null. */
    ErrorCode reviewReason;
    /** The open quantity the last passing amendment leaves the order with (its new total less what was filled). */
    long replaceLeaves;
    /** The next new order's id was reserved by a bracket's entry: ids used since do not make it a duplicate. */
    boolean reservedId;

    RiskEvaluator(EngineState state, Matcher matcher) {
        this.state = state;
        this.matcher = matcher;
        this.score = new RiskScore(state.config);
    }

    ErrorCode checkNewOrder(Command.PlaceOrder c, Account account, InstrumentState instrument) {
        if (c.side() == null || c.type() == null || c.timeInForce() == null) {
            return ErrorCode.INVALID_ORDER_SPEC;
        }
        if (c.orderId() <= 0) {
            return ErrorCode.INVALID_ID;
        }
        if (c.quantity() <= 0) {
            return ErrorCode.INVALID_QUANTITY;
        }
        if (c.price() < 0 || c.stopPrice() < 0 || (c.type().hasLimitPrice() && c.price() == 0)) {
            return ErrorCode.INVALID_PRICE;
        }
        if (c.type().isStop() && c.stopPrice() == 0) {
            return ErrorCode.INVALID_PRICE;
        }
        ErrorCode spec = checkSpec(c);
        if (spec != null) {
            return spec;
        }
        if (instrument == null) {
            return ErrorCode.UNKNOWN_INSTRUMENT;
        }
        if (account == null) {
            return ErrorCode.UNKNOWN_ACCOUNT;
        }
        int roles = state.roles(c.userId());
        if (roles < 0) {
            return ErrorCode.USER_NOT_FOUND;
        }
        if (c.userId() != Command.SYSTEM_USER && (!Role.TRADER.in(roles) || account.ownerUserId != c.userId())) {
            return ErrorCode.NOT_AUTHORIZED;
        }
        // Client order ids rise within each account; other accounts' ids are theirs, whatever they hold.
        if (c.orderId() <= account.lastOrderId && !reservedId) {
            return ErrorCode.DUPLICATE_ID;
        }
        if (account.killSwitch) {
            return ErrorCode.ACCOUNT_KILL_SWITCH;
        }
        if (instrument.halted) {
            return ErrorCode.INSTRUMENT_HALTED;
        }
        boolean limitPriced = c.type().hasLimitPrice();
        if ((limitPriced && !instrument.onTick(c.price())) || (c.type().isStop() && !instrument.onTick(c.stopPrice()))) {
            return ErrorCode.OFF_TICK_PRICE;
        }
        long lot = instrument.spec.lotSize();
        if (c.quantity() % lot != 0 || c.displayQuantity() % lot != 0) {
            return ErrorCode.OFF_LOT_QUANTITY;
        }
        if ((limitPriced && !inBands(account, instrument, c.price()))
                || (c.type().isStop() && !inBands(account, instrument, c.stopPrice()))) {
            return ErrorCode.PRICE_OUT_OF_BAND;
        }
        if (c.type().isStop() && instrument.stopAlreadyReached(c.side() == Side.BUY, c.stopPrice())) {
            return ErrorCode.STOP_PRICE_ALREADY_REACHED;
        }
        boolean buy = c.side() == Side.BUY;
        holdPrice = limitPriced ? c.price() : instrument.highestPrice;
        long valuationPrice = limitPriced ? c.price() : c.type().isStop() ? c.stopPrice() : instrument.lastTradePrice;
        if (overflows(holdPrice, c.quantity())) {
            return ErrorCode.PRICE_OVERFLOW;
        }
        ErrorCode limits = checkLimits(account, instrument, c.quantity(), valuationPrice);
        if (limits != null) {
            return limits;
        }
        if (!account.admitOrder(c.timestamp())) {
            return ErrorCode.HIGH_FREQUENCY;
        }
        ErrorCode funds = buy
                ? checkBuyingPower(account, instrument, holdPrice, c.quantity(), 0, 0)
                : checkSellable(account, instrument, c.quantity());
        if (funds != null) {
            return funds;
        }
        if (c.postOnly() && matcher.wouldCross(instrument, c.side(), c.price())) {
            return ErrorCode.POST_ONLY_WOULD_CROSS;
        }
        // A stop waits for its trigger and a post-only order never takes: neither trades on entry.
        boolean mayTrade = !c.type().isStop() && !c.postOnly();
        int total = score.scoreOrder(account, instrument, buy, limitPriced ? c.price() : 0, mayTrade, c.quantity(),
                notional, c.timestamp());
        reviewReason = notional > instrument.largeAmount ? ErrorCode.LARGE_AMOUNT
                : score.needsReview(account, total) ? ErrorCode.HIGH_RISK_TRANSACTION : null;
        return null;
    }

    /**
     * Checks an amendment of a working order (resting limit, or waiting stop) to a new limit price, stop price (0
     * keeps it) and <em>total</em> quantity (FIX OrderQty): the open quantity becomes the total less what was
     * filled, left in {@link #replaceLeaves}. A total at or below the filled quantity is refused. Size limits apply
     * to the total, buying power and sellable position to the open quantity.
     */
    ErrorCode checkReplace(Order order, long newPrice, long newStopPrice, long newTotal) {
        InstrumentState instrument = order.instrument;
        Account account = order.account;
        boolean limitPriced = order.type.hasLimitPrice();
        boolean waitingStop = order.state == OrderState.STOP_WAITING;
        long stopPrice = newStopPrice == 0 ? order.stopPrice : newStopPrice;
        if (newTotal <= 0) {
            return ErrorCode.INVALID_QUANTITY;
        }
        // A STOP order has no limit price; only a waiting stop's trigger can move.
        if ((limitPriced ? newPrice <= 0 : newPrice != 0) || newStopPrice < 0
                || (!waitingStop && newStopPrice != 0 && newStopPrice != order.stopPrice)) {
            return ErrorCode.INVALID_PRICE;
        }
        if (newTotal <= order.filled) {
            return ErrorCode.QUANTITY_NOT_ABOVE_FILLED;
        }
        long newQuantity = newTotal - order.filled;
        if (instrument.halted) {
            return ErrorCode.INSTRUMENT_HALTED;
        }
        if ((limitPriced && !instrument.onTick(newPrice)) || (waitingStop && !instrument.onTick(stopPrice))) {
            return ErrorCode.OFF_TICK_PRICE;
        }
        if (newTotal % instrument.spec.lotSize() != 0) {
            return ErrorCode.OFF_LOT_QUANTITY;
        }
        if ((limitPriced && !inBands(account, instrument, newPrice))
                || (waitingStop && !inBands(account, instrument, stopPrice))) {
            return ErrorCode.PRICE_OUT_OF_BAND;
        }
        if (waitingStop && instrument.stopAlreadyReached(order.isBuy(), stopPrice)) {
            return ErrorCode.STOP_PRICE_ALREADY_REACHED;
        }
        long newHoldPrice = limitPriced ? newPrice : instrument.highestPrice;
        if (overflows(newHoldPrice, newTotal)) {
            return ErrorCode.PRICE_OVERFLOW;
        }
        ErrorCode limits = checkLimits(account, instrument, newTotal, limitPriced ? newPrice : stopPrice);
        if (limits != null) {
            return limits;
        }
        if (order.isBuy()) {
            holdPrice = newHoldPrice;
            ErrorCode funds = checkBuyingPower(account, instrument, newHoldPrice, newQuantity, order.held,
                    order.leaves);
            if (funds != null) {
                return funds;
            }
        } else {
            long more = newQuantity - order.leaves;
            if (more > 0 && account.available(instrument.assetIndex) < more) {
                return ErrorCode.INSUFFICIENT_POSITION;
            }
            holdAmount = newQuantity;
        }
        replaceLeaves = newQuantity;
        if (order.postOnly && matcher.wouldCross(instrument, order.side, newPrice)) {
            return ErrorCode.POST_ONLY_WOULD_CROSS;
        }
        return null;
    }

    private ErrorCode checkSpec(Command.PlaceOrder c) {
        OrderType type = c.type();
        TimeInForce tif = c.timeInForce();
        boolean rests = tif == TimeInForce.GTC || tif == TimeInForce.DAY;
        if (type == OrderType.MARKET && rests) {
            return ErrorCode.INVALID_ORDER_SPEC;
        }
        if (type.isStop() && !rests) {
            return ErrorCode.INVALID_ORDER_SPEC;
        }
        if (c.postOnly() && (type != OrderType.LIMIT || !rests)) {
            return ErrorCode.INVALID_ORDER_SPEC;
        }
        if (c.displayQuantity() < 0 || c.displayQuantity() > c.quantity()) {
            return ErrorCode.INVALID_DISPLAY_QUANTITY;
        }
        if (c.displayQuantity() > 0 && (type != OrderType.LIMIT || !rests)) {
            return ErrorCode.INVALID_ORDER_SPEC;
        }
        return null;
    }

    private ErrorCode checkLimits(Account account, InstrumentState instrument, long quantity, long valuationPrice) {
        if (quantity > account.limits.maxOrderQuantity()) {
            return ErrorCode.QUANTITY_LIMIT;
        }
        notional = Matcher.notional(instrument, valuationPrice, quantity);
        if (notional > account.limits.maxOrderNotional()) {
            return ErrorCode.NOTIONAL_LIMIT;
        }
        return null;
    }

    /** Buying power for a buy of {@code quantity} at {@code price}, net of what the order already holds. */
    private ErrorCode checkBuyingPower(Account account, InstrumentState instrument, long price, long quantity,
                                      long alreadyHeld, long alreadyPending) {
        int position = instrument.assetIndex;
        long exposure = account.balance[position] + account.pendingBuy[position] - alreadyPending + quantity;
        if (exposure > account.limits.maxPosition()) {
            return ErrorCode.POSITION_LIMIT;
        }
        holdAmount = Matcher.buyHold(instrument, price, quantity);
        if (holdAmount - alreadyHeld > account.available(instrument.currencyAssetIndex)) {
            return ErrorCode.INSUFFICIENT_BALANCE;
        }
        return null;
    }

    private ErrorCode checkSellable(Account account, InstrumentState instrument, long quantity) {
        if (account.available(instrument.assetIndex) < quantity) {
            return ErrorCode.INSUFFICIENT_POSITION;
        }
        holdAmount = quantity;
        return null;
    }

    /**
     * Inside the instrument's band and, when the account has one of its own, inside that narrower band around the
     * same reference price (half-width rounded down: a price exactly on its edge is in).
     */
    private static boolean inBands(Account account, InstrumentState instrument, long price) {
        if (!instrument.inBand(price)) {
            return false;
        }
        int bandBps = account.limits.priceBandBps();
        if (bandBps == 0) {
            return true;
        }
        long reference = instrument.spec.referencePrice();
        return Math.abs(price - reference) <= Math.multiplyExact(reference, (long) bandBps) / RiskScore.ONE;
    }

    private static boolean overflows(long price, long quantity) {
        return Math.multiplyHigh(price, quantity) != 0 || price * quantity < 0;
    }
}
