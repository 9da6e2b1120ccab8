package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.TradesRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static com.bourse.backoffice.store.schema.Tables.TRADES;

/** Executions by instrument and time. Thread-safe. */
public final class TradeRepository {
    private final DSLContext dsl;

    public TradeRepository(Store store) {
        this.dsl = store.projections().dsl();
    }

    /** Trades of an instrument executed in {@code [from, to)}, in time order (index: instrument, time, id). */
    public List<TradeLine> trades(long instrumentId, Instant from, Instant to, Page page) {
        return dsl.selectFrom(TRADES)
                .where(TRADES.INSTRUMENT_ID.eq(instrumentId)
                        .and(TRADES.EXECUTED_AT.ge(from.toEpochMilli()))
                        .and(TRADES.EXECUTED_AT.lt(to.toEpochMilli())))
                .orderBy(TRADES.EXECUTED_AT, TRADES.TRADE_ID)
                .offset(page.offset()).limit(page.limit())
                .fetch(TradeRepository::line);
    }

    static TradeLine line(TradesRecord r) {
        return new TradeLine(r.getTradeId(), r.getInstrumentId(), r.getPrice(), r.getQuantity(), r.getTakerSide(),
                r.getMakerOrderId(), r.getTakerOrderId(), r.getMakerAccountId(), r.getTakerAccountId(),
                Instant.ofEpochMilli(r.getExecutedAt()), r.getTradeDate());
    }
}
