package com.bourse.ui.view.backoffice;

import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.BackOfficeDesk;
import com.bourse.ui.port.ClerkDesk;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.DatePicker;
import javafx.util.converter.LocalDateStringConverter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the books' panels share beside the {@link PanelContext}: the desk port and the reference data to show
 * amounts. FX thread only.
 */
public final class BackOfficeContext extends PanelContext {
    /** Statement and movement times, to the millisecond, as the CSV export writes them. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter BRIEF_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * Shows and reads {@code picker}'s date as 2026-12-04, as the statements, reports and exports write dates (the
     * locale's 12/4/2026 beside them reads as another format, or another day).
     */
    public static void isoDates(DatePicker picker) {
        picker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setPromptText("yyyy-mm-dd");
    }

    private final ClerkDesk desk;
    private final Map<String, Integer> digits = new HashMap<>();
    private final Map<Long, Instrument> instruments = new LinkedHashMap<>();
    private final ObservableList<AccountSummary> accounts = FXCollections.observableArrayList();

    public BackOfficeContext(ClerkDesk desk, Consumer<String> say) {
        super(say);
        this.desk = desk;
        for (Currency c : desk.currencies()) {
            digits.put(c.code(), c.minorDigits());
        }
        for (Instrument i : desk.instruments()) {
            instruments.put(i.id(), i);
        }
    }

    /** The clerk's desk: accounts, movements, statements. */
    public ClerkDesk desk() {
        return desk;
    }

    /**
     * The whole back office's desk (users and roles, end of day) when this desk is one (the simulation's); empty
     * for a desk that serves the clerk only (live), whose panels then offer nothing else.
     */
    public Optional<BackOfficeDesk> office() {
        return desk instanceof BackOfficeDesk office ? Optional.of(office) : Optional.empty();
    }

    /** Every account as last loaded; the panels' account choosers show it. */
    public ObservableList<AccountSummary> accounts() {
        return accounts;
    }

    public Optional<AccountSummary> account(long accountId) {
        return accounts.stream().filter(a -> a.accountId() == accountId).findFirst();
    }

    /** Loads the account list again; {@code then} runs once it is in. */
    public void reloadAccounts(Runnable then) {
        whenDone(desk.accounts(), "Loading the accounts", list -> {
            accounts.setAll(list);
            then.run();
        });
    }

    /** Minor digits by currency code. */
    public Map<String, Integer> currencyDigits() {
        return Map.copyOf(digits);
    }

    /** Decimals of an asset: a currency's minor digits, 0 for an instrument (positions count whole units). */
    public int digits(String asset) {
        return digits.getOrDefault(asset, 0);
    }

    public boolean isCurrency(String asset) {
        return digits.containsKey(asset);
    }

    public List<String> currencyCodes() {
        return desk.currencies().stream().map(Currency::code).toList();
    }

    public Instrument instrument(long id) {
        return instruments.get(id);
    }

    public String symbol(long instrumentId) {
        Instrument i = instruments.get(instrumentId);
        return i == null ? "#" + instrumentId : i.symbol();
    }

    public String money(long minor, String currency) {
        return Decimals.format(minor, digits(currency));
    }

    public String price(long instrumentId, long price) {
        Instrument i = instruments.get(instrumentId);
        return i == null ? Long.toString(price) : Decimals.format(price, i.priceScale());
    }

    public ZoneId zone() {
        return desk.tradingZone();
    }

    /**
     * The trading zone as a clerk reads it ("Europe/Paris"): back-office times are the venue's, not the machine's,
     * so every time column names its zone rather than look an hour off the status bar's clock.
     */
    public String zoneLabel() {
        return desk.tradingZone().getId();
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : TIME.format(at.atZone(desk.tradingZone()));
    }

    /**
     * A list's short time: the time of day for today's rows, the date for older ones (the whole time stays in the
     * row's history), so a list fits a 1024-pixel window.
     */
    public String briefTime(java.time.Instant at) {
        if (at == null) {
            return "";
        }
        java.time.ZonedDateTime t = at.atZone(desk.tradingZone());
        return t.toLocalDate().equals(desk.today()) ? BRIEF_TIME.format(t) : java.time.format.DateTimeFormatter
                .ISO_LOCAL_DATE.format(t);
    }
}
