package com.bourse.backoffice.store;

import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import static com.bourse.backoffice.store.schema.Tables.TRADES;
import static com.bourse.backoffice.store.schema.Tables.TRANSFERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

/** The day report read from the projections: trades by execution time, movements by completion time. */
public final class DayReports {
    private static final String COMPLETED = "COMPLETED";

    private final DSLContext dsl;
    private final ZoneId zone;

    public DayReports(Store store) {
        this.dsl = store.projections().dsl();
        this.zone = store.config().tradingZone();
    }

    /**
     * The report of {@code tradeDate} in the trading zone for the listed instruments (those without trades that
     * day are left out) and every currency, in order. Each instrument's trades are read through the index by
     * instrument and time, so a day costs its own trades, not the year's.
     */
    public DayReport of(LocalDate tradeDate, Collection<Long> instrumentIds) {
        long start = tradeDate.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = tradeDate.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        List<DayReport.InstrumentDay> instruments = new ArrayList<>();
        for (long instrumentId : new TreeSet<>(instrumentIds)) {
            var r = dsl.select(count(), sum(TRADES.QUANTITY), max(TRADES.CURRENCY), sum(TRADES.CASH))
                    .from(TRADES)
                    .where(TRADES.INSTRUMENT_ID.eq(instrumentId)
                            .and(TRADES.EXECUTED_AT.ge(start)).and(TRADES.EXECUTED_AT.lt(end)))
                    .fetchSingle();
            if (r.value1() > 0) {
                instruments.add(new DayReport.InstrumentDay(instrumentId, r.value1(), exact(r.value2()), r.value3(),
                        exact(r.value4())));
            }
        }
        // a completed movement never changes again, so its last update is when it completed
        List<DayReport.CashDay> cash = dsl.select(TRANSFERS.ASSET, TRANSFERS.KIND, count(), sum(TRANSFERS.AMOUNT),
                        sum(TRANSFERS.FEE))
                .from(TRANSFERS)
                .where(TRANSFERS.STATE.eq(COMPLETED)
                        .and(TRANSFERS.UPDATED_AT.ge(start)).and(TRANSFERS.UPDATED_AT.lt(end)))
                .groupBy(TRANSFERS.ASSET, TRANSFERS.KIND)
                .orderBy(TRANSFERS.ASSET, TRANSFERS.KIND)
                .fetch(r -> new DayReport.CashDay(r.value1(), r.value2(), r.value3(), exact(r.value4()),
                        exact(r.value5())));
        return new DayReport(tradeDate, instruments, cash);
    }

    private static long exact(BigDecimal sum) {
        return sum == null ? 0 : sum.longValueExact();
    }
}
