package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/** The price chart with its instrument, interval choice and the moving average and VWAP switches. */
public final class ChartPanel extends BorderPane {
    private final PriceChart chart;

    /** The window's main chart: it follows the instrument in focus. */
    public ChartPanel(WorkstationContext context) {
        this(context, context.instrumentProperty(), "priceChart");
    }

    /** A chart of one instrument, beside the main one. */
    public ChartPanel(WorkstationContext context, Instrument instrument) {
        this(context, new javafx.beans.property.ReadOnlyObjectWrapper<>(instrument), "chart-" + instrument.symbol());
    }

    private ChartPanel(WorkstationContext context, javafx.beans.value.ObservableValue<Instrument> source, String id) {
        chart = new PriceChart(context, source);
        chart.setId(id);
        getStyleClass().add("panel");
        Label symbol = new Label();
        symbol.getStyleClass().add("symbol");
        symbol.textProperty().bind(source.map(Instrument::symbol).orElse(""));
        ComboBox<Long> interval = new ComboBox<>(FXCollections.observableArrayList(5_000L, 15_000L, 60_000L,
                300_000L));
        interval.setId(id.equals("priceChart") ? "chartInterval" : id + "-interval");
        interval.setConverter(new StringConverter<>() {
            @Override
            public String toString(Long millis) {
                return millis == null ? "" : millis < 60_000 ? millis / 1000 + " s candles" : millis / 60_000
                        + " min candles";
            }

            @Override
            public Long fromString(String text) {
                return null;
            }
        });
        interval.setValue(chart.interval());
        interval.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                chart.setInterval(now);
            }
        });
        javafx.scene.control.CheckBox average = new javafx.scene.control.CheckBox("MA " + PriceChart.AVERAGE_PERIOD);
        average.selectedProperty().bindBidirectional(chart.showAverageProperty());
        javafx.scene.control.CheckBox vwap = new javafx.scene.control.CheckBox("VWAP");
        vwap.selectedProperty().bindBidirectional(chart.showVwapProperty());
        // Wraps on a narrow chart rather than cut the symbol or a switch short.
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(8, 4, symbol, interval, average, vwap);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setMinWidth(0);
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[]{symbol, average, vwap}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        header.getStyleClass().add("ladder-header");
        setTop(header);
        setCenter(chart);
    }

    public PriceChart chart() {
        return chart;
    }
}
