package com.bourse.protocol;

/**
 * Why an order stopped working without being filled. An order that must trade at once and cannot rest (time in
 * force IOC, limit or market alike) ends its unfilled rest as {@link #IOC_REMAINDER}; a fill-or-kill order that
 * could not fill in full as {@link #FOK_NOT_FILLED}. {@link #NO_LIQUIDITY} is only for an elected STOP order (GTC or
 * DAY, so not immediate-or-cancel): it trades as a market order and has no price to rest at, so what the book
 * could not fill within the price band is cancelled.
 */
public enum CancelReason {
    USER_REQUEST("cancelled by the trader"),
    MASS_CANCEL("cancelled by a mass cancel"),
    IOC_REMAINDER("immediate-or-cancel: the part not filled at once was cancelled"),
    FOK_NOT_FILLED("fill-or-kill could not fill in full"),
    SELF_TRADE("would have traded with the same account"),
    KILL_SWITCH("account kill switch engaged"),
    NO_LIQUIDITY("elected stop order: no more liquidity within the price band, the rest was cancelled"),
    DAY_EXPIRY("day order expired at end of day"),
    RISK_OFFICER("a risk officer rejected the amended order"),
    OCO_FILLED("OCO: the other order of its group filled"),
    OCO_CANCELLED("OCO: the other order of its group ended");

    private final String description;

    CancelReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
