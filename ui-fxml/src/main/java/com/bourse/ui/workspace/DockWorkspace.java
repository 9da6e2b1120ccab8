package com.bourse.ui.workspace;

import com.bourse.ui.port.Workspace;
import com.bourse.ui.theme.ThemeManager;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A docking workspace built from plain JavaFX: four tab areas (left, centre, right, bottom) in split panes.
 * Panels can be opened, closed, reordered and moved between areas (by dragging a tab onto another area, from
 * a tab's context menu, or from the keyboard through the window menu) and detached into their own window;
 * closing a detached window docks the panel back where it came from. The arrangement is captured into and
 * restored from a {@link Workspace}.
 *
 * <p>FX thread only.
 */
public final class DockWorkspace extends StackPane {
    public static final String LEFT = "left";
    public static final String CENTRE = "centre";
    public static final String RIGHT = "right";
    public static final String BOTTOM = "bottom";
    public static final List<String> AREAS = List.of(LEFT, CENTRE, RIGHT, BOTTOM);
    private static final DataFormat PANEL_FORMAT = new DataFormat("application/x-bourse-panel");
    private static final double EMPTY_HINT_MIN_SIZE = 120;

    private final ThemeManager themes;
    private final Map<String, DockPanel> panels = new LinkedHashMap<>();
    private final Map<String, TabPane> areas = new LinkedHashMap<>();
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<String, Stage> detached = new LinkedHashMap<>();
    private final Map<String, String> homeAreas = new LinkedHashMap<>();
    private final SplitPane outer = new SplitPane();
    private final SplitPane inner = new SplitPane();
    private final SplitPane top = new SplitPane();
    private final List<Consumer<String>> changeListeners = new ArrayList<>();
    /** A panel's tab is being dragged: every empty area says it takes one. */
    private final javafx.beans.property.BooleanProperty draggingPanel =
            new javafx.beans.property.SimpleBooleanProperty(this, "draggingPanel");
    private boolean closing;

    public DockWorkspace(ThemeManager themes) {
        this.themes = themes;
        getStyleClass().add("dock-workspace");
        for (String id : AREAS) {
            areas.put(id, newArea(id));
        }
        top.setOrientation(Orientation.HORIZONTAL);
        top.getItems().addAll(wrap(CENTRE), wrap(RIGHT));
        inner.setOrientation(Orientation.VERTICAL);
        inner.getItems().addAll(top, wrap(BOTTOM));
        outer.setOrientation(Orientation.HORIZONTAL);
        outer.getItems().addAll(wrap(LEFT), inner);
        SplitPane.setResizableWithParent(areaNode(LEFT), false);
        getChildren().add(outer);
        setDividers(List.of(0.22, 0.66, 0.70));
    }

    // ---- Panels ---------------------------------------------------------------------------------

    /** Makes a panel known; it opens when a layout names it or {@link #open} is called. */
    public void register(DockPanel panel) {
        panels.put(panel.id(), panel);
        homeAreas.putIfAbsent(panel.id(), panel.defaultArea());
    }

    public List<DockPanel> panels() {
        return List.copyOf(panels.values());
    }

    public boolean isOpen(String panelId) {
        return tabs.containsKey(panelId) || detached.containsKey(panelId);
    }

    public boolean isDetached(String panelId) {
        return detached.containsKey(panelId);
    }

    /** The area a docked panel sits in, or null when it is closed or detached. */
    public String areaOf(String panelId) {
        Tab tab = tabs.get(panelId);
        if (tab == null) {
            return null;
        }
        for (Map.Entry<String, TabPane> e : areas.entrySet()) {
            if (e.getValue().getTabs().contains(tab)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Panel ids of an area in tab order. */
    public List<String> panelsIn(String area) {
        List<String> ids = new ArrayList<>();
        for (Tab tab : areas.get(area).getTabs()) {
            ids.add((String) tab.getUserData());
        }
        return ids;
    }

    public TabPane area(String area) {
        return areas.get(area);
    }

    /** Opens a panel in its home area (or brings it to front) and returns its tab, or null when detached. */
    public Tab open(String panelId) {
        if (detached.containsKey(panelId)) {
            detached.get(panelId).toFront();
            return null;
        }
        Tab tab = tabs.get(panelId);
        if (tab == null) {
            return move(panelId, homeAreas.getOrDefault(panelId, CENTRE), -1);
        }
        tab.getTabPane().getSelectionModel().select(tab);
        return tab;
    }

    /** Shows the panel and gives focus to its content. */
    public void focus(String panelId) {
        open(panelId);
        DockPanel panel = panels.get(panelId);
        if (panel != null) {
            panel.content().requestFocus();
        }
    }

    public void close(String panelId) {
        Stage stage = detached.remove(panelId);
        if (stage != null) {
            stage.setOnHidden(null);
            stage.close();
            ((BorderPane) stage.getScene().getRoot()).setCenter(null);
        }
        Tab tab = tabs.remove(panelId);
        if (tab != null) {
            homeAreas.put(panelId, areaOf(tab));
            tab.setContent(null);
            tab.getTabPane().getTabs().remove(tab);
        }
        changed(panelId);
    }

    /** Docks the panel in {@code area} at {@code index} (-1 for the end), opening or re-docking it as needed. */
    public Tab move(String panelId, String area, int index) {
        DockPanel panel = panels.get(panelId);
        TabPane target = areas.get(area);
        if (panel == null || target == null) {
            return null;
        }
        Stage stage = detached.remove(panelId);
        if (stage != null) {
            stage.setOnHidden(null);
            ((BorderPane) stage.getScene().getRoot()).setCenter(null);
            themes.unregister(stage.getScene());
            stage.close();
        }
        Tab tab = tabs.get(panelId);
        if (tab == null) {
            tab = newTab(panel);
            tabs.put(panelId, tab);
        } else {
            tab.getTabPane().getTabs().remove(tab);
        }
        if (tab.getContent() == null) {
            tab.setContent(panel.content());
        }
        int at = index < 0 || index > target.getTabs().size() ? target.getTabs().size() : index;
        target.getTabs().add(at, tab);
        target.getSelectionModel().select(tab);
        homeAreas.put(panelId, area);
        changed(panelId);
        return tab;
    }

    /** Moves a panel into a window of its own; closing that window docks it back. */
    public Stage detach(String panelId, Workspace.Bounds bounds) {
        DockPanel panel = panels.get(panelId);
        if (panel == null) {
            return null;
        }
        if (detached.containsKey(panelId)) {
            return detached.get(panelId);
        }
        Tab tab = tabs.remove(panelId);
        if (tab != null) {
            homeAreas.put(panelId, areaOf(tab));
            tab.setContent(null);
            tab.getTabPane().getTabs().remove(tab);
        }
        Stage stage = new Stage();
        stage.setTitle(panel.title() + " — Bourse");
        Window owner = getScene() == null ? null : getScene().getWindow();
        if (owner != null) {
            stage.initOwner(owner);
        }
        BorderPane root = new BorderPane(panel.content());
        root.getStyleClass().add("panel");
        Scene scene = new Scene(root, bounds == null ? 640 : bounds.width(), bounds == null ? 420 : bounds.height());
        themes.register(scene);
        stage.setScene(scene);
        if (bounds != null) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        } else if (owner != null) {
            stage.setX(owner.getX() + 80);
            stage.setY(owner.getY() + 80);
        }
        stage.setOnHidden(e -> {
            if (!closing && detached.get(panelId) == stage) {
                move(panelId, homeAreas.getOrDefault(panelId, panel.defaultArea()), -1);
            }
        });
        detached.put(panelId, stage);
        stage.show();
        changed(panelId);
        return stage;
    }

    public Stage detachedStage(String panelId) {
        return detached.get(panelId);
    }

    /** Closes the floating windows without docking them back (the main window is going away). */
    public void closeDetachedWindows() {
        closing = true;
        for (Stage stage : List.copyOf(detached.values())) {
            themes.unregister(stage.getScene());
            stage.close();
        }
    }

    /** Told the id of a panel whenever one opens, closes, moves or detaches. */
    public void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    // ---- Layout capture and restore --------------------------------------------------------------------

    public List<Workspace.Area> captureAreas() {
        List<Workspace.Area> result = new ArrayList<>();
        for (Map.Entry<String, TabPane> e : areas.entrySet()) {
            Tab selected = e.getValue().getSelectionModel().getSelectedItem();
            result.add(new Workspace.Area(e.getKey(), panelsIn(e.getKey()),
                    selected == null ? null : (String) selected.getUserData()));
        }
        return result;
    }

    public List<Workspace.Detached> captureDetached() {
        List<Workspace.Detached> result = new ArrayList<>();
        detached.forEach((id, stage) -> result.add(new Workspace.Detached(id, homeAreas.get(id),
                new Workspace.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))));
        return result;
    }

    public List<Double> dividers() {
        return List.of(position(outer), position(inner), position(top));
    }

    public void setDividers(List<Double> positions) {
        if (positions.size() >= 3) {
            outer.setDividerPositions(positions.get(0));
            inner.setDividerPositions(positions.get(1));
            top.setDividerPositions(positions.get(2));
        }
    }

    /** Arranges the known panels as the saved areas say; panels a layout does not name stay closed. */
    public void restore(List<Workspace.Area> saved, List<Workspace.Detached> floating) {
        for (String id : List.copyOf(tabs.keySet())) {
            close(id);
        }
        for (Workspace.Area area : saved) {
            if (!areas.containsKey(area.id())) {
                continue;
            }
            for (String panel : area.panels()) {
                move(panel, area.id(), -1);
            }
            if (area.selected() != null && tabs.containsKey(area.selected())) {
                open(area.selected());
            }
        }
        for (Workspace.Detached d : floating) {
            if (panels.containsKey(d.panel())) {
                if (d.homeArea() != null) {
                    homeAreas.put(d.panel(), d.homeArea());
                }
                detach(d.panel(), d.bounds());
            }
        }
    }

    // ---- Building blocks ------------------------------------------------------------------------------

    private TabPane newArea(String id) {
        TabPane pane = new TabPane();
        pane.getStyleClass().add("dock-area");
        pane.setId("dock-" + id);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        pane.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(PANEL_FORMAT)) {
                e.acceptTransferModes(TransferMode.MOVE);
                if (!pane.getStyleClass().contains("drop-target")) {
                    pane.getStyleClass().add("drop-target");
                }
            }
            e.consume();
        });
        pane.setOnDragExited(e -> pane.getStyleClass().remove("drop-target"));
        pane.setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            boolean done = false;
            if (board.hasContent(PANEL_FORMAT)) {
                move((String) board.getContent(PANEL_FORMAT), id, -1);
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
        return pane;
    }

    private Node wrap(String id) {
        Label empty = new Label("Drag a panel tab here");
        empty.getStyleClass().add("dock-empty");
        TabPane pane = areas.get(id);
        StackPane holder = new StackPane(empty, pane);
        holder.getStyleClass().add("dock-area-holder");
        // A role's layout leaves unused areas as thin strips at the window's edge; a hint there reads as a stray
        // line of text. It shows while a tab is dragged, or in an empty area big enough to be a space of its own.
        empty.visibleProperty().bind(draggingPanel.or(holder.heightProperty().greaterThan(EMPTY_HINT_MIN_SIZE)
                .and(holder.widthProperty().greaterThan(EMPTY_HINT_MIN_SIZE))));
        pane.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(pane.getTabs()));
        holder.setUserData(id);
        return holder;
    }

    private Node areaNode(String id) {
        return areas.get(id).getParent();
    }

    private Tab newTab(DockPanel panel) {
        Label title = new Label(panel.title());
        title.getStyleClass().add("tab-title");
        Tab tab = new Tab();
        tab.setGraphic(title);
        tab.setUserData(panel.id());
        tab.setId("tab-" + panel.id());
        tab.setOnCloseRequest(e -> {
            e.consume();
            close(panel.id());
        });
        title.setOnDragDetected(e -> {
            Dragboard board = title.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(PANEL_FORMAT, panel.id());
            board.setContent(content);
            draggingPanel.set(true);
            e.consume();
        });
        title.setOnDragDone(e -> draggingPanel.set(false));
        title.setOnDragDropped(e -> {
            if (e.getDragboard().hasContent(PANEL_FORMAT)) {
                String moving = (String) e.getDragboard().getContent(PANEL_FORMAT);
                String area = areaOf(tab);
                int index = area == null ? -1 : areas.get(area).getTabs().indexOf(tab);
                if (!moving.equals(panel.id()) && area != null) {
                    move(moving, area, index);
                }
                e.setDropCompleted(true);
                e.consume();
            }
        });
        tab.setContextMenu(contextMenu(panel));
        return tab;
    }

    private ContextMenu contextMenu(DockPanel panel) {
        Menu moveTo = new Menu("Move to");
        for (String area : AREAS) {
            MenuItem item = new MenuItem(Character.toUpperCase(area.charAt(0)) + area.substring(1));
            item.setOnAction(e -> move(panel.id(), area, -1));
            moveTo.getItems().add(item);
        }
        MenuItem detach = new MenuItem("Detach into window");
        detach.setOnAction(e -> detach(panel.id(), null));
        MenuItem close = new MenuItem("Close");
        close.setOnAction(e -> close(panel.id()));
        return new ContextMenu(moveTo, detach, close);
    }

    private String areaOf(Tab tab) {
        for (Map.Entry<String, TabPane> e : areas.entrySet()) {
            if (e.getValue().getTabs().contains(tab)) {
                return e.getKey();
            }
        }
        return null;
    }

    private void changed(String panelId) {
        changeListeners.forEach(l -> l.accept(panelId));
    }

    private static double position(SplitPane pane) {
        double[] positions = pane.getDividerPositions();
        return positions.length == 0 ? 0.5 : positions[0];
    }
}
