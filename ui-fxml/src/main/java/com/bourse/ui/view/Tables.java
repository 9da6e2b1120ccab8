package com.bourse.ui.view;

import com.bourse.protocol.Side;
import com.bourse.ui.port.Workspace;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What every blotter table shares: typed columns with their display text (reused for CSV export), numeric
 * columns right-aligned in the monospaced face, buy/sell and gain/loss colours from the theme, a filter box,
 * sorting, the column chooser, fixed row height (so large blotters stay fast) and saving of widths, visible
 * columns and sort order into the {@link Workspace}.
 */
public final class Tables {
    private static final String TEXT = "bourse.text";
    /** Set on a column hidden only because its table is too narrow ({@link FitColumns}): the filter still reads it. */
    static final String GAVE_WAY = "bourse.gave-way";

    private Tables() {
    }

    /** A column showing {@code value} as {@code text}; {@code id} is its saved name. */
    public static <R, T> TableColumn<R, T> column(String id, String title, double width, Function<R, T> value,
                                                  Function<T, String> text) {
        TableColumn<R, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        Function<R, String> export = row -> {
            T v = value.apply(row);
            return v == null ? "" : text.apply(v);
        };
        column.getProperties().put(TEXT, export);
        return column;
    }

    /** The text a column made here shows for a row (what the filter matches and the CSV holds), or null. */
    @SuppressWarnings("unchecked")
    static <R> Function<R, String> textOf(TableColumn<R, ?> column) {
        return column.getProperties().get(TEXT) instanceof Function<?, ?> f ? (Function<R, String>) f : null;
    }

    public static <R> TableColumn<R, String> text(String id, String title, double width, Function<R, String> value) {
        return column(id, title, width, value, s -> s);
    }

    /**
     * A text column whose cells also carry their whole text as a tooltip: on a narrow window a constrained table
     * gives such a column what is left, and the tooltip still says all of it.
     */
    public static <R> TableColumn<R, String> textWithTip(String id, String title, double width,
                                                         Function<R, String> value) {
        TableColumn<R, String> column = column(id, title, width, value, s -> s);
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                tip.setText(blank ? "" : item);
                setTooltip(blank ? null : tip);
            }
        });
        return column;
    }

    /** {@code column} never narrower than {@code min} pixels, whatever a constrained table has left for it. */
    public static <C extends TableColumn<?, ?>> C atLeast(double min, C column) {
        column.setMinWidth(min);
        return column;
    }

    /** A right-aligned column of figures in the monospaced face. */
    public static <R, T> TableColumn<R, T> numeric(String id, String title, double width, Function<R, T> value,
                                                   Function<T, String> text) {
        TableColumn<R, T> column = column(id, title, width, value, text);
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("numeric");
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return column;
    }

    /** A money or P&L column: green when positive, red when negative. */
    public static <R> TableColumn<R, BigDecimal> pnl(String id, String title, double width,
                                                     Function<R, BigDecimal> value, Function<BigDecimal, String> text) {
        TableColumn<R, BigDecimal> column = column(id, title, width, value, text);
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("numeric");
            }

            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("gain", "loss");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(text.apply(item));
                if (item.signum() > 0) {
                    getStyleClass().add("gain");
                } else if (item.signum() < 0) {
                    getStyleClass().add("loss");
                }
            }
        });
        return column;
    }

    /** The side column: BUY in the buy colour, SELL in the sell colour. */
    public static <R> TableColumn<R, Side> side(String id, double width, Function<R, Side> value) {
        TableColumn<R, Side> column = column(id, "Side", width, value, Side::name);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Side item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("buy-cell", "sell-cell");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(item.name());
                getStyleClass().add(item == Side.BUY ? "buy-cell" : "sell-cell");
            }
        });
        return column;
    }

    /**
     * Shows {@code rows} filtered by the text in {@code filter} (matched against every visible column's text)
     * and sorted by the table's columns; turns on the column chooser and fixed-height rows.
     */
    public static <R> void show(TableView<R> table, ObservableList<R> rows, TextField filter, String emptyText) {
        FilteredList<R> filtered = new FilteredList<>(rows);
        filter.textProperty().addListener((obs, old, text) -> {
            String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(query.isEmpty() ? null : row -> matches(table, row, query));
        });
        SortedList<R> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setTableMenuButtonVisible(true);
        table.setFixedCellSize(24);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label(emptyText);
        table.setPlaceholder(placeholder);
    }

    @SuppressWarnings("unchecked")
    private static <R> boolean matches(TableView<R> table, R row, String query) {
        for (TableColumn<R, ?> column : table.getColumns()) {
            Object text = column.getProperties().get(TEXT);
            boolean shown = column.isVisible() || Boolean.TRUE.equals(column.getProperties().get(GAVE_WAY));
            if (shown && text instanceof Function<?, ?> f
                    && ((Function<R, String>) f).apply(row).toLowerCase(Locale.ROOT).contains(query)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the rows as shown (filtered, sorted, visible columns, displayed text; figures without thousands separators) to a CSV file. */
    @SuppressWarnings("unchecked")
    public static <R> int exportCsv(TableView<R> table, Path file) throws IOException {
        List<TableColumn<R, ?>> columns = new ArrayList<>();
        for (TableColumn<R, ?> column : table.getColumns()) {
            if (column.isVisible() && column.getProperties().containsKey(TEXT)) {
                columns.add(column);
            }
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>();
            for (TableColumn<R, ?> column : columns) {
                header.add(csv(column.getText().replace('\n', ' '))); // a title on two lines is one in a file
            }
            out.write(String.join(",", header));
            out.write("\n");
            for (R row : table.getItems()) {
                List<String> cells = new ArrayList<>();
                for (TableColumn<R, ?> column : columns) {
                    Function<R, String> text = (Function<R, String>) column.getProperties().get(TEXT);
                    cells.add(csv(text.apply(row).replace(",", "")));
                }
                out.write(String.join(",", cells));
                out.write("\n");
            }
        }
        return table.getItems().size();
    }

    private static String csv(String value) {
        if (value.contains("\"") || value.contains(",") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    // ---- Saved state ------------------------------------------------------------------------------

    /** Adds the table's column widths, hidden columns and sort order, keyed by {@code tableId}. */
    public static void capture(String tableId, TableView<?> table, Map<String, Double> widths,
                               Map<String, List<String>> hidden, Map<String, String> sorts) {
        List<String> hiddenIds = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getColumns()) {
            widths.put(tableId + "/" + column.getId(), column.getWidth());
            if (!column.isVisible()) {
                hiddenIds.add(column.getId());
            }
        }
        hidden.put(tableId, hiddenIds);
        List<String> order = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getSortOrder()) {
            order.add(column.getId() + ":" + column.getSortType().name());
        }
        sorts.put(tableId, String.join(",", order));
    }

    /** Puts back what {@link #capture} saved; unknown columns are ignored. */
    public static <R> void restore(String tableId, TableView<R> table, Workspace workspace) {
        Map<String, TableColumn<R, ?>> byId = new HashMap<>();
        for (TableColumn<R, ?> column : table.getColumns()) {
            byId.put(column.getId(), column);
            Double width = workspace.columnWidths().get(tableId + "/" + column.getId());
            if (width != null && width > 10) {
                column.setPrefWidth(width);
            }
        }
        List<String> hidden = workspace.hiddenColumns().getOrDefault(tableId, List.of());
        for (TableColumn<R, ?> column : table.getColumns()) {
            column.setVisible(!hidden.contains(column.getId()));
        }
        String sort = workspace.sortOrders().get(tableId);
        if (sort != null) {
            List<TableColumn<R, ?>> order = new ArrayList<>();
            for (String part : sort.split(",")) {
                String[] idAndType = part.split(":");
                TableColumn<R, ?> column = byId.get(idAndType[0]);
                if (column != null && idAndType.length == 2) {
                    try {
                        column.setSortType(TableColumn.SortType.valueOf(idAndType[1]));
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    order.add(column);
                }
            }
            table.getSortOrder().setAll(order);
        }
    }
}
