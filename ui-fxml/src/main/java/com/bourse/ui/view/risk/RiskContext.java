package com.bourse.ui.view.risk;

import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.ui.model.ReviewQueue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * What the risk desk's panels share: the queue model, the reference data to show prices and amounts, where
 * messages go, and how a control asks the officer to confirm (a dialog on screen; a test may answer for them).
 * FX thread only.
 */
public final class RiskContext {
    private final ReviewQueue queue;
    private final Map<Long, Instrument> instruments = new LinkedHashMap<>();
    private final Map<String, Integer> digits = new HashMap<>();
    private final Consumer<String> say;
    private BiPredicate<String, String> confirmer = (title, text) -> true;
    private Runnable chime = HeldItemChime.systemBeep();
    private DeskNotifications.Popup popup;

    public RiskContext(ReviewQueue queue, List<Currency> currencies, List<Instrument> instrumentList,
                       Consumer<String> say) {
        this.queue = queue;
        this.say = say;
        currencies.forEach(c -> digits.put(c.code(), c.minorDigits()));
        instrumentList.forEach(i -> instruments.put(i.id(), i));
    }

    public ReviewQueue queue() {
        return queue;
    }

    public Instrument instrument(long id) {
        return instruments.get(id);
    }

    public List<Instrument> instruments() {
        return List.copyOf(instruments.values());
    }

    public String symbol(long instrumentId) {
        Instrument i = instruments.get(instrumentId);
        return i == null ? instrumentId == 0 ? "" : "#" + instrumentId : i.symbol();
    }

    /** Minor digits of a currency (2 when unknown); 0 for an instrument symbol (securities count whole units). */
    public int digits(String asset) {
        return digits.getOrDefault(asset, instruments.values().stream().anyMatch(i -> i.symbol().equals(asset)) ? 0
                : 2);
    }

    public void say(String text) {
        say.accept(text);
    }

    /** Asks the officer; true to go ahead. */
    public boolean confirm(String title, String text) {
        return confirmer.test(title, text);
    }

    /** The sound of a new held item, when the officer turned it on. */
    public Runnable chime() {
        return () -> chime.run();
    }

    /** What a new held item sounds like: the system's alert sound, or a test's counter. */
    public void setChime(Runnable chime) {
        this.chime = java.util.Objects.requireNonNull(chime, "chime");
    }

    /** Where the desk's notices go instead of the screen (a spec's list); null for the screen. */
    public DeskNotifications.Popup popup() {
        return popup;
    }

    public void setPopup(DeskNotifications.Popup popup) {
        this.popup = popup;
    }

    /** Who answers confirmations: the window's dialog, or a test. */
    public void setConfirmer(BiPredicate<String, String> confirmer) {
        this.confirmer = confirmer;
    }
}
