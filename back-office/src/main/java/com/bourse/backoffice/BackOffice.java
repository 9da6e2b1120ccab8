package com.bourse.backoffice;

import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.audit.AuditVerification;
import com.bourse.backoffice.audit.AuditWatch;
import com.bourse.backoffice.audit.JournaledAudit;
import com.bourse.backoffice.importexport.Bootstrap;
import com.bourse.backoffice.importexport.EngineRules;
import com.bourse.backoffice.importexport.SampleWorld;
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
import com.bourse.backoffice.store.StoreDamagedException;
import com.bourse.backoffice.store.StoreProbe;
import com.bourse.backoffice.store.TradeRepository;
import com.bourse.backoffice.store.TransferRepository;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.Durability;
import com.bourse.protocol.Command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the desktop needs from the back office, opened from one data folder: the key vault (opened
 * first, so a wrong passphrase stops before any file is touched), the H2 store, the command journal with the
 * engine recovered from it and its projections caught up, users and sign-in, the audit trail, imports,
 * reports and the query repositories. Plain Java, no JavaFX. Close it once when the application stops.
 *
 * <p>Files in {@code dataDir} ({@link DataFolder}; the folder 0700, its files 0600): {@code installed} (the mark of a
 * completed first run), {@code keys.vault}, {@code db/bourse.mv.db} (users, master data, audit),
 * {@code db/bourse-projections.mv.db} (derived from the journal, rebuilt from it when a crash leaves it torn),
 * {@code journal/} (the command journal's segments and the engine-and-projector snapshots, sealed with a key
 * derived from the vault; see {@link JournaledEngine}).
 */
public final class BackOffice implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackOffice.class.getName());

    /**
     * The key-vault passphrase of a simulation installation, published like the training passwords: the simulation
     * holds only sample data. A live back office refuses it ({@link Options#forLive()}).
     */
    public static final String TRAINING_PASSPHRASE = "bourse-simulation-training";

    /**
     * @param keyDerivation     Argon2id cost that protects the key vault with the passphrase
     * @param passwordHashing   Argon2id cost of user password hashes ({@link Argon2Params#owasp()} for real use)
     * @param encryptDatabase   also encrypt the whole H2 file (CIPHER=AES) with a key from the vault
     */
    public record Options(Path dataDir, char[] passphrase, Argon2Params keyDerivation, Argon2Params passwordHashing,
                          boolean encryptDatabase, ZoneId tradingZone, Duration sessionLifetime, EngineConfig engine,
                          Durability durability, InstantSource clock, boolean live) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(passphrase, "passphrase");
        }

        /** A simulation back office (the training passphrase is allowed). */
        public Options(Path dataDir, char[] passphrase, Argon2Params keyDerivation, Argon2Params passwordHashing,
                       boolean encryptDatabase, ZoneId tradingZone, Duration sessionLifetime, EngineConfig engine,
                       Durability durability, InstantSource clock) {
            this(dataDir, passphrase, keyDerivation, passwordHashing, encryptDatabase, tradingZone, sessionLifetime,
                    engine, durability, clock, false);
        }

        /** The back office of a live installation: refuses the public {@link #TRAINING_PASSPHRASE}. */
        public Options forLive() {
            return new Options(dataDir, passphrase, keyDerivation, passwordHashing, encryptDatabase, tradingZone,
                    sessionLifetime, engine, durability, clock, true);
        }

        /** The same options on another folder (a first run builds in {@code .setup/}). */
        Options in(Path folder) {
            return new Options(folder, passphrase, keyDerivation, passwordHashing, encryptDatabase, tradingZone,
                    sessionLifetime, engine, durability, clock, live);
        }

        /** Whether the passphrase is the published training one. */
        public boolean trainingPassphrase() {
            return java.util.Arrays.equals(passphrase, TRAINING_PASSPHRASE.toCharArray());
        }

        /** The production defaults: OWASP costs, encrypted file, 8-hour sessions, journal forced on every commit. */
        public static Options defaults(Path dataDir, char[] passphrase) {
            return new Options(dataDir, passphrase, Argon2Params.owasp(), Argon2Params.owasp(), true,
                    ZoneId.of("Europe/Paris"), Duration.ofHours(8), EngineConfig.defaults(),
                    Durability.POWER_LOSS, InstantSource.system());
        }

        public Options withCosts(Argon2Params cost) {
            return new Options(dataDir, passphrase, cost, cost, encryptDatabase, tradingZone, sessionLifetime, engine,
                    durability, clock, live);
        }

        public Options withClock(InstantSource clock) {
            return new Options(dataDir, passphrase, keyDerivation, passwordHashing, encryptDatabase, tradingZone,
                    sessionLifetime, engine, durability, clock, live);
        }
    }

    private final Options options;
    private final DataFolder folder;
    private final AuditVerification auditAtStart;
    private final KeyVault vault;
    private final Store store;
    private final ProjectionWriter projections;
    private final JournaledEngine desk;
    private final AuditTrail audit;
    /** The full walk behind the start's bounded check, and the checkpoints that keep the next one bounded. */
    private final AuditWatch auditWatch;
    /** The audit entries of commands sent through the desk's journal, copied into the trail. */
    private final JournaledAudit journaledAudit;
    private final UserDirectory users;
    private final SessionCredentials credentials;
    private final SignInService signIn;
    private final ReferenceDataRepository referenceData;
    private final ReferenceDataImport imports;
    private final Reports reports;
    /** Its thread starts with the first command offered. */
    private final CommandOutbox outbox = new CommandOutbox();

    private BackOffice(Options options, DataFolder folder, DataFolder.State state) {
        this.options = options;
        this.folder = folder;
        this.vault = KeyVault.openOrCreate(folder.vault(), options.passphrase(), options.keyDerivation());
        StoreConfig config = StoreConfig.in(folder.storeDirectory()).withTradingZone(options.tradingZone());
        config = options.encryptDatabase() ? config.withFilePassword(vault.databaseFileKey()) : config;
        boolean adopt = checkBeforeOpening(folder, state, config);
        this.store = Store.open(config);
        try {
            FieldCipher cipher = new FieldCipher(vault.dataKey());
            this.audit = new AuditTrail(store, vault.auditSigningKey(), options.clock());
            this.auditAtStart = audit.verifyAtStart();
            PasswordHasher hasher = new PasswordHasher(options.passwordHashing());
            this.users = new UserDirectory(store, cipher, hasher, audit, options.clock());
            this.credentials = new SessionCredentials(vault.sessionCredentialSecret(), options.clock(),
                    options.sessionLifetime());
            this.signIn = new SignInService(store, users, hasher, credentials, audit, options.clock());
            this.referenceData = new ReferenceDataRepository(store, cipher);
            this.imports = new ReferenceDataImport(referenceData, users, audit, options.clock(), options.engine());
            this.reports = new Reports(referenceData, audit, options.tradingZone());
            this.projections = ProjectionWriter.open(store, new Projector(options.tradingZone(),
                    options.engine().defaultLimits()), ProjectionWriter.Options.defaults());
            this.journaledAudit = new JournaledAudit(audit);
            try {
                this.desk = JournaledEngine.recover(new com.bourse.engine.host.JournaledEngine.Options(
                        folder.journalDirectory(), options.engine(), options.durability(),
                        vault.journalKey(), com.bourse.engine.host.JournaledEngine.Retention.ALL_HISTORY),
                        JournaledEngine.DEFAULT_SNAPSHOT_EVERY, projections, journaledAudit);
                // A crash between the journal's force and the trail's insert: the entries come back from it.
                journaledAudit.restoreReplayed();
            } catch (RuntimeException e) {
                projections.close();
                throw e;
            }
            this.auditWatch = AuditWatch.start(audit, auditAtStart);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        if (adopt) {
            folder.adopt();
        }
        folder.secure();
    }

    /**
     * Looks at the back-office file before anything opens it for writing. Installed: it must read as installed.
     * Without the mark: a store with users is an installation made before the mark (true: mark it once open); an
     * empty or missing store beside a journal that holds commands is damaged; anything else is new.
     */
    private static boolean checkBeforeOpening(DataFolder folder, DataFolder.State state, StoreConfig config) {
        if (state == DataFolder.State.INSTALLED) {
            StoreProbe.requireInstalled(config);
            return false;
        }
        if (state == DataFolder.State.EMPTY) {
            return false;
        }
        StoreProbe.Contents contents = java.nio.file.Files.exists(config.databaseFile())
                ? StoreProbe.read(config) : new StoreProbe.Contents(0, 0, false);
        if (contents.users() == 0 && folder.journalHoldsCommands()) {
            throw new StoreDamagedException(config.databaseFile(), java.nio.file.Files.exists(config.databaseFile())
                    ? "it holds no user while the command journal beside it holds commands"
                    : "the file is missing while the command journal beside it holds commands", null);
        }
        return contents.users() > 0;
    }

    /**
     * Open the back office in {@code options.dataDir()}, creating an empty one in an empty folder (tools and tests;
     * the desktop uses {@link #openOrSetUp}). An installed folder whose store is missing, unreadable or reads empty
     * stops here with {@link StoreDamagedException} naming the file, before anything is written to it. The audit
     * trail is verified on every open from its signed checkpoint on ({@link #auditAtStart()}), and whole in the
     * background ({@link #auditVerified()}); a broken chain is logged naming its first bad entry.
     */
    public static BackOffice open(Options options) {
        refusePublicPassphrase(options);
        DataFolder folder = new DataFolder(options.dataDir());
        folder.secure();
        folder.settleSetup();
        return new BackOffice(options, folder, folder.state());
    }

    /**
     * Open the back office, setting it up first when (and only when) the data folder is empty: the sample world is
     * read, its seed checked through the engine's rules, then users, reference data, audit and the engine's seed
     * are written whole in {@code .setup/} and moved in with the installation mark last. A bad file or a crash
     * leaves the folder as empty as it was, and the next start tries again.
     */
    public static BackOffice openOrSetUp(Options options, Supplier<SampleWorld> world) {
        refusePublicPassphrase(options);
        DataFolder folder = new DataFolder(options.dataDir());
        folder.secure();
        folder.settleSetup();
        if (folder.state() == DataFolder.State.EMPTY) {
            setUp(options, folder, world.get());
        }
        return new BackOffice(options, folder, folder.state());
    }

    private static void setUp(Options options, DataFolder folder, SampleWorld world) {
        long now = options.clock().millis();
        List<Command> seed = world.seed(now);
        EngineRules.checkSeed(options.engine(), seed);
        Path setup = folder.setupDirectory();
        try {
            DataFolder staged = new DataFolder(setup);
            staged.secure();
            try (BackOffice office = new BackOffice(options.in(setup), staged, DataFolder.State.EMPTY)) {
                new Bootstrap(office.imports, office.referenceData, office.users, office.audit).runIfFirst(world, now);
                for (Command command : seed) {
                    office.desk.apply(command);
                }
                office.desk.commit();
            }
            DataFolder.markInstalled(setup);
        } catch (RuntimeException | Error e) {
            DataFolder.deleteTree(setup);
            throw e;
        }
        folder.promoteSetup();
        LOG.log(System.Logger.Level.INFO, "set up the back office in {0} from the sample world", folder.root());
    }

    private static void refusePublicPassphrase(Options options) {
        if (options.live() && options.trainingPassphrase()) {
            throw new IllegalArgumentException("A live back office cannot use the public training passphrase"
                    + " (it is published with the simulation): set BOURSE_PASSPHRASE (or bourse.passphrase) to this"
                    + " installation's own passphrase. Nothing was created or opened.");
        }
    }

    /**
     * On the first run (no user yet) load {@code sampleData} and apply the seed commands to the engine, then
     * acknowledge them; later runs change nothing. Returns what was seeded. The world and its seed are checked
     * whole (files, then the engine's rules) before anything is written; {@link #openOrSetUp} also makes a crash
     * midway leave nothing.
     */
    public Bootstrap.Seed seedIfFirstRun(Path sampleData) {
        if (!users.isEmpty()) {
            return new Bootstrap.Seed(false, List.of());
        }
        SampleWorld world = SampleWorld.read(sampleData);
        long now = options.clock().millis();
        EngineRules.checkSeed(options.engine(), world.seed(now));
        Bootstrap.Seed seed = new Bootstrap(imports, referenceData, users, audit).runIfFirst(world, now);
        for (Command command : seed.engineCommands()) {
            desk.apply(command);
        }
        desk.commit();
        if (folder.state() != DataFolder.State.INSTALLED) {
            folder.adopt();
        }
        return seed;
    }

    /**
     * What verifying the audit trail found when this back office opened: the signed checkpoint, the entry it names,
     * every entry after it and the signed head (bounded by what the last run appended, not by the trail's length).
     */
    public AuditVerification auditAtStart() {
        return auditAtStart;
    }

    /**
     * The whole trail's verification: {@link #auditAtStart()} when that found a break, else the full walk from the
     * first entry that runs in the background after the start (a rewrite below the checkpoint shows here, logged
     * naming the entry). Cancelled when the back office closes first.
     */
    public CompletableFuture<AuditVerification> auditVerified() {
        return auditWatch.verified();
    }

    /** The data folder's files. */
    public DataFolder folder() {
        return folder;
    }

    /** A gateway that audits each command (forced) and then hands it to {@code venue} (a remote one). */
    public CommandGateway commandGateway(Consumer<Command> venue) {
        return new CommandGateway(audit, credentials, venue);
    }

    /**
     * A gateway to the venue that runs this back office's own {@link #desk()}: each command goes with its audit
     * entry, sealed in the same journal record ({@link JournaledEngine#apply(Command, byte[])}), so one forced write
     * makes both durable; the trail is filled from the journal.
     */
    public CommandGateway deskCommandGateway(CommandGateway.JournaledVenue venue) {
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
            journaledAudit.close();
        } finally {
            try {
                auditWatch.close();
            } finally {
                store.close();
                folder.secure();
            }
        }
    }
}
