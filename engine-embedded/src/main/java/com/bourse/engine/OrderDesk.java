package com.bourse.engine;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ComplianceKind;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Role;
import com.bourse.protocol.TimeInForce;

/**
 * The order commands: entry through the risk evaluator into the book (or the approval queue), cancel,
 * amend, mass cancel, end-of-day expiry, risk officers' decisions on held orders and the kill switch.
 *
 * <p>An order is named by its account and its client order id, which is unique within the account only (ids rise
 * per account; another account's orders never make an id a duplicate). Every refusal names the order and its
 * account (0 only when no such order is known). Amendments carry the new total quantity (FIX OrderQty): the
 * filled part stays filled, the open quantity becomes the total less it, and a total at or below the filled
 * quantity is refused. Engine thread only.
 */
final class OrderDesk {
    private final EngineState state;
    private final Ledger ledger;
    private final Matcher matcher;
    private final RiskEvaluator risk;

    OrderDesk(EngineState state, Ledger ledger, Matcher matcher, RiskEvaluator risk) {
        this.state = state;
        this.ledger = ledger;
        this.matcher = matcher;
        this.risk = risk;
    }

    void place(Command.PlaceOrder c) {
        Order order = admit(c, 0, false);
        if (order != null) {
            start(order);
        }
    }

    /**
     * Checks a new order and, when it passes, accepts it and holds what it needs, without letting it work yet
     * ({@link #start}). {@code sharedHold} is what an OCO peer already holds of the same asset: the check counts it
     * as available and the order holds only what it needs beyond it. {@code reservedId}: the id was reserved by a
     * bracket's entry, so ids above it having been used since is no duplicate. Null when refused (reported).
     */
    private Order admit(Command.PlaceOrder c, long sharedHold, boolean reservedId) {
        Account account = state.accounts.get(c.accountId());
        InstrumentState instrument = state.instruments.get(c.instrumentId());
        int sharedAsset = -1;
        if (sharedHold > 0 && account != null && instrument != null && c.side() != null) {
            // Only for the check: the peer's hold covers this leg too. No event sees the lowered figure.
            sharedAsset = c.side() == com.bourse.protocol.Side.BUY ? instrument.currencyAssetIndex : instrument.assetIndex;
            account.held[sharedAsset] -= sharedHold;
        }
        risk.reservedId = reservedId;
        ErrorCode error;
        try {
            error = risk.checkNewOrder(c, account, instrument);
        } finally {
            risk.reservedId = false;
            if (sharedAsset >= 0) {
                account.held[sharedAsset] += sharedHold;
            }
        }
        if (error != null) {
            state.sink.orderRejected(c.orderId(), c.accountId(), error);
            ComplianceKind breach = breachOf(error);
            if (breach != null) {
                state.sink.onEvent(new Event.ComplianceViolation(c.accountId(), c.userId(), breach, c.orderId(), error));
            }
            return null;
        }
        account.countOrder(c.timestamp());
        account.lastOrderId = Math.max(account.lastOrderId, c.orderId());
        if (++account.orderCount > 1_000_000) {
            // Keep the running average's sum far from overflow; halving both keeps the average.
            account.orderCount >>= 1;
            account.orderQuantitySum >>= 1;
            account.orderNotionalSum >>= 1;
        }
        account.orderQuantitySum += c.quantity();
        risk.score.recordOrder(account, instrument, risk.notional, c.timestamp());

        Order order = state.pool.acquire();
        order.orderId = c.orderId();
        order.userId = c.userId();
        order.account = account;
        order.instrument = instrument;
        order.side = c.side();
        order.type = c.type();
        order.timeInForce = c.timeInForce();
        order.price = c.type().hasLimitPrice() ? c.price() : 0;
        order.stopPrice = c.type().isStop() ? c.stopPrice() : 0;
        order.leaves = c.quantity();
        order.filled = 0;
        order.displayQuantity = c.displayQuantity();
        order.postOnly = c.postOnly();
        order.entrySeq = ++state.entrySeq;
        order.holdPrice = risk.holdPrice;
        order.held = Math.max(0, risk.holdAmount - sharedHold);
        order.enteredAt = c.timestamp();
        order.state = OrderState.INCOMING;
        order.enteredNearTouch = risk.score.nearTouch;
        account.link(order);
        state.liveOrders.add(order);

        state.sink.orderAccepted(order.orderId, account.accountId, instrument.id(), c.userId(), order.side,
                order.type, order.timeInForce, order.price, order.stopPrice, order.leaves, order.displayQuantity,
                order.postOnly, c.timestamp());
        if (order.isBuy()) {
            account.pendingBuy[instrument.assetIndex] += order.leaves;
            ledger.hold(account, instrument.currencyAssetIndex, order.held);
        } else {
            ledger.hold(account, instrument.assetIndex, order.held);
        }
        // Held now, while the check's score is at hand: a held order does not trade, so this may precede start.
        ErrorCode review = risk.reviewReason;
        if (review != null) {
            holdForReview(order, review);
        }
        return order;
    }

    /** Lets an admitted order work, unless it waits for a risk officer. */
    private void start(Order order) {
        if (order.state != OrderState.HELD) {
            matcher.activate(order);
        }
    }

    /**
     * A one-cancels-other pair, or a bracket's entry (Command.PlaceOco states the rules). A pair whose shape is wrong
     * (sides, prices on the wrong side of each other, ids not rising, an immediate time in force) is refused whole,
     * each order named with the reason; a leg the pre-trade checks refuse refuses the pair (the other leg, if
     * already accepted, is cancelled as OCO_CANCELLED).
     */
    void placeOco(Command.PlaceOco c) {
        ErrorCode shape = ocoShape(c);
        if (shape != null) {
            if (c.isBracket()) {
                state.sink.orderRejected(c.entryOrderId(), c.accountId(), shape);
            }
            state.sink.orderRejected(c.targetOrderId(), c.accountId(), shape);
            state.sink.orderRejected(c.stopOrderId(), c.accountId(), shape);
            return;
        }
        if (!c.isBracket()) {
            enterPair(c, c.quantity(), false);
            return;
        }
        Order entry = admit(c.entry(), 0, false);
        if (entry == null) {
            return;
        }
        // The legs' ids are the bracket's from now on: the client's next order ids go above them.
        entry.account.lastOrderId = Math.max(entry.account.lastOrderId, c.stopOrderId());
        entry.bracketTargetId = c.targetOrderId();
        entry.bracketTargetPrice = c.targetPrice();
        entry.bracketStopId = c.stopOrderId();
        entry.bracketStopPrice = c.stopPrice();
        start(entry);
    }

    /**
     * Enters the target and stop of brackets whose entry stopped working during this command (the matcher lists
     * them; it cannot enter orders in the middle of a sweep). Runs after each command, so a replay enters them at the
     * same place.
     */
    void enterDueBrackets() {
        while (!state.dueBrackets.isEmpty()) {
            Command.PlaceOco due = state.dueBrackets.removeFirst();
            enterPair(due, due.quantity(), true);
        }
    }

    /** Enters an OCO pair; a bracket's (due, naming its filled entry) keeps that entry's id on both legs. */
    private void enterPair(Command.PlaceOco c, long quantity, boolean reservedIds) {
        Order target = admit(c.target(quantity), 0, reservedIds);
        if (target == null) {
            state.sink.orderRejected(c.stopOrderId(), c.accountId(), ErrorCode.INVALID_ORDER_SPEC);
            return;
        }
        Order stop = admit(c.stop(quantity), target.held, reservedIds);
        if (stop == null) {
            matcher.cancel(target, CancelReason.OCO_CANCELLED);
            return;
        }
        target.ocoPeer = stop;
        stop.ocoPeer = target;
        target.bracketEntryId = stop.bracketEntryId = c.entryOrderId();
        state.sink.onEvent(new Event.OcoLinked(c.accountId(), target.orderId, stop.orderId));
        // The stop first: it never trades on entry, while the target may fill at once and end the group.
        start(stop);
        start(target);
    }

    /** What is wrong with an OCO pair's or bracket's shape before any leg is checked, or null. */
    private static ErrorCode ocoShape(Command.PlaceOco c) {
        if (c.side() == null || c.timeInForce() == null
                || !(c.timeInForce() == TimeInForce.GTC || c.timeInForce() == TimeInForce.DAY)) {
            return ErrorCode.INVALID_ORDER_SPEC;
        }
        if (c.targetOrderId() <= 0 || c.stopOrderId() <= c.targetOrderId()
                || (c.isBracket() && (c.entryOrderId() < 0 || c.targetOrderId() <= c.entryOrderId()))) {
            return ErrorCode.INVALID_ID;
        }
        if (c.quantity() <= 0) {
            return ErrorCode.INVALID_QUANTITY;
        }
        boolean sell = c.side() == com.bourse.protocol.Side.SELL;
        // Sell legs close a long: the target above the stop (buy legs the other way round), the entry between.
        if (c.targetPrice() <= 0 || c.stopPrice() <= 0
                || (sell ? c.targetPrice() <= c.stopPrice() : c.targetPrice() >= c.stopPrice())
                || (c.isBracket() && (sell ? c.entryPrice() <= c.stopPrice() || c.entryPrice() >= c.targetPrice()
                : c.entryPrice() >= c.stopPrice() || c.entryPrice() <= c.targetPrice()))) {
            return ErrorCode.INVALID_PRICE;
        }
        return null;
    }

    /** The compliance log's kind for an order refusal that stopped a breach of the rules, or null. */
    private static ComplianceKind breachOf(ErrorCode refusal) {
        return switch (refusal) {
            case QUANTITY_LIMIT, NOTIONAL_LIMIT, POSITION_LIMIT, HIGH_FREQUENCY -> ComplianceKind.LIMIT_BREACH_ATTEMPT;
            case ACCOUNT_KILL_SWITCH -> ComplianceKind.KILL_SWITCH_TRADE_ATTEMPT;
            default -> null;
        };
    }

    /** Parks an order for a risk officer, scored by the last {@link RiskScore} run. */
    private void holdForReview(Order order, ErrorCode review) {
        order.state = OrderState.HELD;
        RiskScore s = risk.score;
        order.heldReason = review;
        order.heldRules = s.ruleMask;
        long accountId = order.account.accountId;
        state.sink.onEvent(new Event.OrderHeld(order.orderId, accountId, s.score, review));
        state.sink.onEvent(new Event.RiskAlert(ReviewSubject.ORDER, order.orderId, accountId, s.score,
                s.amount, s.frequency, s.pattern, review, s.ruleMask));
    }

    void cancel(Command.CancelOrder c) {
        Order order = workingOrder(c.accountId(), c.orderId());
        if (order == null) {
            return;
        }
        if (!mayManage(c.userId(), order.account)) {
            state.sink.orderRejected(c.orderId(), order.account.accountId, ErrorCode.NOT_AUTHORIZED);
            return;
        }
        if (c.userId() == order.account.ownerUserId) {
            risk.score.recordCancel(order, c.timestamp());
        }
        matcher.cancel(order, CancelReason.USER_REQUEST);
    }

    /**
     * Amends a resting limit order or a waiting stop. A change of price (limit or stop) or a larger open quantity
     * costs the order its time priority (at its price level, or among the waiting stops); a smaller one keeps it.
     */
    void replace(Command.ReplaceOrder c) {
        Order order = workingOrder(c.accountId(), c.orderId());
        if (order == null) {
            return;
        }
        Account account = order.account;
        if (c.userId() != Command.SYSTEM_USER && account.ownerUserId != c.userId()) {
            state.sink.orderRejected(c.orderId(), account.accountId, ErrorCode.NOT_AUTHORIZED);
            return;
        }
        boolean waitingStop = order.state == OrderState.STOP_WAITING;
        // An OCO leg's hold is shared with its peer: to move a leg, cancel the group and enter a new one.
        if (order.ocoPeer != null
                || (!waitingStop && (order.state != OrderState.RESTING || !order.type.hasLimitPrice()))) {
            state.sink.orderRejected(c.orderId(), account.accountId, ErrorCode.ORDER_NOT_REPLACEABLE);
            return;
        }
        ErrorCode error = risk.checkReplace(order, c.newPrice(), c.newStopPrice(), c.newTotalQuantity());
        if (error != null) {
            state.sink.orderRejected(c.orderId(), account.accountId, error);
            return;
        }
        InstrumentState instrument = order.instrument;
        long newQuantity = risk.replaceLeaves;
        long newStopPrice = c.newStopPrice() == 0 ? order.stopPrice : c.newStopPrice();
        boolean keepsPriority = c.newPrice() == order.price && newStopPrice == order.stopPrice
                && newQuantity <= order.leaves;
        long newHold = risk.holdAmount;
        int heldAsset = order.isBuy() ? instrument.currencyAssetIndex : instrument.assetIndex;
        if (order.isBuy()) {
            account.pendingBuy[instrument.assetIndex] += newQuantity - order.leaves;
            order.holdPrice = risk.holdPrice;
        }
        long heldChange = newHold - order.held;
        order.held = newHold;
        long total = c.newTotalQuantity();

        if (waitingStop) {
            order.price = c.newPrice();
            order.stopPrice = newStopPrice;
            order.leaves = newQuantity;
            if (!keepsPriority) {
                instrument.removeStop(order);
            }
            state.sink.orderReplaced(order.orderId, account.accountId, order.price, newQuantity, keepsPriority,
                    order.stopPrice, total);
            adjustHold(account, heldAsset, heldChange);
            if (!keepsPriority && !reviewedIfLarge(order, c.timestamp())) {
                order.instrument.addStop(order);
            }
            return;
        }
        if (keepsPriority) {
            PriceLevel level = order.level;
            long newVisible = order.displayQuantity > 0 ? Math.min(order.visible, newQuantity) : newQuantity;
            level.visibleQuantity -= order.visible - newVisible;
            order.visible = newVisible;
            order.leaves = newQuantity;
            state.sink.orderReplaced(order.orderId, account.accountId, order.price, newQuantity, true, 0, total);
            state.sink.bookDelta(instrument.id(), order.side, level.price, level.visibleQuantity, level.orderCount);
            adjustHold(account, heldAsset, heldChange);
            return;
        }
        PriceLevel oldLevel = order.level;
        instrument.side(order.isBuy()).remove(order);
        state.sink.bookDelta(instrument.id(), order.side, oldLevel.price, oldLevel.visibleQuantity,
                oldLevel.orderCount);
        order.price = c.newPrice();
        order.leaves = newQuantity;
        state.sink.orderReplaced(order.orderId, account.accountId, order.price, newQuantity, false, 0, total);
        adjustHold(account, heldAsset, heldChange);
        if (!reviewedIfLarge(order, c.timestamp())) {
            matcher.matchAndElect(order);
        }
    }

    /**
     * Large amounts are always reviewed, however the order got there: amending up is no way around it. Sends an
     * amended order that lost its place, now above the large-amount line, back to a risk officer.
     */
    private boolean reviewedIfLarge(Order order, long timestamp) {
        InstrumentState instrument = order.instrument;
        if (risk.notional <= instrument.largeAmount) {
            return false;
        }
        order.visible = 0;
        risk.score.scoreOrder(order.account, instrument, order.isBuy(), order.type.hasLimitPrice() ? order.price : 0,
                !order.type.isStop(), order.leaves, risk.notional, timestamp);
        holdForReview(order, ErrorCode.LARGE_AMOUNT);
        return true;
    }

    /** The working order {@code orderId} of {@code accountId} (0: the one with that id), or null, refused. */
    private Order workingOrder(long accountId, long orderId) {
        Order order = state.liveOrders.find(accountId, orderId);
        if (order == null) {
            state.sink.orderRejected(orderId, accountId,
                    state.liveOrders.ambiguous ? ErrorCode.ORDER_ID_AMBIGUOUS : ErrorCode.UNKNOWN_ORDER);
        }
        return order;
    }

    void massCancel(Command.MassCancel c) {
        long accountId = c.accountId();
        Account only = accountId == 0 ? null : state.accounts.get(accountId);
        if (accountId != 0 && only == null) {
            reject(accountId, ErrorCode.UNKNOWN_ACCOUNT);
            return;
        }
        if (c.instrumentId() != 0 && !state.instruments.containsKey(c.instrumentId())) {
            reject(c.instrumentId(), ErrorCode.UNKNOWN_INSTRUMENT);
            return;
        }
        boolean officer = state.has(c.userId(), Role.RISK_OFFICER);
        if (!(officer || (only != null && only.ownerUserId == c.userId()))) {
            reject(accountId, state.roles(c.userId()) < 0 ? ErrorCode.USER_NOT_FOUND : ErrorCode.NOT_AUTHORIZED);
            return;
        }
        if (only != null) {
            if (only.ownerUserId == c.userId()) {
                recordCancels(only, c.instrumentId(), c.timestamp());
            }
            cancelAll(only, c.instrumentId(), CancelReason.MASS_CANCEL);
        } else {
            for (Account account : state.accountList) {
                cancelAll(account, c.instrumentId(), CancelReason.MASS_CANCEL);
            }
        }
    }

    /** Closes the day: back office or an administrator. */
    void endOfDay(Command.EndOfDay c) {
        if (!(state.has(c.userId(), Role.BACK_OFFICE) || state.has(c.userId(), Role.ADMIN))) {
            reject(0, ErrorCode.NOT_AUTHORIZED);
            return;
        }
        for (Account account : state.accountList) {
            Order o = account.firstOrder;
            while (o != null) {
                Order next = nextSurviving(o);
                if (o.timeInForce == TimeInForce.DAY) {
                    matcher.expire(o);
                }
                o = next;
            }
        }
    }

    void engageKillSwitch(Command.EngageKillSwitch c) {
        Account account = officerTarget(c.userId(), c.accountId());
        if (account == null) {
            return;
        }
        account.killSwitch = true;
        state.sink.onEvent(new Event.KillSwitchChanged(account.accountId, true, c.userId()));
        cancelAll(account, 0, CancelReason.KILL_SWITCH);
    }

    void releaseKillSwitch(Command.ReleaseKillSwitch c) {
        Account account = officerTarget(c.userId(), c.accountId());
        if (account == null) {
            return;
        }
        account.killSwitch = false;
        state.sink.onEvent(new Event.KillSwitchChanged(account.accountId, false, c.userId()));
    }

    void setLimits(Command.SetRiskLimits c) {
        Account account = officerTarget(c.userId(), c.accountId());
        if (account == null) {
            return;
        }
        if (c.limits() == null || !c.limits().isValid()) {
            reject(c.accountId(), ErrorCode.INVALID_CONFIGURATION);
            return;
        }
        account.limits = c.limits();
        state.sink.onEvent(new Event.RiskLimitsChanged(account.accountId, c.limits()));
    }

    void approve(Command.Approve c) {
        Order order = heldOrderFor(c.userId(), c.subjectId());
        if (order == null) {
            return;
        }
        InstrumentState instrument = order.instrument;
        ErrorCode stale = instrument.halted ? ErrorCode.INSTRUMENT_HALTED
                : order.postOnly && matcher.wouldCross(instrument, order.side, order.price)
                ? ErrorCode.POST_ONLY_WOULD_CROSS
                : order.type.isStop() && !order.elected && instrument.stopAlreadyReached(order.isBuy(), order.stopPrice)
                ? ErrorCode.STOP_PRICE_ALREADY_REACHED : null;
        if (stale != null) {
            state.sink.orderRejected(order.orderId, order.account.accountId, stale);
            matcher.retire(order);
            return;
        }
        state.sink.onEvent(new Event.OrderApproved(order.orderId, c.userId(), order.account.accountId));
        if (order.heldRules != 0) {
            state.sink.onEvent(new Event.ComplianceViolation(order.account.accountId, c.userId(),
                    ComplianceKind.OFFICER_OVERRIDE, order.orderId, order.heldReason));
        }
        order.heldReason = null;
        order.heldRules = 0;
        matcher.activate(order);
    }

    void reject(Command.Reject c) {
        Order order = heldOrderFor(c.userId(), c.subjectId());
        if (order == null) {
            return;
        }
        if (order.wentLive) {
            // An amendment sent a working order back to review: what it already traded stands, the rest ends.
            matcher.cancel(order, CancelReason.RISK_OFFICER);
            return;
        }
        state.sink.orderRejected(order.orderId, order.account.accountId, ErrorCode.REJECTED_BY_RISK_OFFICER);
        matcher.retire(order);
    }

    /**
     * The held order an officer decides on. Decisions name the order by id alone: the one held order with that
     * id (held orders of several accounts under one id make the decision ambiguous, and it is refused).
     */
    private Order heldOrderFor(long officer, long orderId) {
        Order order = state.liveOrders.findHeld(orderId);
        boolean ambiguous = state.liveOrders.ambiguous;
        long accountId = order == null ? 0 : order.account.accountId;
        if (officer == Command.SYSTEM_USER || !state.has(officer, Role.RISK_OFFICER)) {
            reject(orderId, accountId, state.roles(officer) < 0 ? ErrorCode.USER_NOT_FOUND : ErrorCode.NOT_AUTHORIZED);
            return null;
        }
        if (order == null) {
            reject(orderId, 0, ambiguous ? ErrorCode.ORDER_ID_AMBIGUOUS : ErrorCode.UNKNOWN_ORDER);
            return null;
        }
        if (order.state != OrderState.HELD) {
            reject(orderId, accountId, ErrorCode.NOT_HELD);
            return null;
        }
        if (order.userId == officer || order.account.ownerUserId == officer) {
            reject(orderId, accountId, ErrorCode.FOUR_EYES_VIOLATION);
            return null;
        }
        return order;
    }

    private Account officerTarget(long userId, long accountId) {
        int roles = state.roles(userId);
        if (roles < 0) {
            reject(accountId, ErrorCode.USER_NOT_FOUND);
            return null;
        }
        if (!Role.RISK_OFFICER.in(roles)) {
            reject(accountId, ErrorCode.NOT_AUTHORIZED);
            return null;
        }
        Account account = state.accounts.get(accountId);
        if (account == null) {
            reject(accountId, ErrorCode.UNKNOWN_ACCOUNT);
        }
        return account;
    }

    private void cancelAll(Account account, long instrumentId, CancelReason reason) {
        Order o = account.firstOrder;
        while (o != null) {
            Order next = nextSurviving(o);
            if (instrumentId == 0 || o.instrument.id() == instrumentId) {
                matcher.cancel(o, reason);
            }
            o = next;
        }
    }

    /** The account's next order after {@code o} that ending {@code o} leaves working: not its OCO peer. */
    private static Order nextSurviving(Order o) {
        Order next = o.accountNext;
        return next != null && next == o.ocoPeer ? next.accountNext : next;
    }

    /** An owner's mass cancel is as telling as single cancels: each brief near-touch order counts for layering. */
    private void recordCancels(Account account, long instrumentId, long timestamp) {
        for (Order o = account.firstOrder; o != null; o = o.accountNext) {
            if (instrumentId == 0 || o.instrument.id() == instrumentId) {
                risk.score.recordCancel(o, timestamp);
            }
        }
    }

    private boolean mayManage(long userId, Account account) {
        return userId == Command.SYSTEM_USER || account.ownerUserId == userId
                || state.has(userId, Role.RISK_OFFICER);
    }

    private void adjustHold(Account account, int asset, long change) {
        if (change > 0) {
            ledger.hold(account, asset, change);
        } else if (change < 0) {
            ledger.release(account, asset, -change);
        }
    }

    /** Refuses a command about an account or instrument (mass cancel, kill switch, limits): the id is what it names. */
    private void reject(long refId, ErrorCode code) {
        reject(refId, 0, code);
    }

    private void reject(long refId, long accountId, ErrorCode code) {
        state.sink.onEvent(new Event.CommandRejected(refId, code, accountId));
    }
}
