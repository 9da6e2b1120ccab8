package com.bourse.app.desktop;

import com.bourse.ui.port.VenueMode;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Help › Settings: the configuration this desktop runs with — every setting's effective value and where it came
 * from (a {@code -D} option, an environment variable, the configuration file and its profile, or the default), so a
 * user or support can see at a glance which cluster and data folder a window is on. Read-only: settings change in
 * the file or on the command line, and take effect at the next start.
 */
final class SettingsWindow {
    private SettingsWindow() {
    }

    /** The effective settings of {@code config}, each with its source as the process's settings tell it. */
    static List<DesktopSettings.Setting> rows(DesktopConfig config) {
        Map<String, DesktopSettings.Setting> known;
        try {
            known = DesktopConfig.loadFromProcess().effective().stream()
                    .collect(Collectors.toMap(DesktopSettings.Setting::name, Function.identity(), (a, b) -> b));
        } catch (IllegalArgumentException e) {
            known = Map.of(); // a desktop started with a configuration given in code (tests, training)
        }
        List<DesktopSettings.Setting> rows = new ArrayList<>();
        add(rows, known, "bourse.mode", config.mode().name().toLowerCase(Locale.ROOT));
        if (known.containsKey("bourse.profile")) {
            rows.add(known.get("bourse.profile"));
        }
        if (config.mode() == VenueMode.LIVE) {
            add(rows, known, "bourse.cluster", config.cluster().ingressEndpoints());
        } else {
            add(rows, known, "bourse.sim.barMillis", String.valueOf(config.barMillis()));
            add(rows, known, "bourse.sim.warmUpBars", String.valueOf(config.warmUpBars()));
            add(rows, known, "bourse.sim.seed", String.valueOf(config.seed()));
        }
        add(rows, known, "bourse.home", String.valueOf(config.home()));
        add(rows, known, "bourse.data", String.valueOf(config.dataDir()));
        add(rows, known, "bourse.sampleData", String.valueOf(config.sampleData()));
        if (known.containsKey("bourse.config")) {
            rows.add(known.get("bourse.config"));
        }
        return rows;
    }

    private static void add(List<DesktopSettings.Setting> rows, Map<String, DesktopSettings.Setting> known,
                            String name, String value) {
        DesktopSettings.Setting read = known.get(name);
        boolean same = read != null && read.value().equals(value);
        rows.add(new DesktopSettings.Setting(name, value, same ? read.source() : "this start"));
    }

    /** Adds Help › Settings… to a main window's menus. */
    static void offerIn(Stage mainWindow, DesktopConfig config) {
        Node bar = mainWindow.getScene() == null ? null : mainWindow.getScene().lookup("#menuBar");
        if (!(bar instanceof MenuBar menuBar)) {
            return;
        }
        for (Menu menu : menuBar.getMenus()) {
            if ("_Help".equals(menu.getText())) {
                MenuItem item = new MenuItem("Settings…");
                item.setId("settingsItem");
                item.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
                item.setOnAction(e -> show(mainWindow, rows(config)));
                menu.getItems().add(item);
            }
        }
    }

    static Stage show(Window owner, List<DesktopSettings.Setting> rows) {
        TableView<DesktopSettings.Setting> table = new TableView<>();
        table.setId("settingsTable");
        table.getColumns().add(column("Setting", DesktopSettings.Setting::name, 190));
        table.getColumns().add(column("Value", DesktopSettings.Setting::value, 380));
        table.getColumns().add(column("From", DesktopSettings.Setting::source, 260));
        table.getItems().setAll(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label("The configuration this desktop started with. Change it in the configuration file "
                + "or with -Dname=value; it applies at the next start.");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        BorderPane root = new BorderPane(table);
        root.setTop(note);
        root.getStyleClass().add("settings-window");
        BorderPane.setMargin(note, new javafx.geometry.Insets(8));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Bourse — settings");
        Scene scene = new Scene(root, 860, 380);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static TableColumn<DesktopSettings.Setting, String> column(
            String title, Function<DesktopSettings.Setting, String> value, double width) {
        TableColumn<DesktopSettings.Setting, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
