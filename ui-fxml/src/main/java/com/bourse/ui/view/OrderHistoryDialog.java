package com.bourse.ui.view;

import com.bourse.ui.model.OrderHistory;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One order's history: every step the window heard of it (accepted, refused, held, released, elected, fills,
 * amendments, OCO link, cancelled or expired and why), each with its time, oldest first. Opened from the working
 * orders blotter (History, or a double click on a row). FX thread only.
 */
final class OrderHistoryDialog {
    static final String TABLE_ID = "orderHistory";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private OrderHistoryDialog() {
    }

    static void show(Node owner, WorkstationContext context, long accountId, long orderId) {
        List<OrderHistory.Step> steps = context.desk().history().of(accountId, orderId);
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.setTitle("Order " + orderId + " history");
        dialog.setHeaderText("Order " + orderId + " of account " + accountId + ": "
                + (steps.isEmpty() ? "nothing heard of it in this window" : steps.size() + " step"
                + (steps.size() == 1 ? "" : "s")));
        dialog.getDialogPane().setContent(table(steps));
        dialog.setResizable(true);
        dialog.initOwner(owner.getScene().getWindow());
        context.themes().register(dialog.getDialogPane().getScene());
        dialog.setOnHidden(e -> context.themes().unregister(dialog.getDialogPane().getScene()));
        dialog.show();
    }

    static TableView<OrderHistory.Step> table(List<OrderHistory.Step> steps) {
        TableView<OrderHistory.Step> table = new TableView<>(FXCollections.observableArrayList(steps));
        table.setId(TABLE_ID);
        table.getColumns().addAll(List.of(
                column("Time", 100, s -> TIME.format(s.time().atZone(ZoneId.systemDefault()))),
                column("Event", 120, OrderHistory.Step::event),
                column("Detail", 420, OrderHistory.Step::detail)));
        table.setPrefSize(660, 280);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<OrderHistory.Step, String> column(String title, double width,
                                                                  java.util.function.Function<OrderHistory.Step, String> value) {
        TableColumn<OrderHistory.Step, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }
}
