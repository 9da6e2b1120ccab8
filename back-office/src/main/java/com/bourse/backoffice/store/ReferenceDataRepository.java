package com.bourse.backoffice.store;

import com.bourse.backoffice.store.schema.tables.records.AccountsRecord;
import com.bourse.backoffice.store.schema.tables.records.InstrumentsRecord;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.SelfTradePrevention;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.bourse.backoffice.store.schema.Tables.ACCOUNTS;
import static com.bourse.backoffice.store.schema.Tables.CURRENCIES;
import static com.bourse.backoffice.store.schema.Tables.INSTRUMENTS;

/**
 * Currencies, instruments and accounts as the back office keeps them. Writes come from imports (which check
 * every row first); account names and IBANs go through the {@link FieldCipher}. Thread-safe.
 */
public final class ReferenceDataRepository {
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
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            for (Currency c : currencies) {
                tx.insertInto(CURRENCIES).set(CURRENCIES.CODE, c.code()).set(CURRENCIES.MINOR_DIGITS, c.minorDigits())
                        .execute();
            }
            for (InstrumentLine line : instruments) {
                Instrument i = line.instrument();
                tx.insertInto(INSTRUMENTS)
                        .set(INSTRUMENTS.INSTRUMENT_ID, i.id())
                        .set(INSTRUMENTS.SYMBOL, i.symbol())
                        .set(INSTRUMENTS.NAME, line.name())
                        .set(INSTRUMENTS.CURRENCY, i.currency())
                        .set(INSTRUMENTS.PRICE_SCALE, i.priceScale())
                        .set(INSTRUMENTS.TICK_SIZE, i.tickSize())
                        .set(INSTRUMENTS.LOT_SIZE, i.lotSize())
                        .set(INSTRUMENTS.REFERENCE_PRICE, i.referencePrice())
                        .set(INSTRUMENTS.BAND_BPS, i.bandBps())
                        .execute();
            }
            for (AccountLine a : accounts) {
                tx.insertInto(ACCOUNTS)
                        .set(ACCOUNTS.ACCOUNT_ID, a.accountId())
                        .set(ACCOUNTS.OWNER_USER_ID, a.ownerUserId())
                        .set(ACCOUNTS.NAME_ENC, cipher.encrypt(a.name(), namePlace(a.accountId())))
                        .set(ACCOUNTS.BASE_CURRENCY, a.baseCurrency())
                        .set(ACCOUNTS.SELF_TRADE_PREVENTION, a.selfTradePrevention().name())
                        .set(ACCOUNTS.IBAN_ENC, cipher.encrypt(a.iban(), ibanPlace(a.accountId())))
                        .execute();
            }
        });
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
