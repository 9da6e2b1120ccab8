package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.TradeTape;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Candles of an instrument's trades over a chosen interval with volume bars beneath, painted on a canvas
 * when the tape or the size changed. Up candles take the buy colour, down candles the sell colour.
 * FX thread only.
 */
public final class PriceChart extends Region implements FrameLoop.FrameListener {
    private static final StyleablePropertyFactory<PriceChart> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final double AXIS_WIDTH = 78;
    private static final double TIME_HEIGHT = 18;
    /** Half the last-price tag (16 px) plus room for a label's text above or below it. */
    private static final double LAST_TAG_CLEARANCE = 16;

    private final StyleableProperty<Color> background =
            CSS.createStyleableColorProperty(this, "background", "-bourse-background", s -> s.background,
                    Color.web("#171c25"));
    private final StyleableProperty<Color> grid =
            CSS.createStyleableColorProperty(this, "grid", "-bourse-grid", s -> s.grid, Color.web("#1c222d"));
    private final StyleableProperty<Color> text =
            CSS.createStyleableColorProperty(this, "text", "-bourse-text", s -> s.text, Color.web("#8a94a6"));
    private final StyleableProperty<Color> up =
            CSS.createStyleableColorProperty(this, "up", "-bourse-up", s -> s.up, Color.web("#5a9fff"));
    private final StyleableProperty<Color> down =
            CSS.createStyleableColorProperty(this, "down", "-bourse-down", s -> s.down, Color.web("#ff6b69"));
    private final StyleableProperty<Color> volume =
            CSS.createStyleableColorProperty(this, "volume", "-bourse-volume", s -> s.volume, Color.web("#5a6375"));
    private final StyleableProperty<Color> last =
            CSS.createStyleableColorProperty(this, "last", "-bourse-last", s -> s.last, Color.web("#f2c14e"));

    private final WorkstationContext context;
    private final Canvas canvas = new Canvas();
    private final Font font = Font.font("DejaVu Sans Mono", 11);
    private long intervalMillis = 5_000;
    private int maxCandles = 80;
    private long drawnVersion = -1;
    private boolean dirty = true;

    public PriceChart(WorkstationContext context) {
        this.context = context;
        getStyleClass().add("price-chart");
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(640, 320);
        context.instrumentProperty().addListener((obs, old, now) -> dirty = true);
        context.themes().themeProperty().addListener((obs, old, now) -> dirty = true);
        // CSS applies after the frame that swapped the stylesheet: repaint when the colours really change.
        for (StyleableProperty<Color> colour : List.of(background, grid, text, up, down, volume, last)) {
            ((javafx.beans.value.ObservableValue<?>) colour).addListener(o -> dirty = true);
        }
        context.frames().addListener(this);
    }

    public void setInterval(long millis) {
        intervalMillis = millis;
        dirty = true;
    }

    public long interval() {
        return intervalMillis;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(snapSizeY(getHeight()));
        maxCandles = (int) Math.max(10, (getWidth() - AXIS_WIDTH) / 9);
        dirty = true;
    }

    @Override
    public void onFrame(long now) {
        Instrument i = context.instrument();
        if (i == null || getWidth() <= 0) {
            return;
        }
        TradeTape tape = context.desk().tape(i.id());
        if (dirty || tape.version() != drawnVersion) {
            paint(i, tape.candles(intervalMillis, maxCandles));
            drawnVersion = tape.version();
            dirty = false;
        }
    }

    private void paint(Instrument instrument, List<TradeTape.Candle> candles) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(background.getValue());
        g.fillRect(0, 0, w, h);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        double plotW = w - AXIS_WIDTH;
        double priceH = (h - TIME_HEIGHT) * 0.78;
        double volumeTop = priceH + 6;
        double volumeH = h - TIME_HEIGHT - volumeTop;
        if (candles.isEmpty()) {
            g.setFill(text.getValue());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Waiting for trades in " + instrument.symbol(), w / 2, h / 2);
            return;
        }
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long maxVolume = 1;
        for (TradeTape.Candle c : candles) {
            high = Math.max(high, c.high());
            low = Math.min(low, c.low());
            maxVolume = Math.max(maxVolume, c.volume());
        }
        long tick = instrument.tickSize();
        long pad = Math.max(tick * 2, (high - low) / 8);
        high += pad;
        low = Math.max(0, low - pad);
        double range = Math.max(1, high - low);
        // Price grid: about five lines on round tick multiples.
        long step = Math.max(tick, (long) Math.ceil(range / 5.0 / tick) * tick);
        TradeTape.Candle latest = candles.getLast();
        double yLast = Math.max(8, Math.min(priceH - 8, priceH - (latest.close() - low) / range * priceH));
        g.setTextAlign(TextAlignment.LEFT);
        for (long p = (low / step + 1) * step; p < high; p += step) {
            double y = priceH - (p - low) / range * priceH;
            g.setStroke(grid.getValue());
            g.setLineWidth(1);
            g.strokeLine(0, Math.floor(y) + 0.5, plotW, Math.floor(y) + 0.5);
            // The last-price tag is drawn over the axis: a grid label under it would show through half hidden.
            if (Math.abs(y - yLast) >= LAST_TAG_CLEARANCE) {
                g.setFill(text.getValue());
                g.fillText(Decimals.format(p, instrument.priceScale()), plotW + 6, y);
            }
        }
        // Few candles get wider slots (up to 14 px), many get the width they need; newest on the right.
        double slot = Math.min(14, plotW / Math.max(candles.size(), 1));
        double body = Math.max(1, slot * 0.64);
        double x0 = plotW - candles.size() * slot;
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < candles.size(); k++) {
            TradeTape.Candle c = candles.get(k);
            double cx = x0 + k * slot + slot / 2;
            Color colour = c.close() >= c.open() ? up.getValue() : down.getValue();
            double yHigh = priceH - (c.high() - low) / range * priceH;
            double yLow = priceH - (c.low() - low) / range * priceH;
            double yOpen = priceH - (c.open() - low) / range * priceH;
            double yClose = priceH - (c.close() - low) / range * priceH;
            g.setStroke(colour);
            g.setLineWidth(1);
            g.strokeLine(Math.floor(cx) + 0.5, yHigh, Math.floor(cx) + 0.5, yLow);
            g.setFill(colour);
            g.fillRect(cx - body / 2, Math.min(yOpen, yClose), body, Math.max(1, Math.abs(yClose - yOpen)));
            double vh = volumeH * c.volume() / maxVolume;
            g.setFill(volume.getValue());
            g.fillRect(cx - body / 2, volumeTop + volumeH - vh, body, vh);
            if (cx - lastLabel >= 80 && cx >= 30 && cx <= plotW - 30) {
                g.setFill(text.getValue());
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(TIME.format(Instant.ofEpochMilli(c.start())), cx, h - TIME_HEIGHT / 2);
                lastLabel = cx;
            }
        }
        g.setStroke(last.getValue());
        g.setLineDashes(3, 3);
        g.strokeLine(0, Math.floor(yLast) + 0.5, plotW, Math.floor(yLast) + 0.5);
        g.setLineDashes();
        g.setFill(last.getValue());
        g.fillRect(plotW, yLast - 8, AXIS_WIDTH, 16);
        g.setFill(background.getValue());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Decimals.format(latest.close(), instrument.priceScale()), plotW + 6, yLast);
        g.setStroke(grid.getValue());
        g.strokeLine(Math.floor(plotW) + 0.5, 0, Math.floor(plotW) + 0.5, h);
        g.strokeLine(0, Math.floor(volumeTop) - 2.5, plotW, Math.floor(volumeTop) - 2.5);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
