package com.bourse.backoffice.importexport;

import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.TransferKind;
import com.bourse.simulator.PriceBar;
import com.bourse.simulator.SimulatedMarket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training world of {@code sample-data/}: currencies, instruments, users with their training passwords,
 * accounts, opening balances and the minute-bar price histories the market simulator replays. Read by
 * {@link SampleWorldReader} with the same strict CSV grammar and field rules as an administrator's import, and the
 * one producer of the engine commands that seed a simulation or a fresh cluster ({@link #seed}). Immutable.
 *
 * @param listings     instruments with their full names, in file order
 * @param priceHistory minute bars by instrument id; an instrument without a history file has none
 */
public record SampleWorld(List<Currency> currencies, List<InstrumentLine> listings, List<SampleUser> users,
                          List<SampleAccount> accounts, List<OpeningBalance> balances,
                          Map<Long, List<PriceBar>> priceHistory) {
    static final String CURRENCIES = "currencies.csv";
    static final String USERS = "users.csv";
    static final String INSTRUMENTS = "instruments.csv";
    static final String ACCOUNTS = "accounts.csv";
    static final String BALANCES = "balances.csv";
    static final String PRICE_HISTORY = "price-history";

    /** The user the market simulator's makers act as; people cannot sign in as it. */
    public static final String SIMULATOR_USERNAME = "market";
    /** The user the market simulator's order flow acts as: another owner than the makers, or every trade would be
     * a wash trade. People cannot sign in as it either. */
    public static final String ORDER_FLOW_USERNAME = "flow";
    /** The simulator's users: machines, not people. */
    public static final java.util.Set<String> MACHINE_USERS = java.util.Set.of(SIMULATOR_USERNAME, ORDER_FLOW_USERNAME);
    /** The simulator's account for the market makers' quotes. */
    public static final long MARKET_MAKER_ACCOUNT = 9001;
    /** The simulator's account for the order flow that trades against the quotes. */
    public static final long ORDER_FLOW_ACCOUNT = 9002;
    /** The simulator's accounts quote all day: limits far above a person's. */
    static final RiskLimits SIMULATOR_LIMITS = new RiskLimits(10_000_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4,
            1_000_000, 60_000);

    public SampleWorld {
        currencies = List.copyOf(currencies);
        listings = List.copyOf(listings);
        users = List.copyOf(users);
        accounts = List.copyOf(accounts);
        balances = List.copyOf(balances);
        Map<Long, List<PriceBar>> history = new LinkedHashMap<>();
        priceHistory.forEach((id, bars) -> history.put(id, List.copyOf(bars)));
        priceHistory = Collections.unmodifiableMap(history);
    }

    /** A user as {@code users.csv} gives it; the password is a published training password. */
    public record SampleUser(long userId, String username, String displayName, Set<Role> roles, String password) {
        public SampleUser {
            roles = Set.copyOf(roles);
        }

        public int roleMask() {
            int mask = 0;
            for (Role role : roles) {
                mask |= role.bit();
            }
            return mask;
        }
    }

    /** An account as {@code accounts.csv} gives it; {@code iban} is null when the file leaves it empty. */
    public record SampleAccount(long accountId, String ownerUsername, String name, String baseCurrency,
                                SelfTradePrevention selfTradePrevention, String iban) {
    }

    /** An opening balance: cash in minor units, or a position in whole units of an instrument. */
    public record OpeningBalance(long accountId, String asset, long amount) {
    }

    /** Reads and checks the world in {@code dir}; see {@link SampleWorldReader}. */
    public static SampleWorld read(Path dir) {
        return new SampleWorldReader(dir.getFileName() + "/", name -> {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return Files.newBufferedReader(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("sample data file " + file + " cannot be read", e);
            }
        }).read();
    }

    /** Finds {@code sample-data/} from the working directory or one of its parents. */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("sample-data");
            if (Files.isRegularFile(candidate.resolve(INSTRUMENTS))) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample-data/ not found from " + dir);
    }

    public List<Instrument> instruments() {
        return listings.stream().map(InstrumentLine::instrument).toList();
    }

    public long userIdOf(String username) {
        for (SampleUser user : users) {
            if (user.username().equals(username)) {
                return user.userId();
            }
        }
        throw new IllegalArgumentException("no sample user '" + username + "'");
    }

    /** The accounts the market simulator trades in (owned by its {@link #MACHINE_USERS}). */
    public List<Long> simulatorAccounts() {
        return accounts.stream().filter(a -> MACHINE_USERS.contains(a.ownerUsername()))
                .map(SampleAccount::accountId).toList();
    }

    /** What the market simulator replays in this world, as its user and in its two accounts. */
    public SimulatedMarket simulatedMarket() {
        requireOwner(MARKET_MAKER_ACCOUNT, SIMULATOR_USERNAME);
        requireOwner(ORDER_FLOW_ACCOUNT, ORDER_FLOW_USERNAME);
        return new SimulatedMarket(userIdOf(SIMULATOR_USERNAME), MARKET_MAKER_ACCOUNT, userIdOf(ORDER_FLOW_USERNAME),
                ORDER_FLOW_ACCOUNT, instruments(), priceHistory);
    }

    private void requireOwner(long accountId, String username) {
        boolean owned = accounts.stream().anyMatch(a -> a.accountId() == accountId && a.ownerUsername().equals(username));
        if (!owned) {
            throw new IllegalStateException("the sample world needs account " + accountId + " owned by '" + username
                    + "' for the market simulator");
        }
    }

    /**
     * The engine commands that build this world in an empty engine, every one from {@link Command#SYSTEM_USER} at
     * {@code timestamp} (the engine reads no clock), in the one order every path uses (first run, recovery of a
     * first run cut short, a fresh cluster): currencies, users and their roles, instruments, accounts, the
     * simulator accounts' risk limits, then each opening balance as a deposit settled at once (transfer ids 1, 2,
     * 3, ... in file order).
     */
    public List<Command> seed(long timestamp) {
        long system = Command.SYSTEM_USER;
        List<Command> commands = new ArrayList<>();
        for (Currency currency : currencies) {
            commands.add(new Command.AddCurrency(timestamp, system, currency));
        }
        for (SampleUser user : users) {
            commands.add(new Command.RegisterUser(timestamp, system, user.userId(), user.roleMask()));
        }
        for (InstrumentLine listing : listings) {
            commands.add(new Command.ListInstrument(timestamp, system, listing.instrument()));
        }
        for (SampleAccount account : accounts) {
            commands.add(new Command.OpenAccount(timestamp, system, account.accountId(),
                    userIdOf(account.ownerUsername()), account.baseCurrency(), account.selfTradePrevention()));
        }
        for (long account : simulatorAccounts()) {
            commands.add(new Command.SetRiskLimits(timestamp, system, account, SIMULATOR_LIMITS));
        }
        long transferId = 0;
        for (OpeningBalance balance : balances) {
            transferId++;
            commands.add(new Command.RequestTransfer(timestamp, system, transferId, TransferKind.DEPOSIT, 0,
                    balance.accountId(), balance.asset(), balance.amount()));
            commands.add(new Command.SettleTransfer(timestamp, system, transferId, true));
        }
        return commands;
    }

}
