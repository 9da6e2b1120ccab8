package com.bourse.ui.view.risk;

import com.bourse.ui.port.AuditCheck;
import com.bourse.ui.port.AuditLine;
import com.bourse.ui.port.AuditSearch;
import com.bourse.ui.view.Tables;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit viewer: search the trail by user, action, subject and time range (newest first), verify its hash
 * chain and signed head and see the first broken entry, export the selected entries (all shown when none is
 * selected) to CSV. Reads go through the desk, off the FX thread.
 *
 * <p>FX thread only.
 */
public final class AuditViewerPanel extends BorderPane {
    static final int SHOWN = 1_000;
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");

    private final RiskContext context;
    private final ZoneId zone;
    private final TextField user = field("auditUser", "User", 90);
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField subject = field("auditSubject", "Subject, e.g. account:1001", 190);
    private final TextField from = field("auditFrom", "From yyyy-MM-dd HH:mm", 180);
    private final TextField until = field("auditUntil", "Until yyyy-MM-dd HH:mm", 180);
    private final TableView<AuditLine> table = new TableView<>();
    private final ObservableList<AuditLine> rows = FXCollections.observableArrayList();
    private final Label verdict = new Label("Not verified yet");
    private final Label brokenEntry = new Label();
    private final Label message = new Label();
    private long brokenSeq;

    public AuditViewerPanel(RiskContext context, ZoneId zone) {
        this.context = context;
        this.zone = zone;
        getStyleClass().addAll("panel", "audit-viewer");
        setId("auditViewer");
        table.setId("auditTable");
        action.setId("auditAction");
        verdict.setId("auditVerdict");
        brokenEntry.setId("auditBrokenEntry");
        message.setId("auditMessage");

        List<String> actions = new ArrayList<>();
        actions.add("");
        actions.addAll(context.queue().desk().auditActions());
        action.getItems().setAll(actions);
        action.setPromptText("Any action");
        action.setPrefWidth(170);
        action.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || item.isEmpty() ? "Any action" : item);
            }
        });

        table.getColumns().setAll(List.of(
                Tables.numeric("seq", "#", 60, AuditLine::seq, String::valueOf),
                Tables.text("at", "Time", 150, l -> time(l.at())),
                Tables.text("user", "User", 100, AuditLine::username),
                Tables.text("action", "Action", 230, AuditLine::action),
                Tables.text("subject", "Subject", 190, AuditLine::subject),
                Tables.text("details", "Details", 460, AuditLine::details)));
        table.setItems(rows);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No entry matches"));
        table.setFixedCellSize(24);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditLine item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(BROKEN, !empty && item != null && item.seq() == brokenSeq);
            }
        });

        Button search = button("auditSearch", "Search", this::search);
        search.setDefaultButton(true);
        Button clear = button("auditClear", "Clear", () -> {
            user.clear();
            action.getSelectionModel().clearSelection();
            subject.clear();
            from.clear();
            until.clear();
            search();
        });
        FlowPane filters = new FlowPane(6, 6, user, action, subject, from, until, search, clear);
        filters.setPadding(new Insets(6, 8, 6, 8));

        Button verify = button("auditVerify", "Verify chain & signature", this::verify);
        Button export = button("auditExport", "Export CSV…", this::chooseExportFile);
        verdict.getStyleClass().add("audit-verdict");
        brokenEntry.getStyleClass().add("audit-broken-entry");
        brokenEntry.setWrapText(true);
        brokenEntry.setVisible(false);
        brokenEntry.managedProperty().bind(brokenEntry.visibleProperty());
        message.getStyleClass().add("muted");
        HBox actionsRow = new HBox(8, verify, verdict, new javafx.scene.layout.Region(), export);
        HBox.setHgrow(actionsRow.getChildren().get(2), Priority.ALWAYS);
        actionsRow.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(4, actionsRow, brokenEntry, message);
        bottom.setPadding(new Insets(6, 8, 6, 8));

        Label title = new Label("Audit trail");
        title.getStyleClass().add("panel-title");
        VBox top = new VBox(2, title, filters);
        top.setPadding(new Insets(4, 4, 0, 4));
        setTop(top);
        setCenter(table);
        setBottom(bottom);
        search();
    }

    private static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(1);
        f.setPrefWidth(width);
        return f;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("flat-button");
        button.setOnAction(e -> action.run());
        return button;
    }

    private String time(long epochMillis) {
        return SHOWN_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** A typed instant: "yyyy-MM-dd HH:mm" or a day alone (its start); null when blank. */
    private Long instant(TextField field, String what) {
        String text = field.getText() == null ? "" : field.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDateTime at = text.length() <= 10 ? LocalDate.parse(text).atStartOfDay()
                    : LocalDateTime.parse(text, TYPED_TIME);
            return at.atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a time like 2026-11-02 08:30");
        }
    }

    // ---- Search ---------------------------------------------------------------------------------------

    public void search() {
        AuditSearch query;
        try {
            Long start = instant(from, "From");
            Long end = instant(until, "Until");
            if (start != null && end != null && start >= end) {
                throw new IllegalArgumentException("From must be before Until");
            }
            String chosen = action.getValue();
            query = new AuditSearch(user.getText(), chosen == null ? "" : chosen, subject.getText(), start, end, SHOWN);
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        message.setText("Searching…");
        context.queue().desk().searchAudit(query).whenComplete((found, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message.setText("The audit trail cannot be read: " + rootMessage(failure));
                return;
            }
            rows.setAll(found);
            message.setText(found.size() == SHOWN ? "The newest " + SHOWN + " matching entries"
                    : found.size() + " matching entr" + (found.size() == 1 ? "y" : "ies"));
            showBroken();
        }));
    }

    // ---- Verification ---------------------------------------------------------------------------------

    public void verify() {
        verdict.setText("Verifying…");
        context.queue().desk().verifyAudit().whenComplete((check, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                verdict.setText("Cannot verify: " + rootMessage(failure));
                return;
            }
            show(check);
        }));
    }

    private void show(AuditCheck check) {
        verdict.pseudoClassStateChanged(BROKEN, !check.intact());
        if (check.intact()) {
            brokenSeq = 0;
            verdict.setText("Intact: " + check.message());
            brokenEntry.setVisible(false);
            table.refresh();
            return;
        }
        brokenSeq = check.firstBadSeq();
        verdict.setText("BROKEN at entry " + check.firstBadSeq() + " (" + check.problem() + ")");
        AuditLine bad = check.firstBad();
        brokenEntry.setText(check.message() + (bad == null ? "" : "\nAs stored now: #" + bad.seq() + "  "
                + time(bad.at()) + "  " + bad.username() + "  " + bad.action() + "  " + bad.subject() + "  "
                + bad.details()));
        brokenEntry.setVisible(true);
        showBroken();
    }

    /** Selects and scrolls to the broken entry when the search shows it. */
    private void showBroken() {
        table.refresh();
        if (brokenSeq == 0) {
            return;
        }
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).seq() == brokenSeq) {
                table.getSelectionModel().clearAndSelect(row);
                table.scrollTo(Math.max(0, row - 2));
                return;
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    // ---- Export ---------------------------------------------------------------------------------------

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export audit entries");
        chooser.setInitialFileName("audit.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes the selected entries (every entry shown when none is selected); returns how many. */
    public int exportTo(Path file) {
        List<AuditLine> chosen = table.getSelectionModel().getSelectedItems().isEmpty() ? List.copyOf(rows)
                : List.copyOf(table.getSelectionModel().getSelectedItems());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("seq,at_utc,user_id,username,action,subject,details\n");
            for (AuditLine line : chosen) {
                out.write(line.seq() + "," + Instant.ofEpochMilli(line.at()) + "," + line.userId() + ","
                        + csv(line.username()) + "," + line.action() + "," + csv(line.subject()) + ","
                        + csv(line.details()) + "\n");
            }
        } catch (IOException e) {
            message.setText("Export failed: " + e.getMessage());
            return 0;
        }
        message.setText("Exported " + chosen.size() + " entr" + (chosen.size() == 1 ? "y" : "ies") + " to "
                + file.getFileName());
        return chosen.size();
    }

    private static String csv(String value) {
        if (value.contains("\"") || value.contains(",") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    // ---- For tests and the window ---------------------------------------------------------------------

    public TableView<AuditLine> table() {
        return table;
    }

    public Label verdict() {
        return verdict;
    }

    public Label brokenEntry() {
        return brokenEntry;
    }

    public Label message() {
        return message;
    }

    public TextField userField() {
        return user;
    }

    public ComboBox<String> actionBox() {
        return action;
    }

    public TextField subjectField() {
        return subject;
    }

    public TextField fromField() {
        return from;
    }

    public TextField untilField() {
        return until;
    }
}
