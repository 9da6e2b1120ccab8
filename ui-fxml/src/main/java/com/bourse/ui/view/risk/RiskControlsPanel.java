package com.bourse.ui.view.risk;

import com.bourse.protocol.Instrument;
import com.bourse.ui.port.ControlImpact;
import com.bourse.ui.port.RiskSnapshot.RiskAccount;
import com.bourse.ui.view.Tables;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The desk's controls: the kill switch per account and for every account at once, halt and resume per
 * instrument, mass cancel by account and/or instrument. Each first counts what it would touch in the venue's
 * state and asks the officer to confirm that ("cancels 14 working orders of 3 accounts"); the command then goes
 * through the officer's audited session and the venue says the outcome on every window.
 *
 * <p>FX thread only.
 */
public final class RiskControlsPanel extends BorderPane {
    private final RiskContext context;
    private final TableView<RiskAccount> accounts = new TableView<>();
    private final TableView<InstrumentRow> instruments = new TableView<>();
    /**
     * The table's own copy of the desk's accounts: a kill switch or limit change replaces the account's record
     * in the desk's list, and a table whose row is replaced drops its selection (Release would then do
     * nothing). Mirroring lets the panel carry the selection over by account id.
     */
    private final ObservableList<RiskAccount> accountRows = FXCollections.observableArrayList();
    private final ObservableList<InstrumentRow> instrumentRows = FXCollections.observableArrayList();

    /** An instrument and whether it trades. */
    public record InstrumentRow(Instrument instrument, boolean halted) {
    }

    public RiskControlsPanel(RiskContext context) {
        this.context = context;
        getStyleClass().addAll("panel", "risk-controls");
        setId("riskControls");
        accounts.setId("controlAccounts");
        instruments.setId("controlInstruments");

        accounts.getColumns().setAll(List.of(
                Tables.numeric("account", "Account", 70, RiskAccount::accountId, String::valueOf),
                Tables.text("name", "Name", 150, RiskAccount::name),
                Tables.text("owner", "Owner", 110, a -> context.queue().userName(a.ownerUserId())),
                Tables.text("kill", "Kill switch", 90, a -> a.killSwitch() ? "ENGAGED" : "off")));
        accountRows.setAll(context.queue().accounts());
        accounts.setItems(accountRows);
        context.queue().accounts().addListener((ListChangeListener<RiskAccount>) change -> mirrorAccounts());
        accounts.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        accounts.setPlaceholder(new Label("No accounts"));
        accounts.setFixedCellSize(24);
        // Columns as wide as their text; in the narrow side pane of a 1024 px window the account's name gives way
        // (the number and the owner say whose it is) instead of every name and owner being cut to "Alice Ma…".
        com.bourse.ui.view.FitColumns.install(accounts,
                accounts.getColumns().stream().filter(c -> "name".equals(c.getId())).toList());
        accounts.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(RiskAccount item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("engaged"),
                        !empty && item != null && item.killSwitch());
            }
        });

        instruments.getColumns().setAll(List.of(
                Tables.text("symbol", "Instrument", 90, r -> r.instrument().symbol()),
                Tables.text("currency", "Ccy", 50, r -> r.instrument().currency()),
                Tables.text("status", "Status", 90, r -> r.halted() ? "HALTED" : "trading")));
        instruments.setItems(instrumentRows);
        instruments.setFixedCellSize(24);
        instruments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        refreshInstruments();
        context.queue().halted().addListener((SetChangeListener<Long>) change -> refreshInstruments());

        Button engage = button("engageKill", "Kill switch", this::engageSelected);
        Button release = button("releaseKill", "Release", this::releaseSelected);
        Button cancelAccount = button("cancelAccount", "Mass cancel account", this::massCancelSelectedAccounts);
        Button engageAll = button("engageAll", "Kill switch: every account", () -> killEvery(true));
        engageAll.getStyleClass().add("risk-reject");
        Button releaseAll = button("releaseAll", "Release every account", () -> killEvery(false));
        engage.getStyleClass().add("risk-reject");
        var noAccount = Bindings.isEmpty(accounts.getSelectionModel().getSelectedItems());
        engage.disableProperty().bind(noAccount);
        release.disableProperty().bind(noAccount);
        cancelAccount.disableProperty().bind(noAccount);
        FlowPane accountActions = new FlowPane(6, 6, engage, release, cancelAccount, engageAll, releaseAll);
        accountActions.setPadding(new Insets(6, 8, 6, 8));

        Button halt = button("haltInstrument", "Halt", () -> haltSelected(true));
        Button resume = button("resumeInstrument", "Resume", () -> haltSelected(false));
        Button cancelInstrument = button("cancelInstrument", "Mass cancel instrument",
                this::massCancelSelectedInstrument);
        halt.getStyleClass().add("risk-reject");
        var noInstrument = instruments.getSelectionModel().selectedItemProperty().isNull();
        halt.disableProperty().bind(noInstrument);
        resume.disableProperty().bind(noInstrument);
        cancelInstrument.disableProperty().bind(noInstrument);
        Label both = new Label("Select accounts and an instrument: mass cancel cancels only that instrument's "
                + "orders of those accounts");
        both.getStyleClass().add("muted");
        both.setWrapText(true);
        // Wrapped, never cut to "…": the sentence is the only place that says what the two selections do together.
        both.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        FlowPane instrumentActions = new FlowPane(6, 6, halt, resume, cancelInstrument);
        instrumentActions.setPadding(new Insets(6, 8, 6, 8));

        Label accountsTitle = new Label("Accounts");
        accountsTitle.getStyleClass().add("panel-title");
        Label instrumentsTitle = new Label("Instruments");
        instrumentsTitle.getStyleClass().add("panel-title");
        VBox top = new VBox(4, accountsTitle, accounts, accountActions);
        VBox bottom = new VBox(4, instrumentsTitle, instruments, instrumentActions, both);
        VBox.setVgrow(accounts, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(instruments, javafx.scene.layout.Priority.ALWAYS);
        top.setPadding(new Insets(4));
        bottom.setPadding(new Insets(4));
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("flat-button");
        button.setOnAction(e -> action.run());
        return button;
    }

    private void refreshInstruments() {
        InstrumentRow selected = instruments.getSelectionModel().getSelectedItem();
        instrumentRows.setAll(context.instruments().stream()
                .map(i -> new InstrumentRow(i, context.queue().halted().contains(i.id()))).toList());
        if (selected != null) {
            instrumentRows.stream().filter(r -> r.instrument().id() == selected.instrument().id()).findFirst()
                    .ifPresent(r -> instruments.getSelectionModel().select(r));
        }
    }

    /** Copies the desk's accounts into the table, keeping the selected and focused accounts by id. */
    private void mirrorAccounts() {
        Set<Long> selected = new HashSet<>(selectedAccounts());
        RiskAccount focused = accounts.getFocusModel().getFocusedItem();
        long focusedId = focused == null ? -1 : focused.accountId();
        accountRows.setAll(context.queue().accounts());
        accounts.getSelectionModel().clearSelection();
        for (int row = 0; row < accountRows.size(); row++) {
            if (selected.contains(accountRows.get(row).accountId())) {
                accounts.getSelectionModel().select(row);
            }
        }
        for (int row = 0; row < accountRows.size(); row++) {
            if (accountRows.get(row).accountId() == focusedId) {
                accounts.getFocusModel().focus(row);
            }
        }
    }

    /** Selects one account (a click through from the overview) and shows it. */
    public void selectAccount(long accountId) {
        for (int row = 0; row < accountRows.size(); row++) {
            if (accountRows.get(row).accountId() == accountId) {
                accounts.getSelectionModel().clearAndSelect(row);
                accounts.scrollTo(row);
                return;
            }
        }
    }

    private List<Long> selectedAccounts() {
        return accounts.getSelectionModel().getSelectedItems().stream().map(RiskAccount::accountId).toList();
    }

    // ---- Controls ---------------------------------------------------------------------------------------

    public void engageSelected() {
        List<Long> ids = selectedAccounts();
        if (!ids.isEmpty()) {
            kill(ids, true, "accounts " + ids);
        }
    }

    public void releaseSelected() {
        List<Long> ids = selectedAccounts();
        if (!ids.isEmpty()) {
            kill(ids, false, "accounts " + ids);
        }
    }

    /** The venue-wide switch: every account the desk knows. */
    public void killEvery(boolean engage) {
        List<Long> ids = context.queue().accounts().stream().map(RiskAccount::accountId).toList();
        kill(ids, engage, "every account (" + ids.size() + ")");
    }

    private void kill(List<Long> ids, boolean engage, String which) {
        if (!engage) {
            if (context.confirm("Release kill switch", "Release the kill switch of " + which
                    + "? Their owners can send orders again.")) {
                ids.forEach(id -> context.queue().killSwitch(id, false));
            }
            return;
        }
        ask(() -> context.queue().desk().impact(ids, 0), impact -> "Engage the kill switch of " + which + ": "
                + impact.cancels() + " and blocks their new orders until released.", "Engage kill switch",
                () -> ids.forEach(id -> context.queue().killSwitch(id, true)));
    }

    public void massCancelSelectedAccounts() {
        List<Long> ids = selectedAccounts();
        InstrumentRow row = instruments.getSelectionModel().getSelectedItem();
        long instrument = row == null ? 0 : row.instrument().id();
        if (ids.isEmpty()) {
            return;
        }
        String what = "accounts " + ids + (row == null ? "" : " in " + row.instrument().symbol());
        ask(() -> context.queue().desk().impact(ids, instrument), impact -> "Mass cancel of " + what + ": "
                + impact.cancels() + ".", "Mass cancel",
                () -> ids.forEach(id -> context.queue().massCancel(id, instrument, what)));
    }

    public void massCancelSelectedInstrument() {
        InstrumentRow row = instruments.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        List<Long> ids = selectedAccounts();
        if (!ids.isEmpty()) {
            massCancelSelectedAccounts();
            return;
        }
        String what = row.instrument().symbol() + " for every account";
        ask(() -> context.queue().desk().impact(List.of(), row.instrument().id()), impact -> "Mass cancel of "
                + what + ": " + impact.cancels() + ".", "Mass cancel",
                () -> context.queue().massCancel(0, row.instrument().id(), what));
    }

    public void haltSelected(boolean halt) {
        InstrumentRow row = instruments.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        Instrument i = row.instrument();
        if (!halt) {
            if (context.confirm("Resume trading", "Resume trading in " + i.symbol() + "?")) {
                context.queue().halt(i.id(), i.symbol(), false);
            }
            return;
        }
        ask(() -> context.queue().desk().impact(List.of(), i.id()), impact -> "Halt trading in " + i.symbol()
                + ": nothing trades and new orders are refused until resumed; its " + impact.workingOrders()
                + " working order" + (impact.workingOrders() == 1 ? "" : "s") + " of " + impact.accounts()
                + " account" + (impact.accounts() == 1 ? "" : "s") + " stay on the book.", "Halt instrument",
                () -> context.queue().halt(i.id(), i.symbol(), true));
    }

    /** Counts, asks, then acts, back on the FX thread. */
    private void ask(Supplier<CompletableFuture<ControlImpact>> count,
                     java.util.function.Function<ControlImpact, String> question, String title, Runnable act) {
        count.get().whenComplete((impact, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                context.say(title + ": cannot count what it affects: " + failure.getMessage());
                return;
            }
            if (context.confirm(title, question.apply(impact))) {
                act.run();
            }
        }));
    }

    // ---- For tests and the window -----------------------------------------------------------------------

    public TableView<RiskAccount> accounts() {
        return accounts;
    }

    public TableView<InstrumentRow> instruments() {
        return instruments;
    }
}
