package com.bourse.ui.model;

import com.bourse.protocol.Event;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The desktop's ear on the venue thread. It keeps only what this trader's views show (book updates and
 * trades of every instrument, everything about the trader's own accounts and orders), folds book updates in
 * a {@link BookDeltaCoalescer} and queues the rest for the FX thread's next frame. It never touches a control.
 *
 * <p>A {@link #reload} (the session resynced) drops what is queued and hands the new snapshot to the next frame,
 * which loads it before any event that came after it; the frame drains under {@link #frameLock()} so a reload
 * never falls in the middle of one.
 *
 * <p>Thread-safe: the venue thread calls {@link #onEvent} and {@link #reload}, the FX thread drains.
 */
public final class EventInbox implements MarketFeed {
    private final Object frameLock = new Object();
    private volatile MarketSnapshot pendingReload;
    private final ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
    private final Set<Long> accounts;
    private final Set<Long> ownOrders = ConcurrentHashMap.newKeySet();
    private final BookDeltaCoalescer books = new BookDeltaCoalescer();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

    public EventInbox(Set<Long> accounts) {
        this.accounts = Set.copyOf(accounts);
    }

    /** Remember an order id before sending it, so a rejection that names no account still finds its way. */
    public void expectOrder(long orderId) {
        ownOrders.add(orderId);
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof Event.BookDelta delta) {
            books.offer(delta);
        } else if (wanted(event)) {
            events.add(event);
        }
    }

    private boolean wanted(Event event) {
        return switch (event) {
            case Event.Trade t -> true;
            case Event.InstrumentStatusChanged s -> true;
            case Event.OrderAccepted e -> accounts.contains(e.accountId());
            case Event.OrderRejected e -> accounts.contains(e.accountId()) || ownOrders.contains(e.orderId());
            case Event.OrderHeld e -> accounts.contains(e.accountId());
            case Event.OrderApproved e -> ownOrders.contains(e.orderId());
            case Event.OrderTriggered e -> ownOrders.contains(e.orderId());
            case Event.OrderCancelled e -> accounts.contains(e.accountId());
            case Event.OrderReplaced e -> accounts.contains(e.accountId());
            case Event.OrderExpired e -> accounts.contains(e.accountId());
            case Event.OcoLinked e -> accounts.contains(e.accountId());
            case Event.BalanceChanged e -> accounts.contains(e.accountId());
            case Event.RiskAlert e -> accounts.contains(e.accountId());
            case Event.KillSwitchChanged e -> accounts.contains(e.accountId());
            case Event.RiskLimitsChanged e -> accounts.contains(e.accountId());
            default -> false;
        };
    }

    @Override
    public void reload(MarketSnapshot snapshot) {
        synchronized (frameLock) {
            events.clear();
            books.clear();
            pendingReload = snapshot;
        }
    }

    @Override
    public void notice(String message) {
        notices.add(message);
    }

    /** Hands every queued notice to {@code say}, oldest first. */
    public void drainNotices(Consumer<String> say) {
        for (String n = notices.poll(); n != null; n = notices.poll()) {
            say.accept(n);
        }
    }

    /** The snapshot of the last reload not yet loaded, once; the FX thread calls it under {@link #frameLock()}. */
    public MarketSnapshot takeReload() {
        MarketSnapshot snapshot = pendingReload;
        pendingReload = null;
        return snapshot;
    }

    /** Held by the frame while it drains, and by {@link #reload}. */
    public Object frameLock() {
        return frameLock;
    }

    public BookDeltaCoalescer books() {
        return books;
    }

    /** Hands every queued event to {@code apply} in arrival order; returns how many. */
    public int drainEvents(Consumer<Event> apply) {
        int n = 0;
        for (Event e = events.poll(); e != null; e = events.poll()) {
            apply.accept(e);
            n++;
        }
        return n;
    }

    public int pendingEvents() {
        return events.size();
    }
}
