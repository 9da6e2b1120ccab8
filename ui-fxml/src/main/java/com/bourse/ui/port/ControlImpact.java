package com.bourse.ui.port;

/** What a control would touch right now: working orders, and how many accounts they belong to. */
public record ControlImpact(int workingOrders, int accounts) {

    /** E.g. "cancels 14 working orders of 3 accounts". */
    public String cancels() {
        return "cancels " + workingOrders + " working order" + (workingOrders == 1 ? "" : "s") + " of " + accounts
                + " account" + (accounts == 1 ? "" : "s");
    }
}
