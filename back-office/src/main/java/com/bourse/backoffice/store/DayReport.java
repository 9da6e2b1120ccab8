package com.bourse.backoffice.store;

import java.time.LocalDate;
import java.util.List;

/**
 * What a trading day did, as the back office closes it: trades and volume per instrument, and completed cash
 * movements per currency and kind with the fees they paid. Amounts in minor units of their currency.
 */
public record DayReport(LocalDate tradeDate, List<InstrumentDay> instruments, List<CashDay> cash) {

    public DayReport {
        instruments = List.copyOf(instruments);
        cash = List.copyOf(cash);
    }

    /**
     * One instrument's day: how many trades, the shares they moved, and the cash they settled in
     * {@code currency} (null when the trades moved no cash on their rows).
     */
    public record InstrumentDay(long instrumentId, long trades, long quantity, String currency, long cash) {
    }

    /**
     * The movements of one kind (DEPOSIT, WITHDRAWAL, INTERNAL, PAYMENT) in one currency completed that day:
     * how many, their amount, and the fees the payers paid the house.
     */
    public record CashDay(String currency, String kind, long count, long amount, long fees) {
    }

    public long trades() {
        return instruments.stream().mapToLong(InstrumentDay::trades).sum();
    }
}
