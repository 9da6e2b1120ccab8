package com.bourse.backoffice.importexport;

import com.bourse.backoffice.audit.AuditAction;
import com.bourse.backoffice.audit.AuditEntry;
import com.bourse.backoffice.audit.AuditTrail;
import com.bourse.backoffice.security.UserDirectory;
import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.backoffice.store.ReferenceDataRepository;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import com.bourse.protocol.TransferKind;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * First run of an installation: with no user in the store yet, loads {@code sample-data/} (currencies,
 * users with their training passwords, instruments, accounts) into the back office and returns the engine
 * commands that seed the simulation in order: currencies, users and their roles, instruments, accounts, and
 * the opening balances of {@code balances.csv} as deposits requested by {@link Command#SYSTEM_USER} and
 * settled at once (transfer ids 1, 2, 3, ... in file order). On any later run it does nothing and returns
 * no command: the engine's journal already holds the seed.
 */
public final class Bootstrap {
    private final ReferenceDataImport importer;
    private final ReferenceDataRepository reference;
    private final UserDirectory users;
    private final AuditTrail audit;

    public Bootstrap(ReferenceDataImport importer, ReferenceDataRepository reference, UserDirectory users,
                     AuditTrail audit) {
        this.importer = importer;
        this.reference = reference;
        this.users = users;
        this.audit = audit;
    }

    /** What the first run did. */
    public record Seed(boolean firstRun, List<Command> engineCommands) {
    }

    /**
     * Seed from {@code sampleData} if the store has no user yet; {@code timestamp} is the business time given
     * to every seed command (the engine reads no clock).
     */
    public Seed runIfFirst(Path sampleData, long timestamp) {
        if (!users.isEmpty()) {
            return new Seed(false, List.of());
        }
        ReferenceDataImport.Actor installation = ReferenceDataImport.Actor.INSTALLATION;
        List<Command> seed = new ArrayList<>();
        seed.addAll(retime(importer.currencies(installation, "currencies.csv", open(sampleData, "currencies.csv"))
                .engineCommands(), timestamp));
        seed.addAll(retime(importer.users(installation, "users.csv", open(sampleData, "users.csv")).engineCommands(),
                timestamp));
        if (users.all().stream().noneMatch(u -> u.roles().contains(Role.ADMIN))) {
            throw new IllegalStateException("users.csv must contain at least one ADMIN, or nobody could administer "
                    + "this installation");
        }
        seed.addAll(retime(importer.instruments(installation, "instruments.csv", open(sampleData, "instruments.csv"))
                .engineCommands(), timestamp));
        seed.addAll(retime(importer.accounts(installation, "accounts.csv", open(sampleData, "accounts.csv"))
                .engineCommands(), timestamp));
        seed.addAll(openingDeposits(open(sampleData, "balances.csv"), timestamp));
        audit.append(AuditEntry.of(Command.SYSTEM_USER, "installation", AuditAction.INSTALLATION_BOOTSTRAPPED,
                "sample-data", seed.size() + " engine commands seeded from " + sampleData.getFileName()));
        return new Seed(true, seed);
    }

    /** Deposits and their settlement for each line of a balances file; every asset and account must exist. */
    List<Command> openingDeposits(Reader csv, long timestamp) {
        String file = "balances.csv";
        CsvFile table = CsvFile.read(file, csv, List.of("account_id", "asset", "amount"), List.of());
        FieldReader in = new FieldReader(file);
        Set<Long> accounts = new HashSet<>();
        reference.accounts().forEach(a -> accounts.add(a.accountId()));
        Set<String> assets = new HashSet<>(reference.minorDigits().keySet());
        for (InstrumentLine i : reference.instruments()) {
            assets.add(i.instrument().symbol());
        }
        List<Command> commands = new ArrayList<>();
        long transferId = 0;
        for (CsvFile.CsvRecord r : table.records()) {
            long account = in.number(r, "account_id", 1, Long.MAX_VALUE);
            String asset = in.text(r, "asset", 16, true);
            long amount = in.number(r, "amount", 1, Long.MAX_VALUE);
            if (account > 0 && !accounts.contains(account)) {
                in.problem(r, "account_id", "no account " + account);
            }
            if (asset != null && !assets.contains(asset)) {
                in.problem(r, "asset", "'" + FieldReader.shorten(asset) + "' is neither a currency nor a symbol");
            }
            transferId++;
            commands.add(new Command.RequestTransfer(timestamp, Command.SYSTEM_USER, transferId, TransferKind.DEPOSIT,
                    0, account, asset, amount));
            commands.add(new Command.SettleTransfer(timestamp, Command.SYSTEM_USER, transferId, true));
        }
        in.rejectIfProblems();
        return commands;
    }

    private static List<Command> retime(List<Command> commands, long timestamp) {
        List<Command> out = new ArrayList<>();
        for (Command c : commands) {
            out.add(switch (c) {
                case Command.AddCurrency a -> new Command.AddCurrency(timestamp, a.userId(), a.currency());
                case Command.RegisterUser u -> new Command.RegisterUser(timestamp, u.userId(), u.newUserId(),
                        u.roleMask());
                case Command.ListInstrument l -> new Command.ListInstrument(timestamp, l.userId(), l.instrument());
                case Command.OpenAccount o -> new Command.OpenAccount(timestamp, o.userId(), o.accountId(),
                        o.ownerUserId(), o.baseCurrency(), o.selfTradePrevention());
                default -> c;
            });
        }
        return out;
    }

    private static Reader open(Path dir, String name) {
        try {
            return Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("sample data file " + dir.resolve(name) + " cannot be read", e);
        }
    }
}
