package com.bourse.ui.port;

import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;

import java.util.List;
import java.util.Map;

/**
 * The state a trader's views start from: the books, the last prices, the trader's working orders and
 * balances, all taken at one instant; the events delivered after it continue from exactly there.
 *
 * @param books      per instrument id
 * @param balances   the trader's accounts only
 * @param history      every fill of the trader's accounts and every other movement of their securities up to that
 *                     instant, in the engine's order: what the fills blotter shows and what positions' quantity,
 *                     average cost and realised P&L are replayed from
 * @param historyKnown whether the venue keeps that history; when it does not, {@code history} is empty and a window
 *                     keeps what it heard itself
 * @param held         why each of the working orders that waits for a risk officer is held, as far as the venue
 *                     says (a held order not listed shows no reason)
 * @param refused      the trader's orders the venue refused at entry today, as far as it keeps them (the newest,
 *                     oldest first): the blotter lists them as REJECTED with the reason until the trader dismisses
 *                     them, as it lists a refusal it heard
 */
public record MarketSnapshot(Map<Long, Book> books, List<WorkingOrder> workingOrders, List<Balance> balances,
                             List<Step> history, boolean historyKnown, List<Held> held, List<Refused> refused) {

    public MarketSnapshot {
        books = Map.copyOf(books);
        workingOrders = List.copyOf(workingOrders);
        balances = List.copyOf(balances);
        history = List.copyOf(history);
        held = List.copyOf(held);
        refused = List.copyOf(refused);
        if (!historyKnown && !history.isEmpty()) {
            throw new IllegalArgumentException("a history given by a venue that says it keeps none");
        }
    }

    /** A snapshot that lists no refused orders. */
    public MarketSnapshot(Map<Long, Book> books, List<WorkingOrder> workingOrders, List<Balance> balances,
                          List<Step> history, boolean historyKnown, List<Held> held) {
        this(books, workingOrders, balances, history, historyKnown, held, List.of());
    }

    /** The same snapshot listing {@code refusedOrders} as refused today. */
    public MarketSnapshot withRefused(List<Refused> refusedOrders) {
        return new MarketSnapshot(books, workingOrders, balances, history, historyKnown, held, refusedOrders);
    }

    /** A snapshot that says no reason for its held orders. */
    public MarketSnapshot(Map<Long, Book> books, List<WorkingOrder> workingOrders, List<Balance> balances,
                          List<Step> history, boolean historyKnown) {
        this(books, workingOrders, balances, history, historyKnown, List.of());
    }

    /**
     * Why a working order of the trader's waits for a risk officer, and since when (business time, epoch ms): an
     * order meant to trade now expires {@code Command.HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS} after it was held.
     */
    public record Held(long orderId, long accountId, com.bourse.protocol.ErrorCode reason, long heldAt) {
    }

    /** An order of the trader's the venue refused at entry, when ({@code time}, epoch ms) and why. */
    public record Refused(long orderId, long accountId, long instrumentId, Side side, com.bourse.protocol.OrderType type,
                          com.bourse.protocol.TimeInForce timeInForce, long price, long stopPrice, long quantity,
                          long displayQuantity, com.bourse.protocol.ErrorCode reason, long time) {
    }

    /** A snapshot from a venue that keeps no history of its traders' fills. */
    public MarketSnapshot(Map<Long, Book> books, List<WorkingOrder> workingOrders, List<Balance> balances) {
        this(books, workingOrders, balances, List.of(), false);
    }

    /**
     * Visible depth of one instrument, best levels first, its last trade price (0 before any trade) and the
     * recent trades, oldest first, that the chart starts from.
     */
    public record Book(List<BookLevel> bids, List<BookLevel> asks, long lastTradePrice, List<Print> recentTrades) {
        public Book {
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
            recentTrades = List.copyOf(recentTrades);
        }
    }

    /** One trade on the tape: when (epoch ms), at what price and how many. */
    public record Print(long time, long price, long quantity) {
    }

    /** An account's amount of one asset (currency code or instrument symbol) and the part held by orders. */
    public record Balance(long accountId, String asset, long balance, long held) {
    }

    /** One change of a position: a fill, or a security moved in or out otherwise. */
    public sealed interface Step {
        long accountId();

        long instrumentId();
    }

    /**
     * One execution of the trader's own order, as the venue recorded it.
     *
     * @param maker  whether the order was resting (else it crossed)
     * @param leaves what the order had open after it
     */
    public record Fill(long tradeId, long time, long orderId, long accountId, long instrumentId, Side side,
                       long price, long quantity, boolean maker, long leaves) implements Step {
    }

    /**
     * Units of a security that entered ({@code quantity} above 0) or left the account other than by a trade: an
     * opening balance, a deposit, a withdrawal. What enters is carried at {@code price} (the instrument's last trade
     * before it, else its reference price); what leaves goes at the position's average cost, realising nothing.
     */
    public record Transfer(long time, long accountId, long instrumentId, long quantity, long price) implements Step {
    }
}
