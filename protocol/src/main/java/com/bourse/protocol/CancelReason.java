package com.bourse.protocol;

/** Why an order stopped working without being filled. */
public enum CancelReason {
    USER_REQUEST("cancelled by the trader"),
    MASS_CANCEL("cancelled by a mass cancel"),
    IOC_REMAINDER("immediate-or-cancel remainder"),
    FOK_NOT_FILLED("fill-or-kill could not fill in full"),
    SELF_TRADE("would have traded with the same account"),
    KILL_SWITCH("account kill switch engaged"),
    NO_LIQUIDITY("market order found no more liquidity"),
    DAY_EXPIRY("day order expired at end of day"),
    RISK_OFFICER("a risk officer rejected the amended order");

    private final String description;

    CancelReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
