package com.bourse.ui.model;

import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.TransferState;
import com.bourse.ui.port.RiskFeed;
import com.bourse.ui.port.RiskSnapshot;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The risk desk's ear on the venue thread: keeps what the desk shows (alerts, the end of held items, controls,
 * refusals) and drops the market's noise (book updates, trades, balances), so a busy market costs the FX thread
 * nothing here. An alert about a transfer travels with the transfer's state event the engine sent just before
 * it, which says what the transfer is. Thread-safe: the venue thread offers, the FX thread drains.
 */
public final class RiskInbox implements RiskFeed {
    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();
    /** Venue thread only. */
    private Event.TransferStateChanged lastTransfer;

    /** An alert and, for a transfer, its state event heard with it. */
    public record Alert(Event.RiskAlert alert, Event.TransferStateChanged transfer) {
    }

    /** A command refused on its way to the venue, and why. */
    public record NotSent(Command command, String reason) {
    }

    /** The desk's state anew after it lost the venue; what was queued before it is superseded. */
    public record Resync(RiskSnapshot snapshot) {
    }

    @Override
    public void notSent(Command command, String reason) {
        events.add(new NotSent(command, reason));
    }

    @Override
    public void resynced(RiskSnapshot snapshot) {
        events.add(new Resync(snapshot));
    }

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case Event.TransferStateChanged t -> {
                lastTransfer = t;
                if (t.state() != TransferState.PENDING) {
                    events.add(t);
                }
            }
            case Event.RiskAlert a -> {
                Event.TransferStateChanged transfer = lastTransfer != null && lastTransfer.transferId() == a.subjectId()
                        ? lastTransfer : null;
                events.add(new Alert(a, transfer));
            }
            case Event.OrderApproved e -> events.add(e);
            case Event.OrderRejected e -> events.add(e);
            case Event.OrderCancelled e -> events.add(e);
            case Event.OrderExpired e -> events.add(e);
            case Event.KillSwitchChanged e -> events.add(e);
            case Event.RiskLimitsChanged e -> events.add(e);
            case Event.InstrumentStatusChanged e -> events.add(e);
            case Event.CommandRejected e -> events.add(e);
            case Event.AccountOpened e -> events.add(e);
            default -> {
            }
        }
    }

    /**
     * Hands every queued event (an {@link Event}, an {@link Alert}, a {@link NotSent} or a {@link Resync}) to
     * {@code sink}, oldest first; FX thread.
     */
    public int drain(Consumer<Object> sink) {
        int n = 0;
        for (Object e; (e = events.poll()) != null; n++) {
            sink.accept(e);
        }
        return n;
    }

    public int pending() {
        return events.size();
    }
}
