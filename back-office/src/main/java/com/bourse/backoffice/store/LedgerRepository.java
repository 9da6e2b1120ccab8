package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.BalancesRecord;
import com.bourse.backoffice.store.schema.tables.records.EodPositionsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.bourse.backoffice.store.schema.Tables.BALANCES;
import static com.bourse.backoffice.store.schema.Tables.EOD_POSITIONS;
import static com.bourse.backoffice.store.schema.Tables.POSTINGS;
import static com.bourse.backoffice.store.schema.Tables.TRADES;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
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
     * Statement of one asset on an account for trade dates {@code from}..{@code to}: opening balance (the balance
     * the last earlier posting left, read top-down through the indexes, never by adding up the account's
     * history), each posting in time order, closing balance (the balance the last one left). A posting is a
     * postings row or a leg of a trade kept on its trade row (see {@link #postingsOf}); both carry their posting
     * id.
     *
     * @throws StatementDoesNotReconcileException when a posting's balance is not the one before it plus its delta
     */
    public Statement statement(long accountId, String asset, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("statement end " + to + " is before its start " + from);
        }
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long opening = balanceBefore(accountId, asset, start);
        Table<?> period = postingsOf(accountId, asset, start, end);
        Field<Long> postedAt = period.field(POSTINGS.POSTED_AT);
        Field<Long> postingId = period.field(POSTINGS.POSTING_ID);
        ResultQuery<?> inOrder = dsl.select(postingId, period.field(POSTINGS.JOURNAL_ID),
                        period.field(POSTINGS.DELTA), period.field(POSTINGS.BALANCE_AFTER),
                        period.field(POSTINGS.REF_KIND), period.field(POSTINGS.REF_ID), postedAt)
                .from(period)
                .orderBy(postedAt, postingId);
        return Statement.reconciled(accountId, asset, from, to, opening, read(inOrder, accountId, asset));
    }

    /**
     * The postings {@code inOrder} selects (posting id, journal id, delta, balance after, ref kind, ref id, posted
     * at), read column by column off the JDBC cursor. A year of a busy account is tens of thousands of rows: a
     * jOOQ record per row, then copied into a postings record by field name, cost five times the query itself
     * (docs/benchmarks.md, Statements).
     */
    private static List<PostingLine> read(ResultQuery<?> inOrder, long accountId, String asset) {
        List<PostingLine> lines = new ArrayList<>();
        try (ResultSet rows = inOrder.fetchResultSet()) {
            while (rows.next()) {
                lines.add(new PostingLine(rows.getLong(1), rows.getLong(2), accountId, asset, rows.getLong(3),
                        rows.getLong(4), rows.getString(5), rows.getLong(6), Instant.ofEpochMilli(rows.getLong(7))));
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the statement of account " + accountId + " in " + asset, e);
        }
        return lines;
    }

    /**
     * The balance of {@code asset} on an account just before {@code before} (epoch ms): what its latest posting
     * left, 0 when it has none. Each source is read from the top of its index down to its first match: the
     * postings table's newest row, and the buyer's and seller's newest trade leg in that asset.
     */
    long balanceBefore(long accountId, String asset, long before) {
        LastPosting last = dsl.select(POSTINGS.POSTED_AT, POSTINGS.POSTING_ID, POSTINGS.BALANCE_AFTER)
                .from(POSTINGS)
                .where(POSTINGS.ACCOUNT_ID.eq(accountId).and(POSTINGS.ASSET.eq(asset))
                        .and(POSTINGS.POSTED_AT.lt(before)))
                // every column of postings_by_account, descending: H2 walks that index backwards from
                // the period's start and stops at the first row (it does not reverse an index otherwise)
                .orderBy(POSTINGS.ACCOUNT_ID.desc(), POSTINGS.ASSET.desc(), POSTINGS.POSTED_AT.desc(),
                        POSTINGS.POSTING_ID.desc())
                .limit(1)
                .fetchOptional(r -> new LastPosting(r.value1(), r.value2(), r.value3()))
                .orElse(LastPosting.NONE);
        last = last.later(lastTradeLeg(accountId, asset, before, true));
        last = last.later(lastTradeLeg(accountId, asset, before, false));
        return last.balanceAfter();
    }

    /**
     * The newest leg in {@code asset} of a trade the account bought ({@code buyer}) or sold before
     * {@code before}: the index by account and time is walked backwards to the newest matching trade, then
     * every matching trade of that same millisecond is read to take the one posted last.
     */
    private LastPosting lastTradeLeg(long accountId, String asset, long before, boolean buyer) {
        Field<Long> account = buyer ? TRADES.BUYER_ACCOUNT_ID : TRADES.SELLER_ACCOUNT_ID;
        Condition inAsset = TRADES.SECURITY.eq(asset).or(TRADES.CURRENCY.eq(asset).and(TRADES.CASH.gt(0L)));
        Long newest = dsl.select(TRADES.EXECUTED_AT).from(TRADES)
                .where(account.eq(accountId).and(TRADES.EXECUTED_AT.lt(before)).and(inAsset))
                .orderBy(account.desc(), TRADES.EXECUTED_AT.desc())
                .limit(1)
                .fetchOne(TRADES.EXECUTED_AT);
        if (newest == null) {
            return LastPosting.NONE;
        }
        LastPosting last = LastPosting.NONE;
        for (var r : dsl.select(TRADES.FIRST_POSTING_ID, TRADES.CASH, TRADES.SECURITY, TRADES.BUYER_CASH_AFTER,
                        TRADES.SELLER_CASH_AFTER, TRADES.BUYER_POSITION_AFTER, TRADES.SELLER_POSITION_AFTER)
                .from(TRADES)
                .where(account.eq(accountId).and(TRADES.EXECUTED_AT.eq(newest)).and(inAsset))
                .fetch()) {
            long first = r.value1();
            boolean cashMoved = r.value2() > 0;
            boolean position = asset.equals(r.value3());
            // leg order on the trade row: buyer's cash, seller's cash (when cash moved), buyer's, seller's position
            long postingId = position ? first + (cashMoved ? 2 : 0) + (buyer ? 0 : 1) : first + (buyer ? 0 : 1);
            long after = position ? (buyer ? r.value6() : r.value7()) : (buyer ? r.value4() : r.value5());
            last = last.later(new LastPosting(newest, postingId, after));
        }
        return last;
    }

    /** A posting's place in the ledger's order (time, then posting id) and the balance it left. */
    private record LastPosting(long postedAt, long postingId, long balanceAfter) {
        static final LastPosting NONE = new LastPosting(Long.MIN_VALUE, Long.MIN_VALUE, 0);

        LastPosting later(LastPosting other) {
            int order = postedAt != other.postedAt ? Long.compare(postedAt, other.postedAt)
                    : Long.compare(postingId, other.postingId);
            return order >= 0 ? this : other;
        }
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

    static PositionLine position(EodPositionsRecord r) {
        return new PositionLine(r.getTradeDate(), r.getAccountId(), r.getAsset(), r.getQuantity(),
                Instant.ofEpochMilli(r.getClosedAt()));
    }
}
