package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.DepthBook;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The quote board: every instrument with its bid, ask, last trade, change from the reference price (and in per
 * cent) and the volume traded today. Double-click (or Enter) puts an instrument in focus for the ticket, ladder
 * and chart; its context menu opens a ladder or chart of its own. Refreshed at most four times a second.
 */
public final class WatchlistPanel extends BorderPane {
    /** One instrument's line; prices as the trader reads them (null when there is none). */
    public record Quote(Instrument instrument, String symbol, BigDecimal bid, BigDecimal ask, BigDecimal last,
                        BigDecimal change, BigDecimal changePercent, long volume) {
    }

    private final WorkstationContext context;
    private final TableView<Quote> table = new TableView<>();
    private final ObservableList<Quote> quotes = FXCollections.observableArrayList();
    private long lastRefresh;

    public WatchlistPanel(WorkstationContext context, Consumer<Instrument> openLadder, Consumer<Instrument> openChart) {
        this.context = context;
        getStyleClass().add("panel");
        table.setId("watchlist");
        // Columns keep the width their figures need; a narrow panel scrolls sideways rather than cut a price.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(24);
        table.getColumns().addAll(List.of(
                Tables.text("symbol", "Symbol", 62, Quote::symbol),
                Tables.numeric("bid", "Bid", 76, Quote::bid, WatchlistPanel::price),
                Tables.numeric("ask", "Ask", 76, Quote::ask, WatchlistPanel::price),
                Tables.numeric("last", "Last", 76, Quote::last, WatchlistPanel::price),
                Tables.pnl("change", "Chg", 70, Quote::change, WatchlistPanel::signed),
                Tables.pnl("changePercent", "Chg %", 76, Quote::changePercent, v -> signed(v) + "%"),
                Tables.numeric("volume", "Volume", 92, Quote::volume, v -> Decimals.format(v, 0))));
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.setItems(quotes);
        table.setRowFactory(t -> {
            TableRow<Quote> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    context.instrumentProperty().set(row.getItem().instrument());
                }
            });
            MenuItem ladder = new MenuItem("Open a ladder of this instrument");
            ladder.setOnAction(e -> openLadder.accept(row.getItem().instrument()));
            MenuItem chart = new MenuItem("Open a chart of this instrument");
            chart.setOnAction(e -> openChart.accept(row.getItem().instrument()));
            MenuItem focus = new MenuItem("Trade it (ticket, ladder and chart)");
            focus.setOnAction(e -> context.instrumentProperty().set(row.getItem().instrument()));
            row.contextMenuProperty().bind(row.emptyProperty().map(empty -> empty ? null
                    : new ContextMenu(focus, ladder, chart)));
            return row;
        });
        table.setOnKeyPressed(e -> {
            Quote q = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && q != null) {
                context.instrumentProperty().set(q.instrument());
            }
        });
        setCenter(table);
        refresh();
        context.frames().addListener(now -> {
            if (now - lastRefresh >= 250_000_000L) {
                lastRefresh = now;
                refresh();
            }
        });
    }

    public TableView<Quote> table() {
        return table;
    }

    /** Recomputes every line now. */
    public void refresh() {
        List<Quote> rows = new ArrayList<>();
        for (Instrument i : context.desk().instruments()) {
            DepthBook book = context.desk().book(i.id());
            int s = i.priceScale();
            BigDecimal last = book.lastTradePrice() > 0 ? Decimals.of(book.lastTradePrice(), s) : null;
            BigDecimal change = null;
            BigDecimal percent = null;
            if (last != null && i.referencePrice() > 0) {
                BigDecimal reference = Decimals.of(i.referencePrice(), s);
                change = last.subtract(reference);
                percent = change.multiply(BigDecimal.valueOf(100)).divide(reference, 2, java.math.RoundingMode.HALF_EVEN);
            }
            rows.add(new Quote(i, i.symbol(), book.bestBid() > 0 ? Decimals.of(book.bestBid(), s) : null,
                    book.bestAsk() > 0 ? Decimals.of(book.bestAsk(), s) : null, last, change, percent,
                    book.volumeToday()));
        }
        for (int k = 0; k < rows.size(); k++) {
            if (k < quotes.size()) {
                if (!quotes.get(k).equals(rows.get(k))) {
                    quotes.set(k, rows.get(k));
                }
            } else {
                quotes.add(rows.get(k));
            }
        }
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + Decimals.format(value, value.scale());
    }

    private static String price(BigDecimal value) {
        return Decimals.format(value, value.scale());
    }
}
