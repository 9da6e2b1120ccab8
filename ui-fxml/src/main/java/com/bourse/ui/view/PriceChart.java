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
 * when the tape, the trader's orders or fills, the pointer or the size changed. Up candles take the buy colour,
 * down candles the sell colour. Over them: a moving average of closes and the day's VWAP (each switchable), the
 * trader's working orders as dashed lines at their price, fills as triangles at their time and price, the
 * position's average price, and under the pointer a crosshair reading out price and time. FX thread only.
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

    /** What the crosshair reads where the pointer is: a price on the tick grid and the candle's start. */
    public record Crosshair(long price, long time) {
    }

    /** Candles in the moving average. */
    public static final int AVERAGE_PERIOD = 20;

    private final StyleableProperty<Color> average =
            CSS.createStyleableColorProperty(this, "average", "-bourse-average", s -> s.average, Color.web("#c4b5fd"));
    private final StyleableProperty<Color> vwapColour =
            CSS.createStyleableColorProperty(this, "vwap", "-bourse-vwap", s -> s.vwapColour, Color.web("#2dd4bf"));

    private final List<Long> drawnGrid = new java.util.ArrayList<>();
    private final WorkstationContext context;
    private final javafx.beans.value.ObservableValue<Instrument> source;
    private final javafx.beans.property.BooleanProperty showAverage =
            new javafx.beans.property.SimpleBooleanProperty(this, "showAverage", true);
    private final javafx.beans.property.BooleanProperty showVwap =
            new javafx.beans.property.SimpleBooleanProperty(this, "showVwap", true);
    private final Canvas canvas = new Canvas();
    private double pointerX = -1;
    private double pointerY = -1;
    private Crosshair crosshair;
    private long drawnDesk = -1;
    private int drawnOrders;
    private static final double LABEL_HEIGHT = 13;
    private final java.util.List<javafx.geometry.Rectangle2D> placedLabels = new java.util.ArrayList<>();
    private int drawnFills;
    private long drawnAverageLine;
    private long lastAverage;
    private long lastVwap;
    private final Font font = Font.font("DejaVu Sans Mono", 11);
    private long intervalMillis = 5_000;
    private int maxCandles = 80;
    private long drawnVersion = -1;
    private boolean dirty = true;

    /** The window's main chart: it follows the instrument in focus. */
    public PriceChart(WorkstationContext context) {
        this(context, context.instrumentProperty());
    }

    public PriceChart(WorkstationContext context, javafx.beans.value.ObservableValue<Instrument> source) {
        this.context = context;
        this.source = source;
        getStyleClass().add("price-chart");
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(640, 320);
        source.addListener((obs, old, now) -> dirty = true);
        showAverage.addListener(o -> dirty = true);
        showVwap.addListener(o -> dirty = true);
        setOnMouseMoved(e -> pointAt(e.getX(), e.getY()));
        setOnMouseDragged(e -> pointAt(e.getX(), e.getY()));
        setOnMouseExited(e -> pointAt(-1, -1));
        context.themes().themeProperty().addListener((obs, old, now) -> dirty = true);
        // CSS applies after the frame that swapped the stylesheet: repaint when the colours really change.
        for (StyleableProperty<Color> colour : List.of(background, grid, text, up, down, volume, last, average,
                vwapColour)) {
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

    public javafx.beans.property.BooleanProperty showAverageProperty() {
        return showAverage;
    }

    public javafx.beans.property.BooleanProperty showVwapProperty() {
        return showVwap;
    }

    /** Puts the pointer at local ({@code x}, {@code y}); negative takes it away. The mouse calls it. */
    public void pointAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        dirty = true;
    }

    /** What the crosshair read at the last paint, or null when the pointer is off the plot. */
    public Crosshair crosshair() {
        return crosshair;
    }

    /** The moving average and the VWAP at the newest candle, as last painted (0 when not drawn). */
    public long lastAverage() {
        return lastAverage;
    }

    public long lastVwap() {
        return lastVwap;
    }

    /** How many working-order lines and fill markers the last paint drew. */
    /** The prices of the grid lines painted last, lowest first (each labelled unless the last-price tag covers it). */
    public List<Long> drawnGrid() {
        return List.copyOf(drawnGrid);
    }

    public int drawnOrderLines() {
        return drawnOrders;
    }

    public int drawnFillMarkers() {
        return drawnFills;
    }

    /** The average price line drawn at the last paint, 0 when flat. */
    public long drawnAveragePriceLine() {
        return drawnAverageLine;
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
        Instrument i = source.getValue();
        if (i == null || getWidth() <= 0) {
            return;
        }
        TradeTape tape = context.desk().tape(i.id());
        if (dirty || tape.version() != drawnVersion || context.desk().version() != drawnDesk) {
            paint(i, tape.candles(intervalMillis, maxCandles));
            drawnVersion = tape.version();
            drawnDesk = context.desk().version();
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
        crosshair = null;
        drawnOrders = 0;
        placedLabels.clear();
        drawnFills = 0;
        drawnAverageLine = 0;
        lastAverage = 0;
        lastVwap = 0;
        drawnGrid.clear();
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
        // Price grid: about five lines at a nice step (1, 2, 2.5, 5 x 10^n) that is a whole number of ticks.
        long step = PriceGrid.step(high - low, tick);
        TradeTape.Candle latest = candles.getLast();
        double yLast = Math.max(8, Math.min(priceH - 8, priceH - (latest.close() - low) / range * priceH));
        g.setTextAlign(TextAlignment.LEFT);
        for (long p = PriceGrid.first(low, step); p < high; p += step) {
            drawnGrid.add(p);
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
        Plot plot = new Plot(low, range, priceH, x0, slot, plotW, candles);
        paintStudies(g, plot);
        paintOwn(g, instrument, plot);
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
        paintCrosshair(g, instrument, plot, h);
    }

    /** Where the candles went: price to y and time to x, for the overlays and the crosshair. */
    private record Plot(long low, double range, double priceH, double x0, double slot, double plotW,
                        List<TradeTape.Candle> candles) {
        double y(long price) {
            return priceH - (price - low) / range * priceH;
        }

        long price(double y) {
            return low + (long) ((priceH - y) / priceH * range);
        }

        /** Index of the candle holding {@code time}, or -1 when it is before the first one shown. */
        int candleAt(long time) {
            for (int k = candles.size() - 1; k >= 0; k--) {
                if (candles.get(k).start() <= time) {
                    return k;
                }
            }
            return -1;
        }

        double x(int k) {
            return x0 + k * slot + slot / 2;
        }
    }

    private void paintStudies(GraphicsContext g, Plot plot) {
        List<TradeTape.Candle> candles = plot.candles();
        g.setLineWidth(1.5);
        if (showAverage.get() && candles.size() >= AVERAGE_PERIOD) {
            g.setStroke(average.getValue());
            g.beginPath();
            long sum = 0;
            for (int k = 0; k < candles.size(); k++) {
                sum += candles.get(k).close();
                if (k >= AVERAGE_PERIOD) {
                    sum -= candles.get(k - AVERAGE_PERIOD).close();
                }
                if (k >= AVERAGE_PERIOD - 1) {
                    long mean = (2 * sum + AVERAGE_PERIOD) / (2 * AVERAGE_PERIOD);
                    lastAverage = mean;
                    if (k == AVERAGE_PERIOD - 1) {
                        g.moveTo(plot.x(k), plot.y(mean));
                    } else {
                        g.lineTo(plot.x(k), plot.y(mean));
                    }
                }
            }
            g.stroke();
        }
        if (showVwap.get()) {
            g.setStroke(vwapColour.getValue());
            g.beginPath();
            for (int k = 0; k < candles.size(); k++) {
                long v = candles.get(k).vwap();
                if (k == 0) {
                    g.moveTo(plot.x(k), plot.y(v));
                } else {
                    g.lineTo(plot.x(k), plot.y(v));
                }
                lastVwap = v;
            }
            g.stroke();
        }
        g.setLineWidth(1);
        double legendX = 6;
        g.setTextAlign(TextAlignment.LEFT);
        if (lastAverage > 0) {
            g.setFill(average.getValue());
            g.fillText("MA " + AVERAGE_PERIOD, legendX, 10);
            legendX += 52;
        }
        if (lastVwap > 0) {
            g.setFill(vwapColour.getValue());
            g.fillText("VWAP", legendX, 10);
        }
    }

    /** The trader's working orders, fills and average price in this instrument. */
    private void paintOwn(GraphicsContext g, Instrument instrument, Plot plot) {
        int scale = instrument.priceScale();
        g.setTextAlign(TextAlignment.LEFT);
        // Labels go above their line, or below it where that would cover the legend or another label: on a
        // narrow chart an order's label and the average's ran into each other at the same price.
        java.util.List<javafx.geometry.Rectangle2D> taken = new java.util.ArrayList<>();
        taken.add(new javafx.geometry.Rectangle2D(0, 0, 120, 18));
        for (com.bourse.ui.model.OrderRow row : context.desk().workingOrders()) {
            if (!row.isWorking() || row.instrumentId() != instrument.id() || !row.type().hasLimitPrice()) {
                continue;
            }
            double y = plot.y(row.priceUnits());
            if (y < 0 || y > plot.priceH()) {
                continue;
            }
            Color colour = row.side() == com.bourse.protocol.Side.BUY ? up.getValue() : down.getValue();
            g.setStroke(colour);
            g.setLineDashes(6, 4);
            g.strokeLine(0, Math.floor(y) + 0.5, plot.plotW(), Math.floor(y) + 0.5);
            g.setLineDashes();
            g.setFill(colour);
            label(g, taken, (row.side() == com.bourse.protocol.Side.BUY ? "BUY " : "SELL ")
                    + Decimals.format(row.leaves(), 0) + " @ " + Decimals.format(row.priceUnits(), scale), 6, y,
                    false);
            drawnOrders++;
        }
        for (com.bourse.ui.model.FillRow fill : context.desk().fills()) {
            if (!fill.symbol().equals(instrument.symbol())) {
                continue;
            }
            int k = plot.candleAt(fill.time().toEpochMilli());
            if (k < 0) {
                continue;
            }
            double x = plot.x(k);
            double y = plot.y(Decimals.unitsOf(fill.price(), scale));
            boolean bought = fill.side() == com.bourse.protocol.Side.BUY;
            g.setFill(bought ? up.getValue() : down.getValue());
            g.setStroke(background.getValue());
            // A buy points up from below its price, a sell down from above.
            double[] xs = {x - 6, x + 6, x};
            double[] ys = bought ? new double[]{y + 10, y + 10, y} : new double[]{y - 10, y - 10, y};
            g.fillPolygon(xs, ys, 3);
            g.strokePolygon(xs, ys, 3);
            drawnFills++;
        }
        LadderPosition position = LadderPosition.of(context.desk(), context.account(), instrument);
        if (position != null) {
            long avg = Decimals.unitsOf(position.average().setScale(scale, java.math.RoundingMode.HALF_EVEN), scale);
            double y = plot.y(avg);
            if (y >= 0 && y <= plot.priceH()) {
                g.setStroke(average.getValue());
                g.setLineDashes(2, 3);
                g.strokeLine(0, Math.floor(y) + 0.5, plot.plotW(), Math.floor(y) + 0.5);
                g.setLineDashes();
                g.setFill(average.getValue());
                label(g, taken, "AVG " + Decimals.format(position.average(), scale + 2) + " (" + (position.quantity() > 0
                        ? "+" : "") + Decimals.format(position.quantity(), 0) + ")", plot.plotW() - 6, y, true);
                drawnAverageLine = avg;
            }
        }
    }

    /**
     * Writes {@code text} just above the line at {@code lineY}, or just below it when above would overlap a label
     * already written (or the legend), or not at all when both would; the place it took is added to {@code taken}. {@code x} is the text's left
     * edge, or its right edge when {@code alignRight}.
     */
    private void label(GraphicsContext g, java.util.List<javafx.geometry.Rectangle2D> taken, String text, double x,
                       double lineY, boolean alignRight) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
        measure.setFont(font);
        double width = measure.getLayoutBounds().getWidth();
        double left = alignRight ? x - width : x;
        double height = LABEL_HEIGHT;
        javafx.geometry.Rectangle2D above = new javafx.geometry.Rectangle2D(left, lineY - 8 - height / 2, width, height);
        javafx.geometry.Rectangle2D below = new javafx.geometry.Rectangle2D(left, lineY + 10 - height / 2, width,
                height);
        javafx.geometry.Rectangle2D place = taken.stream().noneMatch(r -> r.intersects(above)) ? above
                : taken.stream().noneMatch(r -> r.intersects(below)) ? below : null;
        if (place == null) {
            return; // lines a tick or two apart: the line is drawn, its label would only cover another one
        }
        taken.add(place);
        placedLabels.add(place);
        g.setTextAlign(alignRight ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(text, x, place.getMinY() + height / 2);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Where the order and average labels were written at the last paint (tests: none overlaps another). */
    public java.util.List<javafx.geometry.Rectangle2D> placedLabels() {
        return java.util.List.copyOf(placedLabels);
    }

    private void paintCrosshair(GraphicsContext g, Instrument instrument, Plot plot, double h) {
        if (pointerX < 0 || pointerY < 0 || pointerX > plot.plotW() || pointerY > plot.priceH()) {
            return;
        }
        long tick = instrument.tickSize();
        long price = Math.floorDiv(plot.price(pointerY) + tick / 2, tick) * tick;
        int k = (int) Math.floor((pointerX - plot.x0()) / plot.slot());
        k = Math.max(0, Math.min(plot.candles().size() - 1, k));
        long time = plot.candles().get(k).start();
        crosshair = new Crosshair(price, time);
        g.setStroke(text.getValue());
        g.setLineWidth(1);
        g.setLineDashes(2, 2);
        g.strokeLine(0, Math.floor(pointerY) + 0.5, plot.plotW(), Math.floor(pointerY) + 0.5);
        g.strokeLine(Math.floor(pointerX) + 0.5, 0, Math.floor(pointerX) + 0.5, h - TIME_HEIGHT);
        g.setLineDashes();
        String priceText = Decimals.format(price, instrument.priceScale());
        g.setFill(text.getValue());
        g.fillRect(plot.plotW(), pointerY - 8, AXIS_WIDTH, 16);
        g.setFill(background.getValue());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(priceText, plot.plotW() + 6, pointerY);
        String timeText = TIME.format(Instant.ofEpochMilli(time));
        double boxW = 64;
        double bx = Math.max(0, Math.min(plot.plotW() - boxW, pointerX - boxW / 2));
        g.setFill(text.getValue());
        g.fillRect(bx, h - TIME_HEIGHT, boxW, TIME_HEIGHT);
        g.setFill(background.getValue());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(timeText, bx + boxW / 2, h - TIME_HEIGHT / 2);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
