package com.bourse.ui.view.backoffice;

import com.bourse.protocol.WorkingOrder;
import com.bourse.ui.port.AccountDetail;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.Movement;
import com.bourse.ui.view.FitColumns;
import com.bourse.ui.view.Tables;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import java.util.List;
import java.util.Optional;

/**
 * Accounts: the list searched by id, name, owner, currency or status, and the chosen account's page — cash per
 * currency (balance, held, available), positions, working orders, its latest movements and trades. FX thread only.
 */
public final class AccountsController {
    @FXML private Parent root;
    @FXML private TextField search;
    @FXML private javafx.scene.control.SplitPane split;
    @FXML private TableView<AccountSummary> accounts;
    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private TableView<AccountDetail.Cash> cash;
    @FXML private TableView<AccountDetail.Holding> positions;
    @FXML private TableView<WorkingOrder> orders;
    @FXML private TableView<Movement> movements;
    @FXML private TableView<AccountDetail.TradeRow> trades;
    @FXML private javafx.scene.control.TabPane tabs;

    /**
     * The list's column that gives way beside a narrow account page: the currency (the page's subtitle says it, the
     * search still finds it). The id, name, owner and status never do: the list widens for them instead.
     */
    static final List<String> LIST_GIVES_WAY = List.of("acct-ccy");

    private final BackOfficeContext context;
    private final Parent view;
    private AccountDetail shown;

    public AccountsController(BackOfficeContext context) {
        this.context = context;
        this.view = Fxml.load("Accounts.fxml", this);
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void initialize() {
        root.setId("accountsPanel");
        accounts.setId("accountsTable");
        accounts.getColumns().setAll(List.of(
                Tables.numeric("acct-id", "Account", 80, AccountSummary::accountId, String::valueOf),
                Tables.text("acct-name", "Name", 170, AccountSummary::name),
                Tables.text("acct-owner", "Owner", 130, AccountSummary::ownerName),
                Tables.text("acct-ccy", "Ccy", 50, AccountSummary::currency),
                Tables.text("acct-status", "Status", 130, a -> a.status().label())));
        Tables.show(accounts, context.accounts(), search, "No accounts match");
        FitColumns<AccountSummary> fitted = FitColumns.install(accounts, accounts.getColumns().stream()
                .filter(c -> LIST_GIVES_WAY.contains(c.getId())).sorted(java.util.Comparator.comparingInt(
                        c -> LIST_GIVES_WAY.indexOf(c.getId()))).toList());
        // The list's side of the split widens rather than cut an account's id, name, owner or status. By the
        // divider, not a least width: the split would then stop sharing a smaller window out in proportion.
        javafx.beans.InvalidationListener widen = obs -> keepListWide(fitted.leastWidth().get());
        accounts.widthProperty().addListener(widen);
        fitted.leastWidth().addListener(widen);
        accounts.getSelectionModel().selectedItemProperty().addListener((obs, old, a) -> {
            if (a != null) {
                open(a.accountId());
            }
        });
        cash.setId("accountCash");
        cash.getColumns().setAll(List.of(
                Tables.text("cash-ccy", "Currency", 80, AccountDetail.Cash::currency),
                Tables.numeric("cash-balance", "Balance", 130, c -> context.money(c.balance(), c.currency()), s -> s),
                Tables.numeric("cash-held", "Held", 120, c -> context.money(c.held(), c.currency()), s -> s),
                Tables.numeric("cash-available", "Available", 130, c -> context.money(c.available(), c.currency()),
                        s -> s)));
        cash.setPlaceholder(new Label("No cash"));
        cash.setFixedCellSize(24);
        positions.setId("accountPositions");
        positions.getColumns().setAll(List.of(
                Tables.text("pos-symbol", "Instrument", 100, AccountDetail.Holding::symbol),
                Tables.numeric("pos-qty", "Quantity", 110, AccountDetail.Holding::quantity, String::valueOf),
                Tables.numeric("pos-held", "Held", 90, AccountDetail.Holding::held, String::valueOf),
                Tables.numeric("pos-avail", "Available", 110, AccountDetail.Holding::available, String::valueOf)));
        positions.setPlaceholder(new Label("No positions"));
        orders.setId("accountOrders");
        orders.getColumns().setAll(List.of(
                Tables.numeric("ord-id", "Order", 120, WorkingOrder::orderId, String::valueOf),
                Tables.text("ord-symbol", "Instrument", 80, o -> context.symbol(o.instrumentId())),
                Tables.side("ord-side", 60, WorkingOrder::side),
                Tables.numeric("ord-leaves", "Leaves", 80, WorkingOrder::leaves, String::valueOf),
                Tables.numeric("ord-price", "Price", 90, o -> context.price(o.instrumentId(), o.price()), s -> s),
                Tables.text("ord-status", "Status", 90, WorkingOrder::status)));
        orders.setPlaceholder(new Label("No working orders"));
        movements.setId("accountMovements");
        movements.getColumns().setAll(MovementsController.columns(context));
        MovementsController.fit(movements, MovementsController.PAGE_GIVES_WAY);
        movements.setPlaceholder(new Label("No movements"));
        trades.setId("accountTrades");
        trades.getColumns().setAll(List.of(
                Tables.numeric("trd-id", "Trade", 90, AccountDetail.TradeRow::tradeId, String::valueOf),
                Tables.text("trd-time", "Executed", 170, t -> context.time(t.executedAt())),
                Tables.text("trd-symbol", "Instrument", 80, t -> context.symbol(t.instrumentId())),
                Tables.side("trd-side", 60, AccountDetail.TradeRow::side),
                Tables.numeric("trd-qty", "Quantity", 80, AccountDetail.TradeRow::quantity, String::valueOf),
                Tables.numeric("trd-price", "Price", 90, t -> context.price(t.instrumentId(), t.price()), s -> s)));
        String noTrades = context.desk().tradesElsewhere();
        Label tradesNote = new Label(noTrades == null ? "No trades" : noTrades);
        tradesNote.setWrapText(true);
        trades.setPlaceholder(tradesNote);
        for (TableView<?> table : List.of(positions, orders, movements, trades)) {
            table.setFixedCellSize(24);
        }
    }

    /** Moves the divider so the list is at least {@code least} wide (when the split has room for it). */
    private void keepListWide(double least) {
        double width = accounts.getWidth();
        double room = split.getWidth() - split.snappedLeftInset() - split.snappedRightInset();
        if (width <= 0 || room <= 0 || width >= least - 0.5) {
            return;
        }
        double[] positions = split.getDividerPositions();
        split.setDividerPosition(0, Math.min(0.8, positions[0] + (Math.ceil(least) - width) / room));
    }

    /** Reloads the list (and the open account's page). */
    @FXML
    public void refresh() {
        AccountSummary selected = accounts.getSelectionModel().getSelectedItem();
        context.reloadAccounts(() -> {
            if (selected != null) {
                context.account(selected.accountId()).ifPresent(a -> accounts.getSelectionModel().select(a));
            }
        });
        if (shown != null) {
            open(shown.account().accountId());
        }
    }

    /** Shows an account's page. */
    public void open(long accountId) {
        context.whenDone(context.desk().account(accountId), "Loading account " + accountId, this::show);
    }

    private void show(AccountDetail detail) {
        shown = detail;
        AccountSummary a = detail.account();
        title.setText(a.accountId() + "  " + a.name());
        subtitle.setText("Owner " + a.ownerName() + " (user " + a.ownerUserId() + ")   Base currency " + a.currency()
                + "   " + a.status().label());
        cash.getItems().setAll(detail.cash());
        positions.getItems().setAll(detail.positions());
        orders.getItems().setAll(detail.workingOrders());
        movements.getItems().setAll(detail.movements());
        trades.getItems().setAll(detail.trades());
    }

    public Optional<AccountDetail> shown() {
        return Optional.ofNullable(shown);
    }

    public TableView<AccountSummary> table() {
        return accounts;
    }

    public TableView<AccountDetail.Cash> cashTable() {
        return cash;
    }

    public TextField searchField() {
        return search;
    }

    /** The page's tabs: positions, working orders, movements, trades. */
    public javafx.scene.control.TabPane tabs() {
        return tabs;
    }

    public TableView<Movement> movementsTable() {
        return movements;
    }
}
