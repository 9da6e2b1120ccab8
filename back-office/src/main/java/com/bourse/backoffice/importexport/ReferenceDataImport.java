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
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

import java.io.Reader;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Imports currencies, instruments, accounts and users from CSV files. A file is read record by record (never
 * whole: up to {@link CsvFile#MAX_RECORDS} records) and every field of every line checked (types, ranges, references,
 * duplicates within the file and against what is stored; the rules are {@link ReferenceLines}, the same the sample
 * world is read with), then each line's engine command through the engine's own rules ({@link EngineRules}). One
 * bad field refuses the whole file, naming its line and field, and leaves nothing in the store.
 *
 * <p>Instruments and accounts stream, so a file of the stated million records imports within a bounded heap: sound
 * lines go to the store {@link #CHUNK_ROWS} at a time inside one transaction, which commits only once the last
 * line is checked and is rolled back at the first bad one (the rest of the file is still checked, so every problem is
 * listed); what is held meanwhile is the ids and symbols as compact sets for the duplicate checks ({@link SymbolSet})
 * and the written ids in file order. The engine hears of nothing before the commit: the {@link ImportedCommands} are
 * read back from the store a chunk at a time as they are sent, so the engine is told exactly what the store holds.
 * Every import is audited. Needs an ADMIN session. Thread-safe.
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

    /** Rows a large import writes to the store at a time, and engine commands it reads back at a time. */
    static final int CHUNK_ROWS = 4_096;

    /** What was imported and the commands to send the engine for it, once the store has committed it. */
    public record Result(String file, int records, ImportedCommands engineCommands) {
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
            return new Result(SampleWorld.USERS, created.size(), ImportedCommands.of(List.of()));
        });
        audited(actor, SampleWorld.CURRENCIES, () -> {
            reference.insertAll(world.currencies(), List.of(), List.of());
            return new Result(SampleWorld.CURRENCIES, world.currencies().size(), ImportedCommands.of(List.of()));
        });
        audited(actor, SampleWorld.INSTRUMENTS, () -> {
            reference.insertAll(List.of(), world.listings(), List.of());
            return new Result(SampleWorld.INSTRUMENTS, world.listings().size(), ImportedCommands.of(List.of()));
        });
        audited(actor, SampleWorld.ACCOUNTS, () -> {
            List<AccountLine> accounts = world.accounts().stream().map(a -> new AccountLine(a.accountId(),
                    world.userIdOf(a.ownerUsername()), a.name(), a.baseCurrency(), a.selfTradePrevention(),
                    a.iban())).toList();
            reference.insertAll(List.of(), List.of(), accounts);
            return new Result(SampleWorld.ACCOUNTS, accounts.size(), ImportedCommands.of(List.of()));
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
            return new Result(file, currencies.size(), ImportedCommands.of(commands));
        });
    }

    Result instruments(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            FieldReader in = new FieldReader(file);
            Map<String, Integer> digits = reference.minorDigits();
            LongHashSet ids = new LongHashSet(); // a million ids in 16 MB, not boxed
            SymbolSet symbols = new SymbolSet(); // a million symbols in 32 MB
            reference.forEachInstrumentKey((symbol, id) -> {
                ids.add(id);
                symbols.add(symbol);
            });
            EngineRules rules = new EngineRules(engine, reference.currencies(), actor.userId());
            long now = clock.millis();
            LongArrayList written = new LongArrayList();
            reference.inOneTransaction(store -> {
                Chunk<InstrumentLine> chunk = new Chunk<>(store::instruments);
                CsvFile.each(file, csv, 1, ReferenceLines.INSTRUMENT_COLUMNS, List.of(), r -> {
                    int problems = in.problemCount();
                    InstrumentLine line = ReferenceLines.instrument(in, r, digits, ids::add, symbols::add);
                    if (line != null && in.problemCount() == problems && engineTakes(in, r, rules,
                            new Command.ListInstrument(now, actor.userId(), line.instrument()))
                            && problems == 0) {
                        chunk.add(line);
                        written.addLong(line.instrument().id());
                    }
                });
                in.rejectIfProblems();
                chunk.flush();
            });
            return new Result(file, written.size(), ImportedCommands.readBack(written, CHUNK_ROWS,
                    slice -> reference.instruments(slice).stream().<Command>map(line ->
                            new Command.ListInstrument(now, actor.userId(), line.instrument())).toList()));
        });
    }

    Result accounts(Actor actor, String file, Reader csv) {
        return audited(actor, file, () -> {
            FieldReader in = new FieldReader(file);
            Map<String, Integer> digits = reference.minorDigits();
            LongHashSet ids = new LongHashSet(); // a million ids in 16 MB, not boxed
            reference.forEachAccountId(ids::add);
            Map<String, UserView> owners = new HashMap<>();
            EngineRules rules = new EngineRules(engine, reference.currencies(), actor.userId());
            long now = clock.millis();
            LongArrayList written = new LongArrayList();
            reference.inOneTransaction(store -> {
                Chunk<AccountLine> chunk = new Chunk<>(store::accounts);
                CsvFile.each(file, csv, 1, ReferenceLines.ACCOUNT_COLUMNS, ReferenceLines.ACCOUNT_OPTIONAL, r -> {
                    int problems = in.problemCount();
                    SampleWorld.SampleAccount a = ReferenceLines.account(in, r, digits, ids::add,
                            name -> owners.computeIfAbsent(name, n -> users.findByUsername(n).orElse(null)) != null);
                    if (a != null && owners.get(a.ownerUsername()) != null && in.problemCount() == problems) {
                        AccountLine line = new AccountLine(a.accountId(), owners.get(a.ownerUsername()).userId(),
                                a.name(), a.baseCurrency(), a.selfTradePrevention(), a.iban());
                        if (engineTakes(in, r, rules, openAccount(now, actor, line)) && problems == 0) {
                            chunk.add(line);
                            written.addLong(line.accountId());
                        }
                    }
                });
                in.rejectIfProblems();
                chunk.flush();
            });
            return new Result(file, written.size(), ImportedCommands.readBack(written, CHUNK_ROWS,
                    slice -> reference.accounts(slice).stream().map(line -> openAccount(now, actor, line)).toList()));
        });
    }

    private static Command openAccount(long now, Actor actor, AccountLine line) {
        return new Command.OpenAccount(now, actor.userId(), line.accountId(), line.ownerUserId(), line.baseCurrency(),
                line.selfTradePrevention());
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
            return new Result(file, created.size(), ImportedCommands.of(commands));
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

    /** Rows waiting for the store, written a chunk at a time into the import's one transaction. */
    private static final class Chunk<T> {
        private final List<T> rows = new ArrayList<>(CHUNK_ROWS);
        private final Consumer<List<T>> write;

        Chunk(Consumer<List<T>> write) {
            this.write = write;
        }

        void add(T row) {
            rows.add(row);
            if (rows.size() == CHUNK_ROWS) {
                flush();
            }
        }

        void flush() {
            write.accept(rows);
            rows.clear();
        }
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
