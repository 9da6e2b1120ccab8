package com.bourse.ui.view.risk;

import com.bourse.protocol.Instrument;
import com.bourse.ui.port.RiskOverview;
import com.bourse.ui.port.RiskOverview.Exposure;
import com.bourse.ui.port.RiskOverview.ScoredAlert;
import com.bourse.ui.view.Tables;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * The risk overview: a heat table of each account's exposure per instrument against its position limit (the
 * cell's colour says how much of the limit is used), the day's alerts over time, and the day's highest risk
 * scores. Selecting an account in the heat table or an alert in the scores shows that account in the limits
 * and controls panels. Refreshed every few seconds while shown, read off the FX thread.
 *
 * <p>FX thread only.
 */
public final class RiskOverviewPanel extends BorderPane {
    static final long BUCKET_MILLIS = 15 * 60_000L;
    static final int TOP_SCORES = 20;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter CLOCK_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final List<String> HEAT = List.of("heat-low", "heat-mid", "heat-high", "heat-over");

    private final RiskContext context;
    private final ZoneId zone;
    private final LongConsumer showAccount;
    private final TableView<HeatRow> heat = new TableView<>();
    private final ObservableList<HeatRow> heatRows = FXCollections.observableArrayList();
    private final StackedBarChart<String, Number> chart;
    private final TableView<ScoredAlert> scores = new TableView<>();
    private final Label updated = new Label();
    private final Timeline refresher;
    private RiskOverview shown;
    private boolean loading;

    /** One account's line of the heat table: its cells by instrument id. */
    public record HeatRow(long accountId, Map<Long, Exposure> cells) {
        public int worstBps() {
            return cells.values().stream().mapToInt(Exposure::usageBps).max().orElse(0);
        }
    }

    /** @param showAccount where a click on an account goes (the limits and controls panels select it) */
    public RiskOverviewPanel(RiskContext context, ZoneId zone, LongConsumer showAccount) {
        this.context = context;
        this.zone = zone;
        this.showAccount = showAccount;
        getStyleClass().addAll("panel", "risk-overview");
        setId("riskOverview");
        heat.setId("heatTable");
        scores.setId("topScores");
        updated.setId("overviewUpdated");
        updated.getStyleClass().add("muted");

        heat.setItems(heatRows);
        heat.setPlaceholder(new Label("No account holds or works anything"));
        heat.setFixedCellSize(24);
        heat.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null && !loading) {
                showAccount.accept(row.accountId());
            }
        });

        CategoryAxis time = new CategoryAxis();
        time.setLabel("Alerts per 15 minutes (today)");
        NumberAxis count = new NumberAxis();
        count.setMinorTickVisible(false);
        count.setTickUnit(1);
        count.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s);
            }
        });
        count.setForceZeroInRange(true);
        chart = new StackedBarChart<>(time, count);
        chart.setId("alertChart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setCategoryGap(2);
        chart.setMinHeight(160);

        scores.getColumns().setAll(List.of(
                Tables.numeric("score", "Score", 52, ScoredAlert::scoreBps,
                        bps -> String.format(Locale.ROOT, "%.2f", bps / 10_000.0)),
                Tables.text("subject", "Held item", 136, a -> a.subject().toLowerCase(Locale.ROOT) + " "
                        + a.subjectId()),
                Tables.numeric("account", "Account", 60, ScoredAlert::accountId, String::valueOf),
                Tables.text("decision", "Decision", 76, ScoredAlert::decision),
                Tables.text("reason", "Reason", 116, ScoredAlert::reason),
                Tables.text("rules", "Rules", 100, a -> String.join(", ", a.rules())),
                Tables.text("raised", "Raised", 64, a -> CLOCK_SECONDS.format(Instant.ofEpochMilli(a.raisedAt())
                        .atZone(zone)))));
        scores.setPlaceholder(new Label("No alert today"));
        scores.setFixedCellSize(24);
        scores.getSelectionModel().selectedItemProperty().addListener((o, was, alert) -> {
            if (alert != null && !loading) {
                showAccount.accept(alert.accountId());
            }
        });

        Label title = new Label("Risk overview");
        title.getStyleClass().add("panel-title");
        Button refresh = new Button("Refresh");
        refresh.setId("overviewRefresh");
        refresh.getStyleClass().add("flat-button");
        refresh.setOnAction(e -> refresh());
        Label legend = new Label("Position against limit:  < 50 %   50–80 %   80–100 %   over");
        legend.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        updated.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, title, legend, gap, updated, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 8, 4, 8));

        Label scoresTitle = new Label("Highest scores today");
        scoresTitle.getStyleClass().add("panel-title");
        BorderPane scoresBox = new BorderPane(scores, scoresTitle, null, null, null);
        SplitPane lower = new SplitPane(chart, scoresBox);
        lower.setDividerPositions(0.32);
        SplitPane split = new SplitPane(heat, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setTop(top);
        setCenter(split);

        refresher = new Timeline(new KeyFrame(Duration.seconds(5), e -> {
            if (getScene() != null && isVisible() && getWidth() > 0) {
                refresh();
            }
        }));
        refresher.setCycleCount(Timeline.INDEFINITE);
        refresher.play();
        refresh();
    }

    /** Reads the overview again (off the FX thread) and shows it. */
    public void refresh() {
        context.queue().desk().overview(BUCKET_MILLIS, TOP_SCORES).whenComplete((overview, failure) ->
                Platform.runLater(() -> {
                    if (failure != null) {
                        updated.setText("Overview unavailable: " + (failure.getCause() != null
                                ? failure.getCause().getMessage() : failure.getMessage()));
                        return;
                    }
                    show(overview);
                }));
    }

    private void show(RiskOverview overview) {
        loading = true;
        try {
            shown = overview;
            showHeat(overview.exposures());
            showChart(overview.alertBuckets());
            ScoredAlert selected = scores.getSelectionModel().getSelectedItem();
            scores.getItems().setAll(overview.topScores());
            if (selected != null) {
                scores.getItems().stream().filter(a -> a.subject().equals(selected.subject())
                        && a.subjectId() == selected.subjectId()).findFirst()
                        .ifPresent(a -> scores.getSelectionModel().select(a));
            }
            updated.setText("Updated " + CLOCK_SECONDS.format(Instant.now().atZone(zone)));
        } finally {
            loading = false;
        }
    }

    private void showHeat(List<Exposure> exposures) {
        HeatRow selected = heat.getSelectionModel().getSelectedItem();
        Map<Long, Map<Long, Exposure>> byAccount = new TreeMap<>();
        TreeSet<Long> instrumentIds = new TreeSet<>();
        for (Exposure e : exposures) {
            byAccount.computeIfAbsent(e.accountId(), k -> new LinkedHashMap<>()).put(e.instrumentId(), e);
            instrumentIds.add(e.instrumentId());
        }
        List<TableColumn<HeatRow, ?>> columns = new ArrayList<>();
        columns.add(Tables.numeric("account", "Account", 70, HeatRow::accountId, String::valueOf));
        columns.add(Tables.text("name", "Name", 130, r -> context.queue().account(r.accountId())
                .map(a -> a.name()).orElse("")));
        for (long instrumentId : instrumentIds) {
            columns.add(heatColumn(instrumentId));
        }
        columns.add(Tables.numeric("worst", "Worst", 64, HeatRow::worstBps, RiskOverviewPanel::percent));
        boolean sameColumns = heat.getColumns().size() == columns.size() && java.util.stream.IntStream
                .range(0, columns.size()).allMatch(k -> heat.getColumns().get(k).getText()
                        .equals(columns.get(k).getText()));
        if (!sameColumns) {
            heat.getColumns().setAll(columns);
        }
        List<HeatRow> rows = new ArrayList<>();
        byAccount.forEach((account, cells) -> rows.add(new HeatRow(account, Map.copyOf(cells))));
        rows.sort((a, b) -> Integer.compare(b.worstBps(), a.worstBps()));
        heatRows.setAll(rows);
        if (selected != null) {
            heatRows.stream().filter(r -> r.accountId() == selected.accountId()).findFirst()
                    .ifPresent(r -> heat.getSelectionModel().select(r));
        }
    }

    private TableColumn<HeatRow, Exposure> heatColumn(long instrumentId) {
        Instrument instrument = context.instrument(instrumentId);
        TableColumn<HeatRow, Exposure> column = new TableColumn<>(context.symbol(instrumentId));
        column.setId("heat-" + (instrument == null ? instrumentId : instrument.symbol()));
        column.setPrefWidth(100);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cells().get(instrumentId)));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Exposure item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(HEAT);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                getStyleClass().add("heat-cell");
                getStyleClass().add(band(item.usageBps()));
                setText(compact(item.worstPosition()) + "  " + percent(item.usageBps()));
                setTooltip(new Tooltip("Could reach " + String.format(Locale.ROOT, "%,d", item.worstPosition())
                        + " of a " + String.format(Locale.ROOT, "%,d", item.maxPosition()) + " position limit"));
            }
        });
        return column;
    }

    /** The heat band of a usage: under half, to 80 %, to the limit, over it. */
    static String band(int usageBps) {
        return usageBps >= 10_000 ? "heat-over" : usageBps >= 8_000 ? "heat-high" : usageBps >= 5_000 ? "heat-mid"
                : "heat-low";
    }

    /** A position short enough for a heat cell: 775, 12.5k, 1.0M (the tooltip has it in full). */
    static String compact(long n) {
        long a = Math.abs(n);
        String sign = n < 0 ? "-" : "";
        if (a < 10_000) {
            return String.valueOf(n);
        }
        if (a < 1_000_000) {
            return sign + a / 1_000 + "." + a % 1_000 / 100 + "k";
        }
        return sign + a / 1_000_000 + "." + a % 1_000_000 / 100_000 + "M";
    }

    private static String percent(int bps) {
        if (bps < 10) {
            return bps == 0 ? "0 %" : "<0.1 %";
        }
        return bps >= 100_000 ? String.format(Locale.ROOT, "%,d %%", bps / 100)
                : String.format(Locale.ROOT, "%.1f %%", bps / 100.0);
    }

    private void showChart(List<RiskOverview.AlertBucket> buckets) {
        XYChart.Series<String, Number> orders = new XYChart.Series<>();
        orders.setName("Orders");
        XYChart.Series<String, Number> transfers = new XYChart.Series<>();
        transfers.setName("Transfers");
        for (RiskOverview.AlertBucket b : buckets) {
            String at = CLOCK.format(Instant.ofEpochMilli(b.start()).atZone(zone));
            orders.getData().add(new XYChart.Data<>(at, b.orders()));
            transfers.getData().add(new XYChart.Data<>(at, b.transfers()));
        }
        chart.getData().setAll(List.of(orders, transfers));
    }

    // ---- For tests and the window -----------------------------------------------------------------------

    public TableView<HeatRow> heatTable() {
        return heat;
    }

    public TableView<ScoredAlert> topScores() {
        return scores;
    }

    public StackedBarChart<String, Number> alertChart() {
        return chart;
    }

    /** What is on screen now; null before the first read. */
    public RiskOverview shown() {
        return shown;
    }

    /** Stops the periodic refresh (the window closes). */
    public void stop() {
        refresher.stop();
    }
}
