package com.bourse.cluster.client;

/** The cluster understood a request and refused it; {@link #reason()} is its own words, fit to show the person. */
public final class RequestRefusedException extends RuntimeException {
    private final String reason;

    public RequestRefusedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
