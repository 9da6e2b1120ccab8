package com.bourse.protocol;

/**
 * Everything the engine says happened. Same commands in the same order give equal events.
 * Prices and quantities are in the instrument's units; cash in minor units of the asset's currency.
 */
public sealed interface Event {

    // ---- Orders ---------------------------------------------------------------------------------

    record OrderAccepted(long orderId, long accountId, long instrumentId, long userId, Side side, OrderType type,
                         TimeInForce timeInForce, long price, long stopPrice, long quantity, long displayQuantity,
                         boolean postOnly, long timestamp) implements Event {
    }

    record OrderRejected(long orderId, long accountId, ErrorCode reason) implements Event {
    }

    /** The order passed the hard checks but scored high: it waits for a risk officer. */
    record OrderHeld(long orderId, long accountId, int riskScoreBps, ErrorCode reason) implements Event {
    }

    /** A held order was approved by {@code officerUserId}; {@code accountId} is the order's account. */
    record OrderApproved(long orderId, long officerUserId, long accountId) implements Event {

        /** An approval that does not name the order's account (a sender older than schema version 7). */
        public OrderApproved(long orderId, long officerUserId) {
            this(orderId, officerUserId, 0);
        }
    }

    /**
     * A waiting stop order was elected: a trade at or through its stop price ({@code lastTradePrice} is the price of
     * the trade that reached it). It now works as a market (STOP) or limit (STOP_LIMIT) order.
     */
    record OrderTriggered(long orderId, long lastTradePrice, long accountId) implements Event {

        /** An election that does not name the order's account (a sender older than schema version 7). */
        public OrderTriggered(long orderId, long lastTradePrice) {
            this(orderId, lastTradePrice, 0);
        }
    }

    /**
     * One execution between a resting (maker) and an incoming (taker) order; leaves are what each has open after it.
     * The specification's {@code TradeExecuted}.
     */
    record Trade(long tradeId, long instrumentId, long price, long quantity, Side takerSide, long makerOrderId,
                 long takerOrderId, long makerAccountId, long takerAccountId, long makerLeaves, long takerLeaves,
                 long timestamp) implements Event {
    }

    record OrderCancelled(long orderId, long accountId, long cancelledQuantity, CancelReason reason) implements Event {
    }

    /**
     * An amendment took effect. {@code quantity} is the order's <em>open</em> quantity after it (FIX LeavesQty) and
     * {@code orderQuantity} its new total (FIX OrderQty, the amendment's figure): their difference is what was
     * already filled. {@code stopPrice} is a waiting stop's trigger after the amendment (0 for other orders).
     */
    record OrderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority,
                         long stopPrice, long orderQuantity) implements Event {

        /** An amendment of a limit order nothing of which was filled: total and open quantity are the same. */
        public OrderReplaced(long orderId, long accountId, long price, long quantity, boolean keptPriority) {
            this(orderId, accountId, price, quantity, keptPriority, 0, quantity);
        }
    }

    record OrderExpired(long orderId, long accountId, long expiredQuantity) implements Event {
    }

    /**
     * Two working orders of an account now form a one-cancels-other group (Command.PlaceOco): a fill of one reduces
     * the other, one filled in full or ended cancels the other. The group is named by its target's order id.
     */
    record OcoLinked(long accountId, long targetOrderId, long stopOrderId) implements Event {
    }

    /** A price level after a change: its total visible quantity and number of orders (0 and 0 when it emptied). */
    record BookDelta(long instrumentId, Side side, long price, long levelQuantity, int orderCount) implements Event {
    }

    // ---- Ledger and transfers -------------------------------------------------------------------

    /**
     * One posting of a balanced journal entry (all postings of one {@code journalId} and asset sum to zero),
     * or a change of funds held ({@code delta} 0). Balance and held are the account's figures after it.
     */
    record BalanceChanged(long accountId, String asset, long delta, long balance, long held, long journalId)
            implements Event {
    }

    /**
     * A transfer or payment moved to {@code state}. A payment's fee and reference travel with each of its changes
     * (0 and "" for every other kind).
     */
    record TransferStateChanged(long transferId, TransferKind kind, long fromAccountId, long toAccountId, String asset,
                                long amount, TransferState state, ErrorCode reason, long fee, String reference)
            implements Event {

        public TransferStateChanged {
            reference = reference == null ? "" : reference;
        }

        /** A change of a deposit, withdrawal or internal transfer: no fee, no reference. */
        public TransferStateChanged(long transferId, TransferKind kind, long fromAccountId, long toAccountId,
                                    String asset, long amount, TransferState state, ErrorCode reason) {
            this(transferId, kind, fromAccountId, toAccountId, asset, amount, state, reason, 0, "");
        }
    }

    /**
     * A payment completed: {@code amount} reached the payee and the payer paid {@code amount + fee}. The
     * specification's {@code PaymentProcessed}.
     */
    record PaymentProcessed(long paymentId, long fromAccountId, long toAccountId, String asset, long amount, long fee,
                            String reference) implements Event {
    }

    // ---- Risk -----------------------------------------------------------------------------------

    /**
     * A scored order or transfer waits for a risk officer; scores are in basis points of 1. {@code ruleMask}
     * names the surveillance rules that fired (bit {@link SurveillanceRule#ordinal()}); 0 when none did.
     */
    record RiskAlert(ReviewSubject subject, long subjectId, long accountId, int scoreBps, int amountBps,
                     int frequencyBps, int patternBps, ErrorCode reason, int ruleMask) implements Event {

        /** The surveillance rules that fired, in declaration order (rules this build does not know are left out). */
        public java.util.List<SurveillanceRule> rules() {
            return SurveillanceRule.of(ruleMask);
        }
    }

    /**
     * A rule stopped something, or an officer overrode one: the compliance log's line. {@code userId} is who acted
     * (the trader, or the officer for an override), {@code subjectId} the order or transfer, {@code reason} the
     * rule's code.
     */
    record ComplianceViolation(long accountId, long userId, ComplianceKind kind, long subjectId, ErrorCode reason)
            implements Event {
    }

    record KillSwitchChanged(long accountId, boolean engaged, long byUserId) implements Event {
    }

    record RiskLimitsChanged(long accountId, RiskLimits limits) implements Event {
    }

    // ---- Market and reference data --------------------------------------------------------------

    record InstrumentStatusChanged(long instrumentId, boolean halted) implements Event {
    }

    record CurrencyAdded(Currency currency) implements Event {
    }

    record InstrumentListed(Instrument instrument) implements Event {
    }

    record AccountOpened(long accountId, long ownerUserId, String baseCurrency, SelfTradePrevention selfTradePrevention)
            implements Event {
    }

    record UserRegistered(long userId, int roleMask) implements Event {
    }

    /**
     * A command other than an order's own entry, cancel or amendment was refused and changed nothing; {@code refId}
     * is the id it named (an order, transfer, account, user or instrument) and {@code accountId} the account it
     * concerns (0 when it names none, or none is known, as for an unknown order).
     */
    record CommandRejected(long refId, ErrorCode reason, long accountId) implements Event {

        /** A refusal that concerns no account. */
        public CommandRejected(long refId, ErrorCode reason) {
            this(refId, reason, 0);
        }
    }
}
