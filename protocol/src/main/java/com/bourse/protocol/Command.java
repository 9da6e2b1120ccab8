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

    /**
     * One-cancels-other: a limit order at {@code targetPrice} (the target) and a STOP order at {@code stopPrice}
     * (the stop, a market order once elected), entered together as one group: same account, instrument, side,
     * quantity and time in force (GTC or DAY), typically closing a position (a long's sell target above the market
     * and sell stop below it). Order ids rise: {@code targetOrderId < stopOrderId}. The engine's rules
     * (engine-embedded README, "OCO and bracket orders"): each leg passes the pre-trade checks at entry, the two
     * share one hold (the position or cash a leg needs, counted once); every fill of one leg reduces the other by
     * as much, and when one is filled in full the other is cancelled ({@link CancelReason#OCO_FILLED}); a leg that
     * ends any other way (cancelled by the trader, mass cancel, kill switch, expiry, an officer's rejection) ends
     * the group: the other is cancelled ({@link CancelReason#OCO_CANCELLED}). A leg cannot be amended.
     *
     * <p>A <em>bracket</em> names an entry order too ({@code entryOrderId} non-zero, below the target's id): a
     * limit order on the other side at {@code entryPrice}, entered first; the target and stop are entered, as
     * above, once the entry stops working (filled, cancelled or expired), for the quantity it filled (not at all
     * when nothing filled). The target and stop ids are reserved when the bracket is entered.
     */
    record PlaceOco(long timestamp, long userId, long accountId, long instrumentId, Side side,
                    TimeInForce timeInForce, long quantity, long targetOrderId, long targetPrice, long stopOrderId,
                    long stopPrice, long entryOrderId, long entryPrice) implements Command {

        /** A plain OCO pair, without an entry order. */
        public static PlaceOco pair(long timestamp, long userId, long accountId, long instrumentId, Side side,
                                    long quantity, long targetOrderId, long targetPrice, long stopOrderId,
                                    long stopPrice) {
            return new PlaceOco(timestamp, userId, accountId, instrumentId, side, TimeInForce.GTC, quantity,
                    targetOrderId, targetPrice, stopOrderId, stopPrice, 0, 0);
        }

        public boolean isBracket() {
            return entryOrderId != 0;
        }

        /** The target leg as an order of {@code legQuantity}. */
        public PlaceOrder target(long legQuantity) {
            return new PlaceOrder(timestamp, userId, targetOrderId, accountId, instrumentId, side, OrderType.LIMIT,
                    timeInForce, targetPrice, 0, legQuantity, 0, false);
        }

        /** The stop leg as an order of {@code legQuantity}. */
        public PlaceOrder stop(long legQuantity) {
            return new PlaceOrder(timestamp, userId, stopOrderId, accountId, instrumentId, side, OrderType.STOP,
                    timeInForce, 0, stopPrice, legQuantity, 0, false);
        }

        /** A bracket's entry order: the other side, at the entry price, for the whole quantity. */
        public PlaceOrder entry() {
            return new PlaceOrder(timestamp, userId, entryOrderId, accountId, instrumentId,
                    side == null ? null : side.opposite(), OrderType.LIMIT, timeInForce, entryPrice, 0, quantity, 0,
                    false);
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
