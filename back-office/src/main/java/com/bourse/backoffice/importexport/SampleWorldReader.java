package com.bourse.backoffice.importexport;

import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.csv.CsvFile;
import com.bourse.csv.FieldReader;
import com.bourse.csv.ImportProblem;
import com.bourse.csv.ImportRejectedException;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Role;
import com.bourse.simulator.MinuteBars;
import com.bourse.simulator.PriceBar;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link SampleWorld}: each file through {@link CsvFile} (RFC 4180, header checked) and {@link FieldReader}
 * with the field rules of {@link ReferenceLines}, and every reference between files checked (an instrument's
 * currency, an account's owner, a balance's account and asset). The first file with a bad line refuses the whole
 * world with an {@link ImportRejectedException} naming the file, each bad line and field, and why. Files are read
 * in dependency order: currencies, users, instruments, accounts, balances, then {@code price-history/SYMBOL.csv}
 * for each instrument through {@link MinuteBars} (optional: an instrument without one is simply not replayed).
 */
final class SampleWorldReader {
    static final List<String> BALANCE_COLUMNS = List.of("account_id", "asset", "amount");

    /** Opens a file of the world by its name relative to the world's folder; null when there is none. */
    @FunctionalInterface
    interface Source {
        Reader open(String name);
    }

    private final String prefix;
    private final Source source;

    /** @param prefix put before each file name in problems, e.g. {@code "sample-data/"} */
    SampleWorldReader(String prefix, Source source) {
        this.prefix = prefix;
        this.source = source;
    }

    SampleWorld read() {
        List<Currency> currencies = currencies();
        Map<String, Integer> digits = new HashMap<>();
        currencies.forEach(c -> digits.put(c.code(), c.minorDigits()));
        List<SampleWorld.SampleUser> users = users();
        List<InstrumentLine> listings = instruments(digits);
        List<SampleWorld.SampleAccount> accounts = accounts(digits, users);
        Set<String> assets = new HashSet<>(digits.keySet());
        listings.forEach(l -> assets.add(l.instrument().symbol()));
        List<SampleWorld.OpeningBalance> balances = balances(accounts, assets);
        Map<Long, List<PriceBar>> history = new LinkedHashMap<>();
        for (InstrumentLine listing : listings) {
            Instrument instrument = listing.instrument();
            String name = SampleWorld.PRICE_HISTORY + "/" + instrument.symbol() + ".csv";
            Reader csv = source.open(name);
            history.put(instrument.id(), csv == null ? List.of() : MinuteBars.read(prefix + name, csv, false));
        }
        return new SampleWorld(currencies, listings, users, accounts, balances, history);
    }

    private List<Currency> currencies() {
        Lines lines = lines(SampleWorld.CURRENCIES, ReferenceLines.CURRENCY_COLUMNS, List.of());
        Set<String> known = new HashSet<>();
        return lines.each(r -> ReferenceLines.currency(lines.in, r, known));
    }

    private List<SampleWorld.SampleUser> users() {
        Lines lines = lines(SampleWorld.USERS, ReferenceLines.USER_COLUMNS, List.of());
        Set<Long> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<SampleWorld.SampleUser> users = lines.each(r -> ReferenceLines.user(lines.in, r, ids, names,
                id -> false, name -> false));
        if (users.stream().noneMatch(u -> u.roles().contains(Role.ADMIN))) {
            throw new ImportRejectedException(List.of(new ImportProblem(prefix + SampleWorld.USERS, 1, "roles",
                    "no user has the ADMIN role, so nobody could administer this installation")));
        }
        return users;
    }

    private List<InstrumentLine> instruments(Map<String, Integer> digits) {
        Lines lines = lines(SampleWorld.INSTRUMENTS, ReferenceLines.INSTRUMENT_COLUMNS, List.of());
        Set<Long> ids = new HashSet<>();
        Set<String> symbols = new HashSet<>();
        return lines.each(r -> ReferenceLines.instrument(lines.in, r, digits, ids::add, symbols::add));
    }

    private List<SampleWorld.SampleAccount> accounts(Map<String, Integer> digits, List<SampleWorld.SampleUser> users) {
        Lines lines = lines(SampleWorld.ACCOUNTS, ReferenceLines.ACCOUNT_COLUMNS, ReferenceLines.ACCOUNT_OPTIONAL);
        Set<String> usernames = new HashSet<>();
        users.forEach(u -> usernames.add(u.username()));
        Set<Long> ids = new HashSet<>();
        return lines.each(r -> ReferenceLines.account(lines.in, r, digits, ids::add, usernames::contains));
    }

    private List<SampleWorld.OpeningBalance> balances(List<SampleWorld.SampleAccount> accounts, Set<String> assets) {
        Lines lines = lines(SampleWorld.BALANCES, BALANCE_COLUMNS, List.of());
        Set<Long> accountIds = new HashSet<>();
        accounts.forEach(a -> accountIds.add(a.accountId()));
        FieldReader in = lines.in;
        return lines.each(r -> {
            long account = in.number(r, "account_id", 1, Long.MAX_VALUE);
            String asset = in.text(r, "asset", 16, true);
            long amount = in.number(r, "amount", 1, Long.MAX_VALUE);
            if (account > 0 && !accountIds.contains(account)) {
                in.problem(r, "account_id", "no account " + account);
            }
            if (asset != null && !assets.contains(asset)) {
                in.problem(r, "asset", "'" + FieldReader.shorten(asset) + "' is neither a currency nor a symbol");
            }
            return asset == null ? null : new SampleWorld.OpeningBalance(account, asset, amount);
        });
    }

    private Lines lines(String name, List<String> required, List<String> optional) {
        Reader csv = source.open(name);
        if (csv == null) {
            throw new IllegalStateException(prefix + name + " is missing: the sample world needs it");
        }
        return new Lines(prefix + name, csv, required, optional);
    }

    /** One file's records and the reader collecting its problems. */
    private static final class Lines {
        final CsvFile table;
        final FieldReader in;

        Lines(String file, Reader csv, List<String> required, List<String> optional) {
            this.table = CsvFile.read(file, csv, required, optional);
            this.in = new FieldReader(file);
        }

        /** Each record's value (null for a bad one), then the whole file refused if any record was bad. */
        <T> List<T> each(java.util.function.Function<CsvFile.CsvRecord, T> line) {
            List<T> values = new ArrayList<>();
            for (CsvFile.CsvRecord r : table.records()) {
                T value = line.apply(r);
                if (value != null) {
                    values.add(value);
                }
            }
            in.rejectIfProblems();
            return values;
        }
    }
}
