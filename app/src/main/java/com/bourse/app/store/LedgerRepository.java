package com.bourse.app.store;

import com.bourse.app.store.schema.tables.records.BalancesRecord;
import com.bourse.app.store.schema.tables.records.EodPositionsRecord;
import com.bourse.app.store.schema.tables.records.PostingsRecord;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.bourse.app.store.schema.Tables.BALANCES;
import static com.bourse.app.store.schema.Tables.EOD_POSITIONS;
import static com.bourse.app.store.schema.Tables.POSTINGS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;

/** Balances, positions, postings and statements. Thread-safe. */
public final class LedgerRepository {
    private final DSLContext dsl;
    private final ZoneId zone;

    public LedgerRepository(Store store) {
        this.dsl = store.dsl();
        this.zone = store.config().tradingZone();
    }

    /** Every balance and position of an account, currencies first. */
    public List<BalanceLine> balances(long accountId) {
        return dsl.selectFrom(BALANCES)
                .where(BALANCES.ACCOUNT_ID.eq(accountId))
                .orderBy(BALANCES.IS_SECURITY, BALANCES.ASSET)
                .fetch(LedgerRepository::balance);
    }

    /** Every balance row, the external contra account (-1) included, by account and asset. */
    public List<BalanceLine> allBalances(Page page) {
        return dsl.selectFrom(BALANCES)
                .orderBy(BALANCES.ACCOUNT_ID, BALANCES.ASSET)
                .offset(page.offset()).limit(page.limit())
                .fetch(LedgerRepository::balance);
    }

    /**
     * Statement of one asset on an account for trade dates {@code from}..{@code to}: opening balance (sum of
     * everything posted before), each posting in time order, closing balance.
     */
    public Statement statement(long accountId, String asset, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("statement end " + to + " is before its start " + from);
        }
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        BigDecimal before = dsl.select(coalesce(sum(POSTINGS.DELTA), BigDecimal.ZERO))
                .from(POSTINGS)
                .where(POSTINGS.ACCOUNT_ID.eq(accountId).and(POSTINGS.ASSET.eq(asset))
                        .and(POSTINGS.POSTED_AT.lt(start)))
                .fetchOne(0, BigDecimal.class);
        List<PostingLine> lines = dsl.selectFrom(POSTINGS)
                .where(POSTINGS.ACCOUNT_ID.eq(accountId).and(POSTINGS.ASSET.eq(asset))
                        .and(POSTINGS.POSTED_AT.ge(start)).and(POSTINGS.POSTED_AT.lt(end)))
                .orderBy(POSTINGS.POSTED_AT, POSTINGS.POSTING_ID)
                .fetch(LedgerRepository::posting);
        long opening = before.longValueExact();
        long closing = opening;
        for (PostingLine line : lines) {
            closing = Math.addExact(closing, line.delta());
        }
        return new Statement(accountId, asset, from, to, opening, lines, closing);
    }

    /** Positions as they stood at the close of {@code tradeDate}, by account and instrument. */
    public List<PositionLine> endOfDayPositions(LocalDate tradeDate, Page page) {
        return dsl.selectFrom(EOD_POSITIONS)
                .where(EOD_POSITIONS.TRADE_DATE.eq(tradeDate))
                .orderBy(EOD_POSITIONS.ACCOUNT_ID, EOD_POSITIONS.ASSET)
                .offset(page.offset()).limit(page.limit())
                .fetch(LedgerRepository::position);
    }

    static BalanceLine balance(BalancesRecord r) {
        return new BalanceLine(r.getAccountId(), r.getAsset(), r.getIsSecurity(), r.getBalance(), r.getHeld(),
                Instant.ofEpochMilli(r.getUpdatedAt()));
    }

    static PostingLine posting(PostingsRecord r) {
        return new PostingLine(r.getPostingId(), r.getJournalId(), r.getAccountId(), r.getAsset(), r.getDelta(),
                r.getBalanceAfter(), r.getRefKind(), r.getRefId(), Instant.ofEpochMilli(r.getPostedAt()));
    }

    static PositionLine position(EodPositionsRecord r) {
        return new PositionLine(r.getTradeDate(), r.getAccountId(), r.getAsset(), r.getQuantity(),
                Instant.ofEpochMilli(r.getClosedAt()));
    }
}
