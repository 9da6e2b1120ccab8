package com.bourse.app.desktop;

import com.bourse.backoffice.store.FillLine;
import com.bourse.backoffice.store.MovementLine;
import com.bourse.backoffice.store.TradeLine;
import com.bourse.backoffice.store.TradeRepository;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.ui.port.MarketSnapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trades a window opens with: the recent trades of every instrument (the latest {@code capacity} per
 * instrument, for charts) and every fill and other security movement of the traders' accounts (for the fills blotter
 * and the positions' quantity, average cost and realised P&L). A security that enters other than by a trade (an
 * opening balance, a deposit) is carried at the instrument's last trade price before it, or its reference price
 * before any trade, the same whether heard live or read back from the store. The engine keeps no tape of its own (it needs none); this is a small projection of its
 * trade events, started from the store at start-up ({@link #restore}) so a restart, after a crash too, shows what
 * the trader saw before. The simulated market's own accounts are not kept as fills: nobody's blotter shows them.
 *
 * <p>Written on the venue thread; read from the venue thread too (inside a query), so the copy lines up exactly
 * with a snapshot. Synchronised anyway, for any other reader.
 */
final class TradeHistory implements EventSink {
    private final int capacity;
    private final Set<Long> marketAccounts;
    private final Map<Long, ArrayDeque<MarketSnapshot.Print>> tapes = new HashMap<>();
    private final Map<Long, List<MarketSnapshot.Step>> history = new HashMap<>();
    /** Per account and symbol, the quantity its steps add up to: a balance that differs was moved otherwise. */
    private final Map<Long, Map<String, Long>> explained = new HashMap<>();
    private final Map<String, Instrument> bySymbol = new HashMap<>();
    private final Map<Long, Long> lastPrices = new HashMap<>();

    /**
     * @param capacity       recent trades kept per instrument
     * @param marketAccounts the simulated market's accounts, whose fills are not kept
     */
    TradeHistory(int capacity, Set<Long> marketAccounts) {
        this.capacity = capacity;
        this.marketAccounts = Set.copyOf(marketAccounts);
    }

    /**
     * Starts from what the store holds: each instrument's latest trades, and every fill and other security
     * movement of {@code accounts} (the simulated market's are skipped), merged in journal order. Call before the
     * venue delivers anything to this history, with the store's projections caught up with the journal.
     */
    synchronized void restore(TradeRepository store, Collection<Instrument> instruments, Collection<Long> accounts) {
        Map<String, Long> ids = new HashMap<>();
        for (Instrument i : instruments) {
            bySymbol.put(i.symbol(), i);
            ids.put(i.symbol(), i.id());
            for (TradeLine t : store.latest(i.id(), capacity)) {
                print(i.id(), new MarketSnapshot.Print(t.executedAt().toEpochMilli(), t.price(), t.quantity()));
            }
        }
        for (long accountId : accounts) {
            if (marketAccounts.contains(accountId)) {
                continue;
            }
            List<FillLine> fills = store.fills(accountId);
            List<MovementLine> movements = store.securityMovements(accountId, ids);
            int f = 0;
            int m = 0;
            while (f < fills.size() || m < movements.size()) {
                if (m == movements.size() || f < fills.size() && fills.get(f).seq() < movements.get(m).seq()) {
                    FillLine fill = fills.get(f++);
                    add(new MarketSnapshot.Fill(fill.tradeId(), fill.executedAt().toEpochMilli(), fill.orderId(),
                            fill.accountId(), fill.instrumentId(), fill.buy() ? Side.BUY : Side.SELL, fill.price(),
                            fill.quantity(), fill.maker(), fill.leaves()), fill.buy() ? fill.quantity()
                            : -fill.quantity());
                } else {
                    MovementLine move = movements.get(m++);
                    Instrument i = bySymbol.get(move.asset());
                    add(new MarketSnapshot.Transfer(move.postedAt().toEpochMilli(), accountId, i.id(), move.delta(),
                            move.lastPrice() > 0 ? move.lastPrice() : i.referencePrice()), move.delta());
                }
            }
        }
        for (Instrument i : instruments) {
            List<MarketSnapshot.Print> tape = recent(i.id());
            if (!tape.isEmpty()) {
                lastPrices.put(i.id(), tape.getLast().price());
            }
        }
    }

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case Event.Trade t -> {
                synchronized (this) {
                    print(t.instrumentId(), new MarketSnapshot.Print(t.timestamp(), t.price(), t.quantity()));
                    lastPrices.put(t.instrumentId(), t.price());
                    fill(t, t.makerAccountId(), t.makerOrderId(), t.takerSide().opposite(), true, t.makerLeaves());
                    fill(t, t.takerAccountId(), t.takerOrderId(), t.takerSide(), false, t.takerLeaves());
                }
            }
            case Event.BalanceChanged b -> {
                synchronized (this) {
                    moved(b);
                }
            }
            case Event.InstrumentListed l -> {
                synchronized (this) {
                    bySymbol.put(l.instrument().symbol(), l.instrument());
                }
            }
            default -> {
            }
        }
    }

    /**
     * A security balance the account's steps do not add up to moved other than by a trade (a trade's legs come
     * after its Trade event, which has already counted them).
     */
    private void moved(Event.BalanceChanged b) {
        Instrument i = bySymbol.get(b.asset());
        if (i == null || marketAccounts.contains(b.accountId())) {
            return;
        }
        long unexplained = b.balance() - explained.getOrDefault(b.accountId(), Map.of()).getOrDefault(b.asset(), 0L);
        if (unexplained != 0) {
            long price = lastPrices.getOrDefault(i.id(), i.referencePrice());
            add(new MarketSnapshot.Transfer(System.currentTimeMillis(), b.accountId(), i.id(), unexplained, price),
                    unexplained);
        }
    }

    private void add(MarketSnapshot.Step step, long quantity) {
        history.computeIfAbsent(step.accountId(), id -> new ArrayList<>()).add(step);
        Instrument i = instrument(step.instrumentId());
        if (i != null) {
            explained.computeIfAbsent(step.accountId(), id -> new HashMap<>()).merge(i.symbol(), quantity, Long::sum);
        }
    }

    private Instrument instrument(long id) {
        for (Instrument i : bySymbol.values()) {
            if (i.id() == id) {
                return i;
            }
        }
        return null;
    }

    private void print(long instrumentId, MarketSnapshot.Print print) {
        ArrayDeque<MarketSnapshot.Print> tape = tapes.computeIfAbsent(instrumentId, id -> new ArrayDeque<>());
        if (tape.size() == capacity) {
            tape.removeFirst();
        }
        tape.addLast(print);
    }

    private void fill(Event.Trade t, long accountId, long orderId, Side side, boolean maker, long leaves) {
        if (marketAccounts.contains(accountId)) {
            return;
        }
        add(new MarketSnapshot.Fill(t.tradeId(), t.timestamp(), orderId, accountId, t.instrumentId(), side, t.price(),
                t.quantity(), maker, leaves), side == Side.BUY ? t.quantity() : -t.quantity());
    }

    synchronized List<MarketSnapshot.Print> recent(long instrumentId) {
        ArrayDeque<MarketSnapshot.Print> tape = tapes.get(instrumentId);
        return tape == null ? List.of() : List.copyOf(tape);
    }

    /** Every fill and other security movement of the accounts, each account's in the engine's order. */
    synchronized List<MarketSnapshot.Step> history(Collection<Long> accountIds) {
        List<MarketSnapshot.Step> result = new ArrayList<>();
        for (long accountId : accountIds) {
            result.addAll(history.getOrDefault(accountId, List.of()));
        }
        return result;
    }
}
