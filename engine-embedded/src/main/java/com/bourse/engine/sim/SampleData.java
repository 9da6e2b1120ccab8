package com.bourse.engine.sim;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;
import com.bourse.protocol.TransferKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training world of {@code sample-data/}: currencies, instruments, users, accounts, opening balances and
 * minute-bar price histories, read from CSV and turned into the engine commands that set it up.
 * A malformed file fails as a whole with the file, line and field named.
 */
public record SampleData(List<Currency> currencies, List<Instrument> instruments, List<SampleUser> users,
                         List<SampleAccount> accounts, List<OpeningBalance> balances,
                         Map<String, List<Bar>> priceHistory) {

    /** Account of the simulated market makers, owned by the simulator user. */
    public static final long MARKET_MAKER_ACCOUNT = 9001;
    /** The user the market simulator acts as; its accounts get limits fit for quoting all day. */
    public static final String SIMULATOR_USERNAME = "market";

    public record SampleUser(long userId, String username, String displayName, int roleMask, String password) {
    }

    public record SampleAccount(long accountId, String ownerUsername, String name, String baseCurrency,
                                SelfTradePrevention selfTradePrevention, String iban) {
    }

    public record OpeningBalance(long accountId, String asset, long amount) {
    }

    /** One minute of an instrument's trading: prices in instrument price units. */
    public record Bar(int minute, long open, long high, long low, long close, long volume) {
    }

    /** Finds {@code sample-data/} from the working directory or one of its parents. */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("sample-data");
            if (Files.isRegularFile(candidate.resolve("instruments.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample-data/ not found from " + dir);
    }

    public static SampleData load(Path dir) {
        List<Currency> currencies = new ArrayList<>();
        for (Row r : Csv.read(dir.resolve("currencies.csv"))) {
            currencies.add(new Currency(r.text("code"), r.intValue("minor_digits")));
        }
        List<Instrument> instruments = new ArrayList<>();
        for (Row r : Csv.read(dir.resolve("instruments.csv"))) {
            instruments.add(new Instrument(r.longValue("instrument_id"), r.text("symbol"), r.text("currency"),
                    r.intValue("price_scale"), r.longValue("tick_size"), r.longValue("lot_size"),
                    r.longValue("reference_price"), r.intValue("band_bps")));
        }
        List<SampleUser> users = new ArrayList<>();
        for (Row r : Csv.read(dir.resolve("users.csv"))) {
            int mask = 0;
            for (String role : r.text("roles").split("\\|")) {
                try {
                    mask |= Role.valueOf(role.trim()).bit();
                } catch (IllegalArgumentException e) {
                    throw r.error("roles", "unknown role '" + role + "'");
                }
            }
            users.add(new SampleUser(r.longValue("user_id"), r.text("username"), r.text("display_name"), mask,
                    r.text("password")));
        }
        List<SampleAccount> accounts = new ArrayList<>();
        for (Row r : Csv.read(dir.resolve("accounts.csv"))) {
            SelfTradePrevention stp;
            try {
                stp = SelfTradePrevention.valueOf(r.text("self_trade_prevention"));
            } catch (IllegalArgumentException e) {
                throw r.error("self_trade_prevention", "unknown mode");
            }
            accounts.add(new SampleAccount(r.longValue("account_id"), r.text("owner_username"), r.text("name"),
                    r.text("base_currency"), stp, r.optional("iban")));
        }
        List<OpeningBalance> balances = new ArrayList<>();
        for (Row r : Csv.read(dir.resolve("balances.csv"))) {
            balances.add(new OpeningBalance(r.longValue("account_id"), r.text("asset"), r.longValue("amount")));
        }
        Map<String, List<Bar>> history = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            Path file = dir.resolve("price-history").resolve(instrument.symbol() + ".csv");
            List<Bar> bars = new ArrayList<>();
            if (Files.isRegularFile(file)) {
                for (Row r : Csv.read(file)) {
                    bars.add(new Bar(r.intValue("minute"), r.longValue("open"), r.longValue("high"),
                            r.longValue("low"), r.longValue("close"), r.longValue("volume")));
                }
            }
            history.put(instrument.symbol(), List.copyOf(bars));
        }
        return new SampleData(List.copyOf(currencies), List.copyOf(instruments), List.copyOf(users),
                List.copyOf(accounts), List.copyOf(balances), history);
    }

    public long userIdOf(String username) {
        for (SampleUser user : users) {
            if (user.username().equals(username)) {
                return user.userId();
            }
        }
        throw new IllegalArgumentException("no sample user '" + username + "'");
    }

    /**
     * Commands that build this world in an empty engine: reference data, users, accounts with limits fit for
     * the role (the market makers quote far more than a person), and settled opening deposits.
     */
    public List<Command> bootstrapCommands(long timestamp) {
        long system = Command.SYSTEM_USER;
        List<Command> commands = new ArrayList<>();
        for (Currency currency : currencies) {
            commands.add(new Command.AddCurrency(timestamp, system, currency));
        }
        for (SampleUser user : users) {
            commands.add(new Command.RegisterUser(timestamp, system, user.userId(), user.roleMask()));
        }
        for (Instrument instrument : instruments) {
            commands.add(new Command.ListInstrument(timestamp, system, instrument));
        }
        for (SampleAccount account : accounts) {
            commands.add(new Command.OpenAccount(timestamp, system, account.accountId(),
                    userIdOf(account.ownerUsername()), account.baseCurrency(), account.selfTradePrevention()));
        }
        for (SampleAccount account : accounts) {
            if (account.ownerUsername().equals(SIMULATOR_USERNAME)) {
                commands.add(new Command.SetRiskLimits(timestamp, system, account.accountId(),
                        new RiskLimits(10_000_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 1_000_000, 60_000)));
            }
        }
        long transferId = 1;
        for (OpeningBalance balance : balances) {
            long id = transferId++;
            commands.add(new Command.RequestTransfer(timestamp, system, id, TransferKind.DEPOSIT, 0,
                    balance.accountId(), balance.asset(), balance.amount()));
            commands.add(new Command.SettleTransfer(timestamp, system, id, true));
        }
        return commands;
    }

    /** A parsed CSV line, addressed by header name; errors name the file, line and field. */
    record Row(Path file, int line, Map<String, String> fields) {
        String text(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw error(name, "missing column");
            }
            if (value.isBlank()) {
                throw error(name, "empty value");
            }
            return value.trim();
        }

        String optional(String name) {
            String value = fields.get(name);
            return value == null ? "" : value.trim();
        }

        long longValue(String name) {
            String value = text(name);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw error(name, "'" + value + "' is not a whole number");
            }
        }

        int intValue(String name) {
            long value = longValue(name);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw error(name, "out of range");
            }
            return (int) value;
        }

        IllegalArgumentException error(String field, String problem) {
            return new IllegalArgumentException(file.getFileName() + " line " + line + ", field " + field + ": "
                    + problem);
        }
    }

    /** Minimal CSV for our own sample files: a header line, comma separated, no quoted commas. */
    static final class Csv {
        private Csv() {
        }

        static List<Row> read(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file.getFileName() + " is empty (a header line is required)");
            }
            String[] header = lines.get(0).split(",", -1);
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String[] values = line.split(",", -1);
                if (values.length != header.length) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": expected "
                            + header.length + " fields, found " + values.length);
                }
                Map<String, String> fields = new HashMap<>();
                for (int c = 0; c < header.length; c++) {
                    fields.put(header[c].trim(), values[c]);
                }
                rows.add(new Row(file, i + 1, fields));
            }
            return rows;
        }
    }
}
