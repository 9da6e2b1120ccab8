package com.bourse.ui.view;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.DepthBook;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.model.TicketCheck;
import com.bourse.ui.model.TicketDraft;
import com.bourse.ui.model.TicketValidator;
import com.bourse.ui.port.AccountView;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.Map;

/**
 * The depth ladder (DOM): one row per tick, higher prices on top, with the bid and ask size at each price,
 * the trader's own working quantity beside them, the quantity traded at each price today, the last trade
 * highlighted and the position's average price marked. Click a bid cell to buy at
 * that price, an ask cell to sell; click an own-order cell to cancel those orders; drag it to another row to
 * move them (a replace). Shift+click sends an OCO exit with its target at the price; Ctrl+click (or any click
 * while the bracket switch is on) a bracket: a limit entry at the price and, once it fills, a target and a stop the
 * ladder's bracket offsets away. Working stops and OCO or bracket targets are marked in the own-order columns, and
 * a working bracket entry's future target and stop faintly. Keys: Up/Down move the cursor, B buys and S sells at
 * the cursor (a bracket while the switch is on), X cancels own orders there, C (or the button) centres on the
 * market, Page Up/Down scroll.
 *
 * <p>Painted on a canvas, and only in a frame where the book or the own orders changed.
 * Colours come from the theme through CSS properties ({@code -bourse-bid} and friends). FX thread only.
 */
public final class LadderView extends Region implements FrameLoop.FrameListener {
    public static final double ROW_HEIGHT = 20;
    public static final double HEADER_HEIGHT = 22;

    /** The ladder's columns, left to right. */
    public enum Column {
        OWN_BIDS(0.13), BIDS(0.18), PRICE(0.22), ASKS(0.18), OWN_ASKS(0.13), VOLUME(0.16);

        final double share;

        Column(double share) {
            this.share = share;
        }
    }

    private static final StyleablePropertyFactory<LadderView> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private final StyleableProperty<Color> background =
            CSS.createStyleableColorProperty(this, "background", "-bourse-background", s -> s.background, Color.web("#171c25"));
    private final StyleableProperty<Color> grid =
            CSS.createStyleableColorProperty(this, "grid", "-bourse-grid", s -> s.grid, Color.web("#1c222d"));
    private final StyleableProperty<Color> text =
            CSS.createStyleableColorProperty(this, "text", "-bourse-text", s -> s.text, Color.web("#dde3ec"));
    private final StyleableProperty<Color> muted =
            CSS.createStyleableColorProperty(this, "muted", "-bourse-muted", s -> s.muted, Color.web("#5a6375"));
    private final StyleableProperty<Color> bid =
            CSS.createStyleableColorProperty(this, "bid", "-bourse-bid", s -> s.bid, Color.web("#5a9fff"));
    private final StyleableProperty<Color> bidBackground =
            CSS.createStyleableColorProperty(this, "bidBg", "-bourse-bid-bg", s -> s.bidBackground, Color.web("#12294d"));
    private final StyleableProperty<Color> ask =
            CSS.createStyleableColorProperty(this, "ask", "-bourse-ask", s -> s.ask, Color.web("#ff6b69"));
    private final StyleableProperty<Color> askBackground =
            CSS.createStyleableColorProperty(this, "askBg", "-bourse-ask-bg", s -> s.askBackground, Color.web("#4a161a"));
    private final StyleableProperty<Color> last =
            CSS.createStyleableColorProperty(this, "last", "-bourse-last", s -> s.last, Color.web("#f2c14e"));
    private final StyleableProperty<Color> lastBackground =
            CSS.createStyleableColorProperty(this, "lastBg", "-bourse-last-bg", s -> s.lastBackground, Color.web("#4a3a12"));
    private final StyleableProperty<Color> own =
            CSS.createStyleableColorProperty(this, "own", "-bourse-own", s -> s.own, Color.web("#c4b5fd"));
    private final StyleableProperty<Color> cursorColor =
            CSS.createStyleableColorProperty(this, "cursor", "-bourse-cursor", s -> s.cursorColor, Color.web("#4c8dff"));

    private final WorkstationContext context;
    private final javafx.beans.value.ObservableValue<Instrument> source;
    private final javafx.beans.property.LongProperty clickQuantity =
            new javafx.beans.property.SimpleLongProperty(this, "clickQuantity", 10);
    private final javafx.beans.property.BooleanProperty autoCentre =
            new javafx.beans.property.SimpleBooleanProperty(this, "autoCentre", true);
    private final javafx.beans.property.BooleanProperty bracket =
            new javafx.beans.property.SimpleBooleanProperty(this, "bracket", false);
    private final javafx.beans.property.IntegerProperty bracketTargetTicks =
            new javafx.beans.property.SimpleIntegerProperty(this, "bracketTargetTicks", 10);
    private final javafx.beans.property.IntegerProperty bracketStopTicks =
            new javafx.beans.property.SimpleIntegerProperty(this, "bracketStopTicks", 10);
    private final Font tag = Font.font("DejaVu Sans", FontWeight.BOLD, 9.5);
    private final Canvas canvas = new Canvas();
    private final Font plain = Font.font("DejaVu Sans Mono", 12.5);
    private final Font bold = Font.font("DejaVu Sans Mono", FontWeight.BOLD, 12.5);
    private final Font header = Font.font("DejaVu Sans", FontWeight.BOLD, 10.5);
    private static final double HEADER_PADDING = 3;
    private static final Map<Column, List<String>> HEADER_TITLES = Map.of(
            Column.OWN_BIDS, List.of("MY BIDS", "MINE"), Column.BIDS, List.of("BID"), Column.PRICE, List.of("PRICE"),
            Column.ASKS, List.of("ASK"), Column.OWN_ASKS, List.of("MY ASKS", "MINE"),
            Column.VOLUME, List.of("VOL TODAY", "VOLUME", "VOL"));
    private final Map<String, Double> headerWidths = new java.util.HashMap<>();
    private Instrument instrument;
    private long centre;
    private long cursor;
    private boolean needsCentre = true;
    private boolean dirty = true;
    /** The tick the position's average price is marked at in the last paint, 0 when flat. */
    private long markedAverage;
    private long drawnBook = -1;
    private long drawnDesk = -1;
    private Side dragSide;
    private long dragFrom;
    private long dragTo;

    /** A ladder that follows the window's instrument in focus. */
    public LadderView(WorkstationContext context) {
        this(context, context.instrumentProperty());
    }

    /** A ladder of whatever instrument {@code source} says (a fixed one for a ladder per instrument). */
    public LadderView(WorkstationContext context, javafx.beans.value.ObservableValue<Instrument> source) {
        this.context = context;
        this.source = source;
        getStyleClass().add("ladder");
        setFocusTraversable(true);
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(380, 520);
        source.addListener((obs, old, now) -> show(now));
        show(source.getValue());
        // Switching auto-centre on brings the market back into view at once.
        autoCentre.addListener((obs, old, on) -> {
            if (on && !isHover()) {
                centreOnMarket();
            }
        });
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnScroll(this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        context.themes().themeProperty().addListener((obs, old, now) -> dirty = true);
        // CSS applies after the frame that swapped the stylesheet: repaint when the colours really change.
        for (StyleableProperty<Color> colour : List.of(background, grid, text, muted, bid, bidBackground, ask,
                askBackground, last, lastBackground, own, cursorColor)) {
            ((javafx.beans.value.ObservableValue<?>) colour).addListener(o -> dirty = true);
        }
        context.frames().addListener(this);
    }

    // ---- Actions (the mouse and keys call these; so can anything else) ---------------------------------

    /** Moves the ladder so the market (mid, else last, else reference) is in the middle row. */
    public void centreOnMarket() {
        if (instrument != null) {
            centre = context.desk().book(instrument.id()).centrePrice();
            cursor = centre;
            needsCentre = false;
            dirty = true;
        }
    }

    /** The quantity a click or key orders; the ladder's own, set by its preset buttons, not by the ticket. */
    public javafx.beans.property.LongProperty clickQuantityProperty() {
        return clickQuantity;
    }

    /**
     * Whether the ladder follows the market when it leaves the visible rows. It never moves while the pointer
     * is over it (the row under the pointer stays the row the trader aimed at); scrolling switches it off.
     */
    public javafx.beans.property.BooleanProperty autoCentreProperty() {
        return autoCentre;
    }

    /** Whether a plain click (and B/S) sends a bracket rather than a limit order. */
    public javafx.beans.property.BooleanProperty bracketProperty() {
        return bracket;
    }

    /** A ladder bracket's target distance from its entry, in ticks. */
    public javafx.beans.property.IntegerProperty bracketTargetTicksProperty() {
        return bracketTargetTicks;
    }

    /** A ladder bracket's stop distance from its entry, in ticks. */
    public javafx.beans.property.IntegerProperty bracketStopTicksProperty() {
        return bracketStopTicks;
    }

    /** The instrument shown. */
    public Instrument instrument() {
        return instrument;
    }

    /** The tick at which the position's average price was last drawn, 0 when the account is flat. */
    public long markedAveragePrice() {
        return markedAverage;
    }

    /** Places a limit order of the click quantity at {@code price}: a bid for BUY, an offer for SELL. */
    public long placeAt(Side side, long price) {
        AccountView account = context.account();
        if (instrument == null || account == null) {
            return -1;
        }
        long quantity = clickQuantity.get();
        TicketCheck check = TicketValidator.check(new TicketDraft(instrument, account.accountId(), side,
                OrderType.LIMIT, TimeInForce.GTC, Long.toString(quantity), Decimals.plain(price,
                instrument.priceScale()), "", "", false, context.desk().digits(instrument.currency()),
                account.limits(), context.desk().availableCash(account.accountId(), instrument.currency()),
                context.desk().availablePosition(account.accountId(), instrument.symbol()), price));
        if (!check.isValid()) {
            context.desk().say("Ladder order not sent: " + check.errors().values().iterator().next());
            return -1;
        }
        return context.entry().placeLimit(account.accountId(), instrument, side, price, quantity);
    }

    /**
     * Shift+click: an OCO exit of the click quantity with its target at {@code targetPrice} and its stop as many ticks
     * on the other side of the last price (a sell exit's target above the market, its stop below, a buy exit's the
     * other way round), checked as the ticket checks one; returns the target's order id, or -1 with the reason in
     * the status line.
     */
    public long placeOcoAt(Side side, long targetPrice) {
        AccountView account = context.account();
        if (instrument == null || account == null) {
            return -1;
        }
        long last = context.desk().markPrice(instrument);
        long stopPrice = 2 * last - targetPrice;
        long quantity = clickQuantity.get();
        int s = instrument.priceScale();
        TicketCheck check = com.bourse.ui.model.OcoTicket.check(new TicketDraft(instrument, account.accountId(), side,
                OrderType.LIMIT, TimeInForce.GTC, Long.toString(quantity), Decimals.plain(targetPrice, s),
                Decimals.plain(Math.max(stopPrice, 0), s), "", false, context.desk().digits(instrument.currency()),
                account.limits(), context.desk().availableCash(account.accountId(), instrument.currency()),
                context.desk().availablePosition(account.accountId(), instrument.symbol()), last));
        if (!check.isValid()) {
            context.desk().say("Ladder OCO not sent: " + check.errors().values().iterator().next());
            return -1;
        }
        long id = context.entry().placeOco(account.accountId(), instrument, side, TimeInForce.GTC, quantity,
                check.price(), check.stopPrice());
        if (id >= 0) {
            context.desk().say("OCO " + (side == Side.BUY ? "buy " : "sell ") + quantity + " " + instrument.symbol()
                    + " sent: target " + Decimals.format(check.price(), s) + ", stop "
                    + Decimals.format(check.stopPrice(), s));
        }
        return id;
    }

    /**
     * A bracket of the click quantity: a limit entry of {@code side} at {@code entryPrice} and, once it fills, a
     * target and a stop the ladder's offsets away (a buy's target above, its stop below), checked as the ticket
     * checks one; returns the entry's order id, or -1 with the reason in the status line.
     */
    public long placeBracketAt(Side side, long entryPrice) {
        AccountView account = context.account();
        if (instrument == null || account == null) {
            return -1;
        }
        long direction = side == Side.SELL ? -1 : 1;
        long tick = instrument.tickSize();
        long targetPrice = entryPrice + direction * bracketTargetTicks.get() * tick;
        long stopPrice = entryPrice - direction * bracketStopTicks.get() * tick;
        long quantity = clickQuantity.get();
        int s = instrument.priceScale();
        com.bourse.ui.model.BracketTicket.Check check = com.bourse.ui.model.BracketTicket.check(new TicketDraft(
                instrument, account.accountId(), side, OrderType.LIMIT, TimeInForce.GTC, Long.toString(quantity),
                Decimals.plain(entryPrice, s), Decimals.plain(Math.max(stopPrice, 0), s), "", false,
                context.desk().digits(instrument.currency()), account.limits(),
                context.desk().availableCash(account.accountId(), instrument.currency()),
                context.desk().availablePosition(account.accountId(), instrument.symbol()),
                context.desk().markPrice(instrument)), Decimals.plain(Math.max(targetPrice, 0), s));
        if (!check.isValid()) {
            context.desk().say("Ladder bracket not sent: " + check.entry().errors().values().iterator().next());
            return -1;
        }
        long id = context.entry().placeBracket(account.accountId(), instrument, side, TimeInForce.GTC, quantity,
                check.entryPrice(), check.targetPrice(), check.stopPrice());
        if (id >= 0) {
            context.desk().say("Bracket " + (side == Side.BUY ? "buy " : "sell ") + Decimals.format(quantity, 0) + " "
                    + instrument.symbol() + " @ " + Decimals.format(check.entryPrice(), s) + " sent: target "
                    + Decimals.format(check.targetPrice(), s) + ", stop " + Decimals.format(check.stopPrice(), s));
        }
        return id;
    }

    /** Cancels the trader's orders on one side at a price; returns how many cancels were sent. */
    public int cancelOwnAt(Side side, long price) {
        if (instrument == null) {
            return 0;
        }
        int sent = 0;
        for (OrderRow row : context.desk().ownOrdersAt(instrument.id(), side, price)) {
            if (context.entry().cancel(row)) {
                sent++;
            }
        }
        return sent;
    }

    /** Re-prices the trader's orders at {@code from} to {@code to}, keeping their open quantity. */
    public int moveOwn(Side side, long from, long to) {
        if (instrument == null || from == to) {
            return 0;
        }
        int sent = 0;
        long quantity = 0;
        for (OrderRow row : context.desk().ownOrdersAt(instrument.id(), side, from)) {
            // The amendment carries the order's total: what filled stays filled, the open quantity is unchanged.
            if (context.entry().amend(row, to, row.quantity())) {
                sent++;
                quantity += row.leaves();
            }
        }
        if (sent > 0) {
            int s = instrument.priceScale();
            context.desk().say("Moving " + (side == Side.BUY ? "bid" : "offer") + " of "
                    + Decimals.format(quantity, 0) + " " + instrument.symbol() + " from " + Decimals.format(from, s)
                    + " to " + Decimals.format(to, s) + " (" + Numbers.count(sent, "order") + ")");
        }
        return sent;
    }

    // ---- Geometry, for the mouse and for tests --------------------------------------------------------

    /** Price shown in the row at {@code y} (local coordinates), or 0 for the header. */
    public long priceAtY(double y) {
        if (instrument == null || y < HEADER_HEIGHT) {
            return 0;
        }
        int row = (int) ((y - HEADER_HEIGHT) / ROW_HEIGHT);
        return centre + (middleRow() - row) * instrument.tickSize();
    }

    /** Local y of the middle of the row showing {@code price}. */
    public double rowCentreY(long price) {
        long rowsFromTop = middleRow() - (price - centre) / instrument.tickSize();
        return HEADER_HEIGHT + rowsFromTop * ROW_HEIGHT + ROW_HEIGHT / 2;
    }

    /** Local x of the middle of a column. */
    public double columnCentreX(Column column) {
        double x = 0;
        for (Column c : Column.values()) {
            double w = c.share * getWidth();
            if (c == column) {
                return x + w / 2;
            }
            x += w;
        }
        return x;
    }

    public Column columnAtX(double x) {
        double edge = 0;
        for (Column c : Column.values()) {
            edge += c.share * getWidth();
            if (x < edge) {
                return c;
            }
        }
        return Column.OWN_ASKS;
    }

    public long centrePrice() {
        return centre;
    }

    public long cursorPrice() {
        return cursor;
    }

    // ---- Painting -----------------------------------------------------------------------------------

    @Override
    public void onFrame(long now) {
        if (instrument == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        DepthBook book = context.desk().book(instrument.id());
        if (needsCentre && (book.bestBid() > 0 || book.bestAsk() > 0 || book.lastTradePrice() > 0)) {
            centreOnMarket();
        } else if (autoCentre.get() && !isHover() && dragSide == null && book.version() != drawnBook
                && marketOutOfView(book)) {
            long keepCursor = cursor;
            centreOnMarket();
            cursor = keepCursor;
        }
        if (dirty || book.version() != drawnBook || context.desk().version() != drawnDesk) {
            paint(book);
            drawnBook = book.version();
            drawnDesk = context.desk().version();
            dirty = false;
        }
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(snapSizeY(getHeight()));
        dirty = true;
    }

    private void paint(DepthBook book) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(background.getValue());
        g.fillRect(0, 0, w, h);
        double[] x = new double[Column.values().length + 1];
        for (int c = 0; c < Column.values().length; c++) {
            x[c + 1] = x[c] + Column.values()[c].share * w;
        }
        paintHeader(g, x);

        int rows = (int) Math.ceil((h - HEADER_HEIGHT) / ROW_HEIGHT);
        int scale = instrument.priceScale();
        long tick = instrument.tickSize();
        Map<Long, Long> ownBids = context.desk().ownQuantityByPrice(instrument.id(), Side.BUY);
        Map<Long, Long> ownAsks = context.desk().ownQuantityByPrice(instrument.id(), Side.SELL);
        List<com.bourse.ui.model.DeskState.LadderMark> marks = context.desk().ladderMarks(instrument.id());
        long maxQuantity = 1;
        long maxTraded = 1;
        for (int r = 0; r < rows; r++) {
            long price = centre + (middleRow() - r) * tick;
            maxQuantity = Math.max(maxQuantity, Math.max(book.quantityAt(Side.BUY, price),
                    book.quantityAt(Side.SELL, price)));
            maxTraded = Math.max(maxTraded, book.tradedAt(price));
        }
        LadderPosition position = LadderPosition.of(context.desk(), context.account(), instrument);
        markedAverage = position == null ? 0 : position.averageTick();
        long bestBid = book.bestBid();
        long bestAsk = book.bestAsk();
        long lastPrice = book.lastTradePrice();
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < rows; r++) {
            long price = centre + (middleRow() - r) * tick;
            double y = HEADER_HEIGHT + r * ROW_HEIGHT;
            double mid = y + ROW_HEIGHT / 2;
            if (price < book.lowestPrice() || price > book.highestPrice()) {
                continue;
            }
            long bidQty = book.quantityAt(Side.BUY, price);
            long askQty = book.quantityAt(Side.SELL, price);
            if (bidQty > 0) {
                g.setFill(bidBackground.getValue());
                double bar = (x[2] - x[1]) * bidQty / maxQuantity;
                g.fillRect(x[2] - bar, y + 1, bar, ROW_HEIGHT - 2);
                cell(g, Decimals.format(bidQty, 0), x[1], x[2], mid, bid.getValue(), price == bestBid);
            }
            if (askQty > 0) {
                g.setFill(askBackground.getValue());
                double bar = (x[4] - x[3]) * askQty / maxQuantity;
                g.fillRect(x[3], y + 1, bar, ROW_HEIGHT - 2);
                cell(g, Decimals.format(askQty, 0), x[3], x[4], mid, ask.getValue(), price == bestAsk);
            }
            boolean isLast = price == lastPrice;
            if (isLast) {
                g.setFill(lastBackground.getValue());
                g.fillRect(x[2], y + 1, x[3] - x[2], ROW_HEIGHT - 2);
                g.setStroke(last.getValue());
                g.setLineWidth(1);
                g.strokeRect(x[2] + 0.5, y + 1.5, x[3] - x[2] - 1, ROW_HEIGHT - 3);
            }
            Color priceColor = isLast ? last.getValue() : price == bestBid ? bid.getValue()
                    : price == bestAsk ? ask.getValue() : (bidQty > 0 || askQty > 0) ? text.getValue() : muted.getValue();
            g.setFont(isLast || price == bestBid || price == bestAsk ? bold : plain);
            g.setFill(priceColor);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Decimals.format(price, scale), (x[2] + x[3]) / 2, mid);
            Long mineBid = ownBids.get(price);
            if (mineBid != null) {
                ownCell(g, mineBid, x[0], x[1], y, mid);
            }
            Long mineAsk = ownAsks.get(price);
            if (mineAsk != null) {
                ownCell(g, mineAsk, x[4], x[5], y, mid);
            }
            for (com.bourse.ui.model.DeskState.LadderMark m : marks) {
                if (m.price() == price) {
                    boolean buy = m.side() == Side.BUY;
                    mark(g, m, buy ? x[0] : x[4], buy ? x[1] : x[5], y, mid,
                            (buy ? ownBids : ownAsks).containsKey(price));
                }
            }
            long tradedQty = book.tradedAt(price);
            if (tradedQty > 0) {
                g.setFill(grid.getValue().interpolate(muted.getValue(), 0.35));
                double bar = (x[6] - x[5] - 4) * tradedQty / maxTraded;
                g.fillRect(x[5] + 2, y + 3, bar, ROW_HEIGHT - 6);
                cell(g, Decimals.format(tradedQty, 0), x[5], x[6], mid, text.getValue(), false);
            }
            if (markedAverage != 0 && price == markedAverage) {
                // The position's average price: a bracket round the price cell in the own-order colour.
                g.setStroke(own.getValue());
                g.setLineWidth(2);
                g.strokeLine(x[2] + 2, y + 2, x[2] + 2, y + ROW_HEIGHT - 2);
                g.strokeLine(x[3] - 2, y + 2, x[3] - 2, y + ROW_HEIGHT - 2);
                // A small triangle at the cell's left edge, clear of the price: up for a long, down for a short.
                g.setFill(own.getValue());
                double tx = x[2] + 6;
                if (position.quantity() > 0) {
                    g.fillPolygon(new double[]{tx, tx + 8, tx + 4}, new double[]{mid + 4, mid + 4, mid - 4}, 3);
                } else {
                    g.fillPolygon(new double[]{tx, tx + 8, tx + 4}, new double[]{mid - 4, mid - 4, mid + 4}, 3);
                }
            }
            if (price == cursor && isFocused()) {
                g.setStroke(cursorColor.getValue());
                g.setLineWidth(1.5);
                g.strokeRect(0.75, y + 0.75, w - 1.5, ROW_HEIGHT - 1.5);
            }
            if (dragSide != null && price == dragTo && dragTo != dragFrom) {
                g.setStroke(own.getValue());
                g.setLineDashes(4, 3);
                g.strokeRect(dragSide == Side.BUY ? x[0] + 1 : x[4] + 1, y + 1, x[1] - x[0] - 2, ROW_HEIGHT - 2);
                g.setLineDashes();
            }
            g.setStroke(grid.getValue());
            g.setLineWidth(1);
            g.strokeLine(0, y + ROW_HEIGHT - 0.5, w, y + ROW_HEIGHT - 0.5);
        }
        g.setStroke(grid.getValue());
        for (int c = 1; c < x.length - 1; c++) {
            g.strokeLine(Math.floor(x[c]) + 0.5, 0, Math.floor(x[c]) + 0.5, h);
        }
    }

    private void paintHeader(GraphicsContext g, double[] x) {
        g.setFill(grid.getValue());
        g.fillRect(0, 0, canvas.getWidth(), HEADER_HEIGHT);
        g.setFont(header);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        Color[] colours = {own.getValue(), bid.getValue(), muted.getValue(), ask.getValue(), own.getValue(),
                muted.getValue()};
        Column[] columns = Column.values();
        for (int c = 0; c < columns.length; c++) {
            g.setFill(colours[c]);
            g.fillText(headerTitle(columns[c], x[c + 1] - x[c]), (x[c] + x[c + 1]) / 2, HEADER_HEIGHT / 2);
        }
    }

    /**
     * The longest of a column's titles that fits its width: in a ladder 400 pixels wide "MY ASKS" and "VOL TODAY"
     * ran into each other, so narrow columns say "MINE" and "VOL".
     */
    public String headerTitle(Column column, double width) {
        List<String> titles = HEADER_TITLES.get(column);
        for (String title : titles) {
            if (headerTextWidth(title) + 2 * HEADER_PADDING <= width) {
                return title;
            }
        }
        return titles.getLast();
    }

    /** The title the header shows now over {@code column}. */
    public String headerTitle(Column column) {
        return headerTitle(column, columnWidth(column));
    }

    public double columnWidth(Column column) {
        return column.share * getWidth();
    }

    private double headerTextWidth(String title) {
        return headerWidths.computeIfAbsent(title, t -> {
            javafx.scene.text.Text text = new javafx.scene.text.Text(t);
            text.setFont(header);
            return text.getLayoutBounds().getWidth();
        });
    }

    private void cell(GraphicsContext g, String value, double left, double right, double mid, Color colour,
                      boolean strong) {
        g.setFont(strong ? bold : plain);
        g.setFill(colour);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(value, right - 8, mid);
    }

    private void ownCell(GraphicsContext g, long quantity, double left, double right, double y, double mid) {
        g.setStroke(own.getValue());
        g.setLineWidth(1);
        g.strokeRoundRect(left + 3.5, y + 2.5, right - left - 7, ROW_HEIGHT - 5, 6, 6);
        g.setFont(bold);
        g.setFill(own.getValue());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Decimals.format(quantity, 0), (left + right) / 2, mid);
    }

    /**
     * A stop, target or a bracket's future leg in an own-order cell: a working stop as a dashed box "S 10"; a target
     * tagged "T" beside its quantity; a leg still waiting for its entry's fill as a faint dotted "T 10" or "S 10"
     * (only where no own order is drawn).
     */
    private void mark(GraphicsContext g, com.bourse.ui.model.DeskState.LadderMark m, double left, double right,
                      double y, double mid, boolean ownOrderThere) {
        String letter = switch (m.kind()) {
            case TARGET, PENDING_TARGET -> "T";
            case STOP, PENDING_STOP -> "S";
        };
        boolean pending = m.kind() == com.bourse.ui.model.DeskState.LadderMark.Kind.PENDING_TARGET
                || m.kind() == com.bourse.ui.model.DeskState.LadderMark.Kind.PENDING_STOP;
        if (m.kind() == com.bourse.ui.model.DeskState.LadderMark.Kind.TARGET || (pending && ownOrderThere)) {
            g.setFont(tag);
            g.setFill(pending ? muted.getValue() : own.getValue());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(letter, left + 6, mid);
            return;
        }
        Color colour = pending ? muted.getValue() : own.getValue();
        g.setStroke(colour);
        g.setLineWidth(1);
        g.setLineDashes(pending ? new double[]{1.5, 2.5} : new double[]{4, 3});
        g.strokeRoundRect(left + 3.5, y + 2.5, right - left - 7, ROW_HEIGHT - 5, 6, 6);
        g.setLineDashes();
        g.setFont(pending ? plain : bold);
        g.setFill(colour);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(letter + " " + Decimals.format(m.quantity(), 0), (left + right) / 2, mid);
    }

    // ---- Input ---------------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        long price = priceAtY(e.getY());
        if (price <= 0) {
            return;
        }
        cursor = price;
        Column column = columnAtX(e.getX());
        if (column == Column.OWN_BIDS || column == Column.OWN_ASKS) {
            Side side = column == Column.OWN_BIDS ? Side.BUY : Side.SELL;
            if (!context.desk().ownOrdersAt(instrument.id(), side, price).isEmpty()) {
                dragSide = side;
                dragFrom = price;
                dragTo = price;
            }
        }
        dirty = true;
    }

    private void dragged(MouseEvent e) {
        if (dragSide != null) {
            long price = priceAtY(e.getY());
            if (price > 0) {
                dragTo = price;
                dirty = true;
            }
        }
    }

    private void released(MouseEvent e) {
        long price = priceAtY(e.getY());
        if (dragSide != null) {
            Side side = dragSide;
            dragSide = null;
            if (price > 0 && price != dragFrom) {
                moveOwn(side, dragFrom, price);
            } else {
                cancelOwnAt(side, dragFrom);
            }
            dirty = true;
            return;
        }
        if (price <= 0 || !e.isStillSincePress()) {
            return;
        }
        switch (columnAtX(e.getX())) {
            case BIDS -> clicked(Side.BUY, price, e);
            case ASKS -> clicked(Side.SELL, price, e);
            default -> {
            }
        }
    }

    private void clicked(Side side, long price, MouseEvent e) {
        if (e.isShiftDown()) {
            placeOcoAt(side, price);
        } else if (e.isShortcutDown() || bracket.get()) {
            placeBracketAt(side, price);
        } else {
            placeAt(side, price);
        }
    }

    private void scrolled(ScrollEvent e) {
        if (instrument == null || e.getDeltaY() == 0) {
            return;
        }
        centre += (e.getDeltaY() > 0 ? 3 : -3) * instrument.tickSize();
        needsCentre = false;
        autoCentre.set(false);
        dirty = true;
        e.consume();
    }

    private void key(KeyEvent e) {
        if (instrument == null) {
            return;
        }
        long tick = instrument.tickSize();
        boolean handled = true;
        switch (e.getCode()) {
            case UP -> cursor = (cursor == 0 ? centre : cursor) + tick;
            case DOWN -> cursor = (cursor == 0 ? centre : cursor) - tick;
            case PAGE_UP -> {
                centre += visibleRows() / 2 * tick;
                autoCentre.set(false);
            }
            case PAGE_DOWN -> {
                centre -= visibleRows() / 2 * tick;
                autoCentre.set(false);
            }
            case C -> {
                centreOnMarket();
                autoCentre.set(true);
            }
            case B -> placeAtCursor(Side.BUY);
            case S -> placeAtCursor(Side.SELL);
            case X, DELETE, BACK_SPACE -> {
                long at = cursor == 0 ? centre : cursor;
                cancelOwnAt(Side.BUY, at);
                cancelOwnAt(Side.SELL, at);
            }
            default -> handled = false;
        }
        if (handled) {
            keepCursorVisible();
            dirty = true;
            e.consume();
        }
    }

    private void placeAtCursor(Side side) {
        long at = cursor == 0 ? centre : cursor;
        if (bracket.get()) {
            placeBracketAt(side, at);
        } else {
            placeAt(side, at);
        }
    }

    private boolean marketOutOfView(DepthBook book) {
        long market = book.bestBid() > 0 && book.bestAsk() > 0 ? (book.bestBid() + book.bestAsk()) / 2
                : book.lastTradePrice();
        if (market <= 0) {
            return false;
        }
        long margin = Math.max(1, visibleRows() / 2 - 2) * instrument.tickSize();
        return market > centre + margin || market < centre - margin;
    }

    private void keepCursorVisible() {
        if (cursor == 0) {
            return;
        }
        long tick = instrument.tickSize();
        long half = Math.max(1, visibleRows() / 2 - 1);
        if (cursor > centre + half * tick) {
            centre = cursor - half * tick;
        } else if (cursor < centre - half * tick) {
            centre = cursor + half * tick;
        }
        needsCentre = false;
    }

    private void show(Instrument value) {
        instrument = value;
        needsCentre = true;
        cursor = 0;
        dirty = true;
        if (value != null) {
            centre = context.desk().book(value.id()).centrePrice();
        }
    }

    private int visibleRows() {
        return (int) Math.max(1, (getHeight() - HEADER_HEIGHT) / ROW_HEIGHT);
    }

    private int middleRow() {
        return visibleRows() / 2;
    }

    // ---- CSS ---------------------------------------------------------------------------------------------

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
