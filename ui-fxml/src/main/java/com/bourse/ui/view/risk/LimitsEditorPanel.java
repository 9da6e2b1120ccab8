package com.bourse.ui.view.risk;

import com.bourse.protocol.RiskLimits;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.AccountExposure;
import com.bourse.ui.port.RiskSnapshot.RiskAccount;
import com.bourse.ui.view.FieldDecorations;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

import java.util.ArrayList;
import java.util.List;

/**
 * An account's hard limits, edited: each field is checked as it is typed by the engine's own rule (a positive
 * whole number, an amount in the account's currency with at most its decimals, a price band in percent of the
 * reference price below 100, a review score from 0 to 1), the current value and the account's use of it stand
 * beside it, and Apply asks for confirmation listing what changes before the command goes through the officer's
 * audited session. The engine applies it to the account's next order. The account's own price band and review
 * threshold may be left empty: the instrument's band and the installation's threshold then apply.
 *
 * <p>FX thread only.
 */
public final class LimitsEditorPanel extends BorderPane {
    private static final String[] NAMES = {"Order quantity", "Order notional", "Position per instrument",
            "Orders per window", "Window (seconds)", "Price band (± %)", "Review threshold (score)"};
    private static final String[] IDS = {"limitQuantity", "limitNotional", "limitPosition", "limitRate",
            "limitWindow", "limitBand", "limitThreshold"};
    private static final int COUNT = NAMES.length;
    /** Rows whose value may be left empty (0): the instrument's band, the installation's threshold. */
    private static final int BAND = 5;
    private static final int THRESHOLD = 6;
    /** A band is typed in percent with at most 2 decimals (bps); a threshold as a score with at most 4 (bps). */
    private static final int BAND_DIGITS = 2;
    private static final int THRESHOLD_DIGITS = 4;

    private final RiskContext context;
    /** Searchable: an officer types part of the account's number or name instead of scrolling hundreds. */
    private final ComboBox<RiskAccount> account = new SearchableComboBox<>();
    private final TextField[] fields = new TextField[COUNT];
    private final Label[] current = new Label[COUNT];
    private final Label[] usage = new Label[COUNT];
    private final Label[] errors = new Label[COUNT];
    private final Button apply = new Button("Apply limits…");
    private final Label message = new Label();
    private final FieldDecorations decorations = new FieldDecorations();
    private AccountExposure exposure;

    public LimitsEditorPanel(RiskContext context) {
        this.context = context;
        getStyleClass().addAll("panel", "risk-limits");
        setId("limitsEditor");
        account.setId("limitsAccount");
        apply.setId("applyLimits");
        message.setId("limitsMessage");
        account.setItems(context.queue().accounts());
        account.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RiskAccount a) {
                return a == null ? "" : a.accountId() + "  " + a.name();
            }

            @Override
            public RiskAccount fromString(String s) {
                return null;
            }
        });
        account.setMaxWidth(Double.MAX_VALUE);
        com.bourse.ui.view.SearchablePickers.onChoice(account, this::load); // Escape keeps the account shown
        context.queue().accounts().addListener((ListChangeListener<RiskAccount>) change -> {
            RiskAccount shown = account.getValue();
            if (shown == null) {
                return;
            }
            context.queue().account(shown.accountId()).ifPresent(now -> {
                if (!now.equals(shown)) {
                    account.setValue(now); // the engine changed it: show what holds now
                }
            });
        });

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, muted("Limit"), muted("Now"), muted("New"), muted("In use"));
        for (int k = 0; k < COUNT; k++) {
            fields[k] = new TextField();
            fields[k].setId(IDS[k]);
            fields[k].setPrefColumnCount(10);
            fields[k].getStyleClass().add("numeric");
            current[k] = new Label();
            current[k].getStyleClass().add("numeric");
            usage[k] = new Label();
            usage[k].getStyleClass().add("numeric");
            usage[k].setWrapText(true);
            usage[k].setMaxWidth(170);
            current[k].setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            fields[k].setMinWidth(90);
            errors[k] = new Label();
            errors[k].getStyleClass().add("field-error");
            errors[k].setId(IDS[k] + "Error");
            Label name = new Label(NAMES[k]);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(1 + 2 * k, name, current[k], fields[k], usage[k]);
            grid.add(errors[k], 2, 2 + 2 * k, 2, 1);
            decorations.follow(fields[k], errors[k]);
            fields[k].textProperty().addListener((obs, old, text) -> validate());
            fields[k].setOnAction(e -> applyLimits());
        }
        apply.getStyleClass().add("risk-approve");
        apply.setOnAction(e -> applyLimits());
        fields[BAND].setPromptText("instrument's");
        fields[THRESHOLD].setPromptText("installation's");
        Label note = new Label("Notional is in minor units of the order's currency, shown with the account "
                + "currency's decimals. The price band is around each instrument's reference price, inside the "
                + "instrument's own band; an order scoring at or above the review threshold waits for an officer. "
                + "Leave either empty for the instrument's band and the installation's threshold. "
                + "A new limit applies from the account's next order.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        message.setWrapText(true);
        Label title = new Label("Account");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the searchable picker's field never cuts it
        VBox box = new VBox(10, new HBox(8, title, account), grid, new HBox(8, apply), message, note);
        HBox.setHgrow(account, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(8));
        // On a narrow screen the editor scrolls sideways rather than squeezing the figures it edits.
        box.setMinWidth(470);
        setCenter(new javafx.scene.control.ScrollPane(FieldDecorations.host(box)));
        ((javafx.scene.control.ScrollPane) getCenter()).setFitToWidth(true);
        load(null);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }

    /** Shows an account's limits (from a list selection elsewhere too). */
    public void select(long accountId) {
        context.queue().account(accountId).ifPresent(account::setValue);
    }

    private void load(RiskAccount a) {
        boolean none = a == null;
        for (int k = 0; k < COUNT; k++) {
            fields[k].setDisable(none);
        }
        if (none) {
            for (int k = 0; k < COUNT; k++) {
                fields[k].clear();
                current[k].setText("");
                usage[k].setText("");
            }
            apply.setDisable(true);
            return;
        }
        String[] values = texts(a.limits(), digits(a));
        for (int k = 0; k < COUNT; k++) {
            current[k].setText(values[k]);
            fields[k].setText(values[k].replace(",", ""));
        }
        if (a.limits().priceBandBps() == 0) {
            current[BAND].setText("instrument's");
        }
        if (a.limits().reviewThresholdBps() == 0) {
            current[THRESHOLD].setText("installation's");
        }
        exposure = null;
        showUsage(a);
        context.queue().desk().exposure(a.accountId()).whenComplete((e, failure) -> Platform.runLater(() -> {
            RiskAccount shown = account.getValue();
            if (failure == null && shown != null && shown.accountId() == e.accountId()) {
                exposure = e;
                showUsage(shown);
            }
        }));
        validate();
    }

    private void showUsage(RiskAccount a) {
        if (exposure == null) {
            for (Label u : usage) {
                u.setText("…");
            }
            return;
        }
        usage[0].setText("largest working " + Decimals.format(exposure.largestOrder(), 0));
        usage[1].setText("");
        usage[2].setText("worst reach " + Decimals.format(exposure.worstPosition(), 0));
        usage[3].setText(exposure.ordersInWindow() + " in this window");
        usage[4].setText("");
        usage[BAND].setText("");
        usage[THRESHOLD].setText("");
    }

    private int digits(RiskAccount a) {
        return context.digits(a.baseCurrency());
    }

    /** Each limit as the field shows it; an own band or threshold of 0 (none) as an empty field. */
    private static String[] texts(RiskLimits l, int digits) {
        return new String[]{Decimals.format(l.maxOrderQuantity(), 0), Decimals.format(l.maxOrderNotional(), digits),
                Decimals.format(l.maxPosition(), 0), String.valueOf(l.maxOrdersPerWindow()),
                String.valueOf(l.throttleWindowMillis() / 1000),
                l.priceBandBps() == 0 ? "" : Decimals.format(l.priceBandBps(), BAND_DIGITS),
                l.reviewThresholdBps() == 0 ? "" : Decimals.format(l.reviewThresholdBps(), THRESHOLD_DIGITS)};
    }

    /** What a field holds: its number in the field's units, or why it is wrong; an own band or threshold may be empty. */
    private Decimals.Parsed parse(int k, String text, RiskAccount a) {
        String t = text.replace(",", "").strip();
        return switch (k) {
            case 1 -> Decimals.parse(t, digits(a));
            case BAND -> t.isEmpty() ? new Decimals.Parsed.Value(0) : Decimals.parse(t, BAND_DIGITS);
            case THRESHOLD -> t.isEmpty() ? new Decimals.Parsed.Value(0) : Decimals.parse(t, THRESHOLD_DIGITS);
            default -> Decimals.parseWhole(t);
        };
    }

    /** The engine's rule for one field's value, or null when it holds. */
    private static String rule(int k, long units) {
        return switch (k) {
            case BAND -> units < 0 ? "Must not be negative"
                    : units > RiskLimits.MAX_BAND_BPS ? "Below 100%, or empty for the instrument's band" : null;
            case THRESHOLD -> units < 0 ? "Must not be negative"
                    : units > RiskLimits.MAX_THRESHOLD_BPS ? "A score of at most 1, or empty for the installation's"
                    : null;
            case 3 -> units <= 0 ? "Must be above zero" : units > Integer.MAX_VALUE ? "At most " + Integer.MAX_VALUE
                    : null;
            case 4 -> units <= 0 ? "Must be above zero" : units > Long.MAX_VALUE / 1000 ? "Too long a window" : null;
            default -> units <= 0 ? "Must be above zero" : null;
        };
    }

    /** The limits as typed, or null with each wrong field's message shown. */
    private RiskLimits validate() {
        RiskAccount a = account.getValue();
        if (a == null) {
            return null;
        }
        long[] values = new long[COUNT];
        boolean ok = true;
        for (int k = 0; k < COUNT; k++) {
            Decimals.Parsed parsed = parse(k, fields[k].getText(), a);
            String error = null;
            if (parsed instanceof Decimals.Parsed.Invalid invalid) {
                error = invalid.message();
            } else if (parsed instanceof Decimals.Parsed.Value value) {
                values[k] = value.units();
                error = rule(k, value.units());
            }
            errors[k].setText(error == null ? "" : error);
            fields[k].pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), error != null);
            ok &= error == null;
        }
        RiskLimits limits = ok ? new RiskLimits(values[0], values[1], values[2], (int) values[3], values[4] * 1000,
                (int) values[BAND], (int) values[THRESHOLD]) : null;
        boolean valid = limits != null && limits.isValid();
        apply.setDisable(!valid || limits.equals(a.limits()));
        return valid ? limits : null;
    }

    public void applyLimits() {
        RiskAccount a = account.getValue();
        RiskLimits limits = validate();
        if (a == null || limits == null) {
            message.setText("Correct the marked fields first");
            return;
        }
        if (limits.equals(a.limits())) {
            message.setText("Nothing changed");
            return;
        }
        String[] before = texts(a.limits(), digits(a));
        String[] after = texts(limits, digits(a));
        List<String> changes = new ArrayList<>();
        for (int k = 0; k < COUNT; k++) {
            if (!before[k].equals(after[k])) {
                changes.add(NAMES[k] + ": " + shown(k, before[k]) + " → " + shown(k, after[k]));
            }
        }
        if (!context.confirm("Change limits", "Set the limits of account " + a.accountId() + " (" + a.name()
                + "):\n" + String.join("\n", changes) + "\nThey apply from its next order.")) {
            return;
        }
        String refused = context.queue().setLimits(a.accountId(), limits);
        message.setText(refused == null ? "New limits for account " + a.accountId() + " sent" : refused);
    }

    /** A value for the confirmation: an empty band or threshold is the instrument's or the installation's. */
    private static String shown(int k, String text) {
        if (!text.isEmpty()) {
            return text;
        }
        return k == BAND ? "the instrument's" : k == THRESHOLD ? "the installation's" : text;
    }

    public ComboBox<RiskAccount> account() {
        return account;
    }

    public TextField field(int k) {
        return fields[k];
    }

    public Label error(int k) {
        return errors[k];
    }

    /** The fields' error marks. */
    public FieldDecorations decorations() {
        return decorations;
    }

    public Button applyButton() {
        return apply;
    }
}
