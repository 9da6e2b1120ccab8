package com.bourse.ui.view;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Sizes a table's columns from the text they show, so no cell on screen is cut short: each column at least as wide
 * as its header (every line of it) and its widest row, measured in the fonts the theme gives its cells, and what is
 * left over shared out among them in proportion (no sideways scrolling while the columns fit). When they do not fit,
 * the columns named to give way are hidden, first to last, until the rest do, and come back once the table is wide
 * enough again (the filter box still matches their text). A column the person hides or shows from the column menu
 * stays as they chose. The widths come from every row, not only those on screen, so they do not jump while
 * scrolling. FX thread only.
 */
public final class FitColumns<R> {
    /** Room for the sort arrow beside a sorted column's title. */
    private static final double SORT_ARROW = 16;
    /** Pixel rounding between a measured text and the cell that lays it out. */
    private static final double SLACK = 2;

    private final TableView<R> table;
    private final List<TableColumn<R, ?>> giveWay;
    private final Map<TableColumn<R, ?>, Double> needs = new HashMap<>();
    private final Map<TableColumn<R, ?>, Boolean> numeric = new HashMap<>();
    private final Set<TableColumn<R, ?>> hiddenByPerson = new HashSet<>();
    private final Set<TableColumn<R, ?>> keptByPerson = new HashSet<>();
    private final ReadOnlyDoubleWrapper wanted = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper least = new ReadOnlyDoubleWrapper();
    private final Text probe = new Text();
    private final Runnable afterLayout = this::afterLayout;
    private final ListChangeListener<R> rowsChanged = change -> remeasure();
    private Font textFont;
    private Font numericFont;
    private Font headerFont;
    private double cellInsets;
    private double headerInsets;
    private boolean measured;
    private boolean applying;
    /** Counts the measurements, so a width is applied again after each. */
    private long version;
    private long appliedVersion = -1;
    private double appliedWidth = -1;

    private FitColumns(TableView<R> table, List<TableColumn<R, ?>> giveWay) {
        this.table = table;
        this.giveWay = List.copyOf(giveWay);
    }

    /**
     * Fits {@code table}'s columns (as they are now) to their text; {@code giveWay} are the columns hidden, in this
     * order, on a table too narrow for all of them.
     */
    public static <R> FitColumns<R> install(TableView<R> table, List<TableColumn<R, ?>> giveWay) {
        FitColumns<R> fit = new FitColumns<>(table, giveWay);
        // the widths are shared out here: the constrained policies keep a column's old width when another is hidden
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Otherwise the columns' least widths become the table's, and a parent narrower than their sum lays the
        // table out wider than it shows and cuts its right-hand columns off instead of letting them give way.
        table.setMinWidth(0);
        for (TableColumn<R, ?> column : table.getColumns()) {
            if (!column.isVisible()) {
                fit.hiddenByPerson.add(column);
            }
            column.visibleProperty().addListener((obs, was, now) -> fit.personChose(column, now));
            column.textProperty().addListener((obs, was, now) -> fit.remeasure());
        }
        table.getItems().addListener(fit.rowsChanged);
        table.itemsProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removeListener(fit.rowsChanged);
            }
            if (now != null) {
                now.addListener(fit.rowsChanged);
            }
            fit.remeasure();
        });
        table.getSortOrder().addListener((ListChangeListener<TableColumn<R, ?>>) change -> fit.remeasure());
        table.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(fit.afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(fit.afterLayout);
            }
        });
        Scene scene = table.getScene();
        if (scene != null) {
            scene.addPostLayoutPulseListener(fit.afterLayout);
        }
        return fit;
    }

    /** The width the table would take to show every column the person has not hidden, none cut short. */
    public ReadOnlyDoubleProperty wantedWidth() {
        return wanted.getReadOnlyProperty();
    }

    /**
     * The width the table takes to show, none cut short, the columns that never give way (those named to give way
     * hidden): a parent that keeps the table at least this wide never has to cut them.
     */
    public ReadOnlyDoubleProperty leastWidth() {
        return least.getReadOnlyProperty();
    }

    private void remeasure() {
        measured = false;
    }

    private void personChose(TableColumn<R, ?> column, boolean visible) {
        if (applying) {
            return;
        }
        if (visible) {
            hiddenByPerson.remove(column);
            keptByPerson.add(column); // shown again by hand: it no longer gives way
        } else {
            hiddenByPerson.add(column);
            keptByPerson.remove(column);
        }
        remeasure();
    }

    /** After each layout pulse: measures once the cells are styled, then shows what fits the width laid out. */
    private void afterLayout() {
        if (!table.isVisible() || table.getWidth() <= 0) {
            return;
        }
        if (!measured) {
            measured = measure();
            version++;
        }
        if (measured) {
            apply(table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBar(),
                    menuButton());
        }
    }

    /** Every column's need; false while the fonts its rows are drawn in are not known yet (no cell styled). */
    private boolean measure() {
        learnFonts();
        if (headerFont == null) {
            return false;
        }
        ObservableList<R> rows = table.getItems();
        boolean anyRows = rows != null && !rows.isEmpty();
        for (TableColumn<R, ?> column : table.getColumns()) {
            double need = headerInsets + widest(column.getText().split("\n", -1), headerFont)
                    + (table.getSortOrder().contains(column) ? SORT_ARROW : 0);
            Function<R, String> text = Tables.textOf(column);
            if (anyRows && text != null) {
                Font font = isNumeric(column) ? numericFont : textFont;
                if (font == null && hiddenByPerson.contains(column)) {
                    continue; // never drawn yet, and not wanted: measured once the person shows it
                }
                if (font == null) {
                    return false;
                }
                Set<String> shown = new HashSet<>();
                for (R row : rows) {
                    shown.add(text.apply(row));
                }
                need = Math.max(need, cellInsets + widest(shown.toArray(String[]::new), font));
            }
            needs.put(column, Math.ceil(need) + SLACK);
        }
        return true;
    }

    private double widest(String[] texts, Font font) {
        probe.setFont(font);
        double widest = 0;
        for (String s : texts) {
            if (s != null && !s.isEmpty()) {
                probe.setText(s);
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
        }
        return widest;
    }

    /** The fonts and insets the theme gives this table's cells and titles, from those on screen. */
    private void learnFonts() {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
                cellInsets = cell.snappedLeftInset() + cell.snappedRightInset();
                if (cell.getStyleClass().contains("numeric")) {
                    numericFont = cell.getFont();
                } else {
                    textFont = cell.getFont();
                }
            }
        }
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.lookup(".label") instanceof Label label) {
                headerFont = label.getFont();
                headerInsets = header.snappedLeftInset() + header.snappedRightInset() + label.snappedLeftInset()
                        + label.snappedRightInset();
            }
        }
    }

    /** Whether the column's cells draw in the figures' (monospaced) face. */
    private boolean isNumeric(TableColumn<R, ?> column) {
        return numeric.computeIfAbsent(column, c -> sampleCell(c).getStyleClass().contains("numeric"));
    }

    private static <R, T> TableCell<R, T> sampleCell(TableColumn<R, T> column) {
        return column.getCellFactory().call(column);
    }

    private double verticalBar() {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                return bar.getWidth();
            }
        }
        return 0;
    }

    /**
     * Without a vertical scroll bar, the column menu's button is drawn over the last column's title, which the
     * header shortens by the button's width: that column needs it on top of its own.
     */
    private double menuButton() {
        if (verticalBar() == 0 && table.isTableMenuButtonVisible()
                && table.lookup(".show-hide-columns-button") instanceof Region corner && corner.isVisible()) {
            return corner.getWidth();
        }
        return 0;
    }

    /**
     * A width other than exactly 80: JavaFX's column header takes a column of its default width (80) for one nobody
     * sized and widens it to its content when the column is first shown, past the width the others were fitted to
     * (the kill switch's accounts scrolled sideways by 7 px at 1024 px).
     */
    private static double notTheDefault(double width) {
        return width == 80 ? 79.99 : width;
    }

    /**
     * Hides the columns that give way until the rest fit {@code width} pixels (less {@code lastTitle}, which the last
     * column shown gets on top of its need), each at least its need, and shares out the rest in proportion; only when
     * the width or what is measured changed, so a column the person widens by hand stays so until then.
     */
    private void apply(double width, double lastTitle) {
        double available = width - lastTitle;
        if (available == appliedWidth && version == appliedVersion) {
            return;
        }
        appliedWidth = available;
        appliedVersion = version;
        List<TableColumn<R, ?>> columns = table.getColumns();
        double all = 0;
        double kept = 0;
        for (TableColumn<R, ?> column : columns) {
            if (!hiddenByPerson.contains(column)) {
                double need = needs.getOrDefault(column, 0.0);
                all += need;
                if (!giveWay.contains(column) || keptByPerson.contains(column)) {
                    kept += need;
                }
            }
        }
        Set<TableColumn<R, ?>> dropped = new HashSet<>();
        double shown = all;
        for (TableColumn<R, ?> column : giveWay) {
            if (shown <= available) {
                break;
            }
            if (!hiddenByPerson.contains(column) && !keptByPerson.contains(column)) {
                dropped.add(column);
                shown -= needs.getOrDefault(column, 0.0);
            }
        }
        double spare = Math.max(0, available - shown);
        TableColumn<R, ?> last = null;
        for (TableColumn<R, ?> column : columns) {
            if (!hiddenByPerson.contains(column) && !dropped.contains(column)) {
                last = column;
            }
        }
        applying = true;
        try {
            for (TableColumn<R, ?> column : columns) {
                boolean visible = !hiddenByPerson.contains(column) && !dropped.contains(column);
                double need = needs.getOrDefault(column, column.getMinWidth());
                double extra = column == last ? lastTitle : 0;
                column.setMinWidth(need + extra);
                double share = shown > 0 && visible ? Math.floor(need + spare * need / shown) : need;
                column.setPrefWidth(notTheDefault(share + extra));
                if (column.isVisible() != visible) {
                    column.setVisible(visible);
                }
                if (dropped.contains(column)) {
                    column.getProperties().put(Tables.GAVE_WAY, Boolean.TRUE);
                } else {
                    column.getProperties().remove(Tables.GAVE_WAY);
                }
            }
        } finally {
            applying = false;
        }
        wanted.set(all + table.getWidth() - available);
        least.set(Math.ceil(kept + table.getWidth() - available));
    }
}
