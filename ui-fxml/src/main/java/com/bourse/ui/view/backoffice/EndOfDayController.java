package com.bourse.ui.view.backoffice;

import com.bourse.ui.port.DayReport;
import com.bourse.ui.view.Tables;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import java.util.List;

/** End of day: close the trading day (DAY orders expire) after a confirmation, and the day's report. FX only. */
public final class EndOfDayController {
    /** Wide enough for 2,000,500,000.00 in the figures' face. */
    private static final double FIGURE = 140;

    @FXML private Parent root;
    @FXML private DatePicker date;
    @FXML private Button report;
    @FXML private Button run;
    @FXML private Label summary;
    @FXML private TableView<DayReport.InstrumentDay> instruments;
    @FXML private TableView<DayReport.CurrencyDay> currencies;

    private final BackOfficeContext context;
    private final Parent view;
    private DayReport shown;

    public EndOfDayController(BackOfficeContext context) {
        this.context = context;
        this.view = Fxml.load("EndOfDay.fxml", this);
    }

    public Parent view() {
        return view;
    }

    @FXML
    private void initialize() {
        root.setId("endOfDayPanel");
        run.setId("runEndOfDay");
        summary.setId("dayReportSummary");
        instruments.setId("dayInstruments");
        currencies.setId("dayCurrencies");
        BackOfficeContext.isoDates(date);
        date.setValue(context.desk().today());
        // Both tables fit the panel's width (no sideways scrolling), each figure column never narrower than a
        // bank-sized sum such as 2,000,500,000.00: at 1024 wide the deposits were cut to "2,000,500,00...".
        instruments.getColumns().setAll(List.of(
                Tables.atLeast(80, Tables.text("day-symbol", "Instrument", 100, DayReport.InstrumentDay::symbol)),
                Tables.atLeast(60, Tables.numeric("day-trades", "Trades", 80, DayReport.InstrumentDay::trades,
                        String::valueOf)),
                Tables.atLeast(90, Tables.numeric("day-volume", "Volume", 100, DayReport.InstrumentDay::volume,
                        String::valueOf)),
                Tables.atLeast(FIGURE, Tables.numeric("day-value", "Value", 150,
                        d -> context.money(d.value(), d.currency()), s -> s)),
                Tables.atLeast(50, Tables.text("day-ccy", "Ccy", 50, DayReport.InstrumentDay::currency))));
        currencies.getColumns().setAll(List.of(
                Tables.atLeast(70, Tables.text("day-cur", "Currency", 80, DayReport.CurrencyDay::currency)),
                Tables.atLeast(FIGURE, Tables.numeric("day-dep", "Deposits", 150,
                        d -> context.money(d.deposits(), d.currency()), s -> s)),
                Tables.atLeast(FIGURE, Tables.numeric("day-wd", "Withdrawals", 150,
                        d -> context.money(d.withdrawals(), d.currency()), s -> s)),
                Tables.atLeast(FIGURE, Tables.numeric("day-tr", "Transfers", 150,
                        d -> context.money(d.transfers(), d.currency()), s -> s)),
                Tables.atLeast(FIGURE, Tables.numeric("day-pay", "Payments", 150,
                        d -> context.money(d.payments(), d.currency()), s -> s)),
                Tables.atLeast(90, Tables.numeric("day-fees", "Fees", 100,
                        d -> context.money(d.fees(), d.currency()), s -> s)),
                Tables.atLeast(80, Tables.numeric("day-count", "Movements", 90, DayReport.CurrencyDay::movements,
                        String::valueOf))));
        instruments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        currencies.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        for (TableView<?> t : List.of(instruments, currencies)) {
            t.setFixedCellSize(24);
            t.setPlaceholder(new Label("Nothing on this date"));
        }
    }

    @FXML
    public void showReport() {
        if (date.getValue() == null) {
            return;
        }
        context.whenDone(context.office().orElseThrow().dayReport(date.getValue()), "Reading the day report", this::show);
    }

    /** Closes the day once the person confirms; shows the report the close produced. */
    @FXML
    public void runEndOfDay() {
        if (!context.confirm("End of day", "Close the trading day " + context.desk().today()
                + "? Every DAY order still working expires.")) {
            return;
        }
        run.setDisable(true);
        summary.setText("Closing the day…");
        context.whenDone(context.office().orElseThrow().endOfDay(), "End of day", r -> {
            run.setDisable(false);
            date.setValue(r.date());
            show(r);
            context.say("End of day done: " + r.expiredOrders() + " DAY orders expired");
        });
    }

    private void show(DayReport r) {
        shown = r;
        int trades = r.instruments().stream().mapToInt(DayReport.InstrumentDay::trades).sum();
        int moves = r.currencies().stream().mapToInt(DayReport.CurrencyDay::movements).sum();
        summary.setText("Day report " + r.date() + ": " + trades + " trades in " + r.instruments().size()
                + " instruments, " + moves + " cash movements completed"
                + (r.expiredOrders() >= 0 ? ", " + r.expiredOrders() + " DAY orders expired at the close" : ""));
        instruments.getItems().setAll(r.instruments());
        currencies.getItems().setAll(r.currencies());
    }

    public DayReport shown() {
        return shown;
    }

    public TableView<DayReport.InstrumentDay> instruments() {
        return instruments;
    }

    public TableView<DayReport.CurrencyDay> currencies() {
        return currencies;
    }

    public Label summary() {
        return summary;
    }
}
