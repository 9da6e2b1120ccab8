package com.bourse.ui.port;

import com.bourse.protocol.BookLevel;
import com.bourse.protocol.WorkingOrder;

import java.util.List;
import java.util.Map;

/**
 * The state a trader's views start from: the books, the last prices, the trader's working orders and
 * balances, all taken at one instant; the events delivered after it continue from exactly there.
 *
 * @param books    per instrument id
 * @param balances the trader's accounts only
 */
public record MarketSnapshot(Map<Long, Book> books, List<WorkingOrder> workingOrders, List<Balance> balances) {

    public MarketSnapshot {
        books = Map.copyOf(books);
        workingOrders = List.copyOf(workingOrders);
        balances = List.copyOf(balances);
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
}
