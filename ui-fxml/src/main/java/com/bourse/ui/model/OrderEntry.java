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

    public OrderEntry(TradingSession session, EventInbox inbox) {
        this.session = session;
        this.inbox = inbox;
    }

    /** Sends a validated ticket; returns the order id, or -1 when the venue did not take it. */
    public long place(TicketCheck check) {
        long orderId = session.newOrderId(check.draft().accountId());
        inbox.expectOrder(orderId);
        Command.PlaceOrder command = check.toCommand(session.now(), session.trader().userId(), orderId);
        return session.submit(command) ? orderId : -1;
    }

    /** A GTC limit order, as the ladder places it; returns the order id or -1. */
    public long placeLimit(long accountId, Instrument instrument, Side side, long price, long quantity) {
        long orderId = session.newOrderId(accountId);
        inbox.expectOrder(orderId);
        return session.submit(new Command.PlaceOrder(session.now(), session.trader().userId(), orderId, accountId,
                instrument.id(), side, OrderType.LIMIT, TimeInForce.GTC, price, 0, quantity, 0, false)) ? orderId : -1;
    }

    public boolean cancel(long orderId) {
        return session.submit(new Command.CancelOrder(session.now(), session.trader().userId(), orderId));
    }

    public boolean replace(long orderId, long newPrice, long newQuantity) {
        return session.submit(new Command.ReplaceOrder(session.now(), session.trader().userId(), orderId, newPrice,
                newQuantity));
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
