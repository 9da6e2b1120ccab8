package com.bourse.ui.view;

import com.bourse.protocol.Role;
import com.bourse.protocol.Side;
import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.EventInbox;
import com.bourse.ui.model.OrderConfirmation;
import com.bourse.ui.model.ReviewQueue;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.RiskDesk;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.port.TrainingControl;
import com.bourse.ui.port.Workspace;
import com.bourse.ui.port.WorkspaceStore;
import com.bourse.ui.theme.Theme;
import com.bourse.ui.theme.ThemeManager;
import com.bourse.ui.view.risk.ApprovalQueuePanel;
import com.bourse.ui.view.risk.AuditViewerPanel;
import com.bourse.ui.view.risk.LimitsEditorPanel;
import com.bourse.ui.view.risk.RiskContext;
import com.bourse.ui.view.risk.RiskControlsPanel;
import com.bourse.ui.view.risk.RiskOverviewPanel;
import com.bourse.ui.view.training.DebriefPanel;
import com.bourse.ui.view.training.TrainingToolbar;
import com.bourse.ui.workspace.DockPanel;
import com.bourse.ui.workspace.DockWorkspace;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One signed-in user's main window: builds the desk projection, the frame loop and the panels of the user's
 * roles (the trader's panels for TRADER, the risk desk for RISK_OFFICER, both for both), docks them as the
 * user's saved workspace says (or the default for those roles), connects to the venue and keeps the
 * workspace when the window closes. The hotkey actions live here so menus and keys share them.
 *
 * <p>FX thread only.
 */
public final class Workstation {
    public static final String TICKET = "ticket";
    public static final String LADDER = "ladder";
    public static final String ORDERS = "orders";
    public static final String FILLS = "fills";
    public static final String POSITIONS = "positions";
    public static final String CHART = "chart";
    public static final String DASHBOARD = "dashboard";
    public static final String WATCHLIST = "watchlist";
    public static final String TIME_SALES = "time-sales";
    /** A ladder of one instrument is the panel {@code ladder-<symbol>}, its chart {@code chart-<symbol>}. */
    public static final String LADDER_OF = "ladder-";
    public static final String CHART_OF = "chart-";
    /** The smallest window the desk is laid out for. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;
    /** The ladder's width before the chart's area, then the ticket's, give way to it. */
    public static final double LADDER_MIN_WIDTH = 400;
    private static final double RIGHT_MIN_WIDTH = 260;
    private static final double TICKET_MIN_WIDTH = 250;
    /** What an area's divider, border and tab insets take from its width. */
    private static final double AREA_CHROME = 10;
    public static final String RISK_QUEUE = "risk-queue";
    public static final String RISK_CONTROLS = "risk-controls";
    public static final String RISK_LIMITS = "risk-limits";
    public static final String RISK_AUDIT = "risk-audit";
    public static final String RISK_OVERVIEW = "risk-overview";
    public static final String DEBRIEF = "debrief";
    /** One line of Help › Keyboard shortcuts: the keys, what they do, and where. */
    public record Shortcut(String keys, String action, String where) {
    }

    public static final List<Shortcut> KEYS = List.of(
            new Shortcut("F2", "Focus the order ticket", "Trading"),
            new Shortcut("F3", "Focus the ladder", "Trading"),
            new Shortcut("F4", "Centre the ladder on the market", "Trading"),
            new Shortcut("F5", "Buy from the ticket", "Trading"),
            new Shortcut("F6", "Sell from the ticket", "Trading"),
            new Shortcut("F8", "Cancel the selected orders", "Trading"),
            new Shortcut("Shift+F8", "Cancel all orders", "Trading"),
            new Shortcut("F9", "Flatten the selected position", "Trading"),
            new Shortcut("Up / Down", "Move the cursor a tick", "Ladder"),
            new Shortcut("B / S", "Buy / sell the ladder's quantity at the cursor (a bracket with Bracket on)",
                    "Ladder"),
            new Shortcut("Shift+click", "OCO exit: target at the price, stop as far the other side", "Ladder"),
            new Shortcut("Ctrl+click", "Bracket: entry at the price, target and stop the set ticks away", "Ladder"),
            new Shortcut("X", "Cancel own orders at the cursor", "Ladder"),
            new Shortcut("C", "Centre on the market and switch auto-centre on", "Ladder"),
            new Shortcut("Page Up / Down", "Scroll half a page (auto-centre off)", "Ladder"),
            new Shortcut("F12", "Switch dark / light theme", "Window"),
            new Shortcut("Ctrl+S", "Save the workspace", "Window"),
            new Shortcut("Ctrl+Q", "Quit Bourse: every window closes, workspaces saved", "Window"),
            new Shortcut("Ctrl+Alt+arrows", "Move the focused panel left / right / up / down", "Window"),
            new Shortcut("Ctrl+Shift+D", "Detach the focused panel", "Window"),
            new Shortcut("Ctrl+W", "Close the focused panel", "Window"),
            new Shortcut("Ctrl+Tab", "Next panel", "Window"),
            new Shortcut("Ctrl+Shift+T", "Fold the ticket away / bring it back", "Window"),
            new Shortcut("F1", "This list", "Window"));

    public static final List<Shortcut> RISK_KEYS = List.of(
            new Shortcut("A", "Approve the held item", "Approval queue"),
            new Shortcut("R", "Reject it (type the reason, Enter sends)", "Approval queue"),
            new Shortcut("N", "Next held item", "Approval queue"),
            new Shortcut("F7", "Approve the selected item", "Risk desk"),
            new Shortcut("Shift+F7", "Reject the selected item", "Risk desk"),
            new Shortcut("Alt+N", "Next held item", "Risk desk"),
            new Shortcut("Ctrl+Shift+Q", "Focus the approval queue", "Risk desk"));

    private final Stage stage;
    private final TradingSession session;
    private final RiskDesk risk;
    private com.bourse.ui.port.ClerkDesk backOfficeDesk;
    private com.bourse.ui.port.UserAdministration userAdministration;
    private com.bourse.ui.view.backoffice.BackOfficePanels backOffice;
    private final WorkspaceStore store;
    private final ThemeManager themes;
    private final Runnable anotherWindow;
    private final Runnable signedOut;
    /** File › Quit: ends the application; null where the window cannot (then the item is hidden). */
    private Runnable quit;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private DeskState desk;
    private FrameLoop frames;
    private WorkstationContext context;
    private DockWorkspace dock;
    private OrderTicketController ticket;
    private WorkingOrdersController orders;
    private FillsController fills;
    private PositionsController positions;
    private LadderPanel ladder;
    private ChartPanel chart;
    private DashboardView dashboard;
    private WatchlistPanel watchlist;
    private TimeAndSalesPanel timeAndSales;
    private final Map<String, LadderPanel> ladders = new java.util.LinkedHashMap<>();
    private final Map<String, ChartPanel> charts = new java.util.LinkedHashMap<>();
    private MainWindowController shell;
    private ReviewQueue queue;
    private RiskContext riskContext;
    private ApprovalQueuePanel queuePanel;
    private RiskControlsPanel controlsPanel;
    private LimitsEditorPanel limitsPanel;
    private AuditViewerPanel auditPanel;
    private RiskOverviewPanel overviewPanel;
    private TrainingControl training;
    private TrainingToolbar trainingToolbar;
    private DebriefPanel debriefPanel;
    private String lastPanel = TICKET;
    private Stage beside;
    /** The ticket column's divider before it was collapsed. */
    private double expandedTicket = 0.22;
    private boolean closed;
    private WorkspaceAutosave autosave;

    /**
     * @param anotherWindow opens one more sign-in window (simulation: a second trader on the same market), or null
     * @param signedOut     called after the trader signed out and the window closed, or null
     */
    public Workstation(Stage stage, TradingSession session, WorkspaceStore store, ThemeManager themes,
                       Runnable anotherWindow, Runnable signedOut) {
        this(stage, session, null, store, themes, anotherWindow, signedOut);
    }

    /** @param risk the officer's desk, or null when the user is no risk officer (their window has no desk) */
    public Workstation(Stage stage, TradingSession session, RiskDesk risk, WorkspaceStore store, ThemeManager themes,
                       Runnable anotherWindow, Runnable signedOut) {
        this.stage = stage;
        this.session = session;
        this.risk = risk;
        this.store = store;
        this.themes = themes;
        this.anotherWindow = anotherWindow;
        this.signedOut = signedOut;
    }

    /** Builds and shows the window; the returned future completes once the first snapshot is on screen. */
    public CompletableFuture<Void> show() {
        desk = new DeskState(session.currencies(), session.instruments(), session.accounts());
        EventInbox inbox = new EventInbox(session.accounts().stream().map(AccountView::accountId)
                .collect(Collectors.toSet()));
        frames = new FrameLoop(inbox, desk);
        context = new WorkstationContext(session, desk, inbox, frames, themes);
        context.setConfirmer(this::confirmLargeOrder);
        dock = new DockWorkspace(themes);
        if (isTrader()) {
            registerTraderPanels();
        }
        if (risk != null) {
            registerRiskPanels();
        }
        if (backOfficeDesk != null || userAdministration != null) {
            backOffice = new com.bourse.ui.view.backoffice.BackOfficePanels(backOfficeDesk, userAdministration,
                    desk::say, this::confirmControl, () -> stage);
            backOffice.register(dock, isTrader() || risk != null);
        }
        if (training != null) {
            debriefPanel = new DebriefPanel(training, desk::say);
            dock.register(new DockPanel(DEBRIEF, "Debrief", debriefPanel, DockWorkspace.RIGHT));
        }
        shell = new MainWindowController(this);
        Parent root = load("MainWindow.fxml", shell);
        if (training != null) {
            installTraining();
        }

        Workspace saved = store.load(session.trader().username())
                .orElseGet(() -> startingWorkspace());
        if (isTrader()) {
            registerInstrumentPanels(saved);
        }
        Workspace.Bounds bounds = saved.window();
        // Never larger than the screen it opens on (a laptop's 1366 x 768 included).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(bounds == null ? 1440 : bounds.width(), screen.getWidth());
        double height = Math.min(bounds == null ? 900 : bounds.height(), screen.getHeight());
        Scene scene = new Scene(root, width, height);
        themes.setTheme(Theme.of(saved.theme()));
        themes.register(scene);
        scene.focusOwnerProperty().addListener((obs, old, owner) -> {
            String panel = owner == null ? null : DockPanel.panelOf(owner);
            if (panel != null) {
                lastPanel = panel;
            }
        });
        dock.restore(saved.areas(), saved.detached());
        if (dock.panels().stream().noneMatch(p -> dock.isOpen(p.id()))) {
            // A layout saved for other roles names none of this user's panels: start from their default.
            dock.restore(startingWorkspace().areas(), List.of());
        }
        for (PanelState panel : panelStates()) {
            panel.restore(saved);
        }
        context.confirmAboveNotionalProperty().set(saved.confirmAboveNotional());
        stage.setTitle("Bourse — " + session.trader().displayName() + " — " + session.mode());
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setScene(scene);
        // The stage is the sign-in form's, which keeps its own small size when given a new scene: the desk's
        // dividers would then be laid out for a 460-pixel window and stay there when it grows.
        stage.setWidth(width);
        stage.setHeight(height);
        if (bounds != null) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        } else {
            stage.centerOnScreen(); // not where the small sign-in form happened to be, half off the screen
        }
        if (beside != null && beside.isShowing()) {
            Rectangle2D previous = new Rectangle2D(beside.getX(), beside.getY(), beside.getWidth(), beside.getHeight());
            Rectangle2D mine = new Rectangle2D(stage.getX(), stage.getY(), width, height);
            if (bounds == null || WindowPlacement.onTopOf(mine, previous)) {
                Rectangle2D placed = WindowPlacement.beside(previous, width, height, screen);
                stage.setX(placed.getMinX());
                stage.setY(placed.getMinY());
                stage.setWidth(placed.getWidth());
                stage.setHeight(placed.getHeight());
            }
        }
        stage.setOnCloseRequest(e -> close());
        stage.show();
        dock.setDividers(saved.dividers());
        autosave = new WorkspaceAutosave(session.trader().username(), store, this::capture);
        Platform.runLater(() -> {
            dock.setDividers(saved.dividers());
            keepLadderWide();
            autosave.start();
        });
        dock.widthProperty().addListener((obs, old, now) -> Platform.runLater(this::keepLadderWide));

        CompletableFuture<Void> market = new CompletableFuture<>();
        session.connect(inbox).whenComplete((snapshot, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                desk.say("Could not load the market: " + failure.getMessage());
                market.completeExceptionally(failure);
                return;
            }
            desk.load(snapshot);
            frames.start();
            if (backOffice != null) {
                backOffice.load();
            }
            market.complete(null);
        }));
        CompletableFuture<Void> held = new CompletableFuture<>();
        if (risk == null) {
            held.complete(null);
        } else {
            risk.connect(queue.inbox()).whenComplete((snapshot, failure) -> Platform.runLater(() -> {
                if (failure != null) {
                    desk.say("Could not load the approval queue: " + failure.getMessage());
                    held.completeExceptionally(failure);
                    return;
                }
                queue.load(snapshot);
                held.complete(null);
            }));
        }
        market.thenCombine(held, (a, b) -> (Void) null).whenComplete((v, failure) -> {
            if (failure != null) {
                ready.completeExceptionally(failure);
            } else {
                ready.complete(null);
            }
        });
        return ready;
    }

    /**
     * Opens this window beside {@code previous} (another trader's open window) rather than on top of it, unless
     * the user's saved layout puts it somewhere else; call before {@link #show}.
     */
    public Workstation openBeside(Stage previous) {
        this.beside = previous;
        return this;
    }

    /** Makes this a training window (simulation toolbar, debrief panel); call before {@link #show}. */
    public void setTraining(TrainingControl control) {
        this.training = control;
    }

    private void installTraining() {
        trainingToolbar = new TrainingToolbar(training, session.instruments().stream()
                .map(com.bourse.protocol.Instrument::symbol).toList(), desk::say, this::showDebrief);
        shell.addTraining(trainingToolbar, trainingToolbar.clock());
        boolean[] wasFinished = {false};
        frames.addListener(now -> {
            trainingToolbar.onFrame();
            var status = trainingToolbar.shown();
            boolean finished = status != null && status.finished() && !status.replaying();
            if (finished && !wasFinished[0]) {
                showDebrief(); // the day closed: the debrief comes up by itself
            }
            wasFinished[0] = finished;
        });
    }

    /** Opens the debrief panel with the session's latest figures. */
    public void showDebrief() {
        if (debriefPanel != null) {
            dock.open(DEBRIEF);
            debriefPanel.refresh();
        }
    }

    /** The simulation toolbar; null outside training. */
    public TrainingToolbar trainingToolbar() {
        return trainingToolbar;
    }

    /** The debrief panel; null outside training. */
    public DebriefPanel debrief() {
        return debriefPanel;
    }

    /** The layout this user starts with: the back office's alone, or the trader's and officer's desks. */
    private Workspace startingWorkspace() {
        if (backOffice != null && !isTrader() && risk == null) {
            return backOffice.defaultWorkspace(Theme.DARK.id());
        }
        Workspace desk = defaultWorkspace(isTrader(), risk != null);
        // A user with several roles gets every desk's panels: the back office's join the trader's blotters at the
        // bottom, or the officer's tabs in the middle (the officer's layout has no bottom row).
        return backOffice == null ? desk
                : withPanels(desk, isTrader() ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE, backOffice.ids());
    }

    /** {@code layout} with {@code panels} added as tabs of {@code area} (after its own, its selection kept). */
    static Workspace withPanels(Workspace layout, String area, List<String> panels) {
        List<Workspace.Area> areas = new ArrayList<>();
        boolean found = false;
        for (Workspace.Area a : layout.areas()) {
            if (a.id().equals(area)) {
                List<String> tabs = new ArrayList<>(a.panels());
                panels.stream().filter(p -> !tabs.contains(p)).forEach(tabs::add);
                areas.add(new Workspace.Area(a.id(), tabs, a.selected()));
                found = true;
            } else {
                areas.add(a);
            }
        }
        if (!found) {
            areas.add(new Workspace.Area(area, panels, panels.getFirst()));
        }
        return new Workspace(layout.theme(), areas, layout.detached(), layout.dividers(), layout.window(),
                layout.columnWidths(), layout.hiddenColumns(), layout.sortOrders(), layout.confirmAboveNotional());
    }

    /**
     * Gives this window the back office's panels (BACK_OFFICE: accounts, cash movements, statements, end of day;
     * ADMIN: users and roles, end of day; a clerk-only desk, live: the clerk's panels alone); call before
     * {@link #show}. The window closes the desk.
     */
    public Workstation withBackOffice(com.bourse.ui.port.ClerkDesk desk) {
        this.backOfficeDesk = desk;
        return this;
    }

    /**
     * Gives this window Users &amp; roles over {@code administration} (live: the production engine's users), beside
     * the clerk's panels if it has them; call before {@link #show}. The window closes it.
     */
    public Workstation withUserAdministration(com.bourse.ui.port.UserAdministration administration) {
        this.userAdministration = administration;
        return this;
    }

    /** The back office's panels; null when the user has none. */
    public com.bourse.ui.view.backoffice.BackOfficePanels backOffice() {
        return backOffice;
    }

    /** Whether this window has the trader's panels. */
    public boolean isTrader() {
        return session.trader().has(Role.TRADER);
    }

    private void registerTraderPanels() {
        ticket = new OrderTicketController(context);
        orders = new WorkingOrdersController(context);
        fills = new FillsController(context);
        positions = new PositionsController(context);
        dock.register(new DockPanel(TICKET, "Order ticket", load("OrderTicket.fxml", ticket), DockWorkspace.LEFT));
        ladder = new LadderPanel(context);
        dock.register(new DockPanel(LADDER, "Ladder", ladder, DockWorkspace.CENTRE));
        chart = new ChartPanel(context);
        dock.register(new DockPanel(CHART, "Chart", chart, DockWorkspace.RIGHT));
        dashboard = new DashboardView(context);
        dock.register(new DockPanel(DASHBOARD, "Dashboard", dashboard, DockWorkspace.RIGHT));
        watchlist = new WatchlistPanel(context, this::openLadder, this::openChart);
        dock.register(new DockPanel(WATCHLIST, "Watchlist", watchlist, DockWorkspace.RIGHT));
        timeAndSales = new TimeAndSalesPanel(context);
        dock.register(new DockPanel(TIME_SALES, "Time & sales", timeAndSales, DockWorkspace.RIGHT));
        dock.register(new DockPanel(ORDERS, "Working orders", load("WorkingOrders.fxml", orders),
                DockWorkspace.BOTTOM));
        dock.register(new DockPanel(FILLS, "Fills", load("Fills.fxml", fills), DockWorkspace.BOTTOM));
        dock.register(new DockPanel(POSITIONS, "Positions & cash", load("Positions.fxml", positions),
                DockWorkspace.BOTTOM));
    }

    /** The ladders and charts of single instruments that the saved layout has open. */
    private void registerInstrumentPanels(Workspace saved) {
        List<String> named = new ArrayList<>();
        saved.areas().forEach(a -> named.addAll(a.panels()));
        saved.detached().forEach(d -> named.add(d.panel()));
        for (String id : named) {
            for (com.bourse.protocol.Instrument i : session.instruments()) {
                if (id.equals(LADDER_OF + i.symbol())) {
                    registerLadder(i);
                } else if (id.equals(CHART_OF + i.symbol())) {
                    registerChart(i);
                }
            }
        }
    }

    /** Opens (or brings forward) a ladder of {@code instrument} of its own, beside the main one; returns it. */
    public LadderPanel openLadder(com.bourse.protocol.Instrument instrument) {
        LadderPanel panel = registerLadder(instrument);
        dock.open(LADDER_OF + instrument.symbol());
        return panel;
    }

    /** Opens (or brings forward) a chart of {@code instrument} of its own; returns it. */
    public ChartPanel openChart(com.bourse.protocol.Instrument instrument) {
        ChartPanel panel = registerChart(instrument);
        dock.open(CHART_OF + instrument.symbol());
        return panel;
    }

    private LadderPanel registerLadder(com.bourse.protocol.Instrument instrument) {
        return ladders.computeIfAbsent(instrument.symbol(), s -> {
            LadderPanel panel = new LadderPanel(context, instrument);
            dock.register(new DockPanel(LADDER_OF + s, "Ladder " + s, panel, DockWorkspace.CENTRE));
            return panel;
        });
    }

    private ChartPanel registerChart(com.bourse.protocol.Instrument instrument) {
        return charts.computeIfAbsent(instrument.symbol(), s -> {
            ChartPanel panel = new ChartPanel(context, instrument);
            dock.register(new DockPanel(CHART_OF + s, "Chart " + s, panel, DockWorkspace.RIGHT));
            return panel;
        });
    }

    private void registerRiskPanels() {
        queue = new ReviewQueue(risk, desk::say);
        riskContext = new RiskContext(queue, session.currencies(), session.instruments(), desk::say);
        riskContext.setConfirmer(this::confirmControl);
        frames.addListener(now -> queue.onFrame());
        queuePanel = new ApprovalQueuePanel(riskContext);
        controlsPanel = new RiskControlsPanel(riskContext);
        limitsPanel = new LimitsEditorPanel(riskContext);
        auditPanel = new AuditViewerPanel(riskContext, java.time.ZoneId.systemDefault());
        overviewPanel = new RiskOverviewPanel(riskContext, java.time.ZoneId.systemDefault(), this::showAccount);
        boolean trader = isTrader();
        dock.register(new DockPanel(RISK_QUEUE, "Approval queue", queuePanel,
                trader ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE));
        dock.register(new DockPanel(RISK_CONTROLS, "Kill switch & halts", controlsPanel,
                trader ? DockWorkspace.BOTTOM : DockWorkspace.RIGHT));
        dock.register(new DockPanel(RISK_LIMITS, "Limits", limitsPanel,
                trader ? DockWorkspace.BOTTOM : DockWorkspace.RIGHT));
        dock.register(new DockPanel(RISK_AUDIT, "Audit trail", auditPanel,
                trader ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE));
        dock.register(new DockPanel(RISK_OVERVIEW, "Risk overview", overviewPanel,
                trader ? DockWorkspace.BOTTOM : DockWorkspace.CENTRE));
        if (!trader) {
            lastPanel = RISK_QUEUE;
        }
    }

    /** A click through to an account: the limits editor and the controls select it, the limits come forward. */
    private void showAccount(long accountId) {
        limitsPanel.select(accountId);
        controlsPanel.selectAccount(accountId);
        dock.open(RISK_LIMITS);
    }

    private boolean confirmControl(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(stage);
        themes.register(alert.getDialogPane().getScene());
        Optional<ButtonType> answer = alert.showAndWait();
        themes.unregister(alert.getDialogPane().getScene());
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }

    /**
     * The layout a user of these roles starts with: the trader's (below) with the risk desk as tabs under it for
     * a trader who is also an officer; an officer alone has the queue in the middle and the controls beside it.
     */
    public static Workspace defaultWorkspace(boolean trader, boolean officer) {
        if (!officer) {
            return defaultWorkspace();
        }
        if (!trader) {
            return new Workspace(Theme.DARK.id(), List.of(
                    new Workspace.Area(DockWorkspace.CENTRE, List.of(RISK_QUEUE, RISK_OVERVIEW, RISK_AUDIT), RISK_QUEUE),
                    new Workspace.Area(DockWorkspace.RIGHT, List.of(RISK_CONTROLS, RISK_LIMITS), RISK_CONTROLS)),
                    List.of(), List.of(0.0, 0.98, 0.62), null, Map.of(), Map.of(), Map.of(), 50_000);
        }
        Workspace base = defaultWorkspace();
        return new Workspace(base.theme(), List.of(
                new Workspace.Area(DockWorkspace.LEFT, List.of(TICKET), TICKET),
                new Workspace.Area(DockWorkspace.CENTRE, List.of(LADDER), LADDER),
                new Workspace.Area(DockWorkspace.RIGHT, List.of(CHART, WATCHLIST, TIME_SALES, DASHBOARD), CHART),
                new Workspace.Area(DockWorkspace.BOTTOM, List.of(RISK_QUEUE, ORDERS, FILLS, POSITIONS, RISK_CONTROLS,
                        RISK_LIMITS, RISK_OVERVIEW, RISK_AUDIT), RISK_QUEUE)),
                List.of(), base.dividers(), null, Map.of(), Map.of(), Map.of(), base.confirmAboveNotional());
    }

    /** The layout a trader starts with: ticket left, ladder in the middle, chart right, blotters below. */
    public static Workspace defaultWorkspace() {
        return new Workspace(Theme.DARK.id(), List.of(
                new Workspace.Area(DockWorkspace.LEFT, List.of(TICKET), TICKET),
                new Workspace.Area(DockWorkspace.CENTRE, List.of(LADDER), LADDER),
                new Workspace.Area(DockWorkspace.RIGHT, List.of(CHART, WATCHLIST, TIME_SALES, DASHBOARD), CHART),
                new Workspace.Area(DockWorkspace.BOTTOM, List.of(ORDERS, FILLS, POSITIONS), ORDERS)),
                List.of(), List.of(0.22, 0.64, 0.42), null, Map.of(), Map.of(), Map.of(), 50_000);
    }

    /** The trader's desk as it is now, as it would be saved. */
    public Workspace capture() {
        Map<String, Double> widths = new HashMap<>();
        Map<String, List<String>> hidden = new HashMap<>();
        Map<String, String> sorts = new HashMap<>();
        for (PanelState panel : panelStates()) {
            panel.capture(widths, hidden, sorts);
        }
        return new Workspace(themes.theme().id(), dock.captureAreas(), dock.captureDetached(), dock.dividers(),
                new Workspace.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), widths,
                hidden, sorts, context.confirmAboveNotionalProperty().get());
    }

    public void save() {
        store.save(session.trader().username(), capture());
    }

    /** Saves the workspace, stops the frame loop and the session, closes this window and its detached panels. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (autosave != null) {
            autosave.stop();
        }
        save();
        frames.stop();
        dock.closeDetachedWindows();
        themes.unregister(stage.getScene());
        if (overviewPanel != null) {
            overviewPanel.stop();
        }
        if (risk != null) {
            risk.close();
        }
        if (backOffice != null) {
            backOffice.close();
        }
        session.close();
        stage.close();
    }

    public void signOut() {
        close();
        if (signedOut != null) {
            signedOut.run();
        }
    }

    /**
     * What File › Quit (Ctrl+Q) does: end the application as closing its last window would (every window closes,
     * its workspace saved, then the data folder and journal close); call before {@link #show}.
     */
    public Workstation onQuit(Runnable quit) {
        this.quit = quit;
        return this;
    }

    boolean canQuit() {
        return quit != null;
    }

    /** File › Quit (Ctrl+Q). */
    public void quit() {
        if (quit != null) {
            quit.run();
        }
    }

    boolean canOpenAnotherWindow() {
        return anotherWindow != null;
    }

    void openAnotherWindow() {
        if (anotherWindow != null) {
            anotherWindow.run();
        }
    }

    // ---- Hotkey actions ---------------------------------------------------------------------------------

    public void buy() {
        if (ticket == null) {
            return;
        }
        expandTicket();
        dock.open(TICKET);
        ticket.sendAs(Side.BUY);
    }

    public void sell() {
        if (ticket == null) {
            return;
        }
        expandTicket();
        dock.open(TICKET);
        ticket.sendAs(Side.SELL);
    }

    /** Cancels the orders selected in the blotter, or, from the ladder, the own orders at its cursor. */
    public void cancelSelected() {
        if (orders == null) {
            return;
        }
        if (LADDER.equals(lastPanel) && ladder.ladder().cursorPrice() > 0) {
            long at = ladder.ladder().cursorPrice();
            ladder.ladder().cancelOwnAt(Side.BUY, at);
            ladder.ladder().cancelOwnAt(Side.SELL, at);
            return;
        }
        orders.cancelSelected();
    }

    public void cancelAll() {
        if (orders == null) {
            return;
        }
        orders.cancelAll();
    }

    public void flatten() {
        if (positions == null) {
            return;
        }
        positions.flattenSelected();
    }

    /**
     * On a narrow window the ladder keeps {@link #LADDER_MIN_WIDTH}: the chart's area gives way first (down to a
     * readable width), then the ticket's. Called whenever the workspace changes width.
     */
    void keepLadderWide() {
        double total = dock.getWidth();
        if (ladder == null || total <= 0 || !dock.panelsIn(DockWorkspace.CENTRE).contains(LADDER)) {
            return;
        }
        List<Double> d = dock.dividers();
        double left = d.get(0) * total;
        double centre = d.get(2) * (total - left);
        double right = total - left - centre;
        double deficit = LADDER_MIN_WIDTH + AREA_CHROME - centre;
        if (deficit <= 1) {
            return;
        }
        double fromRight = Math.min(deficit, Math.max(0, right - RIGHT_MIN_WIDTH));
        double fromLeft = Math.min(deficit - fromRight, Math.max(0, left - TICKET_MIN_WIDTH));
        if (fromRight + fromLeft < 1) {
            return;
        }
        double newLeft = left - fromLeft;
        dock.setDividers(List.of(newLeft / total, d.get(1), (centre + fromRight + fromLeft) / (total - newLeft)));
    }

    /** Folds the ticket's column away to give the ladder and chart its width, or unfolds it. */
    public void toggleTicket() {
        List<Double> d = dock.dividers();
        if (isTicketCollapsed()) {
            dock.setDividers(List.of(expandedTicket, d.get(1), d.get(2)));
        } else {
            expandedTicket = d.get(0);
            dock.setDividers(List.of(0.0, d.get(1), d.get(2)));
        }
    }

    public boolean isTicketCollapsed() {
        return dock.dividers().get(0) < 0.01;
    }

    private void expandTicket() {
        if (isTicketCollapsed() && DockWorkspace.LEFT.equals(dock.areaOf(TICKET))) {
            toggleTicket();
        }
    }

    public void focusTicket() {
        if (ticket == null) {
            return;
        }
        expandTicket();
        dock.open(TICKET);
        ticket.focus();
    }

    public void focusLadder() {
        if (ladder == null) {
            return;
        }
        dock.open(LADDER);
        ladder.ladder().requestFocus();
    }

    public String focusedPanel() {
        return lastPanel;
    }

    public void moveFocusedPanel(String area) {
        dock.move(lastPanel, area, -1);
        dock.focus(lastPanel);
    }

    public void detachFocusedPanel() {
        dock.detach(lastPanel, null);
    }

    public void closeFocusedPanel() {
        dock.close(lastPanel);
    }

    /** Moves the keyboard to the next open panel, in area and tab order. */
    public void focusNextPanel() {
        List<String> open = new ArrayList<>();
        for (String area : DockWorkspace.AREAS) {
            open.addAll(dock.panelsIn(area));
        }
        if (open.isEmpty()) {
            return;
        }
        int at = open.indexOf(lastPanel);
        String next = open.get((at + 1) % open.size());
        lastPanel = next;
        dock.focus(next);
    }

    private boolean confirmLargeOrder(OrderConfirmation question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.question(), ButtonType.OK, ButtonType.CANCEL);
        // A bracket's question gives each exit a line: as wide as the longest, not wrapped at the dialog's 360 px.
        if (alert.getDialogPane().lookup(".content") instanceof javafx.scene.control.Label content) {
            content.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        }
        alert.setTitle(question.title());
        alert.setHeaderText("This order is above your confirmation threshold");
        alert.initOwner(stage);
        themes.register(alert.getDialogPane().getScene());
        Optional<ButtonType> answer = alert.showAndWait();
        themes.unregister(alert.getDialogPane().getScene());
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }

    private List<PanelState> panelStates() {
        return isTrader() ? List.of(orders, fills, positions) : List.of();
    }

    // ---- Risk desk actions (the Risk menu) -----------------------------------------------------------

    public boolean hasRiskDesk() {
        return risk != null;
    }

    public void approveHeld() {
        if (queuePanel != null) {
            dock.open(RISK_QUEUE);
            queuePanel.approveSelected();
        }
    }

    public void rejectHeld() {
        if (queuePanel != null) {
            dock.open(RISK_QUEUE);
            queuePanel.startReject();
        }
    }

    public void nextHeld() {
        if (queuePanel != null) {
            dock.open(RISK_QUEUE);
            queuePanel.nextItem();
        }
    }

    public void focusQueue() {
        if (queuePanel != null) {
            dock.open(RISK_QUEUE);
            queuePanel.focusQueue();
        }
    }

    private static Parent load(String fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(Workstation.class.getResource(fxml));
        loader.setControllerFactory(type -> controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    // ---- For the composition root and tests ---------------------------------------------------------------

    public CompletableFuture<Void> ready() {
        return ready;
    }

    public Stage stage() {
        return stage;
    }

    public WorkstationContext context() {
        return context;
    }

    public DockWorkspace dock() {
        return dock;
    }

    public OrderTicketController ticket() {
        return ticket;
    }

    public WorkingOrdersController workingOrders() {
        return orders;
    }

    public FillsController fills() {
        return fills;
    }

    public PositionsController positions() {
        return positions;
    }

    public LadderPanel ladder() {
        return ladder;
    }

    public ChartPanel chart() {
        return chart;
    }

    public DashboardView dashboard() {
        return dashboard;
    }

    public WatchlistPanel watchlist() {
        return watchlist;
    }

    public TimeAndSalesPanel timeAndSales() {
        return timeAndSales;
    }

    /** The ladders of single instruments opened so far, by symbol. */
    public Map<String, LadderPanel> instrumentLadders() {
        return Map.copyOf(ladders);
    }

    public FrameLoop frames() {
        return frames;
    }

    public MainWindowController shell() {
        return shell;
    }

    /** The officer's queue model; null without the risk desk. */
    public ReviewQueue reviewQueue() {
        return queue;
    }

    public RiskContext riskContext() {
        return riskContext;
    }

    public ApprovalQueuePanel approvalQueue() {
        return queuePanel;
    }

    public RiskControlsPanel riskControls() {
        return controlsPanel;
    }

    public LimitsEditorPanel limitsEditor() {
        return limitsPanel;
    }

    public AuditViewerPanel auditViewer() {
        return auditPanel;
    }

    public RiskOverviewPanel riskOverview() {
        return overviewPanel;
    }
}
