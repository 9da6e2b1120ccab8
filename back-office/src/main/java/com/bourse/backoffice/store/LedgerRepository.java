package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.BalancesRecord;
import com.bourse.backoffice.store.schema.tables.records.EodPositionsRecord;
import com.bourse.backoffice.store.schema.tables.records.PostingsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static com.bourse.backoffice.store.schema.Tables.EOD_POSITIONS;
import static com.bourse.backoffice.store.schema.Tables.POSTINGS;
import static com.bourse.backoffice.store.schema.Tables.TRADES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

/** Balances, positions, postings and statements. Thread-safe. */
public final class LedgerRepository {
    /** What a trade's legs are posted against (the projector's ref kind for them). */
    private static final String TRADE = "TRADE";

    private final DSLContext dsl;
    private final ZoneId zone;

    public LedgerRepository(Store store) {
        this.dsl = store.projections().dsl();
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
     * everything posted before), each posting in time order, closing balance. A posting is a postings row or a
     * leg of a trade kept on its trade row (see {@link #postingsOf}); both carry their posting id.
     */
    public Statement statement(long accountId, String asset, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("statement end " + to + " is before its start " + from);
        }
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Table<?> earlier = postingsOf(accountId, asset, Long.MIN_VALUE, start);
        BigDecimal before = dsl.select(coalesce(sum(earlier.field(POSTINGS.DELTA)), BigDecimal.ZERO))
                .from(earlier)
                .fetchOne(0, BigDecimal.class);
        Table<?> period = postingsOf(accountId, asset, start, end);
        List<PostingLine> lines = dsl.selectFrom(period)
                .orderBy(period.field(POSTINGS.POSTED_AT), period.field(POSTINGS.POSTING_ID))
                .fetch(r -> posting(r.into(POSTINGS)));
        long opening = before.longValueExact();
        long closing = opening;
        for (PostingLine line : lines) {
            closing = Math.addExact(closing, line.delta());
        }
        return new Statement(accountId, asset, from, to, opening, lines, closing);
    }

    /**
     * Every posting of one asset on an account posted in {@code [from, to)}, as postings rows: the postings
     * table, and the legs of trades kept on their trade rows (buyer's and seller's cash when the trade moved
     * any, buyer's and seller's position; posting ids in that order from the trade's first posting id). Each
     * part is read through its own index (postings by account and asset, trades by buyer and by seller).
     */
    private static Table<?> postingsOf(long accountId, String asset, long from, long to) {
        Condition buyer = TRADES.BUYER_ACCOUNT_ID.eq(accountId)
                .and(TRADES.EXECUTED_AT.ge(from)).and(TRADES.EXECUTED_AT.lt(to));
        Condition seller = TRADES.SELLER_ACCOUNT_ID.eq(accountId)
                .and(TRADES.EXECUTED_AT.ge(from)).and(TRADES.EXECUTED_AT.lt(to));
        Field<Long> account = inline(accountId);
        Field<String> trade = inline(TRADE);
        Field<Long> positionLeg = when(TRADES.CASH.gt(0L), TRADES.FIRST_POSTING_ID.plus(2))
                .otherwise(TRADES.FIRST_POSTING_ID);
        return select(POSTINGS.POSTING_ID, POSTINGS.JOURNAL_ID, POSTINGS.ACCOUNT_ID, POSTINGS.ASSET, POSTINGS.DELTA,
                POSTINGS.BALANCE_AFTER, POSTINGS.REF_KIND, POSTINGS.REF_ID, POSTINGS.POSTED_AT)
                .from(POSTINGS)
                .where(POSTINGS.ACCOUNT_ID.eq(accountId).and(POSTINGS.ASSET.eq(asset))
                        .and(POSTINGS.POSTED_AT.ge(from)).and(POSTINGS.POSTED_AT.lt(to)))
                .unionAll(select(TRADES.FIRST_POSTING_ID, TRADES.JOURNAL_ID, account, TRADES.CURRENCY,
                        TRADES.CASH.neg(), TRADES.BUYER_CASH_AFTER, trade, TRADES.TRADE_ID, TRADES.EXECUTED_AT)
                        .from(TRADES)
                        .where(buyer.and(TRADES.CURRENCY.eq(asset)).and(TRADES.CASH.gt(0L))))
                .unionAll(select(TRADES.FIRST_POSTING_ID.plus(1), TRADES.JOURNAL_ID, account, TRADES.CURRENCY,
                        TRADES.CASH, TRADES.SELLER_CASH_AFTER, trade, TRADES.TRADE_ID, TRADES.EXECUTED_AT)
                        .from(TRADES)
                        .where(seller.and(TRADES.CURRENCY.eq(asset)).and(TRADES.CASH.gt(0L))))
                .unionAll(select(positionLeg, TRADES.JOURNAL_ID, account, TRADES.SECURITY,
                        TRADES.QUANTITY, TRADES.BUYER_POSITION_AFTER, trade, TRADES.TRADE_ID, TRADES.EXECUTED_AT)
                        .from(TRADES)
                        .where(buyer.and(TRADES.SECURITY.eq(asset))))
                .unionAll(select(positionLeg.plus(1), TRADES.JOURNAL_ID, account, TRADES.SECURITY,
                        TRADES.QUANTITY.neg(), TRADES.SELLER_POSITION_AFTER, trade, TRADES.TRADE_ID,
                        TRADES.EXECUTED_AT)
                        .from(TRADES)
                        .where(seller.and(TRADES.SECURITY.eq(asset))))
                .asTable("ledger");
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
