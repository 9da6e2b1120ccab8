package com.bourse.simulator.agents;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;

/**
 * One instrument's market as the engine's events describe it: the quantity at every price of the band (a slot per
 * tick, like the engine's own book sides), the best bid and ask, the last trade and whether trading is halted.
 * What every agent sees; it never reads the engine. Prices in the instrument's price units, 0 for "none".
 * Simulation thread only.
 */
public final class BookView {
    private final Instrument instrument;
    private final long lowest;
    private final long tick;
    private final long[] bids;
    private final long[] asks;
    private long bestBid;
    private long bestAsk;
    private long lastTrade;
    private boolean halted;

    public BookView(Instrument instrument) {
        this.instrument = instrument;
        this.lowest = instrument.lowestPrice();
        this.tick = instrument.tickSize();
        int slots = (int) ((instrument.highestPrice() - lowest) / tick) + 1;
        this.bids = new long[slots];
        this.asks = new long[slots];
    }

    public Instrument instrument() {
        return instrument;
    }

    /** A level's new visible quantity (0 when it emptied). */
    public void onLevel(Side side, long price, long quantity) {
        int slot = (int) ((price - lowest) / tick);
        if (slot < 0 || slot >= bids.length) {
            return;
        }
        if (side == Side.BUY) {
            bids[slot] = quantity;
            if (quantity > 0 && price > bestBid) {
                bestBid = price;
            } else if (quantity == 0 && price == bestBid) {
                bestBid = 0;
                for (int s = slot - 1; s >= 0; s--) {
                    if (bids[s] > 0) {
                        bestBid = lowest + s * tick;
                        break;
                    }
                }
            }
        } else {
            asks[slot] = quantity;
            if (quantity > 0 && (bestAsk == 0 || price < bestAsk)) {
                bestAsk = price;
            } else if (quantity == 0 && price == bestAsk) {
                bestAsk = 0;
                for (int s = slot + 1; s < asks.length; s++) {
                    if (asks[s] > 0) {
                        bestAsk = lowest + s * tick;
                        break;
                    }
                }
            }
        }
    }

    public void onTrade(long price) {
        lastTrade = price;
    }

    public void onStatus(boolean halted) {
        this.halted = halted;
    }

    public long bestBid() {
        return bestBid;
    }

    public long bestAsk() {
        return bestAsk;
    }

    /** Quantity shown at {@code price} on {@code side}. */
    public long quantityAt(Side side, long price) {
        int slot = (int) ((price - lowest) / tick);
        if (slot < 0 || slot >= bids.length) {
            return 0;
        }
        return side == Side.BUY ? bids[slot] : asks[slot];
    }

    public long lastTrade() {
        return lastTrade;
    }

    public boolean halted() {
        return halted;
    }

    public boolean twoSided() {
        return bestBid > 0 && bestAsk > 0;
    }

    /** Ask minus bid, 0 unless both sides show. */
    public long spread() {
        return twoSided() ? bestAsk - bestBid : 0;
    }

    /**
     * The mid in half price units (bid + ask), or twice the one side shown, the last trade, the reference: a price
     * everyone can agree on without rounding.
     */
    public long doubleMid() {
        if (twoSided()) {
            return bestBid + bestAsk;
        }
        long one = bestBid > 0 ? bestBid : bestAsk > 0 ? bestAsk : lastTrade > 0 ? lastTrade
                : instrument.referencePrice();
        return 2 * one;
    }

    /** The mid rounded down to a tick. */
    public long midOnTick() {
        return Math.floorDiv(doubleMid() / 2, tick) * tick;
    }
}
