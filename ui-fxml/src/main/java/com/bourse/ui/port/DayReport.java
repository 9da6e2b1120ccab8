package com.bourse.ui.port;

import java.time.LocalDate;
import java.util.List;

/**
 * A trade date's report: what traded per instrument, fees and cash movements per currency, and how many DAY
 * orders the close expired ({@code -1} when the day was not closed by this report).
 */
public record DayReport(LocalDate date, int expiredOrders, List<InstrumentDay> instruments,
                        List<CurrencyDay> currencies) {

    public DayReport {
        instruments = List.copyOf(instruments);
        currencies = List.copyOf(currencies);
    }

    /** Trades of one instrument: count, quantity and value in minor units of its currency. */
    public record InstrumentDay(long instrumentId, String symbol, String currency, int trades, long volume,
                                long value) {
    }

    /** Completed movements of one currency in minor units, and the fees paid. */
    public record CurrencyDay(String currency, long deposits, long withdrawals, long transfers, long payments,
                              long fees, int movements) {
    }
}
