package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** The price chart with its instrument and interval choice. */
public final class ChartPanel extends BorderPane {
    private final PriceChart chart;

    public ChartPanel(WorkstationContext context) {
        chart = new PriceChart(context);
        chart.setId("priceChart");
        getStyleClass().add("panel");
        Label symbol = new Label();
        symbol.getStyleClass().add("symbol");
        symbol.textProperty().bind(context.instrumentProperty().map(Instrument::symbol).orElse(""));
        ComboBox<Long> interval = new ComboBox<>(FXCollections.observableArrayList(5_000L, 15_000L, 60_000L,
                300_000L));
        interval.setId("chartInterval");
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
        HBox header = new HBox(symbol, interval);
        header.getStyleClass().add("ladder-header");
        setTop(header);
        setCenter(chart);
    }

    public PriceChart chart() {
        return chart;
    }
}
