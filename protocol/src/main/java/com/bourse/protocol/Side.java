package com.bourse.protocol;

/** Which side of the book an order rests on: BUY orders are bids, SELL orders are asks. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
