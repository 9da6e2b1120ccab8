package com.bourse.backoffice.importexport;

import com.bourse.backoffice.security.UserRules;
import com.bourse.backoffice.store.InstrumentLine;
import com.bourse.csv.CsvFile;
import com.bourse.csv.FieldReader;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Role;
import com.bourse.protocol.SelfTradePrevention;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The columns and field rules of the reference-data files, one set for both readers of them: an administrator's
 * import into the store ({@link ReferenceDataImport}) and the sample world of {@code sample-data/}
 * ({@link SampleWorld}). Each method reads one line, records a problem in the {@link FieldReader} for every bad field
 * (duplicates within the file and against what the caller already knows included) and returns the line's value, or
 * null when a field it needs is bad. Stateless.
 */
final class ReferenceLines {
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.]{0,15}");
    static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    static final List<String> CURRENCY_COLUMNS = List.of("code", "minor_digits");
    static final List<String> INSTRUMENT_COLUMNS = List.of("instrument_id", "symbol", "name", "currency",
            "price_scale", "tick_size", "lot_size", "reference_price", "band_bps");
    static final List<String> ACCOUNT_COLUMNS = List.of("account_id", "owner_username", "name", "base_currency",
            "self_trade_prevention");
    static final List<String> ACCOUNT_OPTIONAL = List.of("iban");
    static final List<String> USER_COLUMNS = List.of("user_id", "username", "display_name", "roles", "password");

    private ReferenceLines() {
    }

    /** @param known currency codes already taken; the line's code is added */
    static Currency currency(FieldReader in, CsvFile.CsvRecord r, Set<String> known) {
        String code = in.matching(r, "code", CURRENCY, "a three-letter currency code like EUR");
        int digits = (int) in.number(r, "minor_digits", 0, 8);
        if (code != null && !known.add(code)) {
            in.problem(r, "code", "currency " + code + " already exists");
        }
        return code == null ? null : new Currency(code, digits);
    }

    /**
     * @param digits  minor digits of every known currency
     * @param newId     takes the line's instrument id; false when it was already taken
     * @param newSymbol takes the line's symbol; false when it was already taken
     */
    static InstrumentLine instrument(FieldReader in, CsvFile.CsvRecord r, Map<String, Integer> digits,
                                     LongPredicate newId, Predicate<String> newSymbol) {
        long id = in.number(r, "instrument_id", 1, Long.MAX_VALUE);
        String symbol = in.matching(r, "symbol", SYMBOL, "a ticker of up to 16 capitals, digits and dots");
        String name = in.text(r, "name", 200, true);
        String currency = in.matching(r, "currency", CURRENCY, "a three-letter currency code");
        int scale = (int) in.number(r, "price_scale", 0, 12);
        long tick = in.number(r, "tick_size", 1, Long.MAX_VALUE);
        long lot = in.number(r, "lot_size", 1, Long.MAX_VALUE);
        long reference = in.number(r, "reference_price", 1, Long.MAX_VALUE / 20_000);
        int band = (int) in.number(r, "band_bps", 1, 9_999);
        if (id > 0 && !newId.test(id)) {
            in.problem(r, "instrument_id", "instrument id " + id + " already exists");
        }
        if (symbol != null && !newSymbol.test(symbol)) {
            in.problem(r, "symbol", "symbol " + symbol + " already exists");
        }
        if (currency != null && !digits.containsKey(currency)) {
            in.problem(r, "currency", "unknown currency " + currency + ": import it first");
        } else if (currency != null && scale < digits.get(currency)) {
            in.problem(r, "price_scale", "must be at least the currency's " + digits.get(currency) + " decimals");
        }
        if (tick > 0 && reference > 0 && reference % tick != 0) {
            in.problem(r, "reference_price", reference + " is not a multiple of the tick size " + tick);
        }
        if (symbol == null || name == null || currency == null) {
            return null;
        }
        return new InstrumentLine(new Instrument(id, symbol, currency, scale, tick, lot, reference, band), name);
    }

    /**
     * @param digits      minor digits of every known currency
     * @param newId       takes the line's account id; false when it was already taken
     * @param ownerExists whether a user of that name exists
     */
    static SampleWorld.SampleAccount account(FieldReader in, CsvFile.CsvRecord r, Map<String, Integer> digits,
                                             LongPredicate newId, Predicate<String> ownerExists) {
        long id = in.number(r, "account_id", 1, Long.MAX_VALUE);
        String owner = in.text(r, "owner_username", 32, true);
        String name = in.text(r, "name", 200, true);
        String currency = in.matching(r, "base_currency", CURRENCY, "a three-letter currency code");
        SelfTradePrevention stp = in.choice(r, "self_trade_prevention", SelfTradePrevention.class);
        String iban = in.text(r, "iban", 40, false);
        if (owner != null && !ownerExists.test(owner)) {
            in.problem(r, "owner_username", "no user named '" + FieldReader.shorten(owner) + "'");
        }
        if (id > 0 && !newId.test(id)) {
            in.problem(r, "account_id", "account " + id + " already exists");
        }
        if (currency != null && !digits.containsKey(currency)) {
            in.problem(r, "base_currency", "unknown currency " + currency);
        }
        String normalIban = iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (normalIban != null && !validIban(normalIban)) {
            in.problem(r, "iban", "'" + FieldReader.shorten(iban) + "' is not a valid IBAN");
        }
        if (owner == null || name == null || currency == null || stp == null) {
            return null;
        }
        return new SampleWorld.SampleAccount(id, owner, name, currency, stp, normalIban);
    }

    /**
     * @param ids       user ids seen in this file; the line's is added
     * @param names     user names seen in this file; the line's is added
     * @param idTaken   whether a user id is taken outside the file
     * @param nameTaken whether a user name is taken outside the file
     */
    static SampleWorld.SampleUser user(FieldReader in, CsvFile.CsvRecord r, Set<Long> ids, Set<String> names,
                                       LongPredicate idTaken, Predicate<String> nameTaken) {
        long id = in.number(r, "user_id", 1, Long.MAX_VALUE);
        String username = in.text(r, "username", 64, true);
        String displayName = in.text(r, "display_name", UserRules.MAX_DISPLAY_NAME, true);
        String password = in.text(r, "password", UserRules.MAX_PASSWORD, true);
        Set<Role> roles = roles(in, r);
        check(in, r, "username", username == null ? null : UserRules.checkUsername(username));
        check(in, r, "password", password == null ? null : UserRules.checkPassword(password.toCharArray(), username));
        if (id > 0 && (!ids.add(id) || idTaken.test(id))) {
            in.problem(r, "user_id", "user id " + id + " already exists");
        }
        if (username != null && (!names.add(username) || nameTaken.test(username))) {
            in.problem(r, "username", "user name '" + FieldReader.shorten(username) + "' already exists");
        }
        if (username == null || displayName == null || password == null || roles.isEmpty()) {
            return null;
        }
        return new SampleWorld.SampleUser(id, username, displayName, roles, password);
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
}
