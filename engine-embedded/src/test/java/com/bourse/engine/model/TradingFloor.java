package com.bourse.engine.model;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.SurveillanceConfig;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.TransferKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small market every property trades on: two currencies, one or two instruments, an admin, two risk
 * officers and five funded accounts (one of them thin, so buying power and position checks bite), each
 * self-trade prevention mode represented, and one trader owning two accounts. {@link #opening()} is the
 * command list that builds it in a fresh engine.
 */
final class TradingFloor {
    static final long ADMIN = 1;
    static final long OFFICER = 2;
    static final long SECOND_OFFICER = 3;
    static final long BACK_OFFICE = 4;
    static final long START_TIME = 1_767_225_600_000L; // 2026-01-01T00:00Z

    static final Currency EUR = new Currency("EUR", 2);
    static final Currency USD = new Currency("USD", 2);
    /** Price scale equals the currency's minor digits: notional needs no rounding. */
    static final Instrument ACME = new Instrument(1, "ACME", "EUR", 2, 5, 1, 10_000, 500);
    /** Two more price digits than its currency and a lot of 10: holds round up, cash rounds down. */
    static final Instrument BOLT = new Instrument(2, "BOLT", "USD", 4, 25, 10, 500_000, 1_000);

    /** Limits so high that only buying power and position decide; the throttle never fills. */
    static final RiskLimits OPEN_LIMITS = new RiskLimits(1_000_000_000L, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4,
            Integer.MAX_VALUE, 1_000);

    record Seat(long accountId, long owner, SelfTradePrevention selfTradePrevention, boolean thin) {
    }

    static final List<Seat> SEATS = List.of(
            new Seat(101, 11, SelfTradePrevention.CANCEL_OLDEST, false),
            new Seat(102, 12, SelfTradePrevention.CANCEL_NEWEST, false),
            new Seat(103, 13, SelfTradePrevention.CANCEL_BOTH, false),
            new Seat(104, 14, SelfTradePrevention.CANCEL_OLDEST, true),
            new Seat(105, 11, SelfTradePrevention.CANCEL_NEWEST, false));

    record Funding(long accountId, String asset, long amount) {
    }

    final EngineConfig config;
    final List<Instrument> instruments;
    private final long depositChunk;

    private TradingFloor(EngineConfig config, List<Instrument> instruments, long depositChunk) {
        this.config = config;
        this.instruments = instruments;
        this.depositChunk = depositChunk;
    }

    /**
     * For the reference-model comparison: nothing is ever large enough to be held for review, and surveillance
     * rules only add to the score (trader 11's two accounts trade with each other), so every order goes
     * straight to the book.
     */
    static TradingFloor forMatching(int instrumentCount) {
        EngineConfig config = new EngineConfig(4_000, 3_000, 3_000, 8_000, 1_000_000_000L, OPEN_LIMITS, 256)
                .withSurveillance(SurveillanceConfig.defaults().withHoldingRules());
        return new TradingFloor(config, instrumentCount == 1 ? List.of(ACME) : List.of(ACME, BOLT), Long.MAX_VALUE);
    }

    /**
     * For the invariant, determinism and snapshot properties: a low large-amount threshold (5,000 currency
     * units) so bigger orders and transfers wait for a risk officer. Funding arrives in chunks below it.
     */
    static TradingFloor forWholeEngine() {
        EngineConfig config = new EngineConfig(4_000, 3_000, 3_000, 8_000, 5_000, OPEN_LIMITS, 256);
        return new TradingFloor(config, List.of(ACME, BOLT), 400_000);
    }

    List<Currency> currencies() {
        return List.of(EUR, USD);
    }

    Map<String, Integer> currencyDigits() {
        Map<String, Integer> digits = new LinkedHashMap<>();
        for (Currency currency : currencies()) {
            digits.put(currency.code(), currency.minorDigits());
        }
        return digits;
    }

    List<Funding> funding() {
        List<Funding> funding = new ArrayList<>();
        for (Seat seat : SEATS) {
            long cash = seat.thin() ? 300_000 : 2_000_000;
            funding.add(new Funding(seat.accountId(), "EUR", cash));
            funding.add(new Funding(seat.accountId(), "USD", cash));
            for (Instrument instrument : instruments) {
                long units = (seat.thin() ? 8 : 400) * instrument.lotSize();
                funding.add(new Funding(seat.accountId(), instrument.symbol(), units));
            }
        }
        return funding;
    }

    /**
     * Largest single deposit of an asset: cash in chunks of {@code depositChunk}; securities in whole lots
     * worth at most 80% of the large-amount threshold at the reference price, so no deposit waits for review.
     */
    private long chunkOf(String asset) {
        if (depositChunk == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        for (Instrument instrument : instruments) {
            if (instrument.symbol().equals(asset)) {
                int digits = currencyDigits().get(instrument.currency());
                long divisor = FixedPoint.pow10(instrument.priceScale() - digits);
                long largeMinor = config.largeAmountUnits() * FixedPoint.pow10(digits);
                long largeUnits = largeMinor / (instrument.referencePrice() / divisor);
                long lots = largeUnits * 8 / 10 / instrument.lotSize();
                return lots * instrument.lotSize();
            }
        }
        return depositChunk;
    }

    /** Commands that build the floor and fund every account, all by the system user or the admin. */
    List<Command> opening() {
        long t = START_TIME;
        long system = Command.SYSTEM_USER;
        List<Command> commands = new ArrayList<>();
        for (Currency currency : currencies()) {
            commands.add(new Command.AddCurrency(t, system, currency));
        }
        commands.add(new Command.RegisterUser(t, system, ADMIN, Role.mask(Role.ADMIN)));
        commands.add(new Command.RegisterUser(t, system, OFFICER, Role.mask(Role.RISK_OFFICER)));
        commands.add(new Command.RegisterUser(t, system, SECOND_OFFICER, Role.mask(Role.RISK_OFFICER)));
        commands.add(new Command.RegisterUser(t, system, BACK_OFFICE, Role.mask(Role.BACK_OFFICE)));
        for (Seat seat : SEATS) {
            commands.add(new Command.RegisterUser(t, ADMIN, seat.owner(), Role.mask(Role.TRADER)));
        }
        for (Instrument instrument : instruments) {
            commands.add(new Command.ListInstrument(t, ADMIN, instrument));
        }
        for (Seat seat : SEATS) {
            commands.add(new Command.OpenAccount(t, ADMIN, seat.accountId(), seat.owner(), "EUR",
                    seat.selfTradePrevention()));
        }
        long transferId = FIRST_OPENING_TRANSFER;
        for (Funding f : funding()) {
            long remaining = f.amount();
            while (remaining > 0) {
                long amount = Math.min(remaining, chunkOf(f.asset()));
                remaining -= amount;
                // A window apart, so the frequency part of the transfer score stays low.
                t += 1_001;
                commands.add(new Command.RequestTransfer(t, BACK_OFFICE, transferId, TransferKind.DEPOSIT, 0,
                        f.accountId(), f.asset(), amount));
                commands.add(new Command.SettleTransfer(t, BACK_OFFICE, transferId, true));
                transferId++;
            }
        }
        return commands;
    }

    /** A fresh engine with the opening applied; fails loudly if any of it was refused or held. */
    Engine openEngine() {
        Engine engine = new Engine(config);
        for (Command command : opening()) {
            engine.apply(command, event -> {
                boolean refused = event instanceof Event.CommandRejected || event instanceof Event.RiskAlert
                        || event instanceof Event.TransferStateChanged t && t.reason() != null;
                if (refused) {
                    throw new IllegalStateException("opening step " + command + " was refused: " + event);
                }
            });
        }
        return engine;
    }

    /** The reference model holding exactly what the opening puts in the engine. */
    ReferenceExchange openReferenceExchange() {
        ReferenceExchange exchange = new ReferenceExchange(instruments, currencyDigits());
        for (Seat seat : SEATS) {
            exchange.openAccount(seat.accountId(), seat.owner(), seat.selfTradePrevention());
        }
        for (Command command : opening()) {
            if (command instanceof Command.RequestTransfer deposit) {
                exchange.deposit(deposit.toAccountId(), deposit.asset(), deposit.amount());
            }
        }
        return exchange;
    }

    List<String> assets() {
        List<String> assets = new ArrayList<>(List.of("EUR", "USD"));
        for (Instrument instrument : instruments) {
            assets.add(instrument.symbol());
        }
        return assets;
    }

    /** Business time after the opening; generated streams start here. */
    long openingEnd() {
        long deposits = 0;
        for (Command command : opening()) {
            if (command instanceof Command.RequestTransfer) {
                deposits++;
            }
        }
        return START_TIME + 1_001 * deposits + 1;
    }

    static final long FIRST_OPENING_TRANSFER = 900_000;
}
