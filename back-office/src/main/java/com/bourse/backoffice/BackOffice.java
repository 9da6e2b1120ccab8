package com.bourse.backoffice;

import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.importexport.Bootstrap;
import com.bourse.backoffice.importexport.ReferenceDataImport;
import com.bourse.backoffice.importexport.Reports;
import com.bourse.backoffice.security.Argon2Params;
import com.bourse.backoffice.security.BackOfficeReads;
import com.bourse.backoffice.security.CommandGateway;
import com.bourse.backoffice.security.CommandOutbox;
import com.bourse.backoffice.security.KeyVault;
import com.bourse.backoffice.security.PasswordHasher;
import com.bourse.backoffice.security.SessionCredentials;
import com.bourse.backoffice.security.SignInService;
import com.bourse.backoffice.security.UserDirectory;
import com.bourse.backoffice.store.DayReports;
import com.bourse.backoffice.store.FieldCipher;
import com.bourse.backoffice.store.JournaledEngine;
import com.bourse.backoffice.store.LedgerRepository;
import com.bourse.backoffice.store.OrderRepository;
import com.bourse.backoffice.store.ProjectionWriter;
import com.bourse.backoffice.store.Projector;
import com.bourse.backoffice.store.ReferenceDataRepository;
import com.bourse.backoffice.store.RiskRepository;
import com.bourse.backoffice.store.Store;
import com.bourse.backoffice.store.StoreConfig;
import com.bourse.backoffice.store.TradeRepository;
import com.bourse.backoffice.store.TransferRepository;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.Durability;
import com.bourse.protocol.Command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the desktop needs from the back office, opened from one data folder: the key vault (opened
 * first, so a wrong passphrase stops before any file is touched), the H2 store, the command journal with the
 * engine recovered from it and its projections caught up, users and sign-in, the audit trail, imports,
 * reports and the query repositories. Plain Java, no JavaFX. Close it once when the application stops.
 *
 * <p>Files in {@code dataDir}: {@code keys.vault}, {@code db/bourse.mv.db} (users, master data, audit),
 * {@code db/bourse-projections.mv.db} (derived from the journal, rebuilt from it when a crash leaves it torn),
 * {@code journal/} (the command journal's segments and the engine-and-projector snapshots, sealed with a key
 * derived from the vault; see {@link JournaledEngine}).
 */
public final class BackOffice implements AutoCloseable {

    /**
     * @param keyDerivation     Argon2id cost that protects the key vault with the passphrase
     * @param passwordHashing   Argon2id cost of user password hashes ({@link Argon2Params#owasp()} for real use)
     * @param encryptDatabase   also encrypt the whole H2 file (CIPHER=AES) with a key from the vault
     */
    public record Options(Path dataDir, char[] passphrase, Argon2Params keyDerivation, Argon2Params passwordHashing,
                          boolean encryptDatabase, ZoneId tradingZone, Duration sessionLifetime, EngineConfig engine,
                          Durability durability, InstantSource clock) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(passphrase, "passphrase");
        }

        /** The production defaults: OWASP costs, encrypted file, 8-hour sessions, journal forced on every commit. */
        public static Options defaults(Path dataDir, char[] passphrase) {
            return new Options(dataDir, passphrase, Argon2Params.owasp(), Argon2Params.owasp(), true,
                    ZoneId.of("Europe/Paris"), Duration.ofHours(8), EngineConfig.defaults(),
                    Durability.POWER_LOSS, InstantSource.system());
        }

        public Options withCosts(Argon2Params cost) {
            return new Options(dataDir, passphrase, cost, cost, encryptDatabase, tradingZone, sessionLifetime, engine,
                    durability, clock);
        }

        public Options withClock(InstantSource clock) {
            return new Options(dataDir, passphrase, keyDerivation, passwordHashing, encryptDatabase, tradingZone,
                    sessionLifetime, engine, durability, clock);
        }
    }

    private final Options options;
    private final KeyVault vault;
    private final Store store;
    private final ProjectionWriter projections;
    private final JournaledEngine desk;
    private final AuditTrail audit;
    private final UserDirectory users;
    private final SessionCredentials credentials;
    private final SignInService signIn;
    private final ReferenceDataRepository referenceData;
    private final ReferenceDataImport imports;
    private final Reports reports;
    /** Its thread starts with the first command offered. */
    private final CommandOutbox outbox = new CommandOutbox();

    private BackOffice(Options options) {
        this.options = options;
        this.vault = KeyVault.openOrCreate(options.dataDir().resolve("keys.vault"), options.passphrase(),
                options.keyDerivation());
        StoreConfig config = StoreConfig.in(options.dataDir().resolve("db")).withTradingZone(options.tradingZone());
        this.store = Store.open(options.encryptDatabase() ? config.withFilePassword(vault.databaseFileKey()) : config);
        try {
            FieldCipher cipher = new FieldCipher(vault.dataKey());
            this.audit = new AuditTrail(store, vault.auditSigningKey(), options.clock());
            PasswordHasher hasher = new PasswordHasher(options.passwordHashing());
            this.users = new UserDirectory(store, cipher, hasher, audit, options.clock());
            this.credentials = new SessionCredentials(vault.sessionCredentialSecret(), options.clock(),
                    options.sessionLifetime());
            this.signIn = new SignInService(store, users, hasher, credentials, audit, options.clock());
            this.referenceData = new ReferenceDataRepository(store, cipher);
            this.imports = new ReferenceDataImport(referenceData, users, audit, options.clock());
            this.reports = new Reports(referenceData, audit, options.tradingZone());
            this.projections = ProjectionWriter.open(store, new Projector(options.tradingZone(),
                    options.engine().defaultLimits()), ProjectionWriter.Options.defaults());
            try {
                this.desk = JournaledEngine.recover(new com.bourse.engine.host.JournaledEngine.Options(
                        options.dataDir().resolve("journal"), options.engine(), options.durability(),
                        vault.journalKey(), com.bourse.engine.host.JournaledEngine.Retention.ALL_HISTORY),
                        JournaledEngine.DEFAULT_SNAPSHOT_EVERY, projections);
            } catch (RuntimeException e) {
                projections.close();
                throw e;
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Open (creating on first use) the back office in {@code options.dataDir()}. */
    public static BackOffice open(Options options) {
        return new BackOffice(options);
    }

    /**
     * On the first run (no user yet) load {@code sampleData} and apply the seed commands to the engine, then
     * acknowledge them; later runs change nothing. Returns what was seeded.
     */
    public Bootstrap.Seed seedIfFirstRun(Path sampleData) {
        Bootstrap.Seed seed = new Bootstrap(imports, referenceData, users, audit)
                .runIfFirst(sampleData, options.clock().millis());
        for (Command command : seed.engineCommands()) {
            desk.apply(command);
        }
        desk.commit();
        return seed;
    }

    /** A gateway that audits each command and then hands it to {@code venue}. */
    public CommandGateway commandGateway(Consumer<Command> venue) {
        return new CommandGateway(audit, credentials, venue);
    }

    /** The one worker that audits and sends what the desktop's windows enter, off their thread, in one order. */
    public CommandOutbox commandOutbox() {
        return outbox;
    }

    public Store store() {
        return store;
    }

    public KeyVault vault() {
        return vault;
    }

    /** The durable engine (journal + engine + projections). Single-threaded: the venue's thread drives it. */
    public JournaledEngine desk() {
        return desk;
    }

    public AuditTrail audit() {
        return audit;
    }

    public UserDirectory users() {
        return users;
    }

    public SignInService signIn() {
        return signIn;
    }

    public SessionCredentials credentials() {
        return credentials;
    }

    public ReferenceDataRepository referenceData() {
        return referenceData;
    }

    public ReferenceDataImport imports() {
        return imports;
    }

    public Reports reports() {
        return reports;
    }

    public OrderRepository orders() {
        return new OrderRepository(store);
    }

    public TradeRepository trades() {
        return new TradeRepository(store);
    }

    public TransferRepository transfers() {
        return new TransferRepository(store);
    }

    public LedgerRepository ledger() {
        return new LedgerRepository(store);
    }

    public RiskRepository risk() {
        return new RiskRepository(store);
    }

    /** The books for the back-office desk, refused to anyone without BACK_OFFICE or ADMIN. */
    public BackOfficeReads reads() {
        return new BackOfficeReads(referenceData, ledger(), transfers(), trades(), new DayReports(store));
    }

    @Override
    public void close() {
        try {
            outbox.close();
            desk.commit();
            projections.close();
            desk.close();
        } finally {
            store.close();
        }
    }
}
