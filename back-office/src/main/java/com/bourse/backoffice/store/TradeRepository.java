package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.TradesRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import static com.bourse.backoffice.store.schema.Tables.POSTINGS;
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

    /**
     * The latest {@code limit} trades of an instrument, oldest first: what a chart opens with after a restart
     * (index: instrument, time, id, read backwards).
     */
    public List<TradeLine> latest(long instrumentId, int limit) {
        List<TradeLine> newestFirst = dsl.selectFrom(TRADES)
                .where(TRADES.INSTRUMENT_ID.eq(instrumentId))
                .orderBy(TRADES.INSTRUMENT_ID.desc(), TRADES.EXECUTED_AT.desc(), TRADES.TRADE_ID.desc())
                .limit(limit)
                .fetch(TradeRepository::line);
        List<TradeLine> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Every fill of an account, in the engine's order (trade id): its position, average cost and realised P&L are
     * these replayed. Read through the buyer and seller indexes; an account never trades with itself (self-trade
     * prevention), so no trade appears twice.
     */
    public List<FillLine> fills(long accountId) {
        List<FillLine> fills = new ArrayList<>();
        dsl.selectFrom(TRADES).where(TRADES.BUYER_ACCOUNT_ID.eq(accountId))
                .forEach(r -> fills.add(fill(r, accountId, true)));
        dsl.selectFrom(TRADES).where(TRADES.SELLER_ACCOUNT_ID.eq(accountId))
                .forEach(r -> fills.add(fill(r, accountId, false)));
        fills.sort(Comparator.comparingLong(FillLine::tradeId));
        return fills;
    }

    /**
     * Every movement of a security on an account that is not a trade (its trades are {@link #fills}), oldest first,
     * each with the instrument's last trade price before it: an opening balance or a deposit of shares enters a
     * position at that price, the same on every read (postings index by account; trades by instrument and time).
     *
     * @param instrumentIds the securities by symbol; postings of other assets (currencies) are left out
     */
    public List<MovementLine> securityMovements(long accountId, java.util.Map<String, Long> instrumentIds) {
        List<MovementLine> movements = new ArrayList<>();
        dsl.selectFrom(POSTINGS)
                .where(POSTINGS.ACCOUNT_ID.eq(accountId).and(POSTINGS.ASSET.in(instrumentIds.keySet()))
                        .and(POSTINGS.REF_KIND.ne("TRADE")))
                .orderBy(POSTINGS.SEQ, POSTINGS.POSTING_ID)
                .forEach(p -> {
                    Long last = dsl.select(TRADES.PRICE).from(TRADES)
                            .where(TRADES.INSTRUMENT_ID.eq(instrumentIds.get(p.getAsset()))
                                    .and(TRADES.EXECUTED_AT.le(p.getPostedAt()))
                                    .and(TRADES.SEQ.lt(p.getSeq())))
                            .orderBy(TRADES.INSTRUMENT_ID.desc(), TRADES.EXECUTED_AT.desc(), TRADES.TRADE_ID.desc())
                            .limit(1)
                            .fetchOne(TRADES.PRICE);
                    movements.add(new MovementLine(p.getSeq(), accountId, p.getAsset(), p.getDelta(),
                            last == null ? 0 : last, Instant.ofEpochMilli(p.getPostedAt())));
                });
        return movements;
    }

    private static FillLine fill(TradesRecord r, long accountId, boolean buy) {
        boolean maker = r.getMakerAccountId() == accountId;
        return new FillLine(r.getSeq(), r.getTradeId(), r.getInstrumentId(), accountId,
                maker ? r.getMakerOrderId() : r.getTakerOrderId(), buy, maker, r.getPrice(), r.getQuantity(),
                maker ? r.getMakerLeaves() : r.getTakerLeaves(), Instant.ofEpochMilli(r.getExecutedAt()));
    }

    static TradeLine line(TradesRecord r) {
        return new TradeLine(r.getTradeId(), r.getInstrumentId(), r.getPrice(), r.getQuantity(), r.getTakerSide(),
                r.getMakerOrderId(), r.getTakerOrderId(), r.getMakerAccountId(), r.getTakerAccountId(),
                Instant.ofEpochMilli(r.getExecutedAt()), r.getTradeDate());
    }
}
