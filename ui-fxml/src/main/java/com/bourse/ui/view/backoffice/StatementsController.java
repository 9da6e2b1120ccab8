package com.bourse.ui.view.backoffice;

import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.BackOfficeDesk;
import com.bourse.ui.port.StatementView;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.view.Tables;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Statements: an account's asset between two trade dates — opening balance, every posting, closing balance and the
 * reconciliation (opening + postings = closing) spelled out, a mismatch shown in red; export to CSV and PDF.
 * FX thread only.
 */
public final class StatementsController {
    @FXML private Parent root;
    @FXML private ComboBox<AccountSummary> account;
    @FXML private ComboBox<String> asset;
    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private Button show;
    @FXML private Button csv;
    @FXML private Button pdf;
    @FXML private Label opening;
    @FXML private Label postings;
    @FXML private Label closing;
    @FXML private Label reconciliation;
    @FXML private TableView<StatementTable.Row> table;

    private final BackOfficeContext context;
    private final Parent view;
    private StatementView statement;

    public StatementsController(BackOfficeContext context) {
        this.context = context;
        this.view = Fxml.load("Statements.fxml", this);
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void initialize() {
        root.setId("statementsPanel");
        account.setId("statementAccount");
        asset.setId("statementAsset");
        from.setId("statementFrom");
        to.setId("statementTo");
        show.setId("statementShow");
        csv.setId("statementCsv");
        pdf.setId("statementPdf");
        reconciliation.setId("statementReconciliation");
        opening.setId("statementOpening");
        closing.setId("statementClosing");
        table.setId("statementTable");
        account.setItems(context.accounts());
        account.setConverter(new StringConverter<>() {
            @Override
            public String toString(AccountSummary a) {
                return a == null ? "" : a.accountId() + "  " + a.name();
            }

            @Override
            public AccountSummary fromString(String s) {
                return null;
            }
        });
        // a search given up (Escape, or closed without a choice) keeps the account and the asset chosen before
        com.bourse.ui.view.SearchablePickers.onChoice(account, this::assetsOf);
        com.bourse.ui.view.SearchablePickers.restoreOnEscape(asset);
        BackOfficeContext.isoDates(from);
        BackOfficeContext.isoDates(to);
        from.setValue(context.desk().today().withDayOfMonth(1));
        to.setValue(context.desk().today());
        table.getColumns().setAll(List.of(
                Tables.text("st-time", "Date and time (" + context.zoneLabel() + ")", 200, StatementTable.Row::dateTime),
                // wide enough for a movement's whole reference: its kind and a 15-digit idempotency key
                Tables.text("st-ref", "Reference", 260, StatementTable.Row::reference),
                Tables.numeric("st-journal", "Journal", 80, StatementTable.Row::journal, s -> s),
                Tables.numeric("st-amount", "Amount", 130, StatementTable.Row::amount, s -> s),
                Tables.numeric("st-balance", "Balance", 140, StatementTable.Row::balance, s -> s)));
        table.setFixedCellSize(24);
        table.setPlaceholder(new Label("Choose an account, an asset and the dates, then Show"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StatementTable.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("bo-summary-row");
                if (!empty && row != null && row.summary()) {
                    getStyleClass().add("bo-summary-row");
                }
            }
        });
        csv.setDisable(true);
        pdf.setDisable(true);
    }

    private void assetsOf(AccountSummary a) {
        // The choice goes before the list: clearing the list under a chosen asset broke the combo box's selection
        // (an IndexOutOfBoundsException on the FX thread) when the clerk changed account.
        asset.setValue(null);
        asset.getItems().clear();
        if (a == null) {
            return;
        }
        context.whenDone(context.desk().account(a.accountId()), "Loading account " + a.accountId(), detail -> {
            List<String> assets = new ArrayList<>(MovementForm.currenciesOf(a, detail));
            detail.positions().forEach(p -> assets.add(p.symbol()));
            asset.getItems().setAll(assets);
            asset.setValue(a.currency());
        });
    }

    /** Reads the statement for the choices made. */
    @FXML
    public void show() {
        AccountSummary a = account.getValue();
        if (a == null || asset.getValue() == null || from.getValue() == null || to.getValue() == null) {
            reconciliation.setText("Choose an account, an asset and both dates");
            return;
        }
        if (to.getValue().isBefore(from.getValue())) {
            reconciliation.setText("The end date " + to.getValue() + " is before the start " + from.getValue());
            return;
        }
        String outside = context.desk().statementsOutside(from.getValue(), to.getValue());
        if (outside != null) {
            showNone(outside);
            return;
        }
        context.desk().statement(a.accountId(), asset.getValue(), from.getValue(), to.getValue())
                .whenComplete((s, failure) -> Platform.runLater(() -> {
                    if (failure == null) {
                        showStatement(s);
                    } else {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        showNone(cause.getMessage());
                    }
                }));
    }

    /**
     * No statement for the choices: why, in the panel itself (a live desk's dates before what the production engine
     * keeps, a refusal), rather than an empty table.
     */
    private void showNone(String why) {
        statement = null;
        opening.setText("");
        postings.setText("");
        closing.setText("");
        reconciliation.setText(why);
        reconciliation.getStyleClass().removeAll("bo-ok", "bo-error");
        reconciliation.getStyleClass().add("bo-error");
        table.getItems().clear();
        Label placeholder = new Label(why);
        placeholder.setWrapText(true);
        placeholder.setId("statementOutside");
        table.setPlaceholder(placeholder);
        csv.setDisable(true);
        pdf.setDisable(true);
    }

    private void showStatement(StatementView s) {
        statement = s;
        opening.setText(Decimals.format(s.openingBalance(), s.digits()) + " " + s.asset());
        postings.setText(s.lines().size() + " totalling "
                + Decimals.format(s.openingPlusPostings() - s.openingBalance(), s.digits()));
        closing.setText(Decimals.format(s.closingBalance(), s.digits()) + " " + s.asset());
        reconciliation.setText(StatementTable.reconciliation(s));
        reconciliation.getStyleClass().removeAll("bo-ok", "bo-error");
        reconciliation.getStyleClass().add(s.reconciles() ? "bo-ok" : "bo-error");
        table.setPlaceholder(new Label("No postings in these dates"));
        table.getItems().setAll(StatementTable.rows(s, context.zone(), BackOfficeContext.TIME));
        csv.setDisable(false);
        pdf.setDisable(false);
    }

    @FXML
    public void exportCsv() {
        ask(BackOfficeDesk.ExportFormat.CSV, "CSV files", "*.csv", file -> export(BackOfficeDesk.ExportFormat.CSV,
                file));
    }

    @FXML
    public void exportPdf() {
        ask(BackOfficeDesk.ExportFormat.PDF, "PDF files", "*.pdf", file -> export(BackOfficeDesk.ExportFormat.PDF,
                file));
    }

    private void ask(BackOfficeDesk.ExportFormat format, String what, String pattern, Consumer<Path> then) {
        if (statement == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the statement");
        chooser.setInitialFileName("statement-" + statement.accountId() + "-" + statement.asset() + "-"
                + statement.from() + "-" + statement.to() + "." + format.name().toLowerCase(java.util.Locale.ROOT));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File file = chooser.showSaveDialog(context.owner());
        if (file != null) {
            then.accept(file.toPath());
        }
    }

    /** Writes the statement on screen to {@code file}; {@code then} runs on the FX thread once it is written. */
    public void export(BackOfficeDesk.ExportFormat format, Path file, Runnable then) {
        if (statement == null) {
            context.say("Show a statement first");
            return;
        }
        context.whenDone(context.desk().export(statement, format, file), "Exporting the statement", written -> {
            context.say("Statement of account " + statement.accountId() + " written to " + written);
            then.run();
        });
    }

    private void export(BackOfficeDesk.ExportFormat format, Path file) {
        export(format, file, () -> { });
    }

    // ---- For tests ---------------------------------------------------------------------------------

    public ComboBox<AccountSummary> accountField() {
        return account;
    }

    public ComboBox<String> assetField() {
        return asset;
    }

    public DatePicker fromField() {
        return from;
    }

    public DatePicker toField() {
        return to;
    }

    public TableView<StatementTable.Row> table() {
        return table;
    }

    public Label reconciliation() {
        return reconciliation;
    }

    public StatementView statement() {
        return statement;
    }
}
