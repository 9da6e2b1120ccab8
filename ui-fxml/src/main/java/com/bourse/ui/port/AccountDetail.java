package com.bourse.ui.port;

import com.bourse.protocol.Side;
import com.bourse.protocol.WorkingOrder;

import java.time.Instant;
import java.util.List;

/**
 * One account's page: cash per currency and positions as the venue holds them now (balance, held, available),
 * its working orders, and its latest movements and trades from the books.
 */
public record AccountDetail(AccountSummary account, List<Cash> cash, List<Holding> positions,
                            List<WorkingOrder> workingOrders, List<Movement> movements, List<TradeRow> trades) {

    public AccountDetail {
        cash = List.copyOf(cash);
        positions = List.copyOf(positions);
        workingOrders = List.copyOf(workingOrders);
        movements = List.copyOf(movements);
        trades = List.copyOf(trades);
    }

    /** Cash of one currency in minor units. */
    public record Cash(String currency, long balance, long held) {
        public long available() {
            return balance - held;
        }
    }

    /** A position in an instrument, in whole units. */
    public record Holding(long instrumentId, String symbol, long quantity, long held) {
        public long available() {
            return quantity - held;
        }
    }

    /** A trade the account took part in, from its side. */
    public record TradeRow(long tradeId, long instrumentId, Side side, long quantity, long price, Instant executedAt) {
    }

    /** The cash of {@code currency}, zero when the account has none. */
    public Cash cashOf(String currency) {
        return cash.stream().filter(c -> c.currency().equals(currency)).findFirst()
                .orElse(new Cash(currency, 0, 0));
    }
}
