package com.bourse.backoffice.importexport;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.security.NewUser;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.UserChangeRefusedException;
import com.bourse.backoffice.security.UserDirectory;
import com.bourse.backoffice.security.UserRules;
import com.bourse.backoffice.security.UserView;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.backoffice.store.ReferenceDataRepository;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;

import java.io.Reader;
import java.math.BigInteger;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Imports currencies, instruments, accounts and users from CSV files. A file is read and every field of every
 * line checked (types, ranges, references, duplicates within the file and against what is stored) before
 * anything is written; one bad field refuses the whole file, naming its line and field. What is imported is
 * written in one transaction, audited, and returned with the engine commands that tell the engine about it.
 * Needs an ADMIN session. Thread-safe.
 */
public final class ReferenceDataImport {
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.]{0,15}");
    static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    private final ReferenceDataRepository reference;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final InstantSource clock;

    public ReferenceDataImport(ReferenceDataRepository reference, UserDirectory users, AuditTrail audit,
                               InstantSource clock) {
        this.reference = reference;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** What was imported and the commands to send the engine for it. */
    public record Result(String file, int records, List<Command> engineCommands) {
    }

    /** Who imports: an administrator's session, or the installation itself on first run (no session). */
    record Actor(long userId, String name, Session session) {
        static final Actor INSTALLATION = new Actor(Command.SYSTEM_USER, "installation", null);

        static Actor of(Session session) {
            if (session == null || !session.has(Role.ADMIN)) {
                throw new UserChangeRefusedException("only an administrator may import reference data");
            }
            return new Actor(session.userId(), session.username(), session);
        }
    }

    public Result currencies(Session admin, String file, Reader csv) {
        return currencies(Actor.of(admin), file, csv);
    }

    public Result instruments(Session admin, String file, Reader csv) {
        return instruments(Actor.of(admin), file, csv);
    }

    public Result accounts(Session admin, String file, Reader csv) {
        return accounts(Actor.of(admin), file, csv);
    }

    public Result users(Session admin, String file, Reader csv) {
        return users(Actor.of(admin), file, csv);
    }

    Result currencies(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            CsvFile table = CsvFile.read(file, csv, List.of("code", "minor_digits"), List.of());
            FieldReader in = new FieldReader(file);
            Set<String> known = new HashSet<>(reference.minorDigits().keySet());
            List<Currency> currencies = new ArrayList<>();
            for (CsvFile.CsvRecord r : table.records()) {
                String code = in.matching(r, "code", CURRENCY, "a three-letter currency code like EUR");
                int digits = (int) in.number(r, "minor_digits", 0, 8);
                if (code != null && !known.add(code)) {
                    in.problem(r, "code", "currency " + code + " already exists");
                }
                currencies.add(new Currency(code == null ? "" : code, digits));
            }
            in.rejectIfProblems();
            reference.insertAll(currencies, List.of(), List.of());
            long now = clock.millis();
            List<Command> commands = new ArrayList<>();
            for (Currency c : currencies) {
                commands.add(new Command.AddCurrency(now, actor.userId(), c));
            }
            return new Result(file, currencies.size(), commands);
        });
    }

    Result instruments(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            CsvFile table = CsvFile.read(file, csv, List.of("instrument_id", "symbol", "name", "currency",
                    "price_scale", "tick_size", "lot_size", "reference_price", "band_bps"), List.of());
            FieldReader in = new FieldReader(file);
            var digits = reference.minorDigits();
            Set<Long> ids = new HashSet<>();
            Set<String> symbols = new HashSet<>();
            for (InstrumentLine existing : reference.instruments()) {
                ids.add(existing.instrument().id());
                symbols.add(existing.instrument().symbol());
            }
            List<InstrumentLine> instruments = new ArrayList<>();
            for (CsvFile.CsvRecord r : table.records()) {
                long id = in.number(r, "instrument_id", 1, Long.MAX_VALUE);
                String symbol = in.matching(r, "symbol", SYMBOL, "a ticker of up to 16 capitals, digits and dots");
                String name = in.text(r, "name", 200, true);
                String currency = in.matching(r, "currency", CURRENCY, "a three-letter currency code");
                int scale = (int) in.number(r, "price_scale", 0, 12);
                long tick = in.number(r, "tick_size", 1, Long.MAX_VALUE);
                long lot = in.number(r, "lot_size", 1, Long.MAX_VALUE);
                long reference = in.number(r, "reference_price", 1, Long.MAX_VALUE / 20_000);
                int band = (int) in.number(r, "band_bps", 1, 9_999);
                if (id > 0 && !ids.add(id)) {
                    in.problem(r, "instrument_id", "instrument id " + id + " already exists");
                }
                if (symbol != null && !symbols.add(symbol)) {
                    in.problem(r, "symbol", "symbol " + symbol + " already exists");
                }
                if (currency != null && !digits.containsKey(currency)) {
                    in.problem(r, "currency", "unknown currency " + currency + ": import it first");
                } else if (currency != null && scale < digits.get(currency)) {
                    in.problem(r, "price_scale", "must be at least the currency's " + digits.get(currency)
                            + " decimals");
                }
                if (tick > 0 && reference > 0 && reference % tick != 0) {
                    in.problem(r, "reference_price", reference + " is not a multiple of the tick size " + tick);
                }
                if (symbol != null && name != null && currency != null) {
                    instruments.add(new InstrumentLine(new Instrument(id, symbol, currency, scale, tick, lot,
                            reference, band), name));
                }
            }
            in.rejectIfProblems();
            reference.insertAll(List.of(), instruments, List.of());
            long now = clock.millis();
            List<Command> commands = new ArrayList<>();
            for (InstrumentLine line : instruments) {
                commands.add(new Command.ListInstrument(now, actor.userId(), line.instrument()));
            }
            return new Result(file, instruments.size(), commands);
        });
    }

    Result accounts(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            CsvFile table = CsvFile.read(file, csv, List.of("account_id", "owner_username", "name", "base_currency",
                    "self_trade_prevention"), List.of("iban"));
            FieldReader in = new FieldReader(file);
            var digits = reference.minorDigits();
            Set<Long> ids = new HashSet<>();
            reference.accounts().forEach(a -> ids.add(a.accountId()));
            List<AccountLine> accounts = new ArrayList<>();
            for (CsvFile.CsvRecord r : table.records()) {
                long id = in.number(r, "account_id", 1, Long.MAX_VALUE);
                String owner = in.text(r, "owner_username", 32, true);
                String name = in.text(r, "name", 200, true);
                String currency = in.matching(r, "base_currency", CURRENCY, "a three-letter currency code");
                SelfTradePrevention stp = in.choice(r, "self_trade_prevention", SelfTradePrevention.class);
                String iban = in.text(r, "iban", 40, false);
                UserView user = owner == null ? null : users.findByUsername(owner).orElse(null);
                if (owner != null && user == null) {
                    in.problem(r, "owner_username", "no user named '" + FieldReader.shorten(owner) + "'");
                }
                if (id > 0 && !ids.add(id)) {
                    in.problem(r, "account_id", "account " + id + " already exists");
                }
                if (currency != null && !digits.containsKey(currency)) {
                    in.problem(r, "base_currency", "unknown currency " + currency);
                }
                String normalIban = iban == null ? null : iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
                if (normalIban != null && !validIban(normalIban)) {
                    in.problem(r, "iban", "'" + FieldReader.shorten(iban) + "' is not a valid IBAN");
                }
                if (user != null && name != null && currency != null && stp != null) {
                    accounts.add(new AccountLine(id, user.userId(), name, currency, stp, normalIban));
                }
            }
            in.rejectIfProblems();
            reference.insertAll(List.of(), List.of(), accounts);
            long now = clock.millis();
            List<Command> commands = new ArrayList<>();
            for (AccountLine a : accounts) {
                commands.add(new Command.OpenAccount(now, actor.userId(), a.accountId(), a.ownerUserId(),
                        a.baseCurrency(), a.selfTradePrevention()));
            }
            return new Result(file, accounts.size(), commands);
        });
    }

    Result users(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            CsvFile table = CsvFile.read(file, csv, List.of("user_id", "username", "display_name", "roles",
                    "password"), List.of());
            FieldReader in = new FieldReader(file);
            List<NewUser> created = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (CsvFile.CsvRecord r : table.records()) {
                long id = in.number(r, "user_id", 1, Long.MAX_VALUE);
                String username = in.text(r, "username", 64, true);
                String displayName = in.text(r, "display_name", UserRules.MAX_DISPLAY_NAME, true);
                String password = in.text(r, "password", UserRules.MAX_PASSWORD, true);
                Set<Role> roles = roles(in, r);
                check(in, r, "username", username == null ? null : UserRules.checkUsername(username));
                check(in, r, "password", password == null ? null : UserRules.checkPassword(password.toCharArray(),
                        username));
                if (id > 0 && (!ids.add(id) || users.find(id).isPresent())) {
                    in.problem(r, "user_id", "user id " + id + " already exists");
                }
                if (username != null && (!names.add(username) || users.findByUsername(username).isPresent())) {
                    in.problem(r, "username", "user name '" + FieldReader.shorten(username) + "' already exists");
                }
                if (username != null && displayName != null && password != null && !roles.isEmpty()) {
                    created.add(new NewUser(id, username, displayName, roles, password.toCharArray()));
                }
            }
            in.rejectIfProblems();
            List<Command> commands = new ArrayList<>();
            for (UserDirectory.UserChange change : actor.session() == null
                    ? users.createAllAsInstallation(created) : users.createAll(actor.session(), created)) {
                commands.add(change.engineCommand());
            }
            return new Result(file, created.size(), commands);
        });
    }

    private static Set<Role> roles(FieldReader in, CsvFile.CsvRecord r) {
        String value = in.text(r, "roles", 64, true);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value == null) {
            return roles;
        }
        for (String part : value.split("\\|", -1)) {
            try {
                roles.add(Role.valueOf(part.strip()));
            } catch (IllegalArgumentException e) {
                in.problem(r, "roles", "'" + FieldReader.shorten(part) + "' is not one of " + List.of(Role.values())
                        + " (separate several with |)");
                return EnumSet.noneOf(Role.class);
            }
        }
        return roles;
    }

    private static void check(FieldReader in, CsvFile.CsvRecord r, String field, String problem) {
        if (problem != null) {
            in.problem(r, field, problem);
        }
    }

    /** ISO 13616: country, check digits, then the account; moved to the end, the number mod 97 is 1. */
    static boolean validIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char ch : rearranged.toCharArray()) {
            digits.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private Result audited(Actor actor, String file, Supplier<Result> work) {
        try {
            Result result = work.get();
            audit.append(AuditEntry.of(actor.userId(), actor.name(), AuditAction.IMPORT, "file:" + file,
                    result.records() + " records imported"));
            return result;
        } catch (ImportRejectedException | UserChangeRefusedException e) {
            audit.append(AuditEntry.of(actor.userId(), actor.name(), AuditAction.IMPORT_REFUSED, "file:" + file,
                    e.getMessage()));
            throw e;
        }
    }
}
