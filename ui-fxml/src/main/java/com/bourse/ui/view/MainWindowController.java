package com.bourse.ui.view;

import com.bourse.ui.port.ConnectionState;
import com.bourse.ui.port.VenueMode;
import com.bourse.ui.workspace.DockPanel;
import com.bourse.ui.workspace.DockWorkspace;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The shell: menus with every action and its hotkey, the docking workspace and the status bar. */
public final class MainWindowController {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private Menu viewMenu;
    @FXML private MenuItem newWindowItem;
    @FXML private MenuItem quitItem;
    @FXML private Label modeLabel;
    @FXML private Label connectionLabel;
    @FXML private Label latencyLabel;
    @FXML private Label userLabel;
    @FXML private Label clockLabel;
    @FXML private StatusBar statusBar;
    private Label heldLabel;

    private final Workstation workstation;
    private long lastStatus;

    MainWindowController(Workstation workstation) {
        this.workstation = workstation;
    }

    @FXML
    private void initialize() {
        WorkstationContext context = workstation.context();
        root.setCenter(workstation.dock());
        VenueMode mode = context.session().mode();
        modeLabel.setText(mode.name());
        modeLabel.getStyleClass().add(mode.name().toLowerCase(Locale.ROOT));
        userLabel.setText(context.session().trader().displayName() + " (" + context.session().trader().username()
                + ")");
        statusBar.textProperty().bind(context.desk().messageProperty());
        newWindowItem.setVisible(workstation.canOpenAnotherWindow());
        quitItem.setVisible(workstation.canQuit());
        for (Menu menu : menuBar.getMenus()) {
            if ("_Trade".equals(menu.getText())) {
                menu.setVisible(workstation.isTrader());
            }
        }
        if (workstation.hasRiskDesk()) {
            addRiskDesk();
        }
        for (DockPanel panel : workstation.dock().panels()) {
            CheckMenuItem item = new CheckMenuItem(panel.title());
            item.setId("menu-" + panel.id());
            item.setOnAction(e -> {
                if (item.isSelected()) {
                    workstation.dock().open(panel.id());
                } else {
                    workstation.dock().close(panel.id());
                }
            });
            viewMenu.setOnShowing(e -> viewMenu.getItems().stream()
                    .filter(CheckMenuItem.class::isInstance).map(CheckMenuItem.class::cast)
                    .forEach(c -> c.setSelected(workstation.dock().isOpen(c.getId().substring(5)))));
            viewMenu.getItems().add(item);
        }
        if (workstation.isTrader()) {
            Menu ladders = new Menu("Ladder of");
            Menu charts = new Menu("Chart of");
            ladders.setId("menuLadderOf");
            charts.setId("menuChartOf");
            for (com.bourse.protocol.Instrument i : context.desk().instruments()) {
                MenuItem ladder = new MenuItem(i.symbol());
                ladder.setOnAction(e -> workstation.openLadder(i));
                ladders.getItems().add(ladder);
                MenuItem chart = new MenuItem(i.symbol());
                chart.setOnAction(e -> workstation.openChart(i));
                charts.getItems().add(chart);
            }
            viewMenu.getItems().addAll(new SeparatorMenuItem(), ladders, charts);
        }
        context.frames().addListener(this::status);
        status(System.nanoTime());
    }

    /** The Risk menu (every desk action has a key) and the queue's count in the status bar. */
    private void addRiskDesk() {
        Menu risk = new Menu("_Risk");
        risk.setId("riskMenu");
        risk.getItems().addAll(
                item("Approve selected held item", "F7", workstation::approveHeld),
                item("Reject selected held item…", "Shift+F7", workstation::rejectHeld),
                item("Next held item", "Alt+N", workstation::nextHeld),
                new SeparatorMenuItem(),
                item("Focus the approval queue", "Shortcut+Shift+Q", workstation::focusQueue));
        menuBar.getMenus().add(menuBar.getMenus().size() - 2, risk);
        heldLabel = new Label();
        heldLabel.setId("heldCount");
        heldLabel.getStyleClass().addAll("numeric", "status-held");
        var queue = workstation.reviewQueue();
        heldLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int unseen = queue.unseenProperty().get();
            return queue.countProperty().get() + " held" + (unseen > 0 ? " (" + unseen + " new)" : "");
        }, queue.countProperty(), queue.unseenProperty()));
        queue.unseenProperty().addListener((obs, old, n) ->
                heldLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("alert"), n.intValue() > 0));
        heldLabel.setOnMouseClicked(e -> workstation.focusQueue());
        statusBar.getLeftItems().add(statusBar.getLeftItems().indexOf(userLabel) + 1, heldLabel);
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * A training session's toolbar under the menus and its simulated clock in the status bar, in place of the
     * wall clock (the market's time is the session's).
     */
    void addTraining(javafx.scene.Node toolbar, Label simulatedClock) {
        root.setTop(new javafx.scene.layout.VBox(menuBar, toolbar));
        statusBar.getRightItems().add(statusBar.getRightItems().indexOf(clockLabel), simulatedClock);
        clockLabel.setVisible(false);
        clockLabel.setManaged(false);
    }

    /** The queue's count in the status bar; null without the risk desk. */
    public Label heldLabel() {
        return heldLabel;
    }

    private void status(long now) {
        if (now - lastStatus < 250_000_000L) {
            return;
        }
        lastStatus = now;
        ConnectionState state = workstation.context().session().connectionState();
        connectionLabel.setText("● " + state.name().charAt(0) + state.name().substring(1).toLowerCase(Locale.ROOT));
        connectionLabel.getStyleClass().removeAll("connected", "disconnected", "connecting");
        connectionLabel.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
        long nanos = workstation.context().session().lastLatencyNanos();
        latencyLabel.setText(nanos <= 0 ? "engine —" : nanos < 1_000_000 ? String.format(Locale.ROOT,
                "engine %d µs", nanos / 1_000) : String.format(Locale.ROOT, "engine %.1f ms", nanos / 1e6));
        clockLabel.setText(LocalTime.now().format(CLOCK));
    }

    public BorderPane root() {
        return root;
    }

    /** The status bar; its text is the desk's latest message. */
    public StatusBar statusBar() {
        return statusBar;
    }

    public Label connectionLabel() {
        return connectionLabel;
    }

    @FXML private void newWindow() {
        workstation.openAnotherWindow();
    }

    @FXML private void saveWorkspace() {
        workstation.save();
        workstation.context().desk().say("Workspace saved");
    }

    @FXML private void signOut() {
        workstation.signOut();
    }

    @FXML private void quit() {
        workstation.quit();
    }

    @FXML private void buy() {
        workstation.buy();
    }

    @FXML private void sell() {
        workstation.sell();
    }

    @FXML private void cancelSelected() {
        workstation.cancelSelected();
    }

    @FXML private void cancelAll() {
        workstation.cancelAll();
    }

    @FXML private void flatten() {
        workstation.flatten();
    }

    @FXML private void focusTicket() {
        workstation.focusTicket();
    }

    @FXML private void focusLadder() {
        workstation.focusLadder();
    }

    @FXML private void centreLadder() {
        workstation.ladder().ladder().centreOnMarket();
    }

    @FXML private void toggleTheme() {
        workstation.context().themes().toggle();
    }

    @FXML private void moveLeft() {
        workstation.moveFocusedPanel(DockWorkspace.LEFT);
    }

    @FXML private void moveCentre() {
        workstation.moveFocusedPanel(DockWorkspace.CENTRE);
    }

    @FXML private void moveRight() {
        workstation.moveFocusedPanel(DockWorkspace.RIGHT);
    }

    @FXML private void moveBottom() {
        workstation.moveFocusedPanel(DockWorkspace.BOTTOM);
    }

    @FXML private void detach() {
        workstation.detachFocusedPanel();
    }

    @FXML private void closePanel() {
        workstation.closeFocusedPanel();
    }

    @FXML private void nextPanel() {
        workstation.focusNextPanel();
    }

    @FXML private void toggleTicket() {
        workstation.toggleTicket();
    }

    @FXML private void showKeys() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Every action has a key");
        alert.getDialogPane().setContent(shortcutsTable());
        alert.setResizable(true);
        alert.initOwner(root.getScene().getWindow());
        workstation.context().themes().register(alert.getDialogPane().getScene());
        alert.show();
    }

    /** The window's shortcuts as a table: keys, action, where they work. */
    public javafx.scene.control.TableView<Workstation.Shortcut> shortcutsTable() {
        java.util.List<Workstation.Shortcut> rows = new java.util.ArrayList<>();
        if (workstation.isTrader()) {
            rows.addAll(Workstation.KEYS);
        }
        if (workstation.hasRiskDesk()) {
            rows.addAll(Workstation.RISK_KEYS);
        }
        javafx.scene.control.TableView<Workstation.Shortcut> table =
                new javafx.scene.control.TableView<>(javafx.collections.FXCollections.observableArrayList(rows));
        table.setId("shortcutsTable");
        table.getColumns().addAll(java.util.List.of(
                Tables.text("keys", "Keys", 130, Workstation.Shortcut::keys),
                Tables.text("action", "Action", 340, Workstation.Shortcut::action),
                Tables.text("where", "Where", 120, Workstation.Shortcut::where)));
        table.getColumns().getFirst().getStyleClass().add("numeric");
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(24);
        table.setPrefSize(620, Math.min(560, 30 + 24 * rows.size()));
        return table;
    }
}
