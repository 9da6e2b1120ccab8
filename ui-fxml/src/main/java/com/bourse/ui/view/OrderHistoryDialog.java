package com.bourse.ui.view;

import com.bourse.ui.model.OrderHistory;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.port.KeptHistory;
import com.bourse.ui.port.VenueMode;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * One order's history: every step of it (accepted, refused, held, released, elected, fills, amendments, OCO link,
 * cancelled or expired and why), each with its time, oldest first. Opened from the working orders blotter (History,
 * or a double click on a row). The steps the venue kept from before the window opened come first (read off the FX
 * thread: the dialog opens at once with what the window heard and fills in when they arrive), then every step the
 * window heard, each once. Live, the production engine keeps no order history for the desktop: the header says that
 * only the steps heard since the window opened are known. FX thread only.
 */
final class OrderHistoryDialog {
    static final String TABLE_ID = "orderHistory";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private OrderHistoryDialog() {
    }

    static void show(Node owner, WorkstationContext context, OrderRow order) {
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.setTitle("Order " + order.orderId() + " history");
        List<OrderHistory.Step> heard = context.desk().history().of(order.accountId(), order.orderId());
        TableView<OrderHistory.Step> table = table(heard);
        dialog.setHeaderText(title(order, heard.size()) + " · reading what the venue kept…");
        dialog.getDialogPane().setContent(table);
        dialog.setResizable(true);
        dialog.initOwner(owner.getScene().getWindow());
        context.themes().register(dialog.getDialogPane().getScene());
        dialog.setOnHidden(e -> context.themes().unregister(dialog.getDialogPane().getScene()));
        dialog.show();
        context.session().orderHistory(order.accountId(), order.orderId()).whenComplete((kept, failure) ->
                Platform.runLater(() -> {
                    // What the window heard meanwhile belongs after what the venue kept: read it again now.
                    List<OrderHistory.Step> since = context.desk().history().of(order.accountId(), order.orderId());
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        table.getItems().setAll(since);
                        dialog.setHeaderText(title(order, since.size()) + " heard in this window; the earlier ones"
                                + " could not be read: " + cause.getMessage());
                        return;
                    }
                    List<OrderHistory.Step> all = merged(kept, order, context, since);
                    table.getItems().setAll(all);
                    dialog.setHeaderText(kept.kept() ? title(order, all.size()) : title(order, all.size())
                            + (context.session().mode() == VenueMode.LIVE ? " · live: only" : " · only")
                            + " the steps heard since this window opened are known (the "
                            + (context.session().mode() == VenueMode.LIVE ? "production engine" : "venue")
                            + " keeps no order history for the desktop)");
                }));
    }

    /** What the venue kept (everything before the window's snapshot), then what the window heard after it. */
    static List<OrderHistory.Step> merged(KeptHistory kept, OrderRow order, WorkstationContext context,
                                          List<OrderHistory.Step> heard) {
        List<OrderHistory.Step> all = new ArrayList<>(OrderHistory.describe(kept.steps(), order,
                context.desk().instrument(order.instrumentId())));
        all.addAll(heard);
        return all;
    }

    private static String title(OrderRow order, int steps) {
        return "Order " + order.orderId() + " of account " + order.accountId() + ": "
                + (steps == 0 ? "no step known" : steps + " step" + (steps == 1 ? "" : "s"));
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
