package com.bourse.simulator.scenario;

import com.bourse.csv.CsvFile;
import com.bourse.csv.ImportProblem;
import com.bourse.csv.ImportRejectedException;
import com.bourse.protocol.Currency;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Role;
import com.bourse.protocol.Side;
import com.bourse.simulator.MinuteBars;
import com.bourse.simulator.PriceBar;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the scenario format of {@code sample-data/scenarios/README.md}: {@code [section]} headers, {@code key = value}
 * lines in the {@code [scenario]} and {@code [trainee]} sections, CSV tables with a header line in the others (read
 * by the strict {@link CsvFile} reader of sample-data/, price histories by {@link MinuteBars}), {@code #} comments and
 * blank lines anywhere. Strict: the first problem refuses the whole file with its
 * name, line and reason ({@link ScenarioException}), so nothing of a broken scenario ever runs.
 */
public final class ScenarioReader {
    /** Where a scenario's price histories come from: the text of a file named relative to the scenario. */
    @FunctionalInterface
    public interface HistorySource {
        /** The file's text, or null when there is no such file. */
        String read(String relativePath) throws IOException;
    }

    private static final Set<String> SECTIONS = Set.of("scenario", "currencies", "instruments", "fundamentals",
            "agents", "events", "trainee", "goals");
    private static final List<Currency> DEFAULT_CURRENCIES = List.of(new Currency("EUR", 2), new Currency("USD", 2));
    /** The trainee's seat unless the scenario says otherwise. */
    public static final long DEFAULT_TRAINEE_USER = 10;
    public static final long DEFAULT_TRAINEE_ACCOUNT = 10;

    private final String file;
    private final HistorySource files;
    private final MessageDigest digest;
    private final Map<String, List<Line>> sections = new LinkedHashMap<>();
    private final Map<String, Integer> sectionLines = new LinkedHashMap<>();

    private record Line(int number, String text) {
    }

    /** A table row; blanks around a field are not part of it, so columns may be aligned by hand. */
    private record Row(CsvFile.CsvRecord record) {
        int line() {
            return record.line();
        }

        String get(String column) {
            return record.fields().getOrDefault(column, "").strip();
        }
    }

    private ScenarioReader(String file, HistorySource files) {
        this.file = file;
        this.files = files;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Reads the scenario at {@code path}; histories it names are read relative to its folder. */
    public static Scenario read(Path path) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(name, 0, "cannot be read: " + e.getMessage());
        }
        Path folder = path.toAbsolutePath().getParent();
        return parse(name, text, relative -> {
            Path history = folder.resolve(relative).normalize();
            return Files.isRegularFile(history) ? Files.readString(history, StandardCharsets.UTF_8) : null;
        });
    }

    /** Reads scenario {@code text} named {@code file} in messages. */
    public static Scenario parse(String file, String text, HistorySource files) {
        return new ScenarioReader(file, files).parse(text);
    }

    private Scenario parse(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        split(text);
        Map<String, Line> head = keyValues("scenario", Set.of("name", "description", "zone", "date", "open", "close"),
                Set.of(), true);
        String name = required(head, "name", "scenario");
        String description = head.containsKey("description") ? head.get("description").text() : "";
        ZoneId zone = head.containsKey("zone") ? at(head.get("zone").number(), () -> zone(head.get("zone").text()))
                : ZoneId.of("Europe/Paris");
        LocalDate date = at(line(head, "date", "scenario"), () -> LocalDate.parse(required(head, "date", "scenario")));
        LocalTime open = at(line(head, "open", "scenario"), () -> time(required(head, "open", "scenario")));
        LocalTime close = at(line(head, "close", "scenario"), () -> time(required(head, "close", "scenario")));
        if (!close.isAfter(open)) {
            throw new ScenarioException(file, line(head, "close", "scenario"), "close " + close
                    + " must be after open " + open);
        }
        List<Currency> currencies = currencies();
        List<Instrument> instruments = instruments(currencies);
        Map<String, FundamentalSpec> fundamentals = fundamentals(instruments);
        List<AgentGroup> agents = agents(instruments);
        List<ScheduledEvent> events = events(instruments, currencies, open, close);
        TraineeSetup trainee = trainee(instruments, currencies);
        List<Goal> goals = goals(instruments, open, close);
        return new Scenario(file, HexFormat.of().formatHex(digest.digest()), name, description, zone, date, open,
                close, currencies, instruments, fundamentals, agents, events, trainee, goals);
    }

    // ---- Layout -------------------------------------------------------------------------------------------------

    private void split(String text) {
        String[] lines = text.split("\n", -1);
        List<Line> current = null;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String trimmed = raw.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                if (!trimmed.endsWith("]")) {
                    throw new ScenarioException(file, number, "a section header is [name], got '" + trimmed + "'");
                }
                String section = trimmed.substring(1, trimmed.length() - 1).trim();
                if (!SECTIONS.contains(section)) {
                    throw new ScenarioException(file, number, "unknown section [" + section + "] (known: "
                            + String.join(", ", SECTIONS.stream().sorted().toList()) + ")");
                }
                if (sections.containsKey(section)) {
                    throw new ScenarioException(file, number, "section [" + section + "] appears twice (first on line "
                            + sectionLines.get(section) + ")");
                }
                current = new ArrayList<>();
                sections.put(section, current);
                sectionLines.put(section, number);
                continue;
            }
            if (current == null) {
                throw new ScenarioException(file, number, "text before the first [section]");
            }
            current.add(new Line(number, trimmed));
        }
    }

    private Map<String, Line> keyValues(String section, Set<String> keys, Set<String> repeatable, boolean mandatory) {
        List<Line> lines = sections.get(section);
        if (lines == null) {
            if (mandatory) {
                throw new ScenarioException(file, 0, "the [" + section + "] section is missing");
            }
            return Map.of();
        }
        Map<String, Line> values = new LinkedHashMap<>();
        int repeat = 0;
        for (Line line : lines) {
            int eq = line.text().indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException(file, line.number(), "expected key = value, got '" + line.text() + "'");
            }
            String key = line.text().substring(0, eq).trim();
            String value = line.text().substring(eq + 1).trim();
            if (!keys.contains(key)) {
                throw new ScenarioException(file, line.number(), "[" + section + "] has no key '" + key + "' (known: "
                        + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
            if (value.isEmpty()) {
                throw new ScenarioException(file, line.number(), "'" + key + "' has no value");
            }
            String slot = repeatable.contains(key) ? key + "#" + repeat++ : key;
            if (values.put(slot, new Line(line.number(), value)) != null) {
                throw new ScenarioException(file, line.number(), "'" + key + "' is given twice");
            }
        }
        return values;
    }

    /**
     * The table of {@code section}, read by the strict CSV reader of sample-data/ (RFC 4180: a field holding a comma
     * is quoted) with the file's own line numbers: the section's lines from its header on, its comment lines blank.
     */
    private List<Row> table(String section, List<String> required, List<String> optional, boolean mandatory) {
        List<Line> lines = sections.get(section);
        if (lines == null || lines.isEmpty()) {
            if (mandatory) {
                throw new ScenarioException(file, lines == null ? 0 : sectionLines.get(section),
                        "the [" + section + "] section " + (lines == null ? "is missing" : "has no header line"));
            }
            return List.of();
        }
        int header = lines.getFirst().number();
        StringBuilder text = new StringBuilder();
        int at = header;
        for (Line line : lines) {
            text.repeat("\n", line.number() - at).append(line.text());
            at = line.number();
        }
        CsvFile table;
        try {
            table = CsvFile.read(file, new StringReader(text.toString()), header, required, optional);
        } catch (ImportRejectedException e) {
            ImportProblem first = e.problems().getFirst();
            throw new ScenarioException(file, first.line(), "[" + section + "] " + first.reason());
        }
        return table.records().stream().map(Row::new).toList();
    }

    // ---- Sections -----------------------------------------------------------------------------------------------

    private List<Currency> currencies() {
        List<Row> rows = table("currencies", List.of("code", "minor_digits"), List.of(), false);
        if (rows.isEmpty()) {
            return DEFAULT_CURRENCIES;
        }
        List<Currency> currencies = new ArrayList<>();
        for (Row row : rows) {
            currencies.add(at(row.line(), () -> {
                String code = word(row.get("code"), "code");
                if (currencies.stream().anyMatch(c -> c.code().equals(code))) {
                    throw new IllegalArgumentException("currency " + code + " is listed twice");
                }
                int digits = (int) range(row.get("minor_digits"), "minor_digits", 0, 8);
                return new Currency(code, digits);
            }));
        }
        return currencies;
    }

    private List<Instrument> instruments(List<Currency> currencies) {
        List<Row> rows = table("instruments", List.of("id", "symbol", "currency", "price_scale", "tick_size",
                "lot_size", "reference_price", "band_bps"), List.of(), true);
        if (rows.isEmpty()) {
            throw new ScenarioException(file, sectionLines.get("instruments"), "[instruments] lists no instrument");
        }
        List<Instrument> instruments = new ArrayList<>();
        for (Row row : rows) {
            instruments.add(at(row.line(), () -> {
                long id = range(row.get("id"), "id", 1, Long.MAX_VALUE);
                String symbol = word(row.get("symbol"), "symbol");
                for (Instrument other : instruments) {
                    if (other.id() == id || other.symbol().equals(symbol)) {
                        throw new IllegalArgumentException("instrument " + (other.id() == id ? "id " + id
                                : symbol) + " is listed twice");
                    }
                }
                String currency = row.get("currency");
                Currency settlement = currencies.stream().filter(c -> c.code().equals(currency)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("currency '" + currency
                                + "' is not in [currencies]"));
                int scale = (int) range(row.get("price_scale"), "price_scale", settlement.minorDigits(), 12);
                long tick = units(row.get("tick_size"), scale, "tick_size");
                long lot = range(row.get("lot_size"), "lot_size", 1, 1_000_000);
                long reference = units(row.get("reference_price"), scale, "reference_price");
                if (tick <= 0 || reference <= 0 || reference % tick != 0) {
                    throw new IllegalArgumentException("reference_price must be a positive multiple of tick_size");
                }
                int band = (int) range(row.get("band_bps"), "band_bps", 1, 9_999);
                Instrument instrument = new Instrument(id, symbol, currency, scale, tick, lot, reference, band);
                if ((instrument.highestPrice() - instrument.lowestPrice()) / tick > 100_000) {
                    throw new IllegalArgumentException("the band holds more than 100,000 ticks: widen the tick or "
                            + "narrow the band");
                }
                return instrument;
            }));
        }
        return instruments;
    }

    private Map<String, FundamentalSpec> fundamentals(List<Instrument> instruments) {
        List<Row> rows = table("fundamentals", List.of("symbol", "path"), List.of("daily_vol_pct", "half_life_min",
                "jumps_per_day", "jump_pct", "vol_clustering", "file"), true);
        Map<String, FundamentalSpec> bySymbol = new LinkedHashMap<>();
        FundamentalSpec fallback = null;
        int fallbackLine = 0;
        for (Row row : rows) {
            String symbol = row.get("symbol");
            FundamentalSpec spec = at(row.line(), () -> {
                if (!symbol.equals("*")) {
                    known(instruments, symbol);
                }
                double vol = fraction(row, "daily_vol_pct", "2", 0, 100);
                double halfLife = real(row, "half_life_min", "240", 0, 1e9);
                double jumps = real(row, "jumps_per_day", "2", 0, 10_000);
                double jump = fraction(row, "jump_pct", "0.5", 0, 50);
                double clustering = real(row, "vol_clustering", "0.8", 0, 5);
                String path = row.get("path");
                String historyFile = row.get("file");
                List<Long> history = switch (path) {
                    case "random_walk" -> {
                        if (!historyFile.isEmpty()) {
                            throw new IllegalArgumentException("a random_walk path takes no file (got '"
                                    + historyFile + "')");
                        }
                        yield List.of();
                    }
                    case "history" -> {
                        if (symbol.equals("*")) {
                            throw new IllegalArgumentException("a history belongs to one instrument, not *");
                        }
                        if (historyFile.isEmpty()) {
                            throw new IllegalArgumentException("a history path needs a file");
                        }
                        yield null;
                    }
                    default -> throw new IllegalArgumentException("path must be random_walk or history, got '"
                            + path + "'");
                };
                return new FundamentalSpec(vol, halfLife, jumps, jump, clustering,
                        history == null ? List.of() : history, historyFile);
            });
            if (!spec.historyFile().isEmpty()) {
                spec = new FundamentalSpec(spec.dailyVolatility(), spec.halfLifeMinutes(), spec.jumpsPerDay(),
                        spec.jumpSize(), spec.volClustering(), history(spec.historyFile(), row.line()),
                        spec.historyFile());
            }
            if (symbol.equals("*")) {
                if (fallback != null) {
                    throw new ScenarioException(file, row.line(), "* is given twice (first on line " + fallbackLine
                            + ")");
                }
                fallback = spec;
                fallbackLine = row.line();
            } else if (bySymbol.put(symbol, spec) != null) {
                throw new ScenarioException(file, row.line(), symbol + " has two fundamentals");
            }
        }
        for (Instrument instrument : instruments) {
            if (!bySymbol.containsKey(instrument.symbol())) {
                if (fallback == null) {
                    throw new ScenarioException(file, sectionLines.get("fundamentals"), "no fundamental for "
                            + instrument.symbol() + " (add a line for it or a * line)");
                }
                bySymbol.put(instrument.symbol(), fallback);
            }
        }
        return bySymbol;
    }

    /** Minute bars read by {@link MinuteBars}, every minute from 0; the closes make the path. */
    private List<Long> history(String relative, int line) {
        String text;
        try {
            text = files.read(relative);
        } catch (IOException e) {
            throw new ScenarioException(file, line, "price history " + relative + " cannot be read: " + e.getMessage());
        }
        if (text == null) {
            throw new ScenarioException(file, line, "price history " + relative + " does not exist");
        }
        digest.update(relative.getBytes(StandardCharsets.UTF_8));
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        List<PriceBar> bars;
        try {
            bars = MinuteBars.read(relative, new StringReader(text), true);
        } catch (ImportRejectedException e) {
            ImportProblem first = e.problems().getFirst();
            throw new ScenarioException(relative, first.line(), first.reason());
        }
        if (bars.size() < 2) {
            throw new ScenarioException(relative, 0, "a history needs at least two minutes");
        }
        return bars.stream().map(PriceBar::close).toList();
    }

    private List<AgentGroup> agents(List<Instrument> instruments) {
        List<Row> rows = table("agents", List.of("kind", "symbol", "count", "cash", "position"), List.of("params"),
                true);
        if (rows.isEmpty()) {
            throw new ScenarioException(file, sectionLines.get("agents"), "[agents] lists no agent");
        }
        List<AgentGroup> groups = new ArrayList<>();
        for (Row row : rows) {
            groups.add(at(row.line(), () -> {
                AgentKind kind = AgentKind.of(row.get("kind"));
                String symbol = row.get("symbol");
                if (!symbol.equals("*")) {
                    known(instruments, symbol);
                }
                int count = (int) range(row.get("count"), "count", 1, 10_000);
                BigDecimal cash = decimal(row.get("cash"), "cash");
                if (cash.signum() < 0) {
                    throw new IllegalArgumentException("cash must not be negative");
                }
                long position = range(row.get("position"), "position", 0, 1_000_000_000L);
                Params params = Params.parse(row.get("params"), kind.parameters(), kind.word());
                for (String key : params.values().keySet()) {
                    if (params.decimal(key, null).signum() < 0) {
                        throw new IllegalArgumentException("parameter '" + key + "' must not be negative");
                    }
                }
                return new AgentGroup(kind, symbol, count, cash, position, params, row.line());
            }));
        }
        return groups;
    }

    private List<ScheduledEvent> events(List<Instrument> instruments, List<Currency> currencies, LocalTime open,
                                        LocalTime close) {
        List<Row> rows = table("events", List.of("time", "event", "symbol"), List.of("params"), false);
        List<ScheduledEvent> events = new ArrayList<>();
        for (Row row : rows) {
            events.add(at(row.line(), () -> {
                LocalTime time = time(row.get("time"));
                if (time.isBefore(open) || time.isAfter(close)) {
                    throw new IllegalArgumentException("time " + time + " is outside the session " + open + "-"
                            + close);
                }
                String symbol = row.get("symbol");
                String event = row.get("event");
                Set<String> keys = switch (event) {
                    case "halt", "resume" -> Set.of();
                    case "news" -> Set.of("change_pct", "permanent", "recovery_min");
                    case "volatility" -> Set.of("factor");
                    case "large_order" -> Set.of("side", "quantity", "price");
                    case "limit_change" -> Set.of("max_order_quantity", "max_order_notional", "max_position",
                            "max_orders_per_minute");
                    case "withdrawal" -> Set.of("currency", "amount");
                    default -> throw new IllegalArgumentException("unknown event '" + event + "' (known: halt, "
                            + "resume, news, volatility, large_order, limit_change, withdrawal)");
                };
                Params params = Params.parse(row.get("params"), keys, event);
                boolean anyInstrument = event.equals("news") || event.equals("volatility") || event.equals("halt")
                        || event.equals("resume");
                if (event.equals("limit_change") || event.equals("withdrawal")) {
                    String who = event.equals("limit_change") ? "trainee" : "participant";
                    if (!symbol.equals(who)) {
                        throw new IllegalArgumentException(event + " applies to the " + who + ": write '" + who
                                + "' in the symbol column");
                    }
                } else if (!(anyInstrument && symbol.equals("*"))) {
                    known(instruments, symbol);
                }
                return switch (event) {
                    case "halt" -> new ScheduledEvent.Halt(time, symbol);
                    case "resume" -> new ScheduledEvent.Resume(time, symbol);
                    case "news" -> {
                        double change = params.decimal("change_pct", "0").doubleValue() / 100;
                        if (change <= -0.9 || change >= 10 || change == 0) {
                            throw new IllegalArgumentException("change_pct must be non-zero and above -90");
                        }
                        String permanent = params.text("permanent", "yes");
                        if (!permanent.equals("yes") && !permanent.equals("no")) {
                            throw new IllegalArgumentException("permanent must be yes or no");
                        }
                        double recovery = params.decimal("recovery_min", "10").doubleValue();
                        if (recovery <= 0) {
                            throw new IllegalArgumentException("recovery_min must be positive");
                        }
                        yield new ScheduledEvent.News(time, symbol, change, permanent.equals("yes"), recovery);
                    }
                    case "volatility" -> {
                        double factor = params.decimal("factor", "1").doubleValue();
                        if (factor <= 0 || factor > 100) {
                            throw new IllegalArgumentException("factor must be in (0, 100]");
                        }
                        yield new ScheduledEvent.Volatility(time, symbol, factor);
                    }
                    case "large_order" -> {
                        Instrument instrument = known(instruments, symbol);
                        Side side = switch (params.text("side", "")) {
                            case "buy" -> Side.BUY;
                            case "sell" -> Side.SELL;
                            default -> throw new IllegalArgumentException("side must be buy or sell");
                        };
                        long quantity = params.whole("quantity", 0);
                        if (quantity <= 0 || quantity % instrument.lotSize() != 0) {
                            throw new IllegalArgumentException("quantity must be a positive multiple of the lot "
                                    + instrument.lotSize());
                        }
                        String price = params.text("price", "market");
                        BigDecimal limit = price.equals("market") ? null : decimal(price, "price");
                        if (limit != null) {
                            long units = units(price, instrument.priceScale(), "price");
                            if (units % instrument.tickSize() != 0 || units < instrument.lowestPrice()
                                    || units > instrument.highestPrice()) {
                                throw new IllegalArgumentException("price " + price + " is off the tick or outside "
                                        + "the band");
                            }
                        }
                        yield new ScheduledEvent.LargeOrder(time, symbol, side, quantity, limit);
                    }
                    case "limit_change" -> new ScheduledEvent.LimitChange(time, limits(params, currencies.getFirst()));
                    case "withdrawal" -> {
                        String currency = params.text("currency", "");
                        Currency known = currencies.stream().filter(c -> c.code().equals(currency)).findFirst()
                                .orElseThrow(() -> new IllegalArgumentException("currency '" + currency
                                        + "' is not in [currencies]"));
                        BigDecimal amount = params.decimal("amount", "0");
                        if (amount.signum() <= 0) {
                            throw new IllegalArgumentException("amount must be positive");
                        }
                        FixedPoint.toUnits(amount, known.minorDigits());
                        yield new ScheduledEvent.Withdrawal(time, currency, amount);
                    }
                    default -> throw new IllegalStateException(event);
                };
            }));
        }
        events.sort(Comparator.comparing(ScheduledEvent::time));
        return events;
    }

    private TraineeSetup trainee(List<Instrument> instruments, List<Currency> currencies) {
        Map<String, Line> values = keyValues("trainee", Set.of("user", "account", "roles", "base_currency", "cash",
                        "position", "max_order_quantity", "max_order_notional", "max_position", "max_orders_per_minute"),
                Set.of("cash", "position"), false);
        long user = values.containsKey("user")
                ? at(values.get("user").number(), () -> range(values.get("user").text(), "user", 1, 999))
                : DEFAULT_TRAINEE_USER;
        long account = values.containsKey("account")
                ? at(values.get("account").number(), () -> range(values.get("account").text(), "account", 1, 999))
                : DEFAULT_TRAINEE_ACCOUNT;
        int roles = Role.TRADER.bit();
        if (values.containsKey("roles")) {
            Line line = values.get("roles");
            roles = at(line.number(), () -> {
                int mask = 0;
                for (String role : line.text().split("\\s+")) {
                    try {
                        mask |= Role.valueOf(role.toUpperCase()).bit();
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("unknown role '" + role + "' (known: trader, risk_officer)");
                    }
                }
                return mask;
            });
        }
        Currency base = values.containsKey("base_currency") ? at(values.get("base_currency").number(),
                () -> currencyOf(currencies, values.get("base_currency").text())) : currencies.getFirst();
        Map<String, BigDecimal> cash = new LinkedHashMap<>();
        Map<String, Long> positions = new LinkedHashMap<>();
        Map<String, String> limitValues = new LinkedHashMap<>();
        int limitsLine = 0;
        for (Map.Entry<String, Line> entry : values.entrySet()) {
            String key = entry.getKey();
            Line line = entry.getValue();
            if (key.startsWith("cash#")) {
                at(line.number(), () -> {
                    String[] parts = line.text().split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("cash is 'CURRENCY amount', e.g. EUR 100000.00");
                    }
                    Currency currency = currencyOf(currencies, parts[0]);
                    BigDecimal amount = decimal(parts[1], "cash");
                    FixedPoint.toUnits(amount, currency.minorDigits());
                    if (amount.signum() < 0 || cash.put(currency.code(), amount) != null) {
                        throw new IllegalArgumentException("cash in " + currency.code()
                                + " must be given once and not be negative");
                    }
                    return null;
                });
            } else if (key.startsWith("position#")) {
                at(line.number(), () -> {
                    String[] parts = line.text().split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("position is 'SYMBOL quantity', e.g. SAP 500");
                    }
                    Instrument instrument = known(instruments, parts[0]);
                    long quantity = range(parts[1], "position", 0, 1_000_000_000L);
                    if (positions.put(instrument.symbol(), quantity) != null) {
                        throw new IllegalArgumentException("position in " + instrument.symbol() + " is given twice");
                    }
                    return null;
                });
            } else if (key.startsWith("max_")) {
                limitValues.put(key, line.text());
                limitsLine = line.number();
            }
        }
        Map<String, String> limitParams = limitValues;
        RiskLimits limits = at(limitsLine, () -> limits(new Params(limitParams), base));
        return new TraineeSetup(user, account, roles, base.code(), cash, positions, limits);
    }

    private List<Goal> goals(List<Instrument> instruments, LocalTime open, LocalTime close) {
        List<Row> rows = table("goals", List.of("goal", "symbol", "params", "text"), List.of(), false);
        List<Goal> goals = new ArrayList<>();
        for (Row row : rows) {
            goals.add(at(row.line(), () -> {
                Goal.Kind kind = Goal.Kind.of(row.get("goal"));
                String symbol = row.get("symbol");
                if (kind == Goal.Kind.FLATTEN) {
                    known(instruments, symbol);
                } else if (!symbol.equals("*")) {
                    throw new IllegalArgumentException(kind.word() + " is about the whole account: write *");
                }
                Params params = Params.parse(row.get("params"), kind.parameters(), kind.word());
                if (params.has("by")) {
                    LocalTime by = time(params.text("by", ""));
                    if (by.isBefore(open) || by.isAfter(close)) {
                        throw new IllegalArgumentException("by " + by + " is outside the session");
                    }
                }
                if (params.has("max_slippage_ticks")) {
                    params.decimal("max_slippage_ticks", null);
                }
                if (kind == Goal.Kind.MAX_LOSS && params.decimal("amount", "-1").signum() < 0) {
                    throw new IllegalArgumentException("max_loss needs amount=");
                }
                if (row.get("text").isEmpty()) {
                    throw new IllegalArgumentException("a goal needs its text for the trainee");
                }
                return new Goal(kind, symbol, params, row.get("text"));
            }));
        }
        return goals;
    }

    // ---- Fields -------------------------------------------------------------------------------------------------

    private static RiskLimits limits(Params params, Currency base) {
        RiskLimits defaults = RiskLimits.defaults();
        long notional = params.has("max_order_notional")
                ? FixedPoint.toUnits(params.decimal("max_order_notional", null), base.minorDigits())
                : defaults.maxOrderNotional();
        RiskLimits limits = new RiskLimits(params.whole("max_order_quantity", defaults.maxOrderQuantity()), notional,
                params.whole("max_position", defaults.maxPosition()),
                (int) Math.min(Integer.MAX_VALUE, params.whole("max_orders_per_minute", 60)), 60_000);
        if (!limits.isValid()) {
            throw new IllegalArgumentException("limits must all be positive");
        }
        return limits;
    }

    private static Instrument known(List<Instrument> instruments, String symbol) {
        for (Instrument instrument : instruments) {
            if (instrument.symbol().equals(symbol)) {
                return instrument;
            }
        }
        throw new IllegalArgumentException("unknown instrument '" + symbol + "' (not in [instruments])");
    }

    private static Currency currencyOf(List<Currency> currencies, String code) {
        return currencies.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("currency '" + code + "' is not in [currencies]"));
    }

    private static String word(String value, String field) {
        if (!value.matches("[A-Z][A-Z0-9.]{0,11}")) {
            throw new IllegalArgumentException(field + " must be 1-12 capital letters or digits, got '" + value + "'");
        }
        return value;
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown zone '" + value + "' (e.g. Europe/Paris)");
        }
    }

    static LocalTime time(String value) {
        if (!value.matches("\\d{2}:\\d{2}(:\\d{2})?")) {
            throw new IllegalArgumentException("a time is HH:MM or HH:MM:SS, got '" + value + "'");
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time of day");
        }
    }

    private static BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, got '" + value + "'");
        }
    }

    private static long units(String value, int scale, String field) {
        try {
            return FixedPoint.toUnits(decimal(value, field), scale);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " " + value + " has more than " + scale + " decimals");
        }
    }

    private static long range(String value, String field, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".." + max + ", got " + parsed);
        }
        return parsed;
    }

    private static double real(Row row, String column, String fallback, double min, double max) {
        String raw = row.get(column).isEmpty() ? fallback : row.get(column);
        double value = decimal(raw, column).doubleValue();
        if (value < min || value > max) {
            throw new IllegalArgumentException(column + " must be in " + min + ".." + max + ", got " + raw);
        }
        return value;
    }

    private static double fraction(Row row, String column, String fallback, double min, double max) {
        return real(row, column, fallback, min, max) / 100;
    }

    private String required(Map<String, Line> values, String key, String section) {
        Line line = values.get(key);
        if (line == null) {
            throw new ScenarioException(file, sectionLines.getOrDefault(section, 0), "[" + section + "] needs "
                    + key + " = ...");
        }
        return line.text();
    }

    private int line(Map<String, Line> values, String key, String section) {
        required(values, key, section);
        return values.get(key).number();
    }

    private <T> T at(int line, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ScenarioException(file, line, e.getMessage());
        }
    }
}
