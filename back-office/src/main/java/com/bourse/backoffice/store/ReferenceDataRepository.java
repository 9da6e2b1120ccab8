package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.AccountsRecord;
import com.bourse.backoffice.store.schema.tables.records.InstrumentsRecord;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.SelfTradePrevention;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;

import static com.bourse.backoffice.store.schema.Tables.ACCOUNTS;
import static com.bourse.backoffice.store.schema.Tables.CURRENCIES;
import static com.bourse.backoffice.store.schema.Tables.INSTRUMENTS;

/**
 * Currencies, instruments and accounts as the back office keeps them. Writes come from imports (which check
 * every row first); account names and IBANs go through the {@link FieldCipher}. Thread-safe.
 */
public final class ReferenceDataRepository {
    private static final int CURSOR_ROWS = 1_000;
    private final DSLContext dsl;
    private final FieldCipher cipher;

    public ReferenceDataRepository(Store store, FieldCipher cipher) {
        this.dsl = store.dsl();
        this.cipher = cipher;
    }

    public List<Currency> currencies() {
        return dsl.selectFrom(CURRENCIES).orderBy(CURRENCIES.CODE)
                .fetch(r -> new Currency(r.getCode(), r.getMinorDigits()));
    }

    /** Minor digits by currency code, for formatting amounts at the edges. */
    public Map<String, Integer> minorDigits() {
        return currencies().stream().collect(Collectors.toMap(Currency::code, Currency::minorDigits));
    }

    public List<InstrumentLine> instruments() {
        return dsl.selectFrom(INSTRUMENTS).orderBy(INSTRUMENTS.INSTRUMENT_ID).fetch(ReferenceDataRepository::instrument);
    }

    public List<AccountLine> accounts() {
        return dsl.selectFrom(ACCOUNTS).orderBy(ACCOUNTS.ACCOUNT_ID).fetch(this::account);
    }

    public Optional<AccountLine> account(long accountId) {
        return dsl.selectFrom(ACCOUNTS).where(ACCOUNTS.ACCOUNT_ID.eq(accountId)).fetchOptional(this::account);
    }

    /** Write currencies, instruments and accounts in one transaction: all of them or none. */
    public void insertAll(List<Currency> currencies, List<InstrumentLine> instruments, List<AccountLine> accounts) {
        inOneTransaction(writer -> {
            writer.currencies(currencies);
            writer.instruments(instruments);
            writer.accounts(accounts);
        });
    }

    /**
     * Runs {@code work} in one transaction, which commits when it returns and leaves nothing when it throws: an
     * import writes a large file through the {@link Writer} chunk by chunk, holding one chunk at a time, and the
     * store still takes all of it or none.
     */
    public void inOneTransaction(Consumer<Writer> work) {
        dsl.transaction(cfg -> work.accept(new Writer(cfg.dsl())));
    }

    /** Writes rows into the transaction it was made for, each call one JDBC batch. */
    public final class Writer {
        private final DSLContext tx;

        private Writer(DSLContext tx) {
            this.tx = tx;
        }

        public void currencies(List<Currency> currencies) {
            if (currencies.isEmpty()) {
                return;
            }
            BatchBindStep batch = tx.batch(tx.insertInto(CURRENCIES, CURRENCIES.CODE, CURRENCIES.MINOR_DIGITS)
                    .values((String) null, null));
            for (Currency c : currencies) {
                batch.bind(c.code(), c.minorDigits());
            }
            batch.execute();
        }

        public void instruments(List<InstrumentLine> instruments) {
            if (instruments.isEmpty()) {
                return;
            }
            BatchBindStep batch = tx.batch(tx.insertInto(INSTRUMENTS, INSTRUMENTS.INSTRUMENT_ID, INSTRUMENTS.SYMBOL,
                    INSTRUMENTS.NAME, INSTRUMENTS.CURRENCY, INSTRUMENTS.PRICE_SCALE, INSTRUMENTS.TICK_SIZE,
                    INSTRUMENTS.LOT_SIZE, INSTRUMENTS.REFERENCE_PRICE, INSTRUMENTS.BAND_BPS)
                    .values((Long) null, null, null, null, null, null, null, null, null));
            for (InstrumentLine line : instruments) {
                Instrument i = line.instrument();
                batch.bind(i.id(), i.symbol(), line.name(), i.currency(), i.priceScale(), i.tickSize(), i.lotSize(),
                        i.referencePrice(), i.bandBps());
            }
            batch.execute();
        }

        public void accounts(List<AccountLine> accounts) {
            if (accounts.isEmpty()) {
                return;
            }
            BatchBindStep batch = tx.batch(tx.insertInto(ACCOUNTS, ACCOUNTS.ACCOUNT_ID, ACCOUNTS.OWNER_USER_ID,
                    ACCOUNTS.NAME_ENC, ACCOUNTS.BASE_CURRENCY, ACCOUNTS.SELF_TRADE_PREVENTION, ACCOUNTS.IBAN_ENC)
                    .values((Long) null, null, null, null, null, null));
            for (AccountLine a : accounts) {
                batch.bind(a.accountId(), a.ownerUserId(), cipher.encrypt(a.name(), namePlace(a.accountId())),
                        a.baseCurrency(), a.selfTradePrevention().name(),
                        cipher.encrypt(a.iban(), ibanPlace(a.accountId())));
            }
            batch.execute();
        }
    }

    /** Each stored instrument's id and symbol, read with a cursor: the store is never held whole. */
    public void forEachInstrumentKey(ObjLongConsumer<String> symbolAndId) {
        try (Cursor<Record2<Long, String>> rows = dsl.select(INSTRUMENTS.INSTRUMENT_ID, INSTRUMENTS.SYMBOL)
                .from(INSTRUMENTS).fetchSize(CURSOR_ROWS).fetchLazy()) {
            for (Record2<Long, String> row : rows) {
                symbolAndId.accept(row.value2(), row.value1());
            }
        }
    }

    /** Each stored account's id, read with a cursor. */
    public void forEachAccountId(LongConsumer id) {
        try (Cursor<Record1<Long>> rows = dsl.select(ACCOUNTS.ACCOUNT_ID).from(ACCOUNTS).fetchSize(CURSOR_ROWS)
                .fetchLazy()) {
            for (Record1<Long> row : rows) {
                id.accept(row.value1());
            }
        }
    }

    /** The instruments of {@code ids}, in that order; an id the store does not have is left out. */
    public List<InstrumentLine> instruments(long[] ids) {
        Map<Long, InstrumentLine> byId = HashMap.newHashMap(ids.length);
        for (InstrumentsRecord r : dsl.selectFrom(INSTRUMENTS).where(among(INSTRUMENTS.INSTRUMENT_ID, ids)).fetch()) {
            byId.put(r.getInstrumentId(), instrument(r));
        }
        return inOrder(ids, byId);
    }

    /** The accounts of {@code ids}, in that order; an id the store does not have is left out. */
    public List<AccountLine> accounts(long[] ids) {
        Map<Long, AccountLine> byId = HashMap.newHashMap(ids.length);
        for (AccountsRecord r : dsl.selectFrom(ACCOUNTS).where(among(ACCOUNTS.ACCOUNT_ID, ids)).fetch()) {
            byId.put(r.getAccountId(), account(r));
        }
        return inOrder(ids, byId);
    }

    /**
     * Rows whose id is one of {@code ids}: ids close together (a file numbered in order) as one range scan rather
     * than a list of thousands of values (100,000 read back in 27 s that way, loaded); the caller keeps only the ids
     * it asked for.
     */
    private static Condition among(Field<Long> id, long[] ids) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long value : ids) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return ids.length > 0 && max - min < 2L * ids.length ? id.between(min, max) : id.in(boxed(ids));
    }

    private static List<Long> boxed(long[] ids) {
        List<Long> boxed = new ArrayList<>(ids.length);
        for (long id : ids) {
            boxed.add(id);
        }
        return boxed;
    }

    private static <T> List<T> inOrder(long[] ids, Map<Long, T> byId) {
        List<T> ordered = new ArrayList<>(ids.length);
        for (long id : ids) {
            T row = byId.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    private AccountLine account(AccountsRecord r) {
        return new AccountLine(r.getAccountId(), r.getOwnerUserId(),
                cipher.decrypt(r.getNameEnc(), namePlace(r.getAccountId())), r.getBaseCurrency(),
                SelfTradePrevention.valueOf(r.getSelfTradePrevention()),
                cipher.decrypt(r.getIbanEnc(), ibanPlace(r.getAccountId())));
    }

    static InstrumentLine instrument(InstrumentsRecord r) {
        return new InstrumentLine(new Instrument(r.getInstrumentId(), r.getSymbol(), r.getCurrency(),
                r.getPriceScale(), r.getTickSize(), r.getLotSize(), r.getReferencePrice(), r.getBandBps()),
                r.getName());
    }

    static String namePlace(long accountId) {
        return FieldCipher.place("accounts", "name", accountId);
    }

    static String ibanPlace(long accountId) {
        return FieldCipher.place("accounts", "iban", accountId);
    }
}
