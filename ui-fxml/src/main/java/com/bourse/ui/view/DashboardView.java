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
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: TilesFX tiles for P&L per currency, exposure against the account's limit (a gauge), the
 * trader's order rate and fill ratio. Refreshed once a second from the desk; tile colours follow the theme
 * through a palette node styled by the theme's CSS.
 */
public final class DashboardView extends TilePane implements FrameLoop.FrameListener {
    private final WorkstationContext context;
    private final Palette palette = new Palette();
    private final VBox pnlLines = new VBox(4);
    private final Tile pnl;
    private final Tile exposure;
    private final Tile orderRate;
    private final Tile fillRatio;
    private long lastRefresh;
    private Object styledFor;

    public DashboardView(WorkstationContext context) {
        this.context = context;
        getStyleClass().add("dashboard");
        setPrefColumns(2);
        setPrefTileWidth(210);
        setPrefTileHeight(190);
        setAlignment(Pos.TOP_LEFT);
        pnlLines.setAlignment(Pos.CENTER_LEFT);
        pnl = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).title("P&L").text("realised + unrealised")
                .graphic(pnlLines).animated(false).build();
        exposure = TileBuilder.create().skinType(Tile.SkinType.GAUGE).title("Exposure vs limit").unit("%")
                .minValue(0).maxValue(100).threshold(80).thresholdVisible(true).decimals(1).animated(false)
                .build();
        orderRate = TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE).title("Order rate")
                .unit("/min").decimals(0).averagingPeriod(60).animated(false).build();
        fillRatio = TileBuilder.create().skinType(Tile.SkinType.CIRCULAR_PROGRESS).title("Fill ratio")
                .unit("%").maxValue(100).decimals(0).animated(false).build();
        pnl.setId("tilePnl");
        exposure.setId("tileExposure");
        orderRate.setId("tileOrderRate");
        fillRatio.setId("tileFillRatio");
        getChildren().addAll(pnl, exposure, orderRate, fillRatio, palette);
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
            line.setTextFill(amount.signum() > 0 ? palette.gain.getValue() : amount.signum() < 0
                    ? palette.loss.getValue() : palette.text.getValue());
            pnlLines.getChildren().add(line);
        });
        double worst = 0;
        String worstAccount = "";
        for (AccountView account : context.desk().accounts()) {
            long used = context.desk().exposureMinor(account.accountId()).getOrDefault(account.baseCurrency(), 0L);
            if (account.exposureLimitMinor() > 0) {
                // A ratio for a gauge needle, not money: double is fine here.
                double percent = 100.0 * used / account.exposureLimitMinor();
                if (percent >= worst) {
                    worst = percent;
                    worstAccount = account.accountId() + " " + account.baseCurrency() + " "
                            + Decimals.format(used, context.desk().digits(account.baseCurrency())) + " of "
                            + Decimals.format(account.exposureLimitMinor(), context.desk().digits(account.baseCurrency()));
                }
            }
        }
        exposure.setValue(Math.min(100, worst));
        exposure.setDescription(worstAccount);
        orderRate.setValue(context.desk().ordersLastMinute());
        fillRatio.setValue(context.desk().fillRatioBps() / 100.0);
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
