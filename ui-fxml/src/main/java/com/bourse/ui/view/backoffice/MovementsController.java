package com.bourse.ui.view.backoffice;

import com.bourse.protocol.TransferState;
import com.bourse.ui.port.AccountDetail;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.Movement;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.port.MovementOutcome;
import com.bourse.ui.port.MovementStep;
import com.bourse.ui.port.MovementUpdate;
import com.bourse.ui.view.FieldDecorations;
import com.bourse.ui.view.FitColumns;
import com.bourse.ui.view.SearchablePickers;
import com.bourse.ui.view.Tables;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Cash movements: the entry form for deposits, withdrawals, transfers and payments (checked as typed by
 * {@link MovementForm}, the idempotency key shown, the venue's answer beside the field it concerns, a movement
 * held for review said so), and the list of movements by state with the chosen one's state history, cancel while
 * pending, and the bank's answer for a deposit or withdrawal in processing. FX thread only.
 */
public final class MovementsController {
    /** The list's state choice for every state at once. */
    static final String ALL = "All states";
    /** The form's narrowest and widest; between them it leaves the list the width its columns want. */
    private static final double FORM_MIN = 250;
    private static final double FORM_MAX = 440;
    /** The divider and the list's borders beside the table's own width. */
    private static final double LIST_CHROME = 12;

    @FXML private Parent root;
    @FXML private javafx.scene.control.SplitPane split;
    @FXML private javafx.scene.control.ScrollPane formScroll;
    @FXML private FlowPane kinds;
    @FXML private Label fromLabel;
    @FXML private ComboBox<AccountSummary> from;
    @FXML private Label fromError;
    @FXML private Label toLabel;
    @FXML private ComboBox<AccountSummary> to;
    @FXML private Label toError;
    @FXML private ComboBox<String> currency;
    @FXML private TextField amount;
    @FXML private Label currencyError;
    @FXML private Label amountError;
    @FXML private Label available;
    @FXML private VBox paymentFields;
    @FXML private TextField reference;
    @FXML private Label referenceError;
    @FXML private TextField fee;
    @FXML private Label feeError;
    @FXML private Label movementId;
    @FXML private Button send;
    @FXML private Label outcome;
    @FXML private ComboBox<String> stateFilter;
    @FXML private TextField filter;
    @FXML private TableView<Movement> list;
    @FXML private Label historyTitle;
    @FXML private TableView<MovementStep> history;
    @FXML private Button cancel;
    @FXML private Button settled;
    @FXML private Button failed;

    private final BackOfficeContext context;
    private final MovementForm form;
    private final Parent view;
    private final ToggleGroup kindGroup = new ToggleGroup();
    private final Map<MovementKind, ToggleButton> kindButtons = new EnumMap<>(MovementKind.class);
    private final ObservableList<Movement> movements = FXCollections.observableArrayList();
    private final Map<MovementForm.Field, Label> errors = new EnumMap<>(MovementForm.Field.class);
    private final FieldDecorations decorations = new FieldDecorations();
    private AccountDetail payer;
    private MovementForm.Check check;
    private boolean sending;
    private boolean refreshQueued;
    private AutoCloseable subscription;

    public MovementsController(BackOfficeContext context) {
        this.context = context;
        this.form = new MovementForm(context.currencyDigits(), context.desk()::newMovementId);
        this.view = Fxml.load("Movements.fxml", this);
    }

    public Parent view() {
        return view;
    }

    /**
     * The list's columns, shared with an account's page, each as wide as its text ({@link #fit}): the key, the kind,
     * the accounts from one to the other ("bank" where the kind has none), the amount with its currency (the code
     * padded so the figures line up), the fee, the state, the time in the trading zone the title names (the time of
     * day for today's rows), the reason of the latest state and a payment's reference.
     */
    static List<TableColumn<Movement, ?>> columns(BackOfficeContext context) {
        List<TableColumn<Movement, ?>> columns = new ArrayList<>();
        columns.add(Tables.numeric("mv-id", "Movement", 130, Movement::movementId, String::valueOf));
        columns.add(Tables.text("mv-kind", "Kind", 92, m -> m.kind().label()));
        columns.add(Tables.text("mv-route", "From → To", 100, m -> side(m.fromAccountId()) + " → "
                + side(m.toAccountId())));
        // The figures sort as figures (by amount, then currency), not as their text: "900.00" after "5,000.00".
        TableColumn<Movement, Movement> amount = Tables.numeric("mv-amount", "Amount", 170, m -> m,
                m -> context.money(m.amount(), m.currency()) + " " + padded(m.currency()));
        amount.setComparator(Comparator.comparingLong(Movement::amount).thenComparing(Movement::currency));
        columns.add(amount);
        TableColumn<Movement, Movement> fee = Tables.numeric("mv-fee", "Fee", 60, m -> m,
                m -> m.fee() == 0 ? "" : context.money(m.fee(), m.currency()));
        fee.setComparator(Comparator.comparingLong(Movement::fee).thenComparing(Movement::currency));
        columns.add(fee);
        columns.add(Tables.text("mv-state", "State", 100, m -> m.state().name()));
        columns.add(Tables.textWithTip("mv-reason", "Reason", 110, Movement::reason));
        columns.add(Tables.textWithTip("mv-ref", "Reference", 110, Movement::reference));
        // on two lines: the zone on one would make the column twice as wide as its times
        TableColumn<Movement, String> updated = Tables.text("mv-time", "Updated\n(" + context.zoneLabel() + ")", 100,
                m -> context.briefTime(m.updatedAt()));
        updated.getStyleClass().add("two-line-title");
        columns.add(updated);
        return columns;
    }

    private static String side(long accountId) {
        return accountId == 0 ? "bank" : Long.toString(accountId);
    }

    /** A currency or instrument code right-aligned in four places, so the amounts above and below line up. */
    private static String padded(String code) {
        return " ".repeat(Math.max(0, 4 - code.length())) + code;
    }

    /** The list's columns that give way on a narrow window, first to last (the state history says the reasons). */
    static final List<String> LIST_GIVES_WAY = List.of("mv-ref", "mv-reason", "mv-fee");
    /**
     * On an account's page, half a window wide, the key gives way too (the movements list has it), then the kind
     * (the accounts from one to the other say which way the money went).
     */
    static final List<String> PAGE_GIVES_WAY = List.of("mv-ref", "mv-reason", "mv-fee", "mv-id", "mv-kind");

    /**
     * A table of {@link #columns} never cuts a cell short nor scrolls sideways while its key, accounts, amount,
     * state and time fit: columns as wide as their text, those named in {@code giveWay} hidden in that order on a
     * table too narrow for all of them. Returns the fitter, whose wanted width the form gives way to.
     */
    static FitColumns<Movement> fit(TableView<Movement> table, List<String> giveWay) {
        List<TableColumn<Movement, ?>> columns = new ArrayList<>();
        for (String id : giveWay) {
            table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().ifPresent(columns::add);
        }
        return FitColumns.install(table, columns);
    }

    @FXML
    private void initialize() {
        root.setId("movementsPanel");
        for (MovementKind kind : MovementKind.values()) {
            ToggleButton button = new ToggleButton(kind.label());
            button.setId("kind-" + kind.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(kindGroup);
            button.setUserData(kind);
            // the chosen kind is filled with the accent colour in both themes; a label is never cut to "Dep…"
            button.getStyleClass().add("bo-kind");
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            kindButtons.put(kind, button);
            kinds.getChildren().add(button);
        }
        kindGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one kind is always chosen
                return;
            }
            kindChanged();
        });
        kindButtons.get(MovementKind.DEPOSIT).setSelected(true);
        StringConverter<AccountSummary> names = new StringConverter<>() {
            @Override
            public String toString(AccountSummary a) {
                return a == null ? "" : a.accountId() + "  " + a.name() + "  (" + a.ownerName() + ", " + a.currency()
                        + ")";
            }

            @Override
            public AccountSummary fromString(String s) {
                return null;
            }
        };
        from.setId("movementFrom");
        to.setId("movementTo");
        from.setConverter(names);
        to.setConverter(names);
        from.setItems(context.accounts());
        to.setItems(context.accounts());
        // a search given up (Escape, or closed without a choice) keeps the account and the currency chosen before
        SearchablePickers.onChoice(from, this::payerChanged);
        SearchablePickers.onChoice(to, a -> validate());
        currency.setId("movementCurrency");
        currency.valueProperty().addListener((obs, old, c) -> validate());
        amount.setId("movementAmount");
        fee.setId("movementFee");
        reference.setId("movementReference");
        for (TextField field : List.of(amount, fee, reference)) {
            field.textProperty().addListener((obs, old, text) -> validate());
            field.setOnAction(e -> send());
        }
        errors.put(MovementForm.Field.FROM, fromError);
        errors.put(MovementForm.Field.TO, toError);
        errors.put(MovementForm.Field.CURRENCY, currencyError);
        errors.put(MovementForm.Field.AMOUNT, amountError);
        errors.put(MovementForm.Field.FEE, feeError);
        errors.put(MovementForm.Field.REFERENCE, referenceError);
        decorations.follow(from, fromError);
        decorations.follow(to, toError);
        decorations.follow(currency, currencyError);
        decorations.follow(amount, amountError);
        decorations.follow(fee, feeError);
        decorations.follow(reference, referenceError);
        formScroll.setContent(FieldDecorations.host(formScroll.getContent()));
        fromError.setId("movementFromError");
        toError.setId("movementToError");
        amountError.setId("movementAmountError");
        currencyError.setId("movementCurrencyError");
        referenceError.setId("movementReferenceError");
        feeError.setId("movementFeeError");
        movementId.setId("movementKey");
        send.setId("movementSend");
        outcome.setId("movementOutcome");
        available.setId("movementAvailable");

        stateFilter.setId("movementStateFilter");
        stateFilter.getItems().add(ALL);
        for (TransferState state : TransferState.values()) {
            stateFilter.getItems().add(state.name());
        }
        stateFilter.setValue(TransferState.PENDING.name());
        stateFilter.valueProperty().addListener((obs, old, s) -> refresh());
        list.setId("movementList");
        list.getColumns().setAll(columns(context));
        Tables.show(list, movements, filter, "No movements in this state");
        FitColumns<Movement> fitted = fit(list, LIST_GIVES_WAY);
        // The form gives way first, down to its narrowest, so the list shows every column it can without cutting.
        formScroll.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(FORM_MIN,
                Math.min(FORM_MAX, split.getWidth() - fitted.wantedWidth().get() - LIST_CHROME)),
                split.widthProperty(), fitted.wantedWidth()));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, m) -> showHistory(m));
        history.setId("movementHistory");
        history.getColumns().setAll(List.of(
                Tables.atLeast(90, Tables.text("st-state", "State", 100, s -> s.state().name())),
                Tables.atLeast(60, Tables.textWithTip("st-reason", "Reason", 240, MovementStep::reason)),
                Tables.atLeast(60, Tables.text("st-by", "By", 120, MovementStep::actingUser)),
                Tables.atLeast(176, Tables.text("st-at", "At (" + context.zoneLabel() + ")", 180,
                        s -> context.time(s.at())))));
        // the reason column takes what is left, so "At" is never scrolled out of sight on a narrow window
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
        history.setPlaceholder(new Label("Choose a movement to see its states"));
        history.setFixedCellSize(24);
        cancel.setId("movementCancel");
        settled.setId("movementSettled");
        failed.setId("movementFailed");
        showHistory(null);
        kindChanged();
        subscription = context.desk().onMovement(this::heard);
    }

    /** Venue thread: one refresh per burst of changes. */
    private void heard(MovementUpdate update) {
        synchronized (this) {
            if (refreshQueued) {
                return;
            }
            refreshQueued = true;
        }
        Platform.runLater(() -> {
            synchronized (this) {
                refreshQueued = false;
            }
            refresh();
        });
    }

    public MovementKind kind() {
        return (MovementKind) kindGroup.getSelectedToggle().getUserData();
    }

    public void selectKind(MovementKind kind) {
        kindButtons.get(kind).setSelected(true);
    }

    private void kindChanged() {
        MovementKind kind = kind();
        fromLabel.setText(kind == MovementKind.DEPOSIT ? "Account to credit" : kind == MovementKind.PAYMENT
                ? "Payer's account" : "Account to debit");
        toLabel.setText(kind == MovementKind.PAYMENT ? "Payee's account" : "Account to credit");
        boolean between = kind.between();
        toLabel.setVisible(between);
        toLabel.setManaged(between);
        to.setVisible(between);
        to.setManaged(between);
        toError.setManaged(between);
        paymentFields.setVisible(kind == MovementKind.PAYMENT);
        paymentFields.setManaged(kind == MovementKind.PAYMENT);
        send.setText("Record " + kind.label().toLowerCase(Locale.ROOT));
        validate();
    }

    private void payerChanged(AccountSummary account) {
        payer = null;
        currency.getItems().setAll(MovementForm.currenciesOf(account, null));
        if (account != null) {
            currency.setValue(account.currency());
            loadPayer(account.accountId());
        }
        validate();
    }

    private void loadPayer(long accountId) {
        context.whenDone(context.desk().account(accountId), "Loading account " + accountId, detail -> {
            AccountSummary chosen = from.getValue();
            if (chosen == null || chosen.accountId() != accountId) {
                return;
            }
            payer = detail;
            String keep = currency.getValue();
            currency.getItems().setAll(MovementForm.currenciesOf(chosen, detail));
            currency.setValue(keep != null && currency.getItems().contains(keep) ? keep : chosen.currency());
            validate();
        });
    }

    /** Checks the form as it stands and shows each field's error beside it. */
    public MovementForm.Check validate() {
        if (kindGroup.getSelectedToggle() == null || errors.isEmpty()) {
            return null;
        }
        check = form.check(new MovementForm.Input(kind(), from.getValue(), to.getValue(), currency.getValue(),
                amount.getText(), fee.getText(), reference.getText()), payer);
        boolean typed = !amount.getText().isBlank();
        for (Map.Entry<MovementForm.Field, Label> e : errors.entrySet()) {
            // Missing choices are not shouted at before the person has typed anything.
            String error = check.error(e.getKey());
            e.getValue().setText(typed || e.getKey() == MovementForm.Field.AMOUNT ? error : "");
        }
        if (!typed) {
            amountError.setText("");
        }
        amount.getStyleClass().remove("invalid");
        if (typed && !check.error(MovementForm.Field.AMOUNT).isEmpty()) {
            amount.getStyleClass().add("invalid");
        }
        movementId.setText(Long.toString(form.movementId()));
        String code = currency.getValue();
        if (payer != null && code != null && kind().debits()) {
            available.setText("Available " + context.money(payer.cashOf(code).available(), code) + " " + code
                    + " (balance " + context.money(payer.cashOf(code).balance(), code) + ", held "
                    + context.money(payer.cashOf(code).held(), code) + ")");
        } else {
            available.setText("");
        }
        send.setDisable(sending || !check.ok());
        return check;
    }

    /** Sends the movement under the key shown; the venue's answer comes back beside the form. */
    @FXML
    public void send() {
        MovementForm.Check now = validate();
        if (now == null || !now.ok() || sending) {
            if (now != null && !now.ok()) {
                errors.forEach((field, label) -> label.setText(now.error(field)));
            }
            return;
        }
        sending = true;
        send.setDisable(true);
        outcome.getStyleClass().removeAll("bo-error", "bo-held", "bo-ok");
        outcome.setText("Sending movement " + now.request().movementId() + "…");
        context.whenDone(context.desk().request(now.request()), "Recording the movement", this::answered);
    }

    private void answered(MovementOutcome answer) {
        sending = false;
        form.answered(answer);
        outcome.setText(answer.message());
        outcome.getStyleClass().removeAll("bo-error", "bo-held", "bo-ok");
        com.bourse.protocol.ErrorCode reason = switch (answer) {
            case MovementOutcome.Recorded r when r.failed() -> r.reason();
            case MovementOutcome.Refused r -> r.reason();
            default -> null;
        };
        if (reason != null) {
            outcome.getStyleClass().add("bo-error");
            MovementForm.Field field = MovementForm.fieldOf(reason);
            if (field != null) {
                errors.get(field).setText(reason.description());
                if (field == MovementForm.Field.AMOUNT) {
                    amount.getStyleClass().add("invalid");
                }
            }
            send.setDisable(false);
        } else if (answer instanceof MovementOutcome.Recorded r && r.heldForReview()) {
            outcome.getStyleClass().add("bo-held");
            clearAmounts();
        } else if (answer instanceof MovementOutcome.NotSent) {
            outcome.getStyleClass().add("bo-error");
            outcome.setText(answer.message() + " — Record again to retry with the same key "
                    + form.movementId());
            send.setDisable(false);
        } else {
            outcome.getStyleClass().add("bo-ok");
            clearAmounts();
        }
        movementId.setText(Long.toString(form.movementId()));
        AccountSummary account = from.getValue();
        if (account != null) {
            loadPayer(account.accountId());
        }
        refresh();
    }

    private void clearAmounts() {
        amount.clear();
        fee.clear();
        reference.clear();
    }

    /** Reloads the list for the chosen state. */
    @FXML
    public void refresh() {
        String state = stateFilter.getValue();
        CompletableFuture<List<Movement>> load = ALL.equals(state) || state == null
                ? context.desk().movements(null) : context.desk().movements(TransferState.valueOf(state));
        context.whenDone(load, "Loading the movements", rows -> {
            Movement selected = list.getSelectionModel().getSelectedItem();
            movements.setAll(rows);
            if (selected != null) {
                movements.stream().filter(m -> m.movementId() == selected.movementId()).findFirst()
                        .ifPresentOrElse(m -> list.getSelectionModel().select(m), () -> showHistory(null));
            }
        });
    }

    private void showHistory(Movement m) {
        cancel.setDisable(m == null || m.state() != TransferState.PENDING);
        boolean bank = m != null && m.state() == TransferState.PROCESSING
                && (m.kind() == MovementKind.DEPOSIT || m.kind() == MovementKind.WITHDRAWAL);
        settled.setDisable(!bank);
        failed.setDisable(!bank);
        if (m == null) {
            historyTitle.setText("STATE HISTORY");
            history.getItems().clear();
            return;
        }
        // the reference too: on a narrow window the list gives its column up
        historyTitle.setText("STATE HISTORY OF " + m.kind().label().toUpperCase(Locale.ROOT) + " " + m.movementId()
                + (m.reference().isEmpty() ? "" : "  ·  " + m.reference()));
        context.whenDone(context.desk().history(m.movementId()), "Loading movement " + m.movementId(),
                steps -> history.getItems().setAll(steps));
    }

    @FXML
    public void cancelSelected() {
        Movement m = list.getSelectionModel().getSelectedItem();
        if (m == null || !context.confirm("Cancel movement", "Cancel " + m.kind().label().toLowerCase(Locale.ROOT)
                + " " + m.movementId() + " of " + context.money(m.amount(), m.currency()) + " " + m.currency() + "?")) {
            return;
        }
        context.whenDone(context.desk().cancel(m.movementId()), "Cancelling", this::told);
    }

    @FXML
    public void settledSelected() {
        bankAnswer(true);
    }

    @FXML
    public void failedSelected() {
        bankAnswer(false);
    }

    private void bankAnswer(boolean ok) {
        Movement m = list.getSelectionModel().getSelectedItem();
        if (m == null || !context.confirm(ok ? "Bank settled" : "Bank failed", "Record that the bank "
                + (ok ? "settled " : "failed ") + m.kind().label().toLowerCase(Locale.ROOT) + " " + m.movementId()
                + " of " + context.money(m.amount(), m.currency()) + " " + m.currency() + "?")) {
            return;
        }
        context.whenDone(context.desk().settle(m.movementId(), ok), "Recording the bank's answer", this::told);
    }

    private void told(MovementOutcome answer) {
        context.say(answer.message());
        refresh();
    }

    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                context.say("Stopping the movement updates failed: " + e.getMessage());
            }
        }
    }

    // ---- For tests and the window -------------------------------------------------------------------

    /** The fields' error marks. */
    public FieldDecorations decorations() {
        return decorations;
    }

    public ComboBox<AccountSummary> fromField() {
        return from;
    }

    public ComboBox<AccountSummary> toField() {
        return to;
    }

    public ComboBox<String> currencyField() {
        return currency;
    }

    public TextField amountField() {
        return amount;
    }

    public TextField feeField() {
        return fee;
    }

    public TextField referenceField() {
        return reference;
    }

    public Label amountError() {
        return amountError;
    }

    public Label outcome() {
        return outcome;
    }

    public Label key() {
        return movementId;
    }

    public Button sendButton() {
        return send;
    }

    public ComboBox<String> stateFilter() {
        return stateFilter;
    }

    public TextField filterField() {
        return filter;
    }

    public TableView<Movement> list() {
        return list;
    }

    public TableView<MovementStep> history() {
        return history;
    }

    public boolean payerLoaded() {
        return payer != null;
    }
}
