package com.bourse.ui.view;

import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.FillRow;
import com.bourse.ui.port.Workspace;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The fills blotter: every execution of the trader's orders, newest first. */
public final class FillsController implements PanelState {
    public static final String TABLE_ID = "fills";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    @FXML private BorderPane root;
    @FXML private TextField filter;
    @FXML private TableView<FillRow> table;
    @FXML private Label count;
    private final WorkstationContext context;

    public FillsController(WorkstationContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        table.getColumns().setAll(List.of(
                Tables.numeric("time", "Time", 112, FillRow::time, (Instant t) -> TIME.format(t)),
                Tables.numeric("trade", "Trade", 60, FillRow::tradeId, String::valueOf),
                Tables.numeric("order", "Order", 124, FillRow::orderId, String::valueOf),
                Tables.numeric("account", "Account", 70, FillRow::accountId, String::valueOf),
                Tables.text("symbol", "Symbol", 64, FillRow::symbol),
                Tables.side("side", 52, FillRow::side),
                Tables.numeric("qty", "Qty", 60, FillRow::quantity, q -> Decimals.format(q, 0)),
                Tables.numeric("price", "Price", 84, FillRow::price, p -> Decimals.format(p, p.scale())),
                Tables.numeric("value", "Value", 104, FillRow::value, v -> Decimals.format(v, v.scale())),
                Tables.text("currency", "Ccy", 44, FillRow::currency),
                Tables.text("liquidity", "Liq.", 60, FillRow::liquidity),
                Tables.numeric("leaves", "Left", 56, FillRow::leaves, q -> Decimals.format(q, 0))));
        Tables.show(table, context.desk().fills(), filter, "No fills yet");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> Numbers.count(context.desk().fills().size(), "fill"), context.desk().fills()));
    }

    @FXML
    private void export() {
        Exports.askAndExport(root, table, "fills.csv", context.desk()::say);
    }

    public void exportTo(Path file) {
        Exports.export(table, file, context.desk()::say);
    }

    public TableView<FillRow> table() {
        return table;
    }

    @Override
    public void capture(Map<String, Double> widths, Map<String, List<String>> hidden, Map<String, String> sorts) {
        Tables.capture(TABLE_ID, table, widths, hidden, sorts);
    }

    @Override
    public void restore(Workspace workspace) {
        Tables.restore(TABLE_ID, table, workspace);
    }
}
