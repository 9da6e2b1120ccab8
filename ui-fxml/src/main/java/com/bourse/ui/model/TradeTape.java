package com.bourse.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trades of one instrument in time order, in primitive arrays (time, price, quantity), and the candles
 * they make over a chosen interval. Candles are built incrementally: a new trade only extends the last
 * candle or opens a new one, so a chart repainting every frame costs the trades since the last frame, not
 * the whole tape. Keeps the latest {@code capacity} trades. FX thread only.
 */
public final class TradeTape {
    private static final int MAX_CANDLES = 2_000;
    private final int capacity;
    private long[] times = new long[1024];
    private long[] prices = new long[1024];
    private long[] quantities = new long[1024];
    private int size;
    private long version;
    private long candleInterval;
    private int candledUpTo;
    private final List<Candle> candles = new ArrayList<>();

    public TradeTape(int capacity) {
        this.capacity = capacity;
    }

    public void add(long time, long price, long quantity) {
        if (size == capacity) {
            int drop = capacity / 4;
            System.arraycopy(times, drop, times, 0, size - drop);
            System.arraycopy(prices, drop, prices, 0, size - drop);
            System.arraycopy(quantities, drop, quantities, 0, size - drop);
            size -= drop;
            candleInterval = 0;
        }
        if (size == times.length) {
            int grown = Math.min(capacity, times.length * 2);
            times = Arrays.copyOf(times, grown);
            prices = Arrays.copyOf(prices, grown);
            quantities = Arrays.copyOf(quantities, grown);
        }
        times[size] = time;
        prices[size] = price;
        quantities[size] = quantity;
        size++;
        version++;
    }

    public int size() {
        return size;
    }

    public long version() {
        return version;
    }

    /** One interval of trading: prices in instrument units, volume in units of the instrument. */
    public record Candle(long start, long open, long high, long low, long close, long volume) {
    }

    /** The last {@code maxCandles} candles of {@code intervalMillis}, oldest first; empty intervals are skipped. */
    public List<Candle> candles(long intervalMillis, int maxCandles) {
        if (intervalMillis != candleInterval) {
            candleInterval = intervalMillis;
            candledUpTo = 0;
            candles.clear();
        }
        for (int j = candledUpTo; j < size; j++) {
            long start = Math.floorDiv(times[j], intervalMillis) * intervalMillis;
            Candle last = candles.isEmpty() ? null : candles.getLast();
            if (last == null || start > last.start()) {
                candles.add(new Candle(start, prices[j], prices[j], prices[j], prices[j], quantities[j]));
            } else {
                // A late print (its time before the last candle) still counts in the last candle.
                candles.set(candles.size() - 1, new Candle(last.start(), last.open(), Math.max(last.high(), prices[j]),
                        Math.min(last.low(), prices[j]), prices[j], last.volume() + quantities[j]));
            }
        }
        candledUpTo = size;
        if (candles.size() > MAX_CANDLES) {
            candles.subList(0, candles.size() - MAX_CANDLES).clear();
        }
        return List.copyOf(candles.subList(Math.max(0, candles.size() - maxCandles), candles.size()));
    }
}
