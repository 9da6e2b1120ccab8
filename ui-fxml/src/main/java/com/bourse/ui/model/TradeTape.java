package com.bourse.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trades of one instrument in time order, in primitive arrays (time, price, quantity), and the candles
 * they make over any interval. Keeps the latest {@code capacity} trades. FX thread only.
 */
public final class TradeTape {
    private final int capacity;
    private long[] times = new long[1024];
    private long[] prices = new long[1024];
    private long[] quantities = new long[1024];
    private int size;
    private long version;

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

    /** The last {@code maxCandles} candles of {@code intervalMillis}, oldest first; intervals without trades are skipped. */
    public List<Candle> candles(long intervalMillis, int maxCandles) {
        List<Candle> result = new ArrayList<>();
        int i = size - 1;
        // Walk back to find where the last maxCandles intervals start, then build forwards.
        long lastBucket = Long.MIN_VALUE;
        int buckets = 0;
        while (i >= 0) {
            long bucket = Math.floorDiv(times[i], intervalMillis);
            if (bucket != lastBucket) {
                if (buckets == maxCandles) {
                    break;
                }
                buckets++;
                lastBucket = bucket;
            }
            i--;
        }
        long open = 0, high = 0, low = 0, close = 0, volume = 0, start = Long.MIN_VALUE;
        for (int j = i + 1; j < size; j++) {
            long bucketStart = Math.floorDiv(times[j], intervalMillis) * intervalMillis;
            if (bucketStart != start) {
                if (start != Long.MIN_VALUE) {
                    result.add(new Candle(start, open, high, low, close, volume));
                }
                start = bucketStart;
                open = high = low = close = prices[j];
                volume = 0;
            }
            high = Math.max(high, prices[j]);
            low = Math.min(low, prices[j]);
            close = prices[j];
            volume += quantities[j];
        }
        if (start != Long.MIN_VALUE) {
            result.add(new Candle(start, open, high, low, close, volume));
        }
        return result;
    }
}
