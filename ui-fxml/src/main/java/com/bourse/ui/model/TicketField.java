package com.bourse.ui.model;

import com.bourse.protocol.ErrorCode;

/** The parts of the order ticket a message can stand next to. */
public enum TicketField {
    INSTRUMENT,
    ACCOUNT,
    TYPE,
    TIME_IN_FORCE,
    QUANTITY,
    PRICE,
    /** A bracket's take-profit target. */
    TARGET_PRICE,
    STOP_PRICE,
    DISPLAY_QUANTITY,
    /** Not tied to one field: shown under the buttons. */
    ORDER;

    /** Where an engine rejection belongs on the ticket. */
    public static TicketField of(ErrorCode code) {
        return switch (code) {
            case INVALID_QUANTITY, OFF_LOT_QUANTITY, QUANTITY_LIMIT, NOTIONAL_LIMIT, POSITION_LIMIT,
                 INSUFFICIENT_BALANCE, INSUFFICIENT_POSITION, PRICE_OVERFLOW -> QUANTITY;
            case INVALID_PRICE, OFF_TICK_PRICE, PRICE_OUT_OF_BAND, POST_ONLY_WOULD_CROSS -> PRICE;
            case INVALID_DISPLAY_QUANTITY -> DISPLAY_QUANTITY;
            case INVALID_ORDER_SPEC -> TYPE;
            case UNKNOWN_INSTRUMENT, INSTRUMENT_HALTED -> INSTRUMENT;
            case UNKNOWN_ACCOUNT, ACCOUNT_KILL_SWITCH -> ACCOUNT;
            default -> ORDER;
        };
    }
}
