package com.bourse.ui.port;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One signed-in trader's line to the venue: the reference data they trade, their accounts, a way to send
 * commands and a stream of events that starts from a consistent snapshot. The views build commands from
 * the protocol types themselves; this port stamps nothing and decides nothing.
 *
 * <p>Thread-safe. Events arrive on the venue's thread, in order, notices on whichever thread found them out
 * (the venue's, the session's sending worker), and the feed must return quickly.
 */
public interface TradingSession extends AutoCloseable {

    TraderIdentity trader();

    VenueMode mode();

    ConnectionState connectionState();

    List<Currency> currencies();

    List<Instrument> instruments();

    List<AccountView> accounts();

    /** A fresh order id for the account, above every id it used before (the engine requires it). */
    long newOrderId(long accountId);

    /** Business time in epoch milliseconds for a command's timestamp. */
    long now();

    /**
     * Hand a command over for sending and return at once, without waiting on any disk or network (the FX thread
     * calls it): true means accepted for sending, false that nothing will be sent (the session is closed or its
     * outbox is full). The session checks and audits the command as the signed-in person and sends it afterwards,
     * on a worker of its own, in the order submitted; a command it then does not send (refused by those checks,
     * or a venue that would not take it) comes back to the connected feed as a {@link MarketFeed#notice} naming
     * it. What the venue makes of a sent command arrives as its events.
     */
    boolean submit(Command command);

    /**
     * Take a snapshot and start delivering every event that follows it to {@code feed}, with nothing
     * missed and nothing delivered twice; after a resync the feed gets a {@link MarketFeed#reload new snapshot}.
     */
    CompletableFuture<MarketSnapshot> connect(MarketFeed feed);

    /**
     * Every step of one of the trader's orders that the venue recorded before this session's feed started (the
     * snapshot of {@link #connect}), oldest first; the steps after it are the events the feed hears. Read off the
     * caller's thread: the FX thread may call it. A venue that keeps no order history answers
     * {@link KeptHistory#NOT_KEPT}; an order it does not know is a kept history with no steps.
     */
    default CompletableFuture<KeptHistory> orderHistory(long accountId, long orderId) {
        return CompletableFuture.completedFuture(KeptHistory.NOT_KEPT);
    }

    /** Submit-to-acknowledgement time of the venue's latest command, in nanoseconds (0 when unknown). */
    long lastLatencyNanos();

    /** Stops the event stream of this session; the venue itself keeps running. */
    @Override
    void close();
}
