package com.bourse.ui.view;

import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.AccountView;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: TilesFX tiles for P&L per currency (green when up, red when down), exposure against the
 * account's limit (a gauge whose limit is written under it), the trader's order rate over the last minute (its own
 * line chart: TilesFX's spark line labels a small range 0.5, 1.0, 1.5, whatever its decimals say, so the axis here is
 * whole orders from zero) and fill ratio (the percentage once, the quantities under it), in a two-by-two grid that
 * fills the panel. Each figure is written once. Refreshed once a second from the desk; tile colours follow the theme through a palette node
 * styled by the theme's CSS.
 */
public final class DashboardView extends GridPane implements FrameLoop.FrameListener {
    private final WorkstationContext context;
    private final Palette palette = new Palette();
    private final VBox pnlLines = new VBox(4);
    private final Tile pnl;
    private final Tile exposure;
    private final Tile orderRate;
    private final Tile fillRatio;
    /** The order-rate axis's top before the rate outgrows it. */
    private static final int ORDER_RATE_AXIS = 10;
    private final OrderRateChart rateChart = new OrderRateChart(ORDER_RATE_AXIS);
    private long lastRefresh;
    private Object styledFor;

    public DashboardView(WorkstationContext context) {
        this.context = context;
        getStyleClass().add("dashboard");
        for (int k = 0; k < 2; k++) {
            ColumnConstraints column = new ColumnConstraints(120, 200, Double.MAX_VALUE);
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints(120, 190, Double.MAX_VALUE);
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }
        pnlLines.setAlignment(Pos.CENTER_LEFT);
        pnl = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).title("P&L").text("realised + unrealised")
                .graphic(pnlLines).animated(false).build();
        exposure = TileBuilder.create().skinType(Tile.SkinType.GAUGE).title("Exposure, % of limit").unit("%")
                .minValue(0).maxValue(100).threshold(80).thresholdVisible(true).decimals(0).tickLabelDecimals(0)
                .animated(false).build();
        orderRate = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).title("Orders accepted, last minute")
                .graphic(rateChart).minValue(0).maxValue(ORDER_RATE_AXIS).animated(false).build();
        // The ring says the percentage; the figure under it the quantities (value filled, of the unit's ordered).
        fillRatio = TileBuilder.create().skinType(Tile.SkinType.CIRCULAR_PROGRESS).title("Fill ratio")
                .text("quantity filled of ordered").unit("of 0").minValue(0).maxValue(1).decimals(0)
                .animated(false).build();
        pnl.setId("tilePnl");
        exposure.setId("tileExposure");
        orderRate.setId("tileOrderRate");
        fillRatio.setId("tileFillRatio");
        add(pnl, 0, 0);
        add(exposure, 1, 0);
        add(orderRate, 0, 1);
        add(fillRatio, 1, 1);
        for (Tile tile : new Tile[]{pnl, exposure, orderRate, fillRatio}) {
            tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            tile.setMinSize(120, 120);
        }
        getChildren().add(palette);
        palette.setManaged(false);
        palette.setVisible(false);
        for (StyleableProperty<Color> colour : List.of(palette.background, palette.text, palette.muted,
                palette.accent, palette.gain, palette.loss, palette.warn)) {
            ((javafx.beans.value.ObservableValue<?>) colour).addListener(o -> styledFor = null);
        }
        context.frames().addListener(this);
    }

    @Override
    public void onFrame(long now) {
        if (styledFor != context.themes().theme()) {
            palette.applyCss();
            style();
            styledFor = context.themes().theme();
        }
        if (now - lastRefresh < 1_000_000_000L) {
            return;
        }
        lastRefresh = now;
        refresh();
    }

    /** Recomputes every tile now. */
    public void refresh() {
        Map<String, BigDecimal> totals = context.desk().totalPnl();
        pnlLines.getChildren().clear();
        if (totals.isEmpty()) {
            Label none = new Label("—");
            none.getStyleClass().add("pnl-figure");
            pnlLines.getChildren().add(none);
        }
        totals.forEach((currency, amount) -> {
            String text = Decimals.format(amount, Math.max(0, amount.scale()));
            Label line = new Label((amount.signum() > 0 ? "+" : "") + text + " " + currency);
            line.getStyleClass().add("pnl-figure");
            // a narrow tile puts the currency under the figure instead of cutting the figure short
            line.setWrapText(true);
            // A style class, not setTextFill: the theme's label colour would win over a colour set in code.
            if (amount.signum() != 0) {
                line.getStyleClass().add(amount.signum() > 0 ? "gain" : "loss");
            }
            pnlLines.getChildren().add(line);
        });
        double worst = 0;
        String worstAccount = "no exposure limit set";
        for (AccountView account : context.desk().accounts()) {
            long used = context.desk().exposureMinor(account.accountId()).getOrDefault(account.baseCurrency(), 0L);
            if (account.exposureLimitMinor() > 0) {
                // A ratio for a gauge needle, not money: double is fine here.
                double percent = 100.0 * used / account.exposureLimitMinor();
                if (percent >= worst) {
                    worst = percent;
                    int digits = context.desk().digits(account.baseCurrency());
                    worstAccount = "Limit " + Decimals.format(account.exposureLimitMinor(), digits) + " "
                            + account.baseCurrency() + " (account " + account.accountId() + ")\nused "
                            + Decimals.format(used, digits) + " " + account.baseCurrency();
                }
            }
        }
        exposure.setValue(Math.min(100, worst));
        exposure.setText(worstAccount);
        int rate = context.desk().ordersLastMinute();
        // Whole orders from zero, with headroom in steps of ten: a flat or busy minute both read plainly.
        orderRate.setMaxValue(Math.max(ORDER_RATE_AXIS, (rate / 10 + 1) * 10));
        orderRate.setValue(rate);
        rateChart.add(rate);
        long ordered = context.desk().quantityOrdered();
        long filled = Math.min(ordered, context.desk().quantityFilled());
        // Quantities for a ring's share, not money: double is fine here (0 of 0 shows an empty ring).
        fillRatio.setMaxValue(Math.max(1, ordered));
        fillRatio.setUnit("of " + Decimals.format(ordered, 0));
        fillRatio.setValue(filled);
    }

    private void style() {
        Color bg = palette.background.getValue();
        Color fg = palette.text.getValue();
        for (Tile tile : new Tile[]{pnl, exposure, orderRate, fillRatio}) {
            tile.setBackgroundColor(bg);
            tile.setForegroundBaseColor(fg);
            tile.setTitleColor(palette.muted.getValue());
            tile.setBarColor(palette.accent.getValue());
            tile.setNeedleColor(fg);
            tile.setThresholdColor(palette.warn.getValue());
            tile.setBarBackgroundColor(bg.interpolate(fg, 0.15));
        }
        lastRefresh = 0;
    }

    /** The order-rate chart (tests read its axis). */
    public OrderRateChart rateChart() {
        return rateChart;
    }

    public Tile fillRatioTile() {
        return fillRatio;
    }

    /** An invisible node the theme styles, so the tiles can take the theme's colours. */
    static final class Palette extends Region {
        private static final StyleablePropertyFactory<Palette> CSS =
                new StyleablePropertyFactory<>(Region.getClassCssMetaData());
        final StyleableProperty<Color> background = CSS.createStyleableColorProperty(this, "background",
                "-bourse-background", s -> s.background, Color.web("#0b0e13"));
        final StyleableProperty<Color> text = CSS.createStyleableColorProperty(this, "text", "-bourse-text",
                s -> s.text, Color.web("#dde3ec"));
        final StyleableProperty<Color> muted = CSS.createStyleableColorProperty(this, "muted", "-bourse-muted",
                s -> s.muted, Color.web("#8a94a6"));
        final StyleableProperty<Color> accent = CSS.createStyleableColorProperty(this, "accent", "-bourse-accent",
                s -> s.accent, Color.web("#4c8dff"));
        final StyleableProperty<Color> gain = CSS.createStyleableColorProperty(this, "gain", "-bourse-gain",
                s -> s.gain, Color.web("#34c77b"));
        final StyleableProperty<Color> loss = CSS.createStyleableColorProperty(this, "loss", "-bourse-loss",
                s -> s.loss, Color.web("#f0514f"));
        final StyleableProperty<Color> warn = CSS.createStyleableColorProperty(this, "warn", "-bourse-warn",
                s -> s.warn, Color.web("#f2c14e"));

        Palette() {
            getStyleClass().add("dashboard-palette");
        }

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return CSS.getCssMetaData();
        }
    }
}
