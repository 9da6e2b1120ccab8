package com.bourse.backoffice.importexport;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.security.NewUser;
import com.bourse.backoffice.security.Session;
import com.bourse.backoffice.security.UserChangeRefusedException;
import com.bourse.backoffice.security.UserDirectory;
import com.bourse.backoffice.security.UserView;
import com.bourse.backoffice.store.AccountLine;
import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.backoffice.store.ReferenceDataRepository;
import com.bourse.csv.CsvFile;
import com.bourse.csv.FieldReader;
import com.bourse.csv.ImportRejectedException;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Role;
import org.agrona.collections.LongHashSet;

import java.io.Reader;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Imports currencies, instruments, accounts and users from CSV files. A file is read record by record (never
 * whole: up to {@link CsvFile#MAX_RECORDS} records) and every field of every line checked (types, ranges, references,
 * duplicates within the file and against what is stored; the rules are {@link ReferenceLines}, the same the sample
 * world is read with), then each line's engine command through the engine's own rules ({@link EngineRules}), before
 * anything is written; one bad field refuses the whole file, naming its line and field. What is imported is written in one transaction, audited, and returned
 * with the engine commands that tell the engine about it. Needs an ADMIN session. Thread-safe.
 */
public final class ReferenceDataImport {
    private final ReferenceDataRepository reference;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final InstantSource clock;
    private final EngineConfig engine;

    public ReferenceDataImport(ReferenceDataRepository reference, UserDirectory users, AuditTrail audit,
                               InstantSource clock) {
        this(reference, users, audit, clock, EngineConfig.defaults());
    }

    /** @param engine the configuration of the engine the imported data goes to: its rules are checked first */
    public ReferenceDataImport(ReferenceDataRepository reference, UserDirectory users, AuditTrail audit,
                               InstantSource clock, EngineConfig engine) {
        this.reference = reference;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.engine = engine;
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

    /**
     * The installation's own import of a sample world already read and checked as a whole: its users, currencies,
     * instruments and accounts are written to the store and audited as the installation, one entry per file as an
     * administrator's import would be. The engine hears of them through {@link SampleWorld#seed}.
     */
    void installation(SampleWorld world) {
        Actor actor = Actor.INSTALLATION;
        audited(actor, SampleWorld.USERS, () -> {
            List<NewUser> created = world.users().stream().map(u -> new NewUser(u.userId(), u.username(),
                    u.displayName(), u.roles(), u.password().toCharArray())).toList();
            users.createAllAsInstallation(created);
            return new Result(SampleWorld.USERS, created.size(), List.of());
        });
        audited(actor, SampleWorld.CURRENCIES, () -> {
            reference.insertAll(world.currencies(), List.of(), List.of());
            return new Result(SampleWorld.CURRENCIES, world.currencies().size(), List.of());
        });
        audited(actor, SampleWorld.INSTRUMENTS, () -> {
            reference.insertAll(List.of(), world.listings(), List.of());
            return new Result(SampleWorld.INSTRUMENTS, world.listings().size(), List.of());
        });
        audited(actor, SampleWorld.ACCOUNTS, () -> {
            List<AccountLine> accounts = world.accounts().stream().map(a -> new AccountLine(a.accountId(),
                    world.userIdOf(a.ownerUsername()), a.name(), a.baseCurrency(), a.selfTradePrevention(),
                    a.iban())).toList();
            reference.insertAll(List.of(), List.of(), accounts);
            return new Result(SampleWorld.ACCOUNTS, accounts.size(), List.of());
        });
    }

    Result currencies(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            FieldReader in = new FieldReader(file);
            Set<String> known = new HashSet<>(reference.minorDigits().keySet());
            List<Currency> currencies = new ArrayList<>();
            EngineRules rules = new EngineRules(engine, reference.currencies(), actor.userId());
            long now = clock.millis();
            CsvFile.each(file, csv, 1, ReferenceLines.CURRENCY_COLUMNS, List.of(), r -> {
                int problems = in.problemCount();
                Currency currency = ReferenceLines.currency(in, r, known);
                if (currency != null && in.problemCount() == problems
                        && engineTakes(in, r, rules, new Command.AddCurrency(now, actor.userId(), currency))) {
                    currencies.add(currency);
                }
            });
            in.rejectIfProblems();
            reference.insertAll(currencies, List.of(), List.of());
            List<Command> commands = new ArrayList<>();
            for (Currency c : currencies) {
                commands.add(new Command.AddCurrency(now, actor.userId(), c));
            }
            return new Result(file, currencies.size(), commands);
        });
    }

    Result instruments(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            FieldReader in = new FieldReader(file);
            Map<String, Integer> digits = reference.minorDigits();
            Set<Long> ids = new LongHashSet(); // a file of a million ids in 16 MB, not boxed
            Set<String> symbols = new HashSet<>();
            for (InstrumentLine existing : reference.instruments()) {
                ids.add(existing.instrument().id());
                symbols.add(existing.instrument().symbol());
            }
            List<InstrumentLine> instruments = new ArrayList<>();
            EngineRules rules = new EngineRules(engine, reference.currencies(), actor.userId());
            long now = clock.millis();
            CsvFile.each(file, csv, 1, ReferenceLines.INSTRUMENT_COLUMNS, List.of(), r -> {
                int problems = in.problemCount();
                InstrumentLine line = ReferenceLines.instrument(in, r, digits, ids, symbols);
                if (line != null && in.problemCount() == problems && engineTakes(in, r, rules,
                        new Command.ListInstrument(now, actor.userId(), line.instrument()))) {
                    instruments.add(line);
                }
            });
            in.rejectIfProblems();
            reference.insertAll(List.of(), instruments, List.of());
            List<Command> commands = new ArrayList<>();
            for (InstrumentLine line : instruments) {
                commands.add(new Command.ListInstrument(now, actor.userId(), line.instrument()));
            }
            return new Result(file, instruments.size(), commands);
        });
    }

    Result accounts(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            FieldReader in = new FieldReader(file);
            Map<String, Integer> digits = reference.minorDigits();
            Set<Long> ids = new LongHashSet(); // a file of a million ids in 16 MB, not boxed
            reference.accounts().forEach(a -> ids.add(a.accountId()));
            Map<String, UserView> owners = new HashMap<>();
            List<AccountLine> accounts = new ArrayList<>();
            EngineRules rules = new EngineRules(engine, reference.currencies(), actor.userId());
            long now = clock.millis();
            CsvFile.each(file, csv, 1, ReferenceLines.ACCOUNT_COLUMNS, ReferenceLines.ACCOUNT_OPTIONAL, r -> {
                int problems = in.problemCount();
                SampleWorld.SampleAccount a = ReferenceLines.account(in, r, digits, ids,
                        name -> owners.computeIfAbsent(name, n -> users.findByUsername(n).orElse(null)) != null);
                if (a != null && owners.get(a.ownerUsername()) != null && in.problemCount() == problems) {
                    AccountLine line = new AccountLine(a.accountId(), owners.get(a.ownerUsername()).userId(), a.name(),
                            a.baseCurrency(), a.selfTradePrevention(), a.iban());
                    if (engineTakes(in, r, rules, new Command.OpenAccount(now, actor.userId(), line.accountId(),
                            line.ownerUserId(), line.baseCurrency(), line.selfTradePrevention()))) {
                        accounts.add(line);
                    }
                }
            });
            in.rejectIfProblems();
            reference.insertAll(List.of(), List.of(), accounts);
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
            FieldReader in = new FieldReader(file);
            List<NewUser> created = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            Set<String> names = new HashSet<>();
            CsvFile.each(file, csv, 1, ReferenceLines.USER_COLUMNS, List.of(), r -> {
                SampleWorld.SampleUser u = ReferenceLines.user(in, r, ids, names, id -> users.find(id).isPresent(),
                        name -> users.findByUsername(name).isPresent());
                if (u != null) {
                    created.add(new NewUser(u.userId(), u.username(), u.displayName(), u.roles(),
                            u.password().toCharArray()));
                }
            });
            in.rejectIfProblems();
            List<Command> commands = new ArrayList<>();
            for (UserDirectory.UserChange change : actor.session() == null
                    ? users.createAllAsInstallation(created) : users.createAll(actor.session(), created)) {
                commands.add(change.engineCommand());
            }
            return new Result(file, created.size(), commands);
        });
    }

    /**
     * Asks the engine's rules about a line's command; false (and a problem on the line) when the engine would refuse
     * it, so the store never takes what the engine will not.
     */
    private static boolean engineTakes(FieldReader in, CsvFile.CsvRecord r, EngineRules rules, Command command) {
        ErrorCode reason = rules.refusal(command);
        if (reason == null) {
            return true;
        }
        in.problem(r, null, "the engine refuses this " + EngineRules.describe(command) + " (" + reason + ")"
                + (reason == ErrorCode.INVALID_CONFIGURATION && command instanceof Command.ListInstrument
                ? ": its price band, at this tick size and price scale, spans more price levels than a book holds"
                : ""));
        return false;
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
