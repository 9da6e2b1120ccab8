package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import com.bourse.ui.model.CashRow;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.PositionRow;
import com.bourse.ui.port.Workspace;
import javafx.fxml.FXML;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Positions with average price, mark, realised and unrealised P&L, and each account's cash. Flatten sells the
 * selected position (or the position in the instrument in focus) at market after cancelling its orders.
 */
public final class PositionsController implements PanelState {
    public static final String TABLE_ID = "positions";
    public static final String CASH_TABLE_ID = "cash";
    @FXML private BorderPane root;
    @FXML private TextField filter;
    @FXML private TableView<PositionRow> table;
    @FXML private TableView<CashRow> cashTable;
    private final WorkstationContext context;

    public PositionsController(WorkstationContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        table.getColumns().setAll(List.of(
                Tables.numeric("account", "Account", 70, PositionRow::accountId, String::valueOf),
                Tables.text("symbol", "Symbol", 64, PositionRow::symbol),
                Tables.numeric("qty", "Position", 76, PositionRow::quantity, q -> Decimals.format(q, 0)),
                Tables.numeric("available", "Free", 64, PositionRow::available, q -> Decimals.format(q, 0)),
                Tables.numeric("avg", "Avg price", 96, PositionRow::averagePrice, this::average),
                Tables.numeric("last", "Mark", 84, PositionRow::lastPrice, this::decimal),
                Tables.numeric("value", "Mkt value", 110, PositionRow::marketValue, this::decimal),
                Tables.pnl("realised", "Realised P&L", 104, PositionRow::realisedPnl, this::signed),
                Tables.pnl("unrealised", "Unrealised P&L", 112, PositionRow::unrealisedPnl, this::signed),
                Tables.text("currency", "Ccy", 44, PositionRow::currency)));
        Tables.show(table, context.desk().positions(), filter, "No positions");
        cashTable.getColumns().setAll(List.of(
                Tables.numeric("account", "Account", 70, CashRow::accountId, String::valueOf),
                Tables.text("currency", "Ccy", 44, CashRow::currency),
                Tables.numeric("balance", "Cash", 130, CashRow::balance, this::decimal),
                Tables.numeric("held", "Held by orders", 120, CashRow::held, this::decimal),
                Tables.numeric("available", "Available", 130, CashRow::available, this::decimal)));
        Tables.show(cashTable, context.desk().cash(), new TextField(), "No cash");
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                context.instrumentProperty().set(context.desk().instrument(row.instrumentId()));
            }
        });
    }

    /** Flattens the selected position, or the focused account's position in the focused instrument. */
    @FXML
    public void flattenSelected() {
        PositionRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            flatten(row.accountId(), context.desk().instrument(row.instrumentId()));
        } else if (context.account() != null && context.instrument() != null) {
            flatten(context.account().accountId(), context.instrument());
        }
    }

    /**
     * Flatten is an order like any other: above the confirmation threshold it asks first (valued at the mark). A
     * flatten the risk evaluator holds expires if no officer approves it in time, so it never freezes the position.
     */
    private void flatten(long accountId, Instrument instrument) {
        long position = context.desk().balance(accountId, instrument.symbol());
        if (position > 0 && !confirmed(accountId, instrument, position)) {
            context.desk().say("Flatten of " + position + " " + instrument.symbol() + " not sent: confirmation declined");
            return;
        }
        context.entry().flatten(accountId, instrument, position);
        context.desk().say("Flattening " + position + " " + instrument.symbol() + " in account " + accountId);
    }

    private boolean confirmed(long accountId, Instrument instrument, long position) {
        int digits = context.desk().digits(instrument.currency());
        long mark = context.desk().markPrice(instrument);
        long notional = com.bourse.protocol.FixedPoint.rescale(Math.multiplyExact(mark, position),
                instrument.priceScale(), digits, java.math.RoundingMode.DOWN);
        long threshold = com.bourse.protocol.FixedPoint.fromWhole(context.confirmAboveNotionalProperty().get(), digits);
        if (notional <= threshold) {
            return true;
        }
        var account = context.desk().accounts().stream().filter(a -> a.accountId() == accountId).findFirst();
        var draft = new com.bourse.ui.model.TicketDraft(instrument, accountId, com.bourse.protocol.Side.SELL,
                com.bourse.protocol.OrderType.MARKET, com.bourse.protocol.TimeInForce.IOC, String.valueOf(position),
                "", "", "", false, digits, account.map(com.bourse.ui.port.AccountView::limits).orElse(null),
                context.desk().availableCash(accountId, instrument.currency()), position, mark);
        return context.confirm(com.bourse.ui.model.OrderConfirmation.of(
                new com.bourse.ui.model.TicketCheck(draft, Map.of(), position, 0, 0, 0, notional)));
    }

    @FXML
    private void export() {
        Exports.askAndExport(root, table, "positions.csv", context.desk()::say);
    }

    public void exportTo(Path file) {
        Exports.export(table, file, context.desk()::say);
    }

    public TableView<PositionRow> table() {
        return table;
    }

    public TableView<CashRow> cashTable() {
        return cashTable;
    }

    @Override
    public void capture(Map<String, Double> widths, Map<String, List<String>> hidden, Map<String, String> sorts) {
        Tables.capture(TABLE_ID, table, widths, hidden, sorts);
        Tables.capture(CASH_TABLE_ID, cashTable, widths, hidden, sorts);
    }

    @Override
    public void restore(Workspace workspace) {
        Tables.restore(TABLE_ID, table, workspace);
        Tables.restore(CASH_TABLE_ID, cashTable, workspace);
    }

    private String decimal(BigDecimal value) {
        return Decimals.format(value, Math.max(0, value.scale()));
    }

    /** Average cost shows the price's decimals, and two more only when they carry something. */
    private String average(BigDecimal value) {
        // Position averages carry the price scale plus two (see Position#averagePrice).
        return Decimals.format(value, Math.max(value.scale() - 2, value.stripTrailingZeros().scale()));
    }

    private String signed(BigDecimal value) {
        String text = Decimals.format(value, Math.max(0, value.scale()));
        return value.signum() > 0 ? "+" + text : text;
    }
}
