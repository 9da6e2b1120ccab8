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
 * <p>Thread-safe. Events arrive on the venue's thread, in order, and the sink must return quickly.
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

    /** Queue a command; false when the venue cannot take it right now (nothing was sent). */
    boolean submit(Command command);

    /**
     * Take a snapshot and start delivering every event that follows it to {@code feed}, with nothing
     * missed and nothing delivered twice; after a resync the feed gets a {@link MarketFeed#reload new snapshot}.
     */
    CompletableFuture<MarketSnapshot> connect(MarketFeed feed);

    /** Submit-to-last-event time of the venue's latest command, in nanoseconds (0 when unknown). */
    long lastLatencyNanos();

    /** Stops the event stream of this session; the venue itself keeps running. */
    @Override
    void close();
}
