package com.bourse.ui.view.training;

import com.bourse.protocol.FixedPoint;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.Debrief;
import com.bourse.ui.port.TrainingControl;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The debrief of a training session: the result and the goals, the P&L over time, every fill with its slippage
 * against the arrival mid and the interval VWAP, the holds the trainee caused, and the earlier attempts at the same
 * scenario; export as PDF. Shows the last {@link Debrief} asked for ({@link #refresh}). FX thread only.
 */
public final class DebriefPanel extends ScrollPane {
    private final TrainingControl control;
    private final Consumer<String> say;
    private final Label title = new Label("Debrief");
    private final Label summary = new Label("Press Refresh (or let the day close) for the debrief.");
    private final VBox goals = new VBox(2);
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis pnlAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(timeAxis, pnlAxis);
    private final TableView<Debrief.FillLine> fills = new TableView<>();
    private final VBox reviews = new VBox(2);
    private final TableView<Debrief.Attempt> attempts = new TableView<>();
    private Debrief shown;

    public DebriefPanel(TrainingControl control, Consumer<String> say) {
        this.control = control;
        this.say = say;
        setId("debriefPanel");
        setFitToWidth(true);
        getStylesheets().add(DebriefPanel.class.getResource("training.css").toExternalForm());
        title.getStyleClass().add("debrief-title");
        summary.setWrapText(true);
        Button refresh = new Button("Refresh");
        refresh.setId("debriefRefresh");
        refresh.setOnAction(e -> refresh());
        Button pdf = new Button("Export PDF…");
        pdf.setId("debriefPdf");
        pdf.setOnAction(e -> exportPdf());
        chart.getStyleClass().add("pnl-chart");
        chart.setId("debriefPnl");
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        timeAxis.setForceZeroInRange(false);
        timeAxis.setAutoRanging(true);
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number minutes) {
                int m = minutes.intValue();
                return String.format(Locale.ROOT, "%02d:%02d", m / 60 % 24, m % 60);
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        fills.setId("debriefFills");
        fills.setPrefHeight(220);
        fills.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // Short headers so that nine columns fit the dock; the caption above the table says what they measure.
        fills.getColumns().setAll(List.of(
                column("Time", f -> f.time().withNano(0).toString()),
                column("Symbol", Debrief.FillLine::symbol),
                column("Side", f -> f.side().name()),
                column("Qty", f -> Long.toString(f.quantity())),
                column("Price", f -> price(f, f.price())),
                column("Mid", f -> price(f, f.arrivalMid())),
                column("VWAP", f -> price(f, f.intervalVwap())),
                column("Δ mid", f -> ticks(f.slippageVsMidTicks())),
                column("Δ VWAP", f -> ticks(f.slippageVsVwapTicks()))));
        fills.setPlaceholder(new Label("No fill yet"));
        attempts.setId("debriefAttempts");
        attempts.setPrefHeight(140);
        attempts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        attempts.getColumns().setAll(List.of(
                column("When", Debrief.Attempt::when),
                column("Seed", a -> Long.toString(a.seed())),
                column("Result", a -> shown == null ? "" : Decimals.format(a.pnlMinor(), shown.minorDigits())),
                column("Goals met", a -> a.goalsMet() + " / " + a.goals()),
                column("Fills", a -> Integer.toString(a.fills()))));
        attempts.setPlaceholder(new Label("First attempt at this scenario"));
        VBox content = new VBox(title, summary, new HBox(6, refresh, pdf), heading("Goals"), goals,
                heading("P&L over time"), chart, heading("Fills"), muted("Mid: the mid when the order arrived. VWAP: the "
                        + "market's average price from the arrival to the fill. Δ: slippage in ticks, positive when it "
                        + "cost you."), fills, heading("Holds and alerts you caused"),
                reviews, heading("Earlier attempts"), attempts);
        content.getStyleClass().add("debrief");
        setContent(content);
    }

    /** Asks the session for its debrief and shows it when it comes. */
    public void refresh() {
        control.debrief().whenComplete((debrief, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                say.accept("No debrief: " + TrainingToolbar.rootMessage(failure));
            } else {
                show(debrief);
            }
        }));
    }

    /** The debrief on screen, for tests. */
    public Debrief shown() {
        return shown;
    }

    public TableView<Debrief.FillLine> fills() {
        return fills;
    }

    private void show(Debrief d) {
        shown = d;
        title.setText("Debrief — " + d.title() + " (seed " + d.seed() + ")");
        summary.setText(String.format(Locale.ROOT, "%s at %s. Trading result %s %s, marked to the last prices; %d "
                        + "fills, %d orders refused, %d holds for a risk officer.",
                d.finished() ? "Day closed" : "In progress", d.reached(), Decimals.format(d.pnlMinor(), d.minorDigits()),
                d.currency(), d.fills().size(), d.rejectedOrders(), d.reviews().size()));
        goals.getChildren().clear();
        if (d.goals().isEmpty()) {
            goals.getChildren().add(muted("This scenario sets no goal (practice)."));
        }
        for (Debrief.GoalLine goal : d.goals()) {
            Label line = new Label((goal.met() ? "✔ Met: " : "✘ Not met: ") + goal.text() + " — " + goal.detail());
            line.setWrapText(true);
            line.getStyleClass().add(goal.met() ? "goal-met" : "goal-missed");
            goals.getChildren().add(line);
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (Debrief.PnlPoint point : d.pnl()) {
            // A chart coordinate only (a pixel position): the figures shown as text stay exact.
            double y = FixedPoint.toDecimal(point.pnlMinor(), d.minorDigits()).doubleValue();
            series.getData().add(new XYChart.Data<>(point.time().toSecondOfDay() / 60.0, y));
        }
        chart.getData().setAll(List.of(series));
        frameTime(d.pnl());
        pnlAxis.setLabel(d.currency());
        fills.getItems().setAll(d.fills());
        reviews.getChildren().clear();
        if (d.reviews().isEmpty()) {
            reviews.getChildren().add(muted("None: no order or transfer of yours waited for a risk officer."));
        }
        for (Debrief.ReviewLine r : d.reviews()) {
            reviews.getChildren().add(new Label(r.subject() + " " + r.subjectId() + " held at " + r.held()
                    + (r.decided() == null ? ", never decided" : ", decided at " + r.decided())));
        }
        attempts.getItems().setAll(d.attempts());
    }

    private void exportPdf() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the debrief");
        chooser.setInitialFileName("debrief.pdf");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            control.exportPdf(file.toPath()).whenComplete((p, failure) -> Platform.runLater(() ->
                    say.accept(failure != null ? "Could not export: " + TrainingToolbar.rootMessage(failure)
                            : "Debrief written to " + p)));
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("debrief-heading");
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("muted");
        return label;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    private static String price(Debrief.FillLine f, long units) {
        return units == 0 ? "—" : Decimals.format(units, f.priceScale());
    }

    private static String ticks(double ticks) {
        // No "-0.0": a fill at the benchmark shows 0.0.
        return Math.abs(ticks) < 0.05 ? "0.0" : String.format(Locale.ROOT, "%+.1f", ticks);
    }

    /** The time axis spans the hours of the curve, on whole hours (quarters for a short session). */
    private void frameTime(List<Debrief.PnlPoint> points) {
        if (points.isEmpty()) {
            timeAxis.setAutoRanging(true);
            return;
        }
        int first = points.getFirst().time().toSecondOfDay() / 60;
        int last = points.getLast().time().toSecondOfDay() / 60;
        int unit = last - first > 180 ? 60 : 15;
        timeAxis.setAutoRanging(false);
        timeAxis.setLowerBound(Math.floorDiv(first, unit) * unit);
        timeAxis.setUpperBound(Math.max(Math.floorDiv(first, unit) * unit + unit, -Math.floorDiv(-last, unit) * unit));
        timeAxis.setTickUnit(unit);
    }

}
