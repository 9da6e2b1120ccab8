package com.bourse.ui.model;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.MarketSnapshot;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Everything the trader's views show, projected from the snapshot and the events that follow it: books,
 * last trades, working orders, fills, positions with P&L, cash, and the dashboard's figures. Tables bind to
 * its observable lists; the ladder and chart read its books and tapes. Applied once per frame.
 *
 * <p>FX thread only.
 */
public final class DeskState {
    public static final int MAX_FILLS = 5_000;

    private final Map<Long, Instrument> instruments = new LinkedHashMap<>();
    private final Map<String, Instrument> bySymbol = new HashMap<>();
    private final Map<String, Integer> currencyDigits = new HashMap<>();
    private final Map<Long, AccountView> accounts = new LinkedHashMap<>();
    private final Map<Long, DepthBook> books = new HashMap<>();
    private final Map<Long, TradeTape> tapes = new HashMap<>();
    private final Map<Long, OrderRow> orders = new HashMap<>();
    private final ObservableList<OrderRow> workingOrders = FXCollections.observableArrayList();
    private final ObservableList<FillRow> fills = FXCollections.observableArrayList();
    private final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    private final ObservableList<CashRow> cash = FXCollections.observableArrayList();
    private final Map<String, Position> positionBook = new LinkedHashMap<>();
    private final Map<String, long[]> balances = new HashMap<>();
    private final Set<Long> dirtyInstruments = new HashSet<>();
    private final Set<Long> halted = new HashSet<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final List<Consumer<Event.OrderRejected>> rejectionListeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Long> acceptedAt = new ArrayDeque<>();
    private final OrderHistory history = new OrderHistory();
    /** Orders this window sent that the venue has not answered yet: a refusal shows as a row with their details. */
    private final Map<String, Command.PlaceOrder> sent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Command.PlaceOrder> eldest) {
            return size() > 1_000;
        }
    };
    /**
     * The brackets this window sent, under the account and id of each of their three orders (entry, target, stop):
     * the blotter links the legs to their entry and the ladder marks where they will work. A window opened later
     * (or after a restart) learns those still working from its snapshot ({@link WorkingOrder#bracket()}).
     */
    private final Map<String, Bracket> brackets = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bracket> eldest) {
            return size() > 3_000;
        }
    };
    /** Refused orders the blotter shows, oldest first; the oldest goes when there are more than this. */
    private static final int MAX_REJECTED_ROWS = 50;
    private final ArrayDeque<OrderRow> rejectedRows = new ArrayDeque<>();
    private boolean cashDirty;
    private long quantityOrdered;
    private long quantityFilled;
    private long version;

    public DeskState(List<Currency> currencies, List<Instrument> instrumentList, List<AccountView> accountList) {
        for (Currency c : currencies) {
            currencyDigits.put(c.code(), c.minorDigits());
        }
        for (Instrument i : instrumentList) {
            instruments.put(i.id(), i);
            bySymbol.put(i.symbol(), i);
            books.put(i.id(), new DepthBook(i));
            tapes.put(i.id(), new TradeTape(200_000));
        }
        for (AccountView a : accountList) {
            accounts.put(a.accountId(), a);
        }
    }

    // ---- Loading and applying -------------------------------------------------------------------

    public void load(MarketSnapshot snapshot) {
        snapshot.books().forEach((id, book) -> {
            DepthBook depth = books.get(id);
            if (depth != null) {
                depth.reset(book.bids(), book.asks(), book.lastTradePrice());
                TradeTape tape = tapes.get(id);
                // The snapshot's prints replace the tape: a training session taken back in time would otherwise
                // keep its abandoned future, and every later trade would melt into that future's last candle.
                tape.clear();
                for (MarketSnapshot.Print print : book.recentTrades()) {
                    tape.add(print.time(), print.price(), print.quantity());
                    depth.trade(print.time(), print.price(), print.quantity());
                }
            }
        });
        if (snapshot.historyKnown()) {
            restoreHistory(snapshot.history());
        }
        orders.clear();
        workingOrders.clear();
        Map<String, MarketSnapshot.Held> heldWhy = new HashMap<>();
        for (MarketSnapshot.Held h : snapshot.held()) {
            heldWhy.put(h.accountId() + "/" + h.orderId(), h);
        }
        rejectedRows.clear();
        for (WorkingOrder w : snapshot.workingOrders()) {
            Instrument i = instruments.get(w.instrumentId());
            if (i == null) {
                continue;
            }
            OrderRow row = new OrderRow(w.orderId(), w.accountId(), i.id(), i.symbol(), w.side(), w.type(),
                    w.timeInForce(), price(i, w.price()), price(i, w.stopPrice()), w.price(), w.leaves(), w.leaves(),
                    w.displayQuantity(), statusOf(w.status()), "", w.ocoPeerId());
            MarketSnapshot.Held why = heldWhy.get(w.accountId() + "/" + w.orderId());
            if (why != null && "HELD".equals(row.status())) {
                row = row.withReason(heldReason(row, why.reason(), why.heldAt()));
            }
            orders.put(row.orderId(), row);
            workingOrders.add(row);
            knowBracket(w);
        }
        for (MarketSnapshot.Refused r : snapshot.refused()) {
            showRefused(r);
        }
        java.util.Set<String> stale = new java.util.HashSet<>(balances.keySet());
        for (MarketSnapshot.Balance b : snapshot.balances()) {
            stale.remove(b.accountId() + "/" + b.asset());
            setBalance(b.accountId(), b.asset(), b.balance(), b.held());
        }
        for (String key : stale) { // a reload: what the snapshot no longer lists is now zero
            int slash = key.indexOf('/');
            setBalance(Long.parseLong(key.substring(0, slash)), key.substring(slash + 1), 0, 0);
        }
        endFrame();
    }

    /**
     * The venue's record of the trader's fills and other security movements replaces what this window heard: the
     * fills blotter and every position's quantity, average cost and realised P&L are replayed from it, in the
     * engine's order, so a window opened after a restart shows the figures the one before it showed, to the cent.
     */
    private void restoreHistory(List<MarketSnapshot.Step> history) {
        fills.clear();
        positionBook.clear();
        List<FillRow> rows = new ArrayList<>();
        for (MarketSnapshot.Step step : history) {
            Instrument i = instruments.get(step.instrumentId());
            if (i == null) {
                continue;
            }
            switch (step) {
                case MarketSnapshot.Fill f -> rows.add(recordFill(i, f.tradeId(), f.time(), f.orderId(),
                        f.accountId(), f.side(), f.price(), f.quantity(), f.maker() ? "MAKER" : "TAKER", f.leaves()));
                case MarketSnapshot.Transfer t -> {
                    Position p = position(t.accountId(), i);
                    p.settle(p.quantity() + t.quantity(), t.price());
                }
            }
            dirtyInstruments.add(i.id());
        }
        rows.sort(Comparator.comparingLong(FillRow::tradeId)); // each account's steps come in order, not all of them
        int keep = Math.min(MAX_FILLS, rows.size());
        List<FillRow> newestFirst = new ArrayList<>(rows.subList(rows.size() - keep, rows.size()));
        java.util.Collections.reverse(newestFirst);
        fills.setAll(newestFirst);
    }

    public void applyBookDelta(Event.BookDelta delta) {
        DepthBook book = books.get(delta.instrumentId());
        if (book != null) {
            book.set(delta.side(), delta.price(), delta.levelQuantity(), delta.orderCount());
        }
    }

    /**
     * An order this window is sending: if the venue refuses it at entry, the blotter shows it as REJECTED with the
     * reason, and its history starts with what was sent.
     */
    public void sending(Command c) {
        switch (c) {
            case Command.PlaceOrder o -> sent.put(o.accountId() + "/" + o.orderId(), o);
            case Command.PlaceOco o -> sending(o);
            default -> {
            }
        }
    }

    /** The orders of an OCO pair or a bracket this window is sending (see {@link #sending(Command)}). */
    private void sending(Command.PlaceOco c) {
        if (c.isBracket()) {
            sending(c.entry());
            Bracket b = new Bracket(c.accountId(), c.instrumentId(), c.side().opposite(), c.entryOrderId(),
                    c.targetOrderId(), c.targetPrice(), c.stopOrderId(), c.stopPrice());
            for (long id : new long[]{b.entryId(), b.targetId(), b.stopId()}) {
                brackets.put(c.accountId() + "/" + id, b);
            }
        }
        sending(c.target(c.quantity()));
        sending(c.stop(c.quantity()));
    }

    /** The bracket a working order of the snapshot belongs to, as the venue keeps it (sent by any window). */
    private void knowBracket(WorkingOrder w) {
        WorkingOrder.Bracket k = w.bracket();
        if (k.isNone()) {
            return;
        }
        Side entrySide = w.orderId() == k.entryId() ? w.side() : w.side().opposite();
        Bracket b = new Bracket(w.accountId(), w.instrumentId(), entrySide, k.entryId(), k.targetId(),
                k.targetPrice(), k.stopId(), k.stopPrice());
        for (long id : new long[]{b.entryId(), b.targetId(), b.stopId()}) {
            brackets.put(w.accountId() + "/" + id, b);
        }
    }

    /** Every step this window heard of each of the trader's orders. */
    public OrderHistory history() {
        return history;
    }

    /** Takes a refused order's row out of the blotter (the trader has read it); a working row stays. */
    public void dismiss(OrderRow row) {
        if (!row.isWorking() && rejectedRows.remove(row)) {
            workingOrders.remove(row);
            version++;
        }
    }

    public void apply(Event event) {
        recordStep(event);
        switch (event) {
            case Event.OrderAccepted e -> accepted(e);
            case Event.OrderRejected e -> {
                OrderRow row = orders.get(e.orderId());
                if (row != null && (e.reason() == ErrorCode.REJECTED_BY_RISK_OFFICER || "HELD".equals(row.status()))) {
                    removeOrder(e.orderId()); // a held order the officer refused, or that was stale when approved
                } else if (row == null) {
                    showRefused(e);
                }
                say("Order " + e.orderId() + " rejected: " + e.reason().description());
                rejectionListeners.forEach(l -> l.accept(e));
            }
            case Event.OrderHeld e -> {
                updateOrder(e.orderId(), row -> row.withStatus("HELD").withReason(heldReason(row, e)));
                OrderRow held = orders.get(e.orderId());
                say("Order " + e.orderId() + " held: " + (held == null ? e.reason().description() : held.reason()));
            }
            case Event.OrderApproved e -> {
                updateOrder(e.orderId(), row -> row.withStatus("WORKING").withReason(""));
                say("Order " + e.orderId() + " approved");
            }
            case Event.OrderTriggered e -> updateOrder(e.orderId(), row -> row.withStatus("TRIGGERED"));
            case Event.Trade t -> trade(t);
            case Event.OrderCancelled e -> {
                OrderRow row = removeOrder(e.orderId());
                if (row != null) {
                    say("Order " + e.orderId() + " cancelled: " + e.reason().description() + legsAfter(row));
                }
            }
            case Event.OrderExpired e -> {
                OrderRow row = removeOrder(e.orderId());
                if (row != null && "HELD".equals(row.status())) {
                    say("Order " + e.orderId() + " expired: an order meant to trade now was not approved within "
                            + Command.HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS / 1_000 + " s; nothing was traded");
                }
            }
            case Event.OrderReplaced e -> updateOrder(e.orderId(), row -> {
                Instrument i = instruments.get(row.instrumentId());
                return row.replaced(e.price(), price(i, e.price()), e.quantity());
            });
            case Event.BalanceChanged e -> setBalance(e.accountId(), e.asset(), e.balance(), e.held());
            case Event.InstrumentStatusChanged e -> {
                if (e.halted()) {
                    halted.add(e.instrumentId());
                } else {
                    halted.remove(e.instrumentId());
                }
            }
            case Event.OcoLinked e -> {
                updateOrder(e.targetOrderId(), row -> row.withOcoPeer(e.stopOrderId()));
                updateOrder(e.stopOrderId(), row -> row.withOcoPeer(e.targetOrderId()));
            }
            case Event.KillSwitchChanged e -> say("Kill switch " + (e.engaged() ? "engaged" : "released")
                    + " on account " + e.accountId());
            default -> {
            }
        }
        version++;
    }

    /** A refused entry of an order this window sent: a REJECTED row with the reason, until dismissed. */
    private void showRefused(Event.OrderRejected e) {
        Command.PlaceOrder c = sent.remove(e.accountId() + "/" + e.orderId());
        if (c != null) {
            showRefused(c, e.reason().description());
        }
    }

    /** A refusal the venue kept from before this window opened (or reloaded): listed as if heard. */
    private void showRefused(MarketSnapshot.Refused r) {
        showRefused(new Command.PlaceOrder(r.time(), 0, r.orderId(), r.accountId(), r.instrumentId(), r.side(),
                r.type(), r.timeInForce(), r.price(), r.stopPrice(), r.quantity(), r.displayQuantity(), false),
                r.reason().description());
    }

    private void showRefused(Command.PlaceOrder c, String reason) {
        Instrument i = instruments.get(c.instrumentId());
        if (i == null) {
            return;
        }
        OrderRow row = new OrderRow(c.orderId(), c.accountId(), i.id(), i.symbol(), c.side(), c.type(),
                c.timeInForce(), c.type().hasLimitPrice() ? price(i, c.price()) : null,
                c.type().isStop() ? price(i, c.stopPrice()) : null, c.price(), c.quantity(), 0, c.displayQuantity(),
                OrderRow.REJECTED, reason);
        rejectedRows.addLast(row);
        workingOrders.add(row);
        if (rejectedRows.size() > MAX_REJECTED_ROWS) {
            workingOrders.remove(rejectedRows.removeFirst());
        }
    }

    /** Adds the event's step to its order's history (own orders only: the inbox passes no one else's). */
    private void recordStep(Event event) {
        long now = System.currentTimeMillis();
        switch (event) {
            case Event.OrderAccepted e -> {
                sent.remove(e.accountId() + "/" + e.orderId());
                history.record(e.accountId(), e.orderId(), e.timestamp(), "Accepted", OrderHistory.accepted(e.side(),
                        e.quantity(), instruments.get(e.instrumentId()), e.type(), e.price(), e.stopPrice(),
                        e.timeInForce()));
            }
            case Event.OrderRejected e -> history.record(e.accountId(), e.orderId(), now, "Rejected",
                    e.reason().description());
            case Event.OrderHeld e -> history.record(e.accountId(), e.orderId(), now, "Held",
                    e.reason().description());
            case Event.OrderApproved e -> history.record(accountOf(e.accountId(), e.orderId()), e.orderId(), now,
                    "Released", OrderHistory.RELEASED);
            case Event.OrderTriggered e -> {
                Instrument i = instrumentOf(e.orderId());
                history.record(accountOf(e.accountId(), e.orderId()), e.orderId(), now, "Triggered",
                        OrderHistory.triggered(i, e.lastTradePrice()));
            }
            case Event.Trade t -> {
                Instrument i = instruments.get(t.instrumentId());
                if (accounts.containsKey(t.makerAccountId())) {
                    recordFillStep(t, i, t.makerAccountId(), t.makerOrderId(), t.makerLeaves());
                }
                if (accounts.containsKey(t.takerAccountId())) {
                    recordFillStep(t, i, t.takerAccountId(), t.takerOrderId(), t.takerLeaves());
                }
            }
            case Event.OrderReplaced e -> {
                Instrument i = instrumentOf(e.orderId());
                OrderRow row = orders.get(e.orderId());
                boolean ocoReduced = row != null && row.ocoPeerId() != 0 && e.keptPriority()
                        && e.price() == row.priceUnits() && e.quantity() < row.leaves();
                history.record(e.accountId(), e.orderId(), now, "Amended", ocoReduced
                        ? "open quantity " + Decimals.format(e.quantity(), 0) + ": its OCO order " + row.ocoPeerId()
                        + " filled in part"
                        : OrderHistory.amended(i, e.price(), e.stopPrice(), e.quantity(),
                        e.keptPriority() ? "kept its place" : "lost its place"));
            }
            case Event.OrderCancelled e -> {
                history.record(e.accountId(), e.orderId(), now, "Cancelled",
                        OrderHistory.ended(e.cancelledQuantity()) + ": " + e.reason().description());
                OrderRow row = orders.get(e.orderId());
                if (row != null && !legsAfter(row).isEmpty()) {
                    history.record(e.accountId(), e.orderId(), now, "Bracket", legsAfter(row).substring(2));
                }
            }
            case Event.OrderExpired e -> history.record(e.accountId(), e.orderId(), now, "Expired",
                    OrderHistory.ended(e.expiredQuantity()));
            case Event.OcoLinked e -> {
                history.record(e.accountId(), e.targetOrderId(), now, "OCO",
                        OrderHistory.ocoTarget(e.targetOrderId(), e.stopOrderId()));
                history.record(e.accountId(), e.stopOrderId(), now, "OCO", OrderHistory.ocoStop(e.targetOrderId()));
            }
            default -> {
            }
        }
    }

    private void recordFillStep(Event.Trade t, Instrument i, long accountId, long orderId, long leaves) {
        history.record(accountId, orderId, t.timestamp(), OrderHistory.fillEvent(leaves),
                OrderHistory.fill(i, t.quantity(), t.price(), leaves));
    }

    /** The account an event names, or the one of the working order with that id when it names none (old venues). */
    private long accountOf(long accountId, long orderId) {
        if (accountId != 0) {
            return accountId;
        }
        OrderRow row = orders.get(orderId);
        return row == null ? 0 : row.accountId();
    }

    private Instrument instrumentOf(long orderId) {
        OrderRow row = orders.get(orderId);
        return row == null ? null : instruments.get(row.instrumentId());
    }

    /**
     * Why the order waits, in the trader's words; an order meant to trade now also says when it expires unless an
     * officer approves it (the engine's {@link Command#HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS}, counted from now: the
     * hold arrives moments after the order was sent).
     */
    private static String heldReason(OrderRow row, Event.OrderHeld e) {
        return heldReason(row, e.reason(), System.currentTimeMillis());
    }

    /** The same, for an order the venue said was held at {@code heldAt} (a window opened or reloaded later). */
    private static String heldReason(OrderRow row, ErrorCode reason, long heldAt) {
        String why = reason.description();
        if (!row.isImmediate()) {
            return why;
        }
        java.time.LocalTime expires = java.time.LocalTime.ofInstant(Instant.ofEpochMilli(heldAt
                + Command.HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS), java.time.ZoneId.systemDefault());
        return why + " · expires " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(expires);
    }

    /** Brings the position and cash rows up to date after a frame's events; call once per frame. */
    public void endFrame() {
        if (!dirtyInstruments.isEmpty()) {
            refreshPositions();
            dirtyInstruments.clear();
        }
        if (cashDirty) {
            refreshCash();
            cashDirty = false;
        }
    }

    private void accepted(Event.OrderAccepted e) {
        Instrument i = instruments.get(e.instrumentId());
        if (i == null) {
            return;
        }
        String status = e.type().isStop() ? "STOP_WAITING" : "WORKING";
        OrderRow row = new OrderRow(e.orderId(), e.accountId(), i.id(), i.symbol(), e.side(), e.type(),
                e.timeInForce(), e.type().hasLimitPrice() ? price(i, e.price()) : null,
                e.type().isStop() ? price(i, e.stopPrice()) : null, e.price(), e.quantity(), e.quantity(),
                e.displayQuantity(), status);
        orders.put(row.orderId(), row);
        workingOrders.add(row);
        acceptedAt.addLast(System.nanoTime());
        quantityOrdered += e.quantity();
        say((e.side() == Side.BUY ? "Buy " : "Sell ") + e.quantity() + " " + i.symbol()
                + (e.type() == OrderType.MARKET ? " at market" : e.type().hasLimitPrice()
                ? " at " + Decimals.format(e.price(), i.priceScale()) : "") + (e.type().isStop() ? " stop "
                + Decimals.format(e.stopPrice(), i.priceScale()) : "") + " accepted (order " + e.orderId() + ")");
    }

    private void trade(Event.Trade t) {
        Instrument i = instruments.get(t.instrumentId());
        if (i == null) {
            return;
        }
        books.get(i.id()).trade(t.timestamp(), t.price(), t.quantity());
        tapes.get(i.id()).add(t.timestamp(), t.price(), t.quantity());
        dirtyInstruments.add(i.id());
        if (accounts.containsKey(t.makerAccountId())) {
            fill(t, i, t.makerOrderId(), t.makerAccountId(), t.takerSide().opposite(), t.makerLeaves(), "MAKER");
        }
        if (accounts.containsKey(t.takerAccountId())) {
            fill(t, i, t.takerOrderId(), t.takerAccountId(), t.takerSide(), t.takerLeaves(), "TAKER");
        }
    }

    private void fill(Event.Trade t, Instrument i, long orderId, long accountId, Side side, long leaves,
                      String liquidity) {
        fills.addFirst(recordFill(i, t.tradeId(), t.timestamp(), orderId, accountId, side, t.price(), t.quantity(),
                liquidity, leaves));
        if (fills.size() > MAX_FILLS) {
            fills.remove(MAX_FILLS, fills.size());
        }
        quantityFilled += t.quantity();
        if (leaves == 0) {
            removeOrder(orderId);
        } else {
            updateOrder(orderId, row -> row.withLeaves(leaves));
        }
        say((side == Side.BUY ? "Bought " : "Sold ") + t.quantity() + " " + i.symbol() + " at "
                + Decimals.format(t.price(), i.priceScale()));
    }

    /** Moves the position by one fill and returns the blotter's row for it; the one path live and restored. */
    private FillRow recordFill(Instrument i, long tradeId, long time, long orderId, long accountId, Side side,
                               long price, long quantity, String liquidity, long leaves) {
        position(accountId, i).fill(side, price, quantity);
        BigDecimal value = FixedPoint.toDecimal(Math.multiplyExact(price, quantity), i.priceScale())
                .setScale(digits(i.currency()), java.math.RoundingMode.HALF_EVEN);
        return new FillRow(tradeId, Instant.ofEpochMilli(time), orderId, accountId, i.symbol(), side,
                price(i, price), quantity, value, i.currency(), liquidity, leaves);
    }

    private void setBalance(long accountId, String asset, long balance, long held) {
        balances.put(accountId + "/" + asset, new long[]{balance, held});
        Instrument i = bySymbol.get(asset);
        if (i != null) {
            position(accountId, i).settle(balance, markPrice(i));
            dirtyInstruments.add(i.id());
        } else {
            cashDirty = true;
        }
    }

    private Position position(long accountId, Instrument i) {
        return positionBook.computeIfAbsent(accountId + "/" + i.symbol(), k -> new Position(accountId, i));
    }

    private void updateOrder(long orderId, java.util.function.UnaryOperator<OrderRow> change) {
        OrderRow row = orders.get(orderId);
        if (row == null) {
            return;
        }
        OrderRow changed = change.apply(row);
        orders.put(orderId, changed);
        int at = workingOrders.indexOf(row);
        if (at >= 0) {
            workingOrders.set(at, changed);
        }
    }

    private OrderRow removeOrder(long orderId) {
        OrderRow row = orders.remove(orderId);
        if (row != null) {
            workingOrders.remove(row);
        }
        return row;
    }

    private void refreshPositions() {
        List<PositionRow> rows = new ArrayList<>();
        for (Position p : positionBook.values()) {
            if (p.quantity() == 0 && p.realisedValue() == 0) {
                continue;
            }
            Instrument i = p.instrument();
            int digits = digits(i.currency());
            long mark = markPrice(i);
            long[] b = balances.get(p.accountId() + "/" + i.symbol());
            long available = b == null ? p.quantity() : b[0] - b[1];
            BigDecimal value = p.money(Math.multiplyExact(mark, p.quantity()), digits);
            rows.add(new PositionRow(p.accountId(), i.id(), i.symbol(), p.quantity(), available, p.averagePrice(),
                    price(i, mark), value, p.money(p.realisedValue(), digits),
                    p.money(p.unrealisedValue(mark), digits), i.currency()));
        }
        rows.sort(Comparator.comparingLong(PositionRow::accountId).thenComparing(PositionRow::symbol));
        replaceAll(positions, rows);
    }

    private void refreshCash() {
        List<CashRow> rows = new ArrayList<>();
        for (AccountView account : accounts.values()) {
            for (String currency : currencyDigits.keySet().stream().sorted().toList()) {
                long[] b = balances.get(account.accountId() + "/" + currency);
                if (b == null) {
                    continue;
                }
                int d = digits(currency);
                rows.add(new CashRow(account.accountId(), currency, Decimals.of(b[0], d), Decimals.of(b[1], d),
                        Decimals.of(b[0] - b[1], d)));
            }
        }
        replaceAll(cash, rows);
    }

    /** Updates a list row by row so selection and scroll position survive a refresh. */
    private static <T> void replaceAll(ObservableList<T> list, List<T> rows) {
        for (int k = 0; k < rows.size(); k++) {
            if (k < list.size()) {
                if (!list.get(k).equals(rows.get(k))) {
                    list.set(k, rows.get(k));
                }
            } else {
                list.add(rows.get(k));
            }
        }
        if (list.size() > rows.size()) {
            list.remove(rows.size(), list.size());
        }
    }

    /** Puts a line in the status bar. */
    public void say(String text) {
        message.set(text);
    }

    private static String statusOf(String engineState) {
        return switch (engineState) {
            case "RESTING" -> "WORKING";
            default -> engineState;
        };
    }

    private static BigDecimal price(Instrument i, long units) {
        return units == 0 ? null : Decimals.of(units, i.priceScale());
    }

    // ---- Queries ----------------------------------------------------------------------------------

    /** Last trade, else the middle of the touch, else the reference price. */
    public long markPrice(Instrument i) {
        DepthBook book = books.get(i.id());
        if (book.lastTradePrice() > 0) {
            return book.lastTradePrice();
        }
        return book.centrePrice();
    }

    public int digits(String currency) {
        return currencyDigits.getOrDefault(currency, 2);
    }

    public long availableCash(long accountId, String currency) {
        long[] b = balances.get(accountId + "/" + currency);
        return b == null ? 0 : b[0] - b[1];
    }

    public long availablePosition(long accountId, String symbol) {
        long[] b = balances.get(accountId + "/" + symbol);
        return b == null ? 0 : b[0] - b[1];
    }

    public long balance(long accountId, String asset) {
        long[] b = balances.get(accountId + "/" + asset);
        return b == null ? 0 : b[0];
    }

    public boolean isHalted(long instrumentId) {
        return halted.contains(instrumentId);
    }

    public DepthBook book(long instrumentId) {
        return books.get(instrumentId);
    }

    public TradeTape tape(long instrumentId) {
        return tapes.get(instrumentId);
    }

    public List<Instrument> instruments() {
        return List.copyOf(instruments.values());
    }

    public Instrument instrument(long id) {
        return instruments.get(id);
    }

    public List<AccountView> accounts() {
        return List.copyOf(accounts.values());
    }

    public ObservableList<OrderRow> workingOrders() {
        return workingOrders;
    }

    public ObservableList<FillRow> fills() {
        return fills;
    }

    public ObservableList<PositionRow> positions() {
        return positions;
    }

    public ObservableList<CashRow> cash() {
        return cash;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void onRejection(Consumer<Event.OrderRejected> listener) {
        rejectionListeners.add(listener);
    }

    /** Own working orders of one instrument and side at a price, oldest first. */
    public List<OrderRow> ownOrdersAt(long instrumentId, Side side, long price) {
        List<OrderRow> result = new ArrayList<>();
        for (OrderRow row : workingOrders) {
            if (row.isWorking() && row.instrumentId() == instrumentId && row.side() == side
                    && row.priceUnits() == price && row.type().hasLimitPrice()) {
                result.add(row);
            }
        }
        return result;
    }

    /** Own open quantity per limit price of one instrument and side. */
    public Map<Long, Long> ownQuantityByPrice(long instrumentId, Side side) {
        Map<Long, Long> result = new HashMap<>();
        for (OrderRow row : workingOrders) {
            if (row.isWorking() && row.instrumentId() == instrumentId && row.side() == side
                    && row.type().hasLimitPrice()) {
                result.merge(row.priceUnits(), row.leaves(), Long::sum);
            }
        }
        return result;
    }

    /**
     * A bracket this window sent: a limit entry of {@code entrySide}, and once it has filled a target and a stop on
     * the other side, for what filled (prices in price units).
     */
    public record Bracket(long accountId, long instrumentId, Side entrySide, long entryId, long targetId,
                          long targetPrice, long stopId, long stopPrice) {
    }

    /** The bracket an order of this window belongs to (as its entry, target or stop), or null. */
    public Bracket bracketOf(OrderRow row) {
        return bracketOf(row.accountId(), row.orderId());
    }

    /** The bracket of the account's order {@code orderId} (its entry, target or stop), or null. */
    public Bracket bracketOf(long accountId, long orderId) {
        return brackets.get(accountId + "/" + orderId);
    }

    /**
     * The blotter's link column (headed "Bracket / OCO"): a bracket's entry with the target and stop it will get
     * ("Entry · target 103.00, stop 100.00"; its id is the row's), its legs once working, named after it ("Bracket 12
     * · target"), a plain OCO pair's legs ("OCO 15 · stop"), or empty. Short enough to fit beside the ticket of a
     * 1024-pixel window.
     */
    public String linkOf(OrderRow row) {
        Bracket b = bracketOf(row);
        if (b == null) {
            return row.ocoGroup();
        }
        if (row.orderId() != b.entryId()) {
            return "Bracket " + b.entryId() + (row.orderId() == b.stopId() ? " · stop" : " · target");
        }
        Instrument i = instruments.get(b.instrumentId());
        int s = i == null ? 0 : i.priceScale();
        return "Entry · target " + Decimals.format(b.targetPrice(), s) + ", stop "
                + Decimals.format(b.stopPrice(), s);
    }

    /** What an ended bracket entry leaves behind, said after the reason ("; ..."), or empty for any other order. */
    private String legsAfter(OrderRow row) {
        Bracket b = bracketOf(row);
        if (b == null || b.entryId() != row.orderId()) {
            return "";
        }
        return row.filled() == 0 ? "; nothing filled, so its target and stop are not entered"
                : "; its target and stop work for the " + Decimals.format(row.filled(), 0) + " filled";
    }

    /** Where the ladder marks a protective or take-profit order, working or still waiting for its entry to fill. */
    public record LadderMark(Side side, long price, long quantity, Kind kind) {
        public enum Kind {
            /** A working target of an OCO pair or bracket (a limit order, also in the own-order cell). */
            TARGET,
            /** A working stop, waiting for its trigger. */
            STOP,
            /** A bracket's target, entered once its working entry fills. */
            PENDING_TARGET,
            /** A bracket's stop, entered once its working entry fills. */
            PENDING_STOP
        }
    }

    /** The own stops, OCO and bracket targets, and working brackets' future legs of one instrument. */
    public List<LadderMark> ladderMarks(long instrumentId) {
        List<LadderMark> marks = new ArrayList<>();
        Instrument i = instruments.get(instrumentId);
        if (i == null) {
            return marks;
        }
        for (OrderRow row : workingOrders) {
            if (!row.isWorking() || row.instrumentId() != instrumentId) {
                continue;
            }
            if (row.type().isStop() && "STOP_WAITING".equals(row.status()) && row.stopPrice() != null) {
                marks.add(new LadderMark(row.side(), Decimals.unitsOf(row.stopPrice(), i.priceScale()), row.leaves(),
                        LadderMark.Kind.STOP));
            } else if (row.ocoPeerId() != 0 && row.type().hasLimitPrice()) {
                marks.add(new LadderMark(row.side(), row.priceUnits(), row.leaves(), LadderMark.Kind.TARGET));
            }
            Bracket b = bracketOf(row);
            if (b != null && b.entryId() == row.orderId()) {
                Side exit = b.entrySide().opposite();
                marks.add(new LadderMark(exit, b.targetPrice(), row.quantity(), LadderMark.Kind.PENDING_TARGET));
                marks.add(new LadderMark(exit, b.stopPrice(), row.quantity(), LadderMark.Kind.PENDING_STOP));
            }
        }
        return marks;
    }

    /** Increases on every applied event. */
    public long version() {
        return version;
    }

    // ---- Dashboard figures ------------------------------------------------------------------------

    /** Total P&L (realised + unrealised) per currency, in that currency. */
    public Map<String, BigDecimal> totalPnl() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (PositionRow row : positions) {
            totals.merge(row.currency(), row.realisedPnl().add(row.unrealisedPnl()), BigDecimal::add);
        }
        return totals;
    }

    /** Market value of an account's positions in minor units of their currency, per currency. */
    public Map<String, Long> exposureMinor(long accountId) {
        Map<String, Long> result = new HashMap<>();
        for (Position p : positionBook.values()) {
            if (p.accountId() != accountId || p.quantity() == 0) {
                continue;
            }
            Instrument i = p.instrument();
            long value = Math.multiplyExact(markPrice(i), p.quantity());
            // Truncated toward zero, as the engine values a position in minor units.
            result.merge(i.currency(), FixedPoint.rescale(value, i.priceScale(), digits(i.currency()),
                    java.math.RoundingMode.DOWN), Long::sum);
        }
        return result;
    }

    /** Orders the engine accepted for this trader in the last minute. */
    public int ordersLastMinute() {
        long horizon = System.nanoTime() - 60_000_000_000L;
        while (!acceptedAt.isEmpty() && acceptedAt.peekFirst() < horizon) {
            acceptedAt.removeFirst();
        }
        return acceptedAt.size();
    }

    /** Quantity of this session's orders the venue accepted, and how much of it filled. */
    public long quantityOrdered() {
        return quantityOrdered;
    }

    public long quantityFilled() {
        return quantityFilled;
    }

    /** Filled quantity over ordered quantity of this session's orders, in basis points (0 before any order). */
    public int fillRatioBps() {
        return quantityOrdered == 0 ? 0 : (int) Math.min(10_000, quantityFilled * 10_000 / quantityOrdered);
    }
}
