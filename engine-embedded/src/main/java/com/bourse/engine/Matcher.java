package com.bourse.engine;

import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ComplianceKind;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

/**
 * Price-time priority matching with settlement: an incoming order sweeps the opposite side level by level
 * (each level's queue in time order), every execution settles at once through the {@link Ledger}, and what
 * is left rests, or is cancelled as its time in force says. Also owns the end of every order's life
 * (cancel, expiry, retire) so holds are released in exactly one place. Engine thread only.
 *
 * <h2>Stop election</h2>
 * A waiting stop (STOP or STOP_LIMIT) is <em>elected</em> by any trade in its instrument at or through its stop
 * price: a trade at or above it for a buy stop, at or below it for a sell stop. Every trade counts, including
 * one in the middle of an aggressive order's sweep, wherever the sweep ends. Stops are elected after each
 * order's matching (an incoming order, an amended order, or an elected stop's own): every waiting stop that one
 * of that order's trades reached is elected then, even if a later trade moved the price back. Elected stops
 * trade one at a time in the order they were elected, and those elected by the same order's trades in their
 * time priority (entry order; an amendment that changes a stop's price or raises its quantity sends it to the
 * back, as on the book). An elected stop's own trades elect further stops (a cascade), which queue behind the
 * stops already elected. A stop whose trigger the market has already reached cannot be entered (or amended to
 * such a trigger): it is refused with {@link com.bourse.protocol.ErrorCode#STOP_PRICE_ALREADY_REACHED}.
 *
 * <h2>Unfilled remainders</h2>
 * An IOC order's unfilled part, limit or market, is cancelled as {@link CancelReason#IOC_REMAINDER}; a fill-or-kill
 * order that cannot fill in full as {@link CancelReason#FOK_NOT_FILLED}; an elected STOP order (GTC or DAY, priced
 * as a market order, so it cannot rest) as {@link CancelReason#NO_LIQUIDITY} when the book within the price band
 * runs out; a remainder stopped by self-trade prevention as {@link CancelReason#SELF_TRADE}.
 */
final class Matcher {
    private final EngineState state;
    private final Ledger ledger;

    Matcher(EngineState state, Ledger ledger) {
        this.state = state;
        this.ledger = ledger;
    }

    /** Match an accepted, live order, then run the stops it elected; stops wait for their trigger instead. */
    void activate(Order order) {
        order.wentLive = true;
        if (order.type.isStop() && !order.elected) {
            order.state = OrderState.STOP_WAITING;
            order.instrument.addStop(order);
        } else {
            matchAndElect(order);
        }
    }

    /** Sweep the book with {@code taker}, then trade every stop its trades elected (and theirs, in turn). */
    void matchAndElect(Order taker) {
        // Read before matching: a filled order goes back to the pool and forgets its instrument.
        InstrumentState instrument = taker.instrument;
        match(taker);
        instrument.electStops();
        for (Order elected = instrument.nextElected(); elected != null; elected = instrument.nextElected()) {
            state.sink.onEvent(new Event.OrderTriggered(elected.orderId, elected.electedAt,
                    elected.account.accountId));
            match(elected);
            instrument.electStops();
        }
    }

    /** Sweep the book with {@code taker}, then rest, cancel or retire it. Stops it elects wait in the queue. */
    private void match(Order taker) {
        InstrumentState instrument = taker.instrument;
        boolean buy = taker.isBuy();
        BookSide opposite = instrument.side(!buy);
        long limit = limitOf(taker);
        EventSink sink = state.sink;
        Side makerSide = taker.side.opposite();
        taker.state = OrderState.INCOMING;

        if (taker.timeInForce == TimeInForce.FOK && !canFillCompletely(taker, opposite, limit)) {
            endOfTaker(taker, CancelReason.FOK_NOT_FILLED);
            return;
        }

        boolean selfTradeStop = false;
        while (taker.leaves > 0) {
            PriceLevel level = opposite.best();
            if (level == null || (buy ? level.price > limit : level.price < limit)) {
                break;
            }
            Order maker = level.head;
            if (maker.account == taker.account) {
                SelfTradePrevention stp = taker.account.selfTradePrevention;
                sink.onEvent(new Event.ComplianceViolation(taker.account.accountId, taker.userId,
                        ComplianceKind.SELF_TRADE_PREVENTED, taker.orderId, ErrorCode.SELF_TRADE_PREVENTED));
                if (stp != SelfTradePrevention.CANCEL_NEWEST) {
                    cancel(maker, CancelReason.SELF_TRADE);
                }
                if (stp != SelfTradePrevention.CANCEL_OLDEST) {
                    selfTradeStop = true;
                    break;
                }
                continue;
            }
            long quantity = Math.min(taker.leaves, maker.visible);
            maker.visible -= quantity;
            maker.leaves -= quantity;
            level.visibleQuantity -= quantity;
            taker.leaves -= quantity;
            execute(maker, taker, level.price, quantity);
            if (maker.visible == 0) {
                if (maker.leaves > 0) {
                    // Iceberg refill: a new slice joins the back of the queue, losing time priority.
                    level.remove(maker);
                    maker.visible = Math.min(maker.displayQuantity, maker.leaves);
                    maker.prioritySeq = ++state.prioritySeq;
                    level.append(maker);
                } else {
                    opposite.remove(maker);
                    retire(maker);
                }
            }
            sink.bookDelta(instrument.id(), makerSide, level.price, level.visibleQuantity, level.orderCount);
        }

        if (taker.leaves == 0) {
            retire(taker);
        } else if (selfTradeStop) {
            endOfTaker(taker, CancelReason.SELF_TRADE);
        } else if (taker.timeInForce == TimeInForce.IOC || taker.timeInForce == TimeInForce.FOK) {
            endOfTaker(taker, CancelReason.IOC_REMAINDER);
        } else if (!taker.type.hasLimitPrice()) {
            endOfTaker(taker, CancelReason.NO_LIQUIDITY);
        } else {
            rest(taker);
        }
    }

    /** Would the order cross the opposite side at its price? Used by post-only checks. */
    boolean wouldCross(InstrumentState instrument, Side side, long price) {
        PriceLevel best = instrument.side(side != Side.BUY).best();
        return best != null && (side == Side.BUY ? best.price <= price : best.price >= price);
    }

    /** End a working order early wherever it is (book, stop list, approval queue), releasing its holds. */
    void cancel(Order order, CancelReason reason) {
        long leaves = order.leaves;
        removeFromMarket(order);
        state.sink.orderCancelled(order.orderId, order.account.accountId, leaves, reason);
        retire(order);
    }

    void expire(Order order) {
        long leaves = order.leaves;
        removeFromMarket(order);
        state.sink.onEvent(new com.bourse.protocol.Event.OrderExpired(order.orderId, order.account.accountId, leaves));
        retire(order);
    }

    /**
     * Release whatever the order still holds and forget it. An OCO leg that ends unfilled ends its group (the peer is
     * cancelled as {@link CancelReason#OCO_CANCELLED}); a bracket's entry that filled has its target and stop entered
     * after the command, for what it filled.
     */
    void retire(Order order) {
        Account account = order.account;
        InstrumentState instrument = order.instrument;
        Order peer = order.ocoPeer;
        boolean filled = order.leaves == 0;
        if (peer != null) {
            order.ocoPeer = null;
            peer.ocoPeer = null;
        }
        if (order.bracketTargetId != 0 && order.filled > 0) {
            // Names the entry so its legs keep their bracket (OrderDesk.enterDueBrackets enters them as a pair).
            state.dueBrackets.addLast(new Command.PlaceOco(state.now, order.userId, account.accountId,
                    instrument.id(), order.side.opposite(), order.timeInForce, order.filled, order.bracketTargetId,
                    order.bracketTargetPrice, order.bracketStopId, order.bracketStopPrice, order.orderId, 0));
        }
        if (order.isBuy()) {
            account.pendingBuy[instrument.assetIndex] -= order.leaves;
            ledger.release(account, instrument.currencyAssetIndex, order.held);
        } else {
            ledger.release(account, instrument.assetIndex, order.held);
        }
        order.held = 0;
        account.unlink(order);
        state.liveOrders.remove(order);
        state.pool.release(order);
        if (peer != null) {
            cancel(peer, filled ? CancelReason.OCO_FILLED : CancelReason.OCO_CANCELLED);
        }
    }

    private void removeFromMarket(Order order) {
        switch (order.state) {
            case RESTING -> {
                PriceLevel level = order.level;
                order.instrument.side(order.isBuy()).remove(order);
                state.sink.bookDelta(order.instrument.id(), order.side, level.price, level.visibleQuantity,
                        level.orderCount);
            }
            case STOP_WAITING -> order.instrument.removeStop(order);
            case INCOMING -> {
                if (order.elected) {
                    order.instrument.removeElected(order); // an OCO leg elected, ended before its turn
                }
            }
            case HELD -> {
            }
        }
    }

    private void endOfTaker(Order taker, CancelReason reason) {
        state.sink.orderCancelled(taker.orderId, taker.account.accountId, taker.leaves, reason);
        retire(taker);
    }

    private void rest(Order order) {
        order.state = OrderState.RESTING;
        order.visible = order.displayQuantity > 0 ? Math.min(order.displayQuantity, order.leaves) : order.leaves;
        order.prioritySeq = ++state.prioritySeq;
        BookSide side = order.instrument.side(order.isBuy());
        side.add(order);
        PriceLevel level = order.level;
        state.sink.bookDelta(order.instrument.id(), order.side, level.price, level.visibleQuantity,
                level.orderCount);
    }

    private long limitOf(Order order) {
        if (order.type.hasLimitPrice()) {
            return order.price;
        }
        // Market and triggered stop orders are protected by the band: they never trade outside it.
        return order.isBuy() ? order.instrument.highestPrice : order.instrument.lowestPrice;
    }

    /**
     * Exact look-ahead for fill-or-kill: walks the crossing levels as matching would. At a level holding one
     * of the taker's own orders (unless self-trades cancel the resting order) matching would stop there, after
     * taking only the visible slices queued ahead of it.
     */
    private boolean canFillCompletely(Order taker, BookSide opposite, long limit) {
        boolean buy = taker.isBuy();
        boolean skipsOwn = taker.account.selfTradePrevention == SelfTradePrevention.CANCEL_OLDEST;
        long needed = taker.leaves;
        for (PriceLevel level = opposite.best(); level != null; level = opposite.nextAfter(level)) {
            if (buy ? level.price > limit : level.price < limit) {
                return false;
            }
            long aheadOfOwn = 0;
            long levelTotal = 0;
            for (Order o = level.head; o != null; o = o.levelNext) {
                if (o.account == taker.account) {
                    if (!skipsOwn) {
                        return aheadOfOwn >= needed;
                    }
                    continue;
                }
                aheadOfOwn += o.visible;
                levelTotal += o.leaves;
            }
            needed -= levelTotal;
            if (needed <= 0) {
                return true;
            }
        }
        return false;
    }

    private void execute(Order maker, Order taker, long price, long quantity) {
        InstrumentState instrument = taker.instrument;
        Order buyer = taker.isBuy() ? taker : maker;
        Order seller = taker.isBuy() ? maker : taker;
        long tradeId = ++state.tradeSeq;
        state.sink.trade(tradeId, instrument.id(), price, quantity, taker.side, maker.orderId, taker.orderId,
                maker.account.accountId, taker.account.accountId, maker.leaves, taker.leaves, state.now);
        instrument.lastTradePrice = price;
        instrument.recordTrade(price);
        maker.filled += quantity;
        taker.filled += quantity;

        long divisor = instrument.notionalDivisor;
        // An OCO leg may hold less than it needs: its peer holds for both (one hold per group).
        borrowFromPeer(buyer, Math.ceilDiv(buyer.holdPrice * quantity, divisor));
        borrowFromPeer(seller, quantity);
        long cash = price * quantity / divisor;
        long release = buyer.leaves == 0 ? buyer.held
                : Math.min(buyer.held, Math.ceilDiv(buyer.holdPrice * quantity, divisor));
        buyer.held -= release;
        seller.held -= quantity;
        Account buyAccount = buyer.account;
        Account sellAccount = seller.account;
        buyAccount.pendingBuy[instrument.assetIndex] -= quantity;

        long journal = ledger.newJournal();
        int currency = instrument.currencyAssetIndex;
        int position = instrument.assetIndex;
        ledger.post(journal, buyAccount, currency, -cash, release);
        ledger.post(journal, sellAccount, currency, cash, 0);
        ledger.post(journal, buyAccount, position, quantity, 0);
        ledger.post(journal, sellAccount, position, -quantity, quantity);
        reducePeer(maker, quantity);
        reducePeer(taker, quantity);
    }

    /** Moves up to {@code needed} of an OCO peer's hold to {@code order} (bookkeeping: the account's hold is one). */
    private static void borrowFromPeer(Order order, long needed) {
        Order peer = order.ocoPeer;
        if (peer != null && order.held < needed) {
            long moved = Math.min(peer.held, needed - order.held);
            peer.held -= moved;
            order.held += moved;
        }
    }

    /**
     * A fill of one OCO leg takes as much off the other (which keeps its place); when the other has nothing left
     * it is cancelled as {@link CancelReason#OCO_FILLED}. The other leg is never on the side being swept: only the
     * target rests on the book, and a stop trades only as the taker.
     */
    private void reducePeer(Order leg, long quantity) {
        Order peer = leg.ocoPeer;
        if (peer == null) {
            return;
        }
        if (peer.leaves <= quantity) {
            leg.ocoPeer = null;
            peer.ocoPeer = null;
            cancel(peer, CancelReason.OCO_FILLED);
            return;
        }
        peer.leaves -= quantity;
        if (peer.isBuy()) {
            peer.account.pendingBuy[peer.instrument.assetIndex] -= quantity;
        }
        if (peer.state == OrderState.RESTING) {
            PriceLevel level = peer.level;
            long visible = peer.displayQuantity > 0 ? Math.min(peer.visible, peer.leaves) : peer.leaves;
            level.visibleQuantity -= peer.visible - visible;
            peer.visible = visible;
            state.sink.bookDelta(peer.instrument.id(), peer.side, level.price, level.visibleQuantity,
                    level.orderCount);
        }
        state.sink.orderReplaced(peer.orderId, peer.account.accountId, peer.price, peer.leaves, true,
                peer.stopPrice, peer.filled + peer.leaves);
    }

    static long notional(InstrumentState instrument, long price, long quantity) {
        return price * quantity / instrument.notionalDivisor;
    }

    static long buyHold(InstrumentState instrument, long price, long quantity) {
        return Math.ceilDiv(price * quantity, instrument.notionalDivisor);
    }

    static boolean isMarketLike(OrderType type) {
        return !type.hasLimitPrice();
    }
}
