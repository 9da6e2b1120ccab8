package com.bourse.protocol;

/**
 * Every business outcome that is not plain success, shared by the engine, the wire and the UI.
 * The description is written for a trader or risk officer, not a developer.
 */
public enum ErrorCode {
    // Malformed or unknown references
    INVALID_ID("Ids must be positive numbers"),
    INVALID_TRANSFER("The transfer request is incomplete"),
    INVALID_QUANTITY("Quantity must be a positive number"),
    INVALID_PRICE("Price must be a positive number"),
    INVALID_AMOUNT("Amount must be a positive number"),
    INVALID_DISPLAY_QUANTITY("Display quantity must be positive and not above the order quantity"),
    INVALID_ORDER_SPEC("This combination of order type, time in force and options is not allowed"),
    PRICE_OVERFLOW("Price times quantity is too large to represent"),
    OFF_TICK_PRICE("Price is not a multiple of the instrument's tick size"),
    OFF_LOT_QUANTITY("Quantity is not a multiple of the instrument's lot size"),
    UNKNOWN_INSTRUMENT("No such instrument"),
    UNKNOWN_ACCOUNT("No such account"),
    USER_NOT_FOUND("No such user"),
    UNKNOWN_ORDER("No such working order"),
    UNKNOWN_TRANSFER("No such transfer"),
    UNKNOWN_ASSET("No such currency or instrument"),
    DUPLICATE_ID("That id is already in use"),
    DUPLICATE_ID_MISMATCH("That id was already used for a different request"),
    INVALID_CONFIGURATION("The instrument, account or limit settings are not valid"),

    // Permissions
    NOT_AUTHORIZED("You are not allowed to do this"),
    FOUR_EYES_VIOLATION("Nobody may approve their own order or transfer"),

    // Market state
    INSTRUMENT_HALTED("Trading in this instrument is halted"),
    ACCOUNT_KILL_SWITCH("The account's kill switch is engaged: new orders are blocked"),
    PRICE_OUT_OF_BAND("Price is outside the allowed band around the reference price"),
    POST_ONLY_WOULD_CROSS("Post-only order would have traded on entry"),
    ORDER_NOT_REPLACEABLE("Only working limit, stop and stop-limit orders can be amended, not one held for review"),

    // Risk limits
    QUANTITY_LIMIT("Quantity is above the account's per-order limit"),
    NOTIONAL_LIMIT("Order value is above the account's per-order limit"),
    POSITION_LIMIT("The order could take the position beyond the account's limit"),
    INSUFFICIENT_BALANCE("Not enough available cash"),
    INSUFFICIENT_POSITION("Not enough available position to sell"),
    HIGH_FREQUENCY("Too many orders in the throttle window"),
    HIGH_RISK_TRANSACTION("Risk score at or above the review threshold: held for a risk officer"),
    LARGE_AMOUNT("Large amount: held for a risk officer"),
    REJECTED_BY_RISK_OFFICER("Rejected by a risk officer"),
    NOT_HELD("This order or transfer is not waiting for review"),

    // Transfers
    INVALID_TRANSFER_STATE("The transfer cannot make that move from its current state"),
    SETTLEMENT_FAILED("The bank did not settle the transfer"),
    SAME_ACCOUNT("A transfer needs two different accounts"),

    // Appended in schema version 6 (wire numbers are ordinals: never insert above)
    SELF_TRADE_PREVENTED("The order would have traded with another order of the same owner"),

    // Appended in schema version 7
    STOP_PRICE_ALREADY_REACHED("The market has already traded at or through this stop price: to trade now, send a "
            + "market or limit order"),
    QUANTITY_NOT_ABOVE_FILLED("The new order quantity is not above what has already been filled: cancel the order "
            + "instead"),
    ORDER_ID_AMBIGUOUS("Several accounts have a working order with this id: name the account");

    private final String description;

    ErrorCode(String description) {
        this.description = description;
    }

    /** Words a trader understands, fit for display next to the field that caused it. */
    public String description() {
        return description;
    }
}
