package com.bourse.simulator;

/**
 * One minute of an instrument's trading history. Prices are in the instrument's price units (10^-priceScale),
 * volume in whole units.
 *
 * @param minute minutes since the session opened
 */
public record PriceBar(int minute, long open, long high, long low, long close, long volume) {
    public PriceBar {
        if (minute < 0) {
            throw new IllegalArgumentException("minute must not be negative, got " + minute);
        }
        if (low > high || open < low || open > high || close < low || close > high) {
            throw new IllegalArgumentException("minute " + minute + ": open " + open + " and close " + close
                    + " must lie within low " + low + " and high " + high);
        }
        if (low <= 0 || volume < 0) {
            throw new IllegalArgumentException("minute " + minute + ": prices must be positive and volume not "
                    + "negative");
        }
    }

    /** This minute walked the other way (open and close swapped), for a day replayed from its end. */
    public PriceBar reversed() {
        return new PriceBar(minute, close, high, low, open, volume);
    }
}
