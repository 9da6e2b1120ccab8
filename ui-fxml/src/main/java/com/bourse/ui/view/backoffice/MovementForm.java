package com.bourse.ui.view.backoffice;

import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.port.AccountDetail;
import com.bourse.ui.port.AccountSummary;
import com.bourse.ui.port.MovementKind;
import com.bourse.ui.port.MovementOutcome;
import com.bourse.ui.port.MovementRequest;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The cash movement entry form's rules, without a window: each field checked as typed (accounts present and
 * different, the currency one the account keeps, an amount above zero with at most the currency's decimals and
 * no more than the payer has available, a fee not negative, a reference the venue takes), the idempotency key
 * shown and kept for a retry until the venue has answered about it, and where the venue's refusal belongs on the
 * form. Shortfalls are told in the engine's own words ({@link ErrorCode#INSUFFICIENT_BALANCE}).
 *
 * <p>Not thread-safe; the form's (FX) thread only.
 */
public final class MovementForm {

    /** The form's fields, for errors shown beside them. */
    public enum Field { FROM, TO, CURRENCY, AMOUNT, FEE, REFERENCE }

    /** What the form holds now; {@code from} is the payer (or the payee of a deposit), {@code to} the payee. */
    public record Input(MovementKind kind, AccountSummary from, AccountSummary to, String currency, String amount,
                        String fee, String reference) {
    }

    /** Errors by field (none: {@code request} is ready to send with the form's key). */
    public record Check(Map<Field, String> errors, MovementRequest request) {
        public boolean ok() {
            return errors.isEmpty();
        }

        public String error(Field field) {
            return errors.getOrDefault(field, "");
        }
    }

    private final Map<String, Integer> digits;
    private final LongSupplier newId;
    private long movementId;

    /** @param digits minor digits by currency; {@code newId} hands out fresh idempotency keys */
    public MovementForm(Map<String, Integer> digits, LongSupplier newId) {
        this.digits = Map.copyOf(digits);
        this.newId = newId;
        this.movementId = newId.getAsLong();
    }

    /** The idempotency key the next send uses, shown on the form. */
    public long movementId() {
        return movementId;
    }

    /** The currencies an account keeps: its base currency, then every currency it holds cash in. */
    public static List<String> currenciesOf(AccountSummary account, AccountDetail detail) {
        Set<String> codes = new LinkedHashSet<>();
        if (account != null) {
            codes.add(account.currency());
        }
        if (detail != null) {
            detail.cash().forEach(c -> codes.add(c.currency()));
        }
        return List.copyOf(codes);
    }

    /**
     * Checks the input; {@code payer} is the debited account's page (for its currencies and what it has
     * available), {@code account} the page of {@code from} for a deposit; either may be null while loading.
     */
    public Check check(Input in, AccountDetail page) {
        Map<Field, String> errors = new EnumMap<>(Field.class);
        MovementKind kind = in.kind();
        if (in.from() == null) {
            errors.put(Field.FROM, kind == MovementKind.DEPOSIT ? "Choose the account to credit"
                    : "Choose the account to debit");
        }
        if (kind.between()) {
            if (in.to() == null) {
                errors.put(Field.TO, "Choose the account to credit");
            } else if (in.from() != null && in.to().accountId() == in.from().accountId()) {
                errors.put(Field.TO, ErrorCode.SAME_ACCOUNT.description());
            }
        }
        String currency = in.currency() == null ? "" : in.currency().strip();
        Integer scale = digits.get(currency);
        if (currency.isEmpty()) {
            errors.put(Field.CURRENCY, "Choose a currency");
        } else if (scale == null) {
            errors.put(Field.CURRENCY, "No such currency: " + currency);
        } else if (in.from() != null && page != null && page.account().accountId() == in.from().accountId()
                && !currenciesOf(in.from(), page).contains(currency)) {
            errors.put(Field.CURRENCY, "Account " + in.from().accountId() + " keeps no " + currency);
        }
        long amount = 0;
        long fee = 0;
        if (scale != null) {
            amount = units(in.amount(), scale, Field.AMOUNT, errors);
            if (kind == MovementKind.PAYMENT && in.fee() != null && !in.fee().isBlank()) {
                fee = units(in.fee(), scale, Field.FEE, errors);
                if (fee < 0) {
                    errors.put(Field.FEE, "A fee cannot be negative");
                }
            }
            if (!errors.containsKey(Field.AMOUNT) && amount <= 0) {
                errors.put(Field.AMOUNT, "The amount must be above zero");
            }
        } else if (in.amount() == null || in.amount().isBlank()) {
            errors.put(Field.AMOUNT, "Required");
        }
        if (kind.debits() && page != null && in.from() != null && page.account().accountId() == in.from().accountId()
                && scale != null && !errors.containsKey(Field.AMOUNT) && !errors.containsKey(Field.FEE)) {
            long available = page.cashOf(currency).available();
            if (Math.addExact(amount, fee) > available) {
                errors.put(Field.AMOUNT, ErrorCode.INSUFFICIENT_BALANCE.description() + ": "
                        + Decimals.format(available, scale) + " " + currency + " available");
            }
        }
        String reference = in.reference() == null ? "" : in.reference().strip();
        if (kind == MovementKind.PAYMENT) {
            if (reference.isEmpty()) {
                errors.put(Field.REFERENCE, "A payment needs a reference for the payee");
            } else if (reference.length() > Command.MAX_PAYMENT_REFERENCE) {
                errors.put(Field.REFERENCE, "At most " + Command.MAX_PAYMENT_REFERENCE + " characters, this has "
                        + reference.length());
            } else if (reference.codePoints().anyMatch(Character::isISOControl)) {
                errors.put(Field.REFERENCE, "No control characters");
            }
        }
        if (!errors.isEmpty()) {
            return new Check(Map.copyOf(errors), null);
        }
        long from = kind == MovementKind.DEPOSIT ? 0 : in.from().accountId();
        long to = kind == MovementKind.DEPOSIT ? in.from().accountId() : kind.between() ? in.to().accountId() : 0;
        return new Check(Map.of(), new MovementRequest(movementId, kind, from, to, currency, amount,
                kind == MovementKind.PAYMENT ? fee : 0, kind == MovementKind.PAYMENT ? reference : ""));
    }

    private static long units(String text, int scale, Field field, Map<Field, String> errors) {
        String t = text == null ? "" : text.strip().replace(",", "");
        switch (Decimals.parse(t, scale)) {
            case Decimals.Parsed.Invalid invalid -> {
                errors.put(field, invalid.message());
                return 0;
            }
            case Decimals.Parsed.Value value -> {
                return value.units();
            }
        }
    }

    /**
     * Takes the venue's answer: once the venue has heard of the key (recorded or refused) the next entry gets a
     * fresh one; a movement that never reached it keeps its key, so sending again cannot move the money twice.
     */
    public void answered(MovementOutcome outcome) {
        if (!(outcome instanceof MovementOutcome.NotSent)) {
            movementId = newId.getAsLong();
        }
    }

    /** Where the venue's reason belongs on the form; null for the form's own message line. */
    public static Field fieldOf(ErrorCode reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case INSUFFICIENT_BALANCE, INVALID_AMOUNT, LARGE_AMOUNT -> Field.AMOUNT;
            case UNKNOWN_ASSET -> Field.CURRENCY;
            case SAME_ACCOUNT -> Field.TO;
            case UNKNOWN_ACCOUNT, ACCOUNT_KILL_SWITCH -> Field.FROM;
            default -> null;
        };
    }
}
