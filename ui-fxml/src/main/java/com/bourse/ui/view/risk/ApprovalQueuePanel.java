package com.bourse.ui.view.risk;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.SurveillanceRule;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.AccountExposure;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.port.RiskSnapshot.RiskAccount;
import com.bourse.ui.view.Tables;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The approval queue: every held order and transfer, oldest first, with the risk score and its three parts and
 * the rules that fired; below, the item in focus with the account's use of its limits and its latest orders, and
 * the decision (approve, or reject with a reason). Keys: A approve, R reject (type the reason, Enter sends),
 * N next item; the same from the Risk menu (F7, Shift+F7, Alt+N).
 *
 * <p>FX thread only.
 */
public final class ApprovalQueuePanel extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final RiskContext context;
    private final TableView<ReviewItem> table = new TableView<>();
    private final Label alert = new Label();
    private final Label count = new Label();
    private final Label title = new Label("Select a held item");
    /** What the detail says while no item is chosen. */
    private final Label empty = new Label();
    private final Label reasonLine = new Label();
    private final Label rules = new Label();
    private final Label fourEyes = new Label();
    private final ProgressBar[] bars = new ProgressBar[4];
    private final Label[] barText = new Label[4];
    private final GridPane limits = new GridPane();
    private final VBox recent = new VBox(2);
    private final TextField reason = new TextField();
    private final Button approve = new Button("Approve (A)");
    private final Button reject = new Button("Reject (R)");
    private final Button next = new Button("Next (N)");
    private final Label message = new Label();
    private long exposureFor = -1;
    private final javafx.scene.control.CheckBox sound = new javafx.scene.control.CheckBox("Sound");
    private final HeldItemChime chime;
    private final DeskNotifications notifications;

    public ApprovalQueuePanel(RiskContext context) {
        this.context = context;
        this.chime = new HeldItemChime(context.queue().unseenProperty(), context.chime(), System::currentTimeMillis);
        DeskNotifications.Popup onScreen = DeskNotifications.onScreen(() -> getScene() == null ? null
                : getScene().getWindow());
        this.notifications = new DeskNotifications((title, text, alarm) ->
                (context.popup() != null ? context.popup() : onScreen).show(title, text, alarm),
                System::currentTimeMillis, context::symbol);
        context.queue().onNotice(notifications::offer);
        getStyleClass().addAll("panel", "risk-queue");
        setId("approvalQueue");
        table.setId("queueTable");
        reason.setId("rejectReason");
        approve.setId("approveButton");
        reject.setId("rejectButton");
        next.setId("nextItemButton");
        alert.setId("queueAlert");
        fourEyes.setId("fourEyesNotice");
        message.setId("queueMessage");

        table.getColumns().setAll(List.of(
                Tables.numeric("held", "Held at", 84, ReviewItem::raisedAt,
                        t -> t == 0 ? "before" : TIME.format(Instant.ofEpochMilli(t))),
                Tables.text("kind", "Kind", 64, i -> i.subject() == ReviewSubject.ORDER ? "Order" : "Transfer"),
                Tables.numeric("account", "Account", 64, ReviewItem::accountId, String::valueOf),
                Tables.text("trader", "Trader", 96, i -> context.queue().userName(i.userId())),
                Tables.text("instrument", "Instr.", 56, i -> i.subject() == ReviewSubject.ORDER
                        ? context.symbol(i.instrumentId()) : i.currency()),
                Tables.side("side", 48, ReviewItem::side),
                Tables.numeric("qty", "Qty", 64, i -> i.subject() == ReviewSubject.ORDER ? i.quantity() : null,
                        q -> Decimals.format(q, 0)),
                Tables.numeric("price", "Price", 76, i -> i, this::price),
                Tables.numeric("notional", "Notional", 124, i -> i, this::notional),
                Tables.numeric("score", "Score", 52, ReviewItem::scoreBps, ApprovalQueuePanel::score),
                // What decides an approval (score, rule) comes before what identifies the item, so both stay in
                // view on a 1440 px screen; the parts are also drawn as bars under the table.
                Tables.text("rules", "Rules", 150, ApprovalQueuePanel::ruleNames),
                Tables.numeric("amount", "Amt", 44, ReviewItem::amountBps, ApprovalQueuePanel::score),
                Tables.numeric("frequency", "Freq", 44, ReviewItem::frequencyBps, ApprovalQueuePanel::score),
                Tables.numeric("pattern", "Patt", 44, ReviewItem::patternBps, ApprovalQueuePanel::score),
                Tables.numeric("id", "Id", 136, ReviewItem::subjectId, String::valueOf)));
        table.setItems(context.queue().items());
        table.setPlaceholder(new Label("Nothing is held for review"));
        table.setFixedCellSize(24);

        count.textProperty().bind(context.queue().countProperty().asString("%d held"));
        count.getStyleClass().add("muted");
        alert.getStyleClass().add("risk-alert");
        alert.visibleProperty().bind(context.queue().unseenProperty().greaterThan(0));
        alert.managedProperty().bind(alert.visibleProperty());
        alert.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = context.queue().unseenProperty().get();
            return "● " + n + " new held item" + (n == 1 ? "" : "s");
        }, context.queue().unseenProperty()));
        alert.setOnMouseClicked(e -> context.queue().markSeen());
        Label heading = new Label("Held for review");
        heading.getStyleClass().add("panel-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        sound.setId("queueSound");
        sound.setTooltip(new javafx.scene.control.Tooltip("Sound when a new item is held"));
        sound.selectedProperty().bindBidirectional(chime.enabledProperty());
        HBox toolbar = new HBox(8, heading, alert, grow, sound, count);
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("panel-toolbar");
        setTop(toolbar);

        SplitPane split = new SplitPane(table, detail());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> show(item));
        table.focusedProperty().addListener((obs, was, is) -> {
            if (is) {
                context.queue().markSeen();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.A && !e.isShortcutDown()) {
                approveSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.R && !e.isShortcutDown()) {
                startReject();
                e.consume();
            } else if (e.getCode() == KeyCode.N && !e.isShortcutDown()) {
                nextItem();
                e.consume();
            }
        });
        reason.setOnAction(e -> rejectSelected());
        reason.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                table.requestFocus();
                e.consume();
            }
        });
        approve.setOnAction(e -> approveSelected());
        reject.setOnAction(e -> rejectSelected());
        next.setOnAction(e -> nextItem());
        context.queue().items().addListener((javafx.collections.ListChangeListener<ReviewItem>) change -> {
            if (table.getSelectionModel().getSelectedItem() == null && !table.getItems().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
        show(null);
    }

    private Region detail() {
        title.getStyleClass().add("risk-title");
        title.setId("itemTitle");
        reasonLine.getStyleClass().add("muted");
        reasonLine.setWrapText(true);
        rules.setId("itemRules");
        rules.setWrapText(true);
        fourEyes.getStyleClass().add("risk-four-eyes");
        fourEyes.setWrapText(true);
        fourEyes.managedProperty().bind(fourEyes.visibleProperty());

        GridPane scores = new GridPane();
        scores.setHgap(8);
        scores.setVgap(4);
        String[] names = {"Score", "Amount", "Frequency", "Pattern"};
        for (int k = 0; k < 4; k++) {
            bars[k] = new ProgressBar(0);
            bars[k].setPrefWidth(140);
            bars[k].getStyleClass().add("risk-score-bar");
            barText[k] = new Label();
            barText[k].getStyleClass().add("numeric");
            barText[k].setId("scorePart-" + names[k].toLowerCase(Locale.ROOT));
            scores.addRow(k, new Label(names[k]), bars[k], barText[k]);
        }
        VBox left = new VBox(6, title, reasonLine, scores, rules, fourEyes);
        left.setMinWidth(260);

        limits.setHgap(10);
        limits.setVgap(3);
        limits.setId("exposureGrid");
        // The limit's name never shrinks to "…": the figures beside it are what an officer compares.
        ColumnConstraints limitNames = new ColumnConstraints();
        limitNames.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        limits.getColumnConstraints().addAll(limitNames, new ColumnConstraints(110), new ColumnConstraints(110));
        Label limitsTitle = new Label("Account against its limits");
        limitsTitle.getStyleClass().add("risk-subtitle");
        Label recentTitle = new Label("Latest orders");
        recentTitle.getStyleClass().add("risk-subtitle");
        recent.setId("recentOrders");
        // The latest orders sit under the limits, not in a third column: at 1024 px a third column was cut off.
        VBox right = new VBox(6, limitsTitle, limits, recentTitle, recent);
        VBox.setMargin(recentTitle, new Insets(6, 0, 0, 0));
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(18, left, right);
        body.setPadding(new Insets(8));
        body.visibleProperty().bind(empty.visibleProperty().not());
        body.managedProperty().bind(body.visibleProperty());
        // With nothing chosen the pane says what to do instead of showing empty score bars and limits.
        empty.setId("itemEmptyState");
        empty.getStyleClass().add("risk-empty-state");
        empty.setWrapText(true);
        empty.managedProperty().bind(empty.visibleProperty());
        StackPane shown = new StackPane(body, empty);
        StackPane.setAlignment(empty, javafx.geometry.Pos.CENTER);

        reason.setPromptText("Reason for a rejection (the trader sees it)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        approve.getStyleClass().add("risk-approve");
        reject.getStyleClass().add("risk-reject");
        HBox actions = new HBox(8, approve, reason, reject, next);
        actions.setPadding(new Insets(6, 8, 6, 8));
        actions.getStyleClass().add("risk-actions");
        message.getStyleClass().add("muted");
        message.setPadding(new Insets(0, 8, 6, 8));
        VBox box = new VBox(new javafx.scene.control.ScrollPane(shown), actions, message);
        ((javafx.scene.control.ScrollPane) box.getChildren().getFirst()).setFitToWidth(true);
        VBox.setVgrow(box.getChildren().getFirst(), Priority.ALWAYS);
        return box;
    }

    private void show(ReviewItem item) {
        boolean none = item == null;
        reject.setDisable(none);
        next.setDisable(table.getItems().size() < 2);
        empty.setVisible(none);
        if (none) {
            title.setText(table.getItems().isEmpty() ? "Nothing is held for review" : "Select a held item");
            empty.setText(table.getItems().isEmpty()
                    ? "Nothing is held for review.\nA held order or transfer appears in the queue above."
                    : "Select a held item in the queue above\nto see its score, the rules that fired and the"
                    + " account against its limits.");
            reasonLine.setText("");
            rules.setText("");
            fourEyes.setVisible(false);
            approve.setDisable(true);
            approve.setTooltip(null);
            for (int k = 0; k < 4; k++) {
                bars[k].setProgress(0);
                barText[k].setText("");
            }
            limits.getChildren().clear();
            recent.getChildren().clear();
            exposureFor = -1;
            return;
        }
        title.setText(headline(item));
        reasonLine.setText(item.reason() == null ? "" : item.reason().description());
        int[] parts = {item.scoreBps(), item.amountBps(), item.frequencyBps(), item.patternBps()};
        for (int k = 0; k < 4; k++) {
            bars[k].setProgress(Math.min(1.0, parts[k] / 10_000.0));
            barText[k].setText(score(parts[k]));
        }
        List<SurveillanceRule> fired = item.rules();
        rules.setText(fired.isEmpty() ? "No surveillance rule fired: held for its amount or score"
                : "Rules: " + ruleNames(item));
        String block = context.queue().approvalBlock(item);
        fourEyes.setText(block == null ? "" : block);
        fourEyes.setVisible(block != null);
        approve.setDisable(block != null);
        approve.setTooltip(block == null ? null : new Tooltip(block));
        loadExposure(item);
    }

    private void loadExposure(ReviewItem item) {
        long account = item.accountId();
        exposureFor = account;
        context.queue().desk().exposure(account).whenComplete((exposure, failure) -> Platform.runLater(() -> {
            ReviewItem now = table.getSelectionModel().getSelectedItem();
            if (now == null || now.accountId() != account || exposureFor != account) {
                return;
            }
            if (failure != null) {
                limits.getChildren().setAll(new Label("Exposure not available: " + failure.getMessage()));
                return;
            }
            showExposure(now, exposure);
        }));
    }

    private void showExposure(ReviewItem item, AccountExposure exposure) {
        limits.getChildren().clear();
        RiskAccount account = context.queue().account(item.accountId()).orElse(null);
        if (account == null) {
            limits.add(new Label("Account " + item.accountId() + " is not known to the desk"), 0, 0, 3, 1);
            return;
        }
        RiskLimits l = account.limits();
        int row = 0;
        limits.addRow(row++, header("Limit"), header("Limit value"), header("This / now"));
        if (item.subject() == ReviewSubject.ORDER) {
            int d = context.digits(item.currency());
            limits.addRow(row++, new Label("Order quantity"), figure(Decimals.format(l.maxOrderQuantity(), 0)),
                    usage(Decimals.format(item.quantity(), 0), item.quantity(), l.maxOrderQuantity()));
            limits.addRow(row++, new Label("Order notional"), figure(Decimals.format(l.maxOrderNotional(), d)),
                    usage(Decimals.format(item.notional(), d), item.notional(), l.maxOrderNotional()));
            AccountExposure.InstrumentExposure p = exposure.positions().stream()
                    .filter(x -> x.instrumentId() == item.instrumentId()).findFirst()
                    .orElse(new AccountExposure.InstrumentExposure(item.instrumentId(), 0, 0, 0));
            long reach = item.side() == Side.BUY ? p.position() + p.workingBuy() : p.position() - p.workingSell();
            limits.addRow(row++, new Label("Position " + context.symbol(item.instrumentId())),
                    figure(Decimals.format(l.maxPosition(), 0)),
                    usage(Decimals.format(p.position(), 0) + " → " + Decimals.format(reach, 0), Math.abs(reach),
                            l.maxPosition()));
        }
        limits.addRow(row++, new Label("Orders per " + l.throttleWindowMillis() / 1000 + " s"),
                figure(String.valueOf(l.maxOrdersPerWindow())),
                usage(String.valueOf(exposure.ordersInWindow()), exposure.ordersInWindow(), l.maxOrdersPerWindow()));
        limits.addRow(row++, new Label("Working orders"), figure(""), figure(String.valueOf(exposure.workingOrders())));
        Label kill = new Label(account.killSwitch() ? "ENGAGED" : "off");
        kill.getStyleClass().add(account.killSwitch() ? "risk-over" : "muted");
        limits.addRow(row, new Label("Kill switch"), kill, new Label(""));

        recent.getChildren().clear();
        if (exposure.recentOrders().isEmpty()) {
            recent.getChildren().add(new Label("No orders today"));
        }
        for (AccountExposure.RecentOrder o : exposure.recentOrders()) {
            Instrument i = context.instrument(o.instrumentId());
            String price = i == null || o.price() == 0 ? "mkt" : Decimals.format(o.price(), i.priceScale());
            Label line = new Label(TIME.format(Instant.ofEpochMilli(o.enteredAt())) + "  "
                    + (o.side() == null ? "?" : o.side().name()) + " " + Decimals.format(o.quantity(), 0) + " "
                    + context.symbol(o.instrumentId()) + " @ " + price + "  " + o.status()
                    + (o.reason() == null ? "" : " (" + o.reason() + ")"));
            line.getStyleClass().add("numeric");
            // On a narrow window a line wraps under itself rather than losing its status to "…".
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            recent.getChildren().add(line);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }

    private static Label figure(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("numeric");
        return label;
    }

    private static Label usage(String text, long used, long limit) {
        Label label = figure(text + (limit > 0 ? String.format(Locale.ROOT, "  %d%%",
                Math.min(999, used * 100 / limit)) : ""));
        label.getStyleClass().add(used > limit ? "risk-over" : used * 10 >= limit * 8 ? "risk-near" : "risk-ok");
        return label;
    }

    private String headline(ReviewItem item) {
        String who = context.queue().userName(item.userId());
        if (item.subject() == ReviewSubject.TRANSFER) {
            return "Transfer " + item.subjectId() + ": " + item.description() + ", "
                    + Decimals.format(item.quantity(), context.digits(item.currency())) + " " + item.currency()
                    + " (" + who + ")";
        }
        return (item.side() == Side.BUY ? "Buy " : "Sell ") + Decimals.format(item.quantity(), 0) + " "
                + context.symbol(item.instrumentId()) + " at " + price(item) + " for account " + item.accountId()
                + " (" + who + "), order " + item.subjectId();
    }

    private String price(ReviewItem item) {
        Instrument i = context.instrument(item.instrumentId());
        return item.subject() != ReviewSubject.ORDER ? "" : item.price() == 0 || i == null ? "market"
                : Decimals.format(item.price(), i.priceScale());
    }

    private String notional(ReviewItem item) {
        return Decimals.format(item.notional(), context.digits(item.currency())) + " " + item.currency();
    }

    static String score(int bps) {
        return String.format(Locale.ROOT, "%.2f", bps / 10_000.0);
    }

    static String ruleNames(ReviewItem item) {
        return item.rules().stream().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    // ---- Actions (buttons, keys, the Risk menu) ------------------------------------------------------

    /** The detail's words while nothing is chosen; hidden while an item is shown. */
    public Label emptyState() {
        return empty;
    }

    public ReviewItem selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    public void approveSelected() {
        ReviewItem item = selected();
        if (item == null) {
            return;
        }
        String block = context.queue().approvalBlock(item);
        if (block != null) {
            message.setText(block);
            return;
        }
        String refused = context.queue().approve(item);
        message.setText(refused == null ? "Approval of " + context.queue().describe(item) + " sent" : refused);
        table.requestFocus();
    }

    /** Moves the keyboard to the reason; Enter there sends the rejection. */
    public void startReject() {
        if (selected() != null) {
            reason.requestFocus();
        }
    }

    public void rejectSelected() {
        ReviewItem item = selected();
        if (item == null) {
            return;
        }
        String refused = context.queue().reject(item, reason.getText());
        if (refused == null) {
            message.setText("Rejection of " + context.queue().describe(item) + " sent");
            reason.clear();
            table.requestFocus();
        } else {
            message.setText(refused);
            reason.requestFocus();
        }
    }

    public void nextItem() {
        int size = table.getItems().size();
        if (size == 0) {
            return;
        }
        int at = table.getSelectionModel().getSelectedIndex();
        table.getSelectionModel().select((at + 1) % size);
        table.scrollTo(table.getSelectionModel().getSelectedIndex());
        table.requestFocus();
        context.queue().markSeen();
    }

    public void focusQueue() {
        table.requestFocus();
        if (selected() == null && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    /** The officer's switch for the sound of new held items. */
    public javafx.scene.control.CheckBox soundToggle() {
        return sound;
    }

    public TableView<ReviewItem> table() {
        return table;
    }

    public TextField reasonField() {
        return reason;
    }

    public Button approveButton() {
        return approve;
    }

    public Label fourEyesNotice() {
        return fourEyes;
    }

    public Label message() {
        return message;
    }
}
