package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.EventInbox;
import com.bourse.ui.model.OrderEntry;
import com.bourse.ui.model.OrderConfirmation;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.theme.ThemeManager;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.function.Predicate;

/**
 * What the panels of one trader's window share: the session, the projected desk, the frame loop, the
 * instrument and account in focus (the ticket, ladder and chart follow it) and the confirmation threshold. FX thread only.
 */
public final class WorkstationContext {
    private final TradingSession session;
    private final DeskState desk;
    private final EventInbox inbox;
    private final OrderEntry entry;
    private final FrameLoop frames;
    private final ThemeManager themes;
    private final ObjectProperty<Instrument> instrument = new SimpleObjectProperty<>(this, "instrument");
    private final ObjectProperty<AccountView> account = new SimpleObjectProperty<>(this, "account");
    private final LongProperty confirmAboveNotional = new SimpleLongProperty(this, "confirmAboveNotional", 50_000);
    private Predicate<OrderConfirmation> confirmer = question -> true;

    public WorkstationContext(TradingSession session, DeskState desk, EventInbox inbox, FrameLoop frames,
                              ThemeManager themes) {
        this.session = session;
        this.desk = desk;
        this.inbox = inbox;
        this.entry = new OrderEntry(session, inbox, desk::sending);
        this.frames = frames;
        this.themes = themes;
        if (!desk.instruments().isEmpty()) {
            instrument.set(desk.instruments().getFirst());
        }
        if (!desk.accounts().isEmpty()) {
            account.set(desk.accounts().getFirst());
        }
    }

    public TradingSession session() {
        return session;
    }

    public DeskState desk() {
        return desk;
    }

    public EventInbox inbox() {
        return inbox;
    }

    public OrderEntry entry() {
        return entry;
    }

    public FrameLoop frames() {
        return frames;
    }

    public ThemeManager themes() {
        return themes;
    }

    public ObjectProperty<Instrument> instrumentProperty() {
        return instrument;
    }

    public Instrument instrument() {
        return instrument.get();
    }

    public ObjectProperty<AccountView> accountProperty() {
        return account;
    }

    public AccountView account() {
        return account.get();
    }

    /** Orders worth more than this many whole currency units ask for confirmation first. */
    public LongProperty confirmAboveNotionalProperty() {
        return confirmAboveNotional;
    }

    /** Asks the trader to confirm a large order, naming all of it; true to send. */
    public boolean confirm(OrderConfirmation question) {
        return confirmer.test(question);
    }

    /** Who answers: the window's dialog, or a test. */
    public void setConfirmer(Predicate<OrderConfirmation> confirmer) {
        this.confirmer = confirmer;
    }
}
