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
    private final java.time.ZoneId zone;
    private long vwapDay = Long.MIN_VALUE;
    private long dayTurnover;
    private long dayVolume;
    private final List<Candle> candles = new ArrayList<>();

    public TradeTape(int capacity) {
        this(capacity, java.time.ZoneId.systemDefault());
    }

    /** @param zone where a trading day starts, for the volume-weighted average price */
    public TradeTape(int capacity, java.time.ZoneId zone) {
        this.capacity = capacity;
        this.zone = zone;
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

    /** Forgets every trade (a reload brings the venue's own history). */
    public void clear() {
        size = 0;
        version++;
        candleInterval = 0;
        candledUpTo = 0;
        candles.clear();
        vwapDay = Long.MIN_VALUE;
    }

    public int size() {
        return size;
    }

    /** The {@code k}-th trade still held, oldest first: time (epoch ms). */
    public long timeAt(int k) {
        return times[k];
    }

    public long priceAt(int k) {
        return prices[k];
    }

    public long quantityAt(int k) {
        return quantities[k];
    }

    public long version() {
        return version;
    }

    /**
     * One interval of trading: prices in instrument units, volume in units of the instrument.
     *
     * @param vwap the day's volume-weighted average price up to the end of this candle (price units, rounded half
     *             up), over every trade of that day the tape holds
     */
    public record Candle(long start, long open, long high, long low, long close, long volume, long vwap) {
    }

    /** The last {@code maxCandles} candles of {@code intervalMillis}, oldest first; empty intervals are skipped. */
    public List<Candle> candles(long intervalMillis, int maxCandles) {
        if (intervalMillis != candleInterval) {
            candleInterval = intervalMillis;
            candledUpTo = 0;
            candles.clear();
            vwapDay = Long.MIN_VALUE;
        }
        for (int j = candledUpTo; j < size; j++) {
            long start = Math.floorDiv(times[j], intervalMillis) * intervalMillis;
            long day = java.time.Instant.ofEpochMilli(times[j]).atZone(zone).toLocalDate().toEpochDay();
            if (day > vwapDay) {
                vwapDay = day;
                dayTurnover = 0;
                dayVolume = 0;
            }
            dayTurnover = Math.addExact(dayTurnover, Math.multiplyExact(prices[j], quantities[j]));
            dayVolume += quantities[j];
            long vwap = dayVolume == 0 ? prices[j] : (2 * dayTurnover + dayVolume) / (2 * dayVolume);
            Candle last = candles.isEmpty() ? null : candles.getLast();
            if (last == null || start > last.start()) {
                candles.add(new Candle(start, prices[j], prices[j], prices[j], prices[j], quantities[j], vwap));
            } else {
                // A late print (its time before the last candle) still counts in the last candle.
                candles.set(candles.size() - 1, new Candle(last.start(), last.open(), Math.max(last.high(), prices[j]),
                        Math.min(last.low(), prices[j]), prices[j], last.volume() + quantities[j], vwap));
            }
        }
        candledUpTo = size;
        if (candles.size() > MAX_CANDLES) {
            candles.subList(0, candles.size() - MAX_CANDLES).clear();
        }
        return List.copyOf(candles.subList(Math.max(0, candles.size() - maxCandles), candles.size()));
    }
}
