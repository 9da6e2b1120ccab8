package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.DepthBook;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The ladder with its header: instrument, touch and last trade, click quantity and the centre button. */
public final class LadderPanel extends BorderPane {
    private final WorkstationContext context;
    private final LadderView ladder;
    private final Label symbol = new Label();
    private final Label touch = new Label();
    private final Label quantity = new Label();
    private long shownVersion = -1;

    public LadderPanel(WorkstationContext context) {
        this.context = context;
        this.ladder = new LadderView(context);
        ladder.setId("ladder");
        getStyleClass().add("panel");
        symbol.getStyleClass().add("symbol");
        touch.getStyleClass().addAll("numeric", "muted");
        quantity.getStyleClass().add("muted");
        Button centre = new Button();
        centre.setId("ladderCentre");
        centre.getStyleClass().add("flat-button");
        centre.setGraphic(icon("icon-centre"));
        centre.setTooltip(new Tooltip("Centre on the market (C, F4)"));
        centre.setOnAction(e -> ladder.centreOnMarket());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(symbol, touch, spacer, quantity, centre);
        header.getStyleClass().add("ladder-header");
        setTop(header);
        setCenter(ladder);
        quantity.textProperty().bind(context.clickQuantityProperty().asString("Click qty %d"));
        context.frames().addListener(now -> refresh());
        context.instrumentProperty().addListener((obs, old, now) -> shownVersion = -1);
    }

    public LadderView ladder() {
        return ladder;
    }

    private void refresh() {
        Instrument i = context.instrument();
        if (i == null) {
            return;
        }
        DepthBook book = context.desk().book(i.id());
        if (book.version() == shownVersion) {
            return;
        }
        shownVersion = book.version();
        int s = i.priceScale();
        symbol.setText(i.symbol());
        touch.setText(price(book.bestBid(), s) + " / " + price(book.bestAsk(), s) + "   last "
                + price(book.lastTradePrice(), s));
    }

    private static String price(long units, int scale) {
        return units <= 0 ? "—" : Decimals.format(units, scale);
    }

    static Region icon(String styleClass) {
        Region icon = new Region();
        icon.getStyleClass().addAll("icon", styleClass);
        return icon;
    }
}
