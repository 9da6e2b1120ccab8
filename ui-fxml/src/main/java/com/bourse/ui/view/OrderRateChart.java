package com.bourse.ui.view;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * The dashboard's order rate: orders accepted in the last minute, one point per refresh (a second), the last
 * minute of them. The vertical axis counts whole orders from zero, its top the next ten above the highest point (at
 * least {@code minimumTop}), labelled in whole numbers; the horizontal axis is seconds ago. FX thread only.
 */
public final class OrderRateChart extends LineChart<Number, Number> {
    private static final int POINTS = 60;
    private final int minimumTop;
    private final ObservableList<XYChart.Data<Number, Number>> points = FXCollections.observableArrayList();
    private final int[] history = new int[POINTS];
    private int count;

    public OrderRateChart(int minimumTop) {
        super(new NumberAxis(-POINTS, 0, 15), new NumberAxis(0, minimumTop, minimumTop / 5.0));
        this.minimumTop = minimumTop;
        getStyleClass().add("order-rate-chart");
        setLegendVisible(false);
        // A small tile must be able to shrink it: a chart's default preferred size would spill over the tile's edge.
        setMinSize(60, 40);
        setPrefSize(160, 100);
        setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        setAnimated(false);
        setCreateSymbols(false);
        setHorizontalGridLinesVisible(true);
        setVerticalGridLinesVisible(false);
        yAxis().setMinorTickVisible(false);
        xAxis().setMinorTickVisible(false);
        yAxis().setTickLabelFormatter(WHOLE);
        xAxis().setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return seconds.intValue() == 0 ? "now" : seconds.intValue() + " s";
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        getData().add(new XYChart.Series<>(points));
    }

    /** The newest figure: the chart moves one point left. */
    public void add(int ordersLastMinute) {
        if (count == POINTS) {
            System.arraycopy(history, 1, history, 0, POINTS - 1);
            count--;
        }
        history[count++] = ordersLastMinute;
        int highest = 0;
        for (int k = 0; k < count; k++) {
            highest = Math.max(highest, history[k]);
        }
        int top = Math.max(minimumTop, (highest / 10 + 1) * 10);
        yAxis().setUpperBound(top);
        yAxis().setTickUnit(Math.max(1, top / 5));
        points.clear();
        for (int k = 0; k < count; k++) {
            points.add(new XYChart.Data<>(k - count + 1, history[k]));
        }
    }

    public NumberAxis yAxis() {
        return (NumberAxis) getYAxis();
    }

    private NumberAxis xAxis() {
        return (NumberAxis) getXAxis();
    }

    /** Order counts are whole: "2", never "2.0". */
    static final StringConverter<Number> WHOLE = new StringConverter<>() {
        @Override
        public String toString(Number value) {
            return String.valueOf(Math.round(value.doubleValue()));
        }

        @Override
        public Number fromString(String text) {
            return Integer.valueOf(text.trim());
        }
    };
}
