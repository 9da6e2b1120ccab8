package com.bourse.ui.view;

import com.bourse.protocol.OrderType;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.Workspace;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The working orders blotter: every open order of the trader's accounts; cancel selected or all. */
public final class WorkingOrdersController implements PanelState {
    public static final String TABLE_ID = "orders";
    @FXML private BorderPane root;
    @FXML private TextField filter;
    @FXML private TableView<OrderRow> table;
    @FXML private Button cancelSelected;
    @FXML private Button cancelAll;
    @FXML private Button showHistory;
    @FXML private Label count;
    private final WorkstationContext context;
    /** Orders the last F8 cancelled that are still in the blotter, and the row to select once they are gone. */
    private final java.util.Set<Long> cancelling = new java.util.HashSet<>();
    private Long selectAfterCancel;

    public WorkingOrdersController(WorkstationContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        // What the order is (symbol, side, quantity, prices) and its bracket or OCO link come first: they fit beside
        // the ticket of a 1024-pixel window. The type follows them (the prices say it: a limit, a stop or both).
        table.getColumns().setAll(List.of(
                Tables.numeric("order", "Order", 112, OrderRow::orderId, String::valueOf),
                Tables.text("symbol", "Symbol", 58, OrderRow::symbol),
                Tables.side("side", 48, OrderRow::side),
                Tables.numeric("qty", "Qty", 62, OrderRow::quantity, q -> Decimals.format(q, 0)),
                Tables.numeric("price", "Price", 84, OrderRow::price, this::price),
                Tables.numeric("stop", "Stop", 76, OrderRow::stopPrice, this::price),
                // a bracket's entry with the target and stop it will get, its legs named after it, OCO pairs
                Tables.text("oco", "Bracket / OCO", 240, context.desk()::linkOf),
                Tables.column("type", "Type", 96, OrderRow::type, OrderType::name),
                Tables.column("tif", "TIF", 44, OrderRow::timeInForce, TimeInForce::name),
                Tables.numeric("leaves", "Open", 62, OrderRow::leaves, q -> Decimals.format(q, 0)),
                Tables.numeric("filled", "Filled", 62, OrderRow::filled, q -> Decimals.format(q, 0)),
                Tables.text("status", "Status", 122, OrderRow::status),
                Tables.numeric("account", "Account", 70, OrderRow::accountId, String::valueOf),
                // wide enough for a hold's reason with its expiry ("… · expires 10:42:07"); longer ones in the tooltip
                Tables.textWithTip("reason", "Reason", 360, OrderRow::reason)));
        Tables.show(table, context.desk().workingOrders(), filter, "No working orders");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        cancelSelected.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        showHistory.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<OrderRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    OrderHistoryDialog.show(root, context, row.getItem());
                }
            });
            return row;
        });
        context.desk().workingOrders().addListener(this::afterRemoval);
        count.textProperty().bind(Bindings.createStringBinding(() -> Decimals.format(
                context.desk().workingOrders().stream().filter(OrderRow::isWorking).count(), 0) + " working",
                context.desk().workingOrders()));
    }

    /**
     * Cancels the selected orders (Cancel selected, F8), and only those. When they leave the blotter the selection
     * moves to the first row below them that is not a protective stop (a stop the trader did not pick is never
     * selected for them), or to nothing.
     */
    @FXML
    public void cancelSelected() {
        List<OrderRow> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty()) {
            return;
        }
        cancelling.clear();
        for (OrderRow row : chosen) {
            cancelling.add(row.orderId());
        }
        int below = chosen.stream().mapToInt(table.getItems()::indexOf).max().orElse(-1) + 1;
        selectAfterCancel = null;
        for (int k = below; k < table.getItems().size(); k++) {
            OrderRow candidate = table.getItems().get(k);
            if (!candidate.isProtective() && !cancelling.contains(candidate.orderId())) {
                selectAfterCancel = candidate.orderId();
                break;
            }
        }
        for (OrderRow row : chosen) {
            if (row.isWorking()) {
                context.entry().cancel(row);
            } else {
                context.desk().dismiss(row); // a refused order: nothing works at the venue, the row goes
            }
        }
    }

    /** Every step of the selected order, with its time (History, or a double click on the row). */
    @FXML
    public void showHistory() {
        OrderRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            OrderHistoryDialog.show(root, context, row);
        }
    }

    /**
     * A cancelled order left the blotter: whatever row the table moved its selection to is not one the trader chose,
     * so the selection goes to the row picked when the cancel was sent, or nowhere.
     */
    private void afterRemoval(javafx.collections.ListChangeListener.Change<? extends OrderRow> change) {
        boolean cancelledLeft = false;
        while (change.next()) {
            if (change.wasRemoved() && !change.wasReplaced()) {
                for (OrderRow gone : change.getRemoved()) {
                    cancelledLeft |= cancelling.remove(gone.orderId());
                }
            }
        }
        if (!cancelledLeft) {
            return;
        }
        javafx.application.Platform.runLater(() -> {
            table.getSelectionModel().clearSelection();
            if (selectAfterCancel != null && cancelling.isEmpty()) {
                for (OrderRow row : table.getItems()) {
                    if (row.orderId() == selectAfterCancel) {
                        table.getSelectionModel().select(row);
                        break;
                    }
                }
            }
        });
    }

    /** Cancels every working order of every account of the trader (Cancel all, Shift+F8). */
    @FXML
    public void cancelAll() {
        for (AccountView account : context.desk().accounts()) {
            context.entry().cancelAll(account.accountId(), 0);
        }
    }

    @FXML
    private void export() {
        Exports.askAndExport(root, table, "working-orders.csv", context.desk()::say);
    }

    public void exportTo(Path file) {
        Exports.export(table, file, context.desk()::say);
    }

    public TableView<OrderRow> table() {
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

    private String price(BigDecimal value) {
        return Decimals.format(value, value.scale());
    }
}
