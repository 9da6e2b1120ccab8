package com.bourse.engine;

import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Role;

/**
 * Admin commands that create what trading refers to: currencies, instruments, accounts and users, and
 * halting or resuming an instrument. Each is validated whole before anything changes. Engine thread only.
 */
final class ReferenceData {
    /** A ladder slot per tick across the band: more than this is a mis-set tick or band. */
    static final long MAX_BAND_TICKS = 4_000_000;

    private final EngineState state;

    ReferenceData(EngineState state) {
        this.state = state;
    }

    void addCurrency(Command.AddCurrency c) {
        if (!admin(c.userId(), 0)) {
            return;
        }
        Currency currency = c.currency();
        if (currency == null || currency.code().isBlank() || currency.minorDigits() < 0 || currency.minorDigits() > 8) {
            reject(0, ErrorCode.INVALID_CONFIGURATION);
            return;
        }
        if (state.assetIndex.getValue(currency.code()) >= 0) {
            reject(0, ErrorCode.DUPLICATE_ID);
            return;
        }
        state.currencies.add(currency);
        state.currencyDigits.put(currency.code(), currency.minorDigits());
        state.addAsset(currency.code());
        state.sink.onEvent(new Event.CurrencyAdded(currency));
    }

    void listInstrument(Command.ListInstrument c) {
        Instrument spec = c.instrument();
        long id = spec == null ? 0 : spec.id();
        if (!admin(c.userId(), id)) {
            return;
        }
        ErrorCode error = validate(spec);
        if (error != null) {
            reject(id, error);
            return;
        }
        int digits = state.currencyDigits.getValue(spec.currency());
        long divisor = FixedPoint.pow10(spec.priceScale() - digits);
        long large = Math.multiplyExact(state.config.largeAmountUnits(), FixedPoint.pow10(digits));
        int asset = state.addAsset(spec.symbol());
        InstrumentState instrument = new InstrumentState(spec, asset, state.assetIndex.getValue(spec.currency()),
                spec.currency(), divisor, large);
        state.instruments.put(spec.id(), instrument);
        state.instrumentList.add(instrument);
        state.sink.onEvent(new Event.InstrumentListed(spec));
    }

    void openAccount(Command.OpenAccount c) {
        if (!admin(c.userId(), c.accountId())) {
            return;
        }
        if (c.accountId() <= 0) {
            reject(c.accountId(), ErrorCode.INVALID_ID);
        } else if (state.accounts.containsKey(c.accountId())) {
            reject(c.accountId(), ErrorCode.DUPLICATE_ID);
        } else if (c.ownerUserId() != Command.SYSTEM_USER && state.roles(c.ownerUserId()) < 0) {
            reject(c.accountId(), ErrorCode.USER_NOT_FOUND);
        } else if (c.baseCurrency() == null || state.currencyDigits.getValue(c.baseCurrency()) < 0) {
            reject(c.accountId(), ErrorCode.UNKNOWN_ASSET);
        } else if (c.selfTradePrevention() == null) {
            reject(c.accountId(), ErrorCode.INVALID_CONFIGURATION);
        } else {
            Account account = new Account(c.accountId(), c.ownerUserId(), c.baseCurrency(),
                    c.selfTradePrevention(), state.config.defaultLimits(), state.assetCodes.size(), false,
                    state.config.surveillance());
            state.addAccount(account);
            state.sink.onEvent(new Event.AccountOpened(account.accountId, account.ownerUserId, account.baseCurrency,
                    account.selfTradePrevention));
        }
    }

    void registerUser(Command.RegisterUser c) {
        if (!admin(c.userId(), c.newUserId())) {
            return;
        }
        if (c.newUserId() <= 0) {
            reject(c.newUserId(), ErrorCode.INVALID_ID);
            return;
        }
        if (c.roleMask() < 0 || c.roleMask() > Role.mask(Role.values())) {
            reject(c.newUserId(), ErrorCode.INVALID_CONFIGURATION);
            return;
        }
        if (state.userRoles.get(c.newUserId()) < 0) {
            state.userIds.add(c.newUserId());
        }
        state.userRoles.put(c.newUserId(), c.roleMask());
        state.sink.onEvent(new Event.UserRegistered(c.newUserId(), c.roleMask()));
    }

    void halt(long userId, long instrumentId, boolean halted) {
        if (!(state.has(userId, Role.ADMIN) || state.has(userId, Role.RISK_OFFICER))) {
            reject(instrumentId, state.roles(userId) < 0 ? ErrorCode.USER_NOT_FOUND : ErrorCode.NOT_AUTHORIZED);
            return;
        }
        InstrumentState instrument = state.instruments.get(instrumentId);
        if (instrument == null) {
            reject(instrumentId, ErrorCode.UNKNOWN_INSTRUMENT);
            return;
        }
        instrument.halted = halted;
        state.sink.onEvent(new Event.InstrumentStatusChanged(instrumentId, halted));
    }

    private ErrorCode validate(Instrument spec) {
        if (spec == null || spec.id() <= 0) {
            return ErrorCode.INVALID_ID;
        }
        if (state.instruments.containsKey(spec.id()) || state.assetIndex.getValue(spec.symbol()) >= 0) {
            return ErrorCode.DUPLICATE_ID;
        }
        int digits = state.currencyDigits.getValue(spec.currency());
        if (digits < 0) {
            return ErrorCode.UNKNOWN_ASSET;
        }
        if (spec.symbol().isBlank() || spec.priceScale() < digits || spec.priceScale() > 12 || spec.tickSize() <= 0
                || spec.lotSize() <= 0 || spec.referencePrice() <= 0 || spec.referencePrice() % spec.tickSize() != 0
                || spec.bandBps() <= 0 || spec.bandBps() >= 10_000
                || spec.referencePrice() > Long.MAX_VALUE / 20_000) {
            return ErrorCode.INVALID_CONFIGURATION;
        }
        long ticks = (spec.highestPrice() - spec.lowestPrice()) / spec.tickSize();
        if (ticks > MAX_BAND_TICKS || spec.highestPrice() < spec.lowestPrice()) {
            return ErrorCode.INVALID_CONFIGURATION;
        }
        return null;
    }

    private boolean admin(long userId, long refId) {
        int roles = state.roles(userId);
        if (roles < 0 || !Role.ADMIN.in(roles)) {
            reject(refId, roles < 0 ? ErrorCode.USER_NOT_FOUND : ErrorCode.NOT_AUTHORIZED);
            return false;
        }
        return true;
    }

    private void reject(long refId, ErrorCode code) {
        state.sink.onEvent(new Event.CommandRejected(refId, code));
    }
}
