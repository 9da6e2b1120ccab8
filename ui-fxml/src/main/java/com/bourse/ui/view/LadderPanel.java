package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.DepthBook;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The ladder with its header: instrument, touch, last trade and its size, the position with its average price
 * and what a tick is worth on it; below, the ladder's own quantity presets (in lots, independent of the ticket),
 * the auto-centre switch and the centre button, and the bracket switch with its target and stop offsets in ticks
 * (a click then sends a bracket; Ctrl+click sends one whatever the switch).
 */
public final class LadderPanel extends BorderPane {
    /** The click quantities offered, in lots of the instrument. */
    public static final List<Long> PRESET_LOTS = List.of(1L, 5L, 10L, 25L, 50L, 100L);

    private final WorkstationContext context;
    private final ObservableValue<Instrument> source;
    private final LadderView ladder;
    private final Label symbol = new Label();
    private final Label touch = new Label();
    private final Label position = new Label();
    private final FlowPane presets = new FlowPane(2, 2);
    private final ToggleGroup presetGroup = new ToggleGroup();
    private final ToggleButton autoCentre = new ToggleButton("Auto-centre");
    private final ToggleButton bracket = new ToggleButton("Bracket");
    private final javafx.scene.control.Spinner<Integer> targetTicks = new javafx.scene.control.Spinner<>(1, 9_999, 10);
    private final javafx.scene.control.Spinner<Integer> stopTicks = new javafx.scene.control.Spinner<>(1, 9_999, 10);
    private long shownVersion = -1;
    private long shownDesk = -1;
    private boolean rebuilding;

    /** The window's main ladder: it follows the instrument in focus. */
    public LadderPanel(WorkstationContext context) {
        this(context, context.instrumentProperty(), "ladder");
    }

    /** A ladder of one instrument, beside the main one. */
    public LadderPanel(WorkstationContext context, Instrument instrument) {
        this(context, new ReadOnlyObjectWrapper<>(instrument), "ladder-" + instrument.symbol());
    }

    private LadderPanel(WorkstationContext context, ObservableValue<Instrument> source, String id) {
        this.context = context;
        this.source = source;
        this.ladder = new LadderView(context, source);
        ladder.setId(id);
        getStyleClass().add("panel");
        symbol.getStyleClass().add("symbol");
        symbol.setMinWidth(Region.USE_PREF_SIZE);
        touch.getStyleClass().addAll("numeric", "muted");
        touch.setMinWidth(Region.USE_PREF_SIZE);
        position.getStyleClass().addAll("numeric", "ladder-position");
        position.setId(id + "-position");
        position.setMinWidth(Region.USE_PREF_SIZE);
        Button centre = new Button();
        centre.setId(id.equals("ladder") ? "ladderCentre" : id + "-centre");
        centre.getStyleClass().add("flat-button");
        centre.setGraphic(icon("icon-centre"));
        centre.setTooltip(new Tooltip("Centre on the market (C, F4)"));
        centre.setOnAction(e -> {
            ladder.centreOnMarket();
            ladder.autoCentreProperty().set(true);
        });
        autoCentre.setId(id + "-autoCentre");
        autoCentre.getStyleClass().add("ladder-switch");
        autoCentre.setTooltip(new Tooltip("Follow the market when it leaves the visible rows; "
                + "never while the pointer is over the ladder"));
        autoCentre.selectedProperty().bindBidirectional(ladder.autoCentreProperty());
        presets.setId(id + "-presets");
        presets.getStyleClass().add("ladder-presets");
        Label qty = new Label("Qty");
        qty.getStyleClass().add("muted");
        // Rows that wrap on a narrow ladder rather than cut a price short.
        FlowPane first = new FlowPane(10, 2, symbol, touch, position);
        first.getStyleClass().add("ladder-header-row");
        HBox controls = new HBox(6, autoCentre, centre);
        FlowPane second = new FlowPane(8, 2, new HBox(4, qty, presets), controls, bracketControls(id));
        second.getStyleClass().add("ladder-header-row");
        // The header wraps to the ladder's width; it never widens the ladder past its area.
        first.setMinWidth(0);
        second.setMinWidth(0);
        VBox header = new VBox(2, first, second);
        header.setMinWidth(0);
        header.getStyleClass().add("ladder-header");
        setTop(header);
        setCenter(ladder);
        presetGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (rebuilding) {
                return;
            }
            if (now == null) {
                old.setSelected(true); // one quantity is always chosen
            } else {
                ladder.clickQuantityProperty().set((Long) now.getUserData());
            }
        });
        source.addListener((obs, old, now) -> {
            shownVersion = -1;
            buildPresets(now);
        });
        buildPresets(source.getValue());
        context.frames().addListener(now -> refresh());
    }

    /** The bracket switch and its offsets: "Bracket  T +10  S −10 ticks". */
    private HBox bracketControls(String id) {
        bracket.setId(id + "-bracket");
        bracket.getStyleClass().add("ladder-switch");
        bracket.setTooltip(new Tooltip("Clicks send a bracket: a limit entry at the price and, once it fills, a "
                + "target and a stop this many ticks away, each cancelling the other (Ctrl+click: one bracket)"));
        bracket.selectedProperty().bindBidirectional(ladder.bracketProperty());
        Label t = new Label("T +");
        Label st = new Label("S −");
        Label ticks = new Label("ticks");
        for (Label l : List.of(t, st, ticks)) {
            l.getStyleClass().add("muted");
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (var spinner : List.of(targetTicks, stopTicks)) {
            spinner.setEditable(true);
            spinner.getStyleClass().addAll("numeric", "ladder-ticks");
            spinner.setPrefWidth(64);
            spinner.setMinWidth(64);
        }
        targetTicks.setId(id + "-targetTicks");
        stopTicks.setId(id + "-stopTicks");
        targetTicks.setTooltip(new Tooltip("A ladder bracket's target: ticks from the entry, on the profitable side"));
        stopTicks.setTooltip(new Tooltip("A ladder bracket's stop: ticks from the entry, on the losing side"));
        targetTicks.valueProperty().addListener((obs, old, now) -> ladder.bracketTargetTicksProperty().set(now));
        stopTicks.valueProperty().addListener((obs, old, now) -> ladder.bracketStopTicksProperty().set(now));
        HBox box = new HBox(4, bracket, t, targetTicks, st, stopTicks, ticks);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    public ToggleButton bracketSwitch() {
        return bracket;
    }

    public LadderView ladder() {
        return ladder;
    }

    /** The preset buttons, smallest first. */
    public List<ToggleButton> presetButtons() {
        List<ToggleButton> buttons = new ArrayList<>();
        presets.getChildren().forEach(n -> buttons.add((ToggleButton) n));
        return buttons;
    }

    public ToggleButton autoCentreSwitch() {
        return autoCentre;
    }

    public Label positionLabel() {
        return position;
    }

    public Label touchLabel() {
        return touch;
    }

    private void buildPresets(Instrument instrument) {
        rebuilding = true;
        presetGroup.getToggles().clear();
        presets.getChildren().clear();
        rebuilding = false;
        if (instrument == null) {
            return;
        }
        long chosen = ladder.clickQuantityProperty().get();
        ToggleButton keep = null;
        for (long lots : PRESET_LOTS) {
            long quantity = Math.multiplyExact(lots, instrument.lotSize());
            ToggleButton button = new ToggleButton(Decimals.format(quantity, 0));
            button.setUserData(quantity);
            button.setToggleGroup(presetGroup);
            button.getStyleClass().add("preset-button");
            button.setTooltip(new Tooltip("Ladder clicks order " + Decimals.format(quantity, 0)));
            presets.getChildren().add(button);
            if (quantity == chosen) {
                keep = button;
            }
        }
        (keep != null ? keep : (ToggleButton) presets.getChildren().get(2)).setSelected(true);
    }

    private void refresh() {
        Instrument i = source.getValue();
        if (i == null) {
            return;
        }
        DepthBook book = context.desk().book(i.id());
        if (book.version() == shownVersion && context.desk().version() == shownDesk) {
            return;
        }
        shownVersion = book.version();
        shownDesk = context.desk().version();
        int s = i.priceScale();
        symbol.setText(i.symbol());
        String last = book.lastTradePrice() <= 0 ? "—" : price(book.lastTradePrice(), s)
                + (book.lastTradeQuantity() > 0 ? " × " + Decimals.format(book.lastTradeQuantity(), 0) : "");
        touch.setText(price(book.bestBid(), s) + " / " + price(book.bestAsk(), s) + "  last " + last);
        LadderPosition p = LadderPosition.of(context.desk(), context.account(), i);
        if (p == null) {
            position.setText("Flat");
            position.getStyleClass().removeAll("gain", "loss");
        } else {
            position.setText((p.quantity() > 0 ? "+" : "") + Decimals.format(p.quantity(), 0) + " @ "
                    + Decimals.format(p.average(), s + 2) + "  " + Decimals.format(p.perTick(), p.perTick().scale())
                    + " " + p.currency() + "/tick");
        }
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
