package com.bourse.protocol;

/**
 * Everything that can change engine state. Each command carries the business time it happened at
 * (the engine reads no clock) and the user acting, which the engine's permission and four-eyes rules use.
 * {@link #SYSTEM_USER} is the installation itself (bootstrap, end-of-day jobs).
 */
public sealed interface Command {

    long SYSTEM_USER = 0;

    /**
     * How long the engine keeps an immediate order (market, IOC, FOK) held for a risk officer: an order meant to
     * trade now that no officer approved within this time expires (OrderExpired) instead of waiting indefinitely.
     */
    long HELD_IMMEDIATE_ORDER_EXPIRY_MILLIS = 30_000;

    /** Epoch milliseconds of business time. */
    long timestamp();

    long userId();

    // ---- Trading -------------------------------------------------------------------------------

    /**
     * A new order. {@code price} is ignored (0) for MARKET and STOP; {@code stopPrice} is used only by STOP and
     * STOP_LIMIT; {@code displayQuantity} of 0 means fully visible, otherwise the order is an iceberg.
     */
    record PlaceOrder(long timestamp, long userId, long orderId, long accountId, long instrumentId, Side side,
                      OrderType type, TimeInForce timeInForce, long price, long stopPrice, long quantity,
                      long displayQuantity, boolean postOnly) implements Command {

        public static PlaceOrder limit(long timestamp, long userId, long orderId, long accountId, long instrumentId,
                                       Side side, long price, long quantity) {
            return new PlaceOrder(timestamp, userId, orderId, accountId, instrumentId, side, OrderType.LIMIT,
                    TimeInForce.GTC, price, 0, quantity, 0, false);
        }

        public static PlaceOrder market(long timestamp, long userId, long orderId, long accountId, long instrumentId,
                                        Side side, long quantity) {
            return new PlaceOrder(timestamp, userId, orderId, accountId, instrumentId, side, OrderType.MARKET,
                    TimeInForce.IOC, 0, 0, quantity, 0, false);
        }

        public PlaceOrder withTimeInForce(TimeInForce tif) {
            return new PlaceOrder(timestamp, userId, orderId, accountId, instrumentId, side, type, tif, price,
                    stopPrice, quantity, displayQuantity, postOnly);
        }
    }

    /**
     * Cancel a working order, named as everywhere by its account and its client order id ({@code orderId} is
     * unique per account, not across accounts). An {@code accountId} of 0 (a sender older than schema version 7)
     * names the one working order with that id; when several accounts have one, the cancel is refused with
     * {@link ErrorCode#ORDER_ID_AMBIGUOUS}.
     */
    record CancelOrder(long timestamp, long userId, long orderId, long accountId) implements Command {

        /** A cancel that does not name the account: only for an id no other account has working. */
        public CancelOrder(long timestamp, long userId, long orderId) {
            this(timestamp, userId, orderId, 0);
        }
    }

    /**
     * Amend a working limit, stop or stop-limit order (FIX OrderCancelReplaceRequest). The order is named by its
     * account and client order id, as in {@link CancelOrder}.
     *
     * <p>{@code newTotalQuantity} is the new <em>total</em> order quantity (FIX OrderQty), filled part included:
     * the engine keeps what was filled and makes the open quantity {@code newTotalQuantity - filled}. A total at or
     * below the filled quantity is refused ({@link ErrorCode#QUANTITY_NOT_ABOVE_FILLED}; cancel the rest instead),
     * so re-sending the original total never re-opens a filled part.
     *
     * <p>{@code newPrice} is the limit price (0 for a stop order, which has none); {@code newStopPrice} is a stop or
     * stop-limit order's new trigger (0 keeps it; must be 0 for other orders). A price change (limit or stop) or a
     * larger open quantity puts the order behind the others at its price (or behind the other waiting stops); a
     * smaller quantity keeps its place.
     */
    record ReplaceOrder(long timestamp, long userId, long orderId, long accountId, long newPrice, long newStopPrice,
                        long newTotalQuantity) implements Command {

        /** Amends a limit order's price and total quantity, naming the order by id alone (see {@link CancelOrder}). */
        public ReplaceOrder(long timestamp, long userId, long orderId, long newPrice, long newTotalQuantity) {
            this(timestamp, userId, orderId, 0, newPrice, 0, newTotalQuantity);
        }
    }

    /** Cancel every working order of an account, of an instrument, or of both; 0 means "any". */
    record MassCancel(long timestamp, long userId, long accountId, long instrumentId) implements Command {
    }

    /** Close of the trading day: every DAY order expires. */
    record EndOfDay(long timestamp, long userId) implements Command {
    }

    record HaltInstrument(long timestamp, long userId, long instrumentId) implements Command {
    }

    record ResumeInstrument(long timestamp, long userId, long instrumentId) implements Command {
    }

    // ---- Risk officer ---------------------------------------------------------------------------

    /** Release a held order into the market or a held transfer into processing. Not by its own author. */
    record Approve(long timestamp, long userId, ReviewSubject subject, long subjectId) implements Command {
    }

    /** Refuse a held order or transfer; the reason goes to the audit trail and the trader. */
    record Reject(long timestamp, long userId, ReviewSubject subject, long subjectId, String reason)
            implements Command {
    }

    /** Cancel the account's working orders and block new ones until released. */
    record EngageKillSwitch(long timestamp, long userId, long accountId) implements Command {
    }

    record ReleaseKillSwitch(long timestamp, long userId, long accountId) implements Command {
    }

    record SetRiskLimits(long timestamp, long userId, long accountId, RiskLimits limits) implements Command {
    }

    // ---- Money ----------------------------------------------------------------------------------

    /**
     * Ask to move {@code amount} of {@code asset} (a currency code, or an instrument symbol for securities).
     * {@code transferId} is chosen by the client: a retry with the same id and fields returns the first result.
     * DEPOSIT uses only {@code toAccountId}, WITHDRAWAL only {@code fromAccountId}.
     */
    record RequestTransfer(long timestamp, long userId, long transferId, TransferKind kind, long fromAccountId,
                           long toAccountId, String asset, long amount) implements Command {
    }

    /**
     * Pay {@code amount} of the currency {@code asset} from one account to another, the payer also paying
     * {@code fee} (0 for none) to the house. {@code paymentId} shares the transfer ids: a retry with the same id
     * and fields returns the first result. {@code reference} is the payer's text for the payee (at most
     * {@link #MAX_PAYMENT_REFERENCE} characters).
     */
    record RequestPayment(long timestamp, long userId, long paymentId, long fromAccountId, long toAccountId,
                          String asset, long amount, long fee, String reference) implements Command {
    }

    /** The longest payment reference the engine takes. */
    int MAX_PAYMENT_REFERENCE = 140;

    /** The bank's answer for a deposit or withdrawal in PROCESSING. */
    record SettleTransfer(long timestamp, long userId, long transferId, boolean settled) implements Command {
    }

    /** Withdraw a transfer that is still PENDING. */
    record CancelTransfer(long timestamp, long userId, long transferId) implements Command {
    }

    // ---- Reference data (admin) -----------------------------------------------------------------

    record AddCurrency(long timestamp, long userId, Currency currency) implements Command {
    }

    record ListInstrument(long timestamp, long userId, Instrument instrument) implements Command {
    }

    /** Open an account owned by a trader; {@code baseCurrency} is the currency its large-amount rule counts in. */
    record OpenAccount(long timestamp, long userId, long accountId, long ownerUserId, String baseCurrency,
                       SelfTradePrevention selfTradePrevention) implements Command {
    }

    /** Register or update a user's roles ({@link Role#mask}). */
    record RegisterUser(long timestamp, long userId, long newUserId, int roleMask) implements Command {
    }
}
