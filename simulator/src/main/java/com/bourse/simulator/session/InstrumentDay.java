package com.bourse.simulator.session;

import com.bourse.protocol.Instrument;

import java.util.Arrays;

/**
 * One instrument's day as the events told it: open, high, low, close and volume of its trades, the spread sampled
 * once a simulated second while both sides showed, and the mid at every minute (for the stylized facts).
 * Prices in the instrument's price units; 0 while nothing traded. Simulation thread only.
 */
public final class InstrumentDay {
    private final Instrument instrument;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private long trades;
    private long spreadSum;
    private long spreadSamples;
    private long[] minuteDoubleMids = new long[64];
    private int minutes;
    private int halts;

    InstrumentDay(Instrument instrument) {
        this.instrument = instrument;
    }

    void trade(long price, long quantity) {
        if (trades++ == 0) {
            open = price;
            high = price;
            low = price;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
        volume += quantity;
    }

    void spread(long spread) {
        spreadSum += spread;
        spreadSamples++;
    }

    void minute(long doubleMid) {
        if (minutes == minuteDoubleMids.length) {
            minuteDoubleMids = Arrays.copyOf(minuteDoubleMids, minutes * 2);
        }
        minuteDoubleMids[minutes++] = doubleMid;
    }

    void halted() {
        halts++;
    }

    public Instrument instrument() {
        return instrument;
    }

    public long open() {
        return open;
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    public long close() {
        return close;
    }

    public long volume() {
        return volume;
    }

    public long trades() {
        return trades;
    }

    public int halts() {
        return halts;
    }

    /** Mean quoted spread in ticks (a ratio for display and tests, not a price); 0 without a sample. */
    public double meanSpreadTicks() {
        return spreadSamples == 0 ? 0 : (double) spreadSum / spreadSamples / instrument.tickSize();
    }

    /** Twice the mid at the end of each simulated minute so far (twice, so it stays a whole number of units). */
    public long[] minuteDoubleMids() {
        return Arrays.copyOf(minuteDoubleMids, minutes);
    }
}
