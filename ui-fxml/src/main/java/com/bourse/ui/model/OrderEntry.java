package com.bourse.ui.model;

import com.bourse.protocol.Command;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.port.TradingSession;

/**
 * Turns a trader's intentions into commands: fresh ids, business time, the trader's user id, and a word to
 * the inbox so the answer finds its way back. Every method returns whether the venue took the command.
 * Thread-safe (the session is).
 */
public final class OrderEntry {
    private final TradingSession session;
    private final EventInbox inbox;
    /** Told of every new order before it goes (FX thread): a refusal then shows with what was sent. */
    private final java.util.function.Consumer<Command> sending;

    public OrderEntry(TradingSession session, EventInbox inbox) {
        this(session, inbox, c -> {
        });
    }

    public OrderEntry(TradingSession session, EventInbox inbox, java.util.function.Consumer<Command> sending) {
        this.session = session;
        this.inbox = inbox;
        this.sending = sending;
    }

    private boolean submitNew(Command command) {
        sending.accept(command);
        return session.submit(command);
    }

    /**
     * A one-cancels-other pair closing a position: a limit at {@code targetPrice} and a stop at {@code stopPrice},
     * both of {@code side} and {@code quantity}; returns the target's order id (the group's name) or -1.
     */
    public long placeOco(long accountId, Instrument instrument, Side side, TimeInForce tif, long quantity,
                         long targetPrice, long stopPrice) {
        long target = session.newOrderId(accountId);
        long stop = session.newOrderId(accountId);
        inbox.expectOrder(target);
        inbox.expectOrder(stop);
        return submitNew(new Command.PlaceOco(session.now(), session.trader().userId(), accountId, instrument.id(),
                side, tif, quantity, target, targetPrice, stop, stopPrice, 0, 0)) ? target : -1;
    }

    /**
     * A bracket: an entry limit order of {@code entrySide} at {@code entryPrice}, and once it has filled a target
     * and a stop on the other side for what it filled; returns the entry's order id or -1.
     */
    public long placeBracket(long accountId, Instrument instrument, Side entrySide, TimeInForce tif, long quantity,
                             long entryPrice, long targetPrice, long stopPrice) {
        long entryId = session.newOrderId(accountId);
        long target = session.newOrderId(accountId);
        long stop = session.newOrderId(accountId);
        inbox.expectOrder(entryId);
        inbox.expectOrder(target);
        inbox.expectOrder(stop);
        return submitNew(new Command.PlaceOco(session.now(), session.trader().userId(), accountId, instrument.id(),
                entrySide.opposite(), tif, quantity, target, targetPrice, stop, stopPrice, entryId, entryPrice))
                ? entryId : -1;
    }

    /** Sends a validated ticket; returns the order id, or -1 when the venue did not take it. */
    public long place(TicketCheck check) {
        long orderId = session.newOrderId(check.draft().accountId());
        inbox.expectOrder(orderId);
        Command.PlaceOrder command = check.toCommand(session.now(), session.trader().userId(), orderId);
        return submitNew(command) ? orderId : -1;
    }

    /** A GTC limit order, as the ladder places it; returns the order id or -1. */
    public long placeLimit(long accountId, Instrument instrument, Side side, long price, long quantity) {
        long orderId = session.newOrderId(accountId);
        inbox.expectOrder(orderId);
        return submitNew(new Command.PlaceOrder(session.now(), session.trader().userId(), orderId, accountId,
                instrument.id(), side, OrderType.LIMIT, TimeInForce.GTC, price, 0, quantity, 0, false)) ? orderId : -1;
    }

    /** Cancels a working order, named by its account and client order id (ids are unique per account only). */
    public boolean cancel(OrderRow order) {
        return session.submit(new Command.CancelOrder(session.now(), session.trader().userId(), order.orderId(),
                order.accountId()));
    }

    /** Cancels by client order id alone: the venue refuses it when another account has a working order so named. */
    public boolean cancel(long orderId) {
        return session.submit(new Command.CancelOrder(session.now(), session.trader().userId(), orderId));
    }

    /**
     * Amends a working limit order to {@code newPrice} and a new <em>total</em> order quantity, filled part
     * included (FIX OrderQty): the venue keeps what was filled and leaves {@code newTotalQuantity - filled} open,
     * and refuses a total at or below the filled quantity. To keep the order's size, send {@link OrderRow#quantity()}
     * (its total), never its open quantity, which would shrink it by what already filled.
     */
    public boolean amend(OrderRow order, long newPrice, long newTotalQuantity) {
        return session.submit(new Command.ReplaceOrder(session.now(), session.trader().userId(), order.orderId(),
                order.accountId(), newPrice, 0, newTotalQuantity));
    }

    /** Cancels the account's working orders, in one instrument or (instrumentId 0) in all. */
    public boolean cancelAll(long accountId, long instrumentId) {
        return session.submit(new Command.MassCancel(session.now(), session.trader().userId(), accountId,
                instrumentId));
    }

    /**
     * Closes the account's position in the instrument: cancels its working orders there (which frees the
     * position that sell orders held), then sells the whole position at market. There is no short selling,
     * so a flat or empty position sends only the cancel.
     */
    public boolean flatten(long accountId, Instrument instrument, long position) {
        boolean sent = cancelAll(accountId, instrument.id());
        if (position > 0) {
            long orderId = session.newOrderId(accountId);
            inbox.expectOrder(orderId);
            sent &= session.submit(Command.PlaceOrder.market(session.now(), session.trader().userId(), orderId,
                    accountId, instrument.id(), Side.SELL, position));
        }
        return sent;
    }
}
