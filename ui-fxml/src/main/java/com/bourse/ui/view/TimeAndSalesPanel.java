package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.TradeTape;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Time &amp; sales: the latest trades of the instrument in focus, newest on top, with time, price and size; a
 * print above the one before it takes the buy colour, below it the sell colour. Repainted at most once a frame,
 * and only when the tape moved.
 */
public final class TimeAndSalesPanel extends BorderPane {
    /** Prints kept on screen. */
    public static final int ROWS = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One trade; {@code tick} is +1 above the previous print's price, -1 below, 0 the same. */
    public record Print(long time, long price, long quantity, int tick) {
    }

    private final WorkstationContext context;
    private final TableView<Print> table = new TableView<>();
    private final ObservableList<Print> prints = FXCollections.observableArrayList();
    private final Label symbol = new Label();
    private long shownVersion = -1;
    private Instrument shown;

    public TimeAndSalesPanel(WorkstationContext context) {
        this.context = context;
        getStyleClass().add("panel");
        table.setId("timeAndSales");
        table.setFixedCellSize(22);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Print, Print> time = column("Time", 80, p -> TIME.format(Instant.ofEpochMilli(p.time())), false);
        TableColumn<Print, Print> price = column("Price", 90, p -> Decimals.format(p.price(), shown.priceScale()), true);
        TableColumn<Print, Print> size = column("Size", 80, p -> Decimals.format(p.quantity(), 0), true);
        table.getColumns().addAll(List.of(time, price, size));
        table.setItems(prints);
        table.setPlaceholder(new Label("No trades yet"));
        symbol.getStyleClass().add("symbol");
        HBox header = new HBox(8, symbol);
        header.getStyleClass().add("ladder-header");
        setTop(header);
        setCenter(table);
        context.instrumentProperty().addListener((obs, old, now) -> shownVersion = -1);
        context.frames().addListener(now -> refresh());
    }

    public TableView<Print> table() {
        return table;
    }

    /** Brings the prints up to the tape now. */
    public void refresh() {
        Instrument i = context.instrument();
        if (i == null) {
            return;
        }
        TradeTape tape = context.desk().tape(i.id());
        if (tape.version() == shownVersion && i == shown) {
            return;
        }
        shownVersion = tape.version();
        shown = i;
        symbol.setText(i.symbol() + " · time & sales");
        List<Print> rows = new ArrayList<>(ROWS);
        int from = Math.max(0, tape.size() - ROWS);
        for (int k = tape.size() - 1; k >= from; k--) {
            long previous = k > 0 ? tape.priceAt(k - 1) : tape.priceAt(k);
            rows.add(new Print(tape.timeAt(k), tape.priceAt(k), tape.quantityAt(k),
                    Long.signum(tape.priceAt(k) - previous)));
        }
        prints.setAll(rows);
    }

    private TableColumn<Print, Print> column(String title, double width, java.util.function.Function<Print, String> text,
                                             boolean numeric) {
        TableColumn<Print, Print> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            {
                if (numeric) {
                    getStyleClass().add("numeric");
                }
            }

            @Override
            protected void updateItem(Print item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("buy-cell", "sell-cell");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(text.apply(item));
                if (item.tick() > 0) {
                    getStyleClass().add("buy-cell");
                } else if (item.tick() < 0) {
                    getStyleClass().add("sell-cell");
                }
            }
        });
        return column;
    }
}
