package com.bourse.ui.model;

import com.bourse.protocol.BookLevel;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;

import java.util.List;

/**
 * The visible depth of one instrument as the ladder draws it: quantity and order count at every tick of the
 * price band, in arrays indexed by tick, so a book update is two array writes and the ladder reads rows
 * without searching. FX thread only.
 */
public final class DepthBook {
    private final Instrument instrument;
    private final long lowest;
    private final long tick;
    private final long[] bidQuantity;
    private final long[] askQuantity;
    private final int[] bidOrders;
    private final int[] askOrders;
    /** Quantity traded at each tick on the day of the latest trade (the ladder's volume column). */
    private final long[] traded;
    private long tradingDay = Long.MIN_VALUE;
    private long volumeToday;
    private final java.time.ZoneId zone;
    private int bestBid = -1;
    private int bestAsk = -1;
    private long lastTradePrice;
    private long lastTradeQuantity;
    private long version;

    public DepthBook(Instrument instrument) {
        this(instrument, java.time.ZoneId.systemDefault());
    }

    /** @param zone where a trading day starts and ends, for the volume traded at each price today */
    public DepthBook(Instrument instrument, java.time.ZoneId zone) {
        this.instrument = instrument;
        this.zone = zone;
        this.lowest = instrument.lowestPrice();
        this.tick = instrument.tickSize();
        int levels = (int) ((instrument.highestPrice() - lowest) / tick) + 1;
        this.bidQuantity = new long[levels];
        this.askQuantity = new long[levels];
        this.bidOrders = new int[levels];
        this.askOrders = new int[levels];
        this.traded = new long[levels];
    }

    public Instrument instrument() {
        return instrument;
    }

    public void reset(List<BookLevel> bids, List<BookLevel> asks, long lastTrade) {
        java.util.Arrays.fill(bidQuantity, 0);
        java.util.Arrays.fill(askQuantity, 0);
        java.util.Arrays.fill(bidOrders, 0);
        java.util.Arrays.fill(askOrders, 0);
        java.util.Arrays.fill(traded, 0);
        tradingDay = Long.MIN_VALUE;
        volumeToday = 0;
        bestBid = -1;
        bestAsk = -1;
        for (BookLevel level : bids) {
            set(Side.BUY, level.price(), level.quantity(), level.orderCount());
        }
        for (BookLevel level : asks) {
            set(Side.SELL, level.price(), level.quantity(), level.orderCount());
        }
        lastTradePrice = lastTrade;
        version++;
    }

    /** A level after a change, as the engine reported it (0 quantity when it emptied). */
    public void set(Side side, long price, long quantity, int orders) {
        int i = indexOf(price);
        if (i < 0) {
            return;
        }
        if (side == Side.BUY) {
            bidQuantity[i] = quantity;
            bidOrders[i] = orders;
            if (quantity > 0 && i > bestBid) {
                bestBid = i;
            } else if (quantity == 0 && i == bestBid) {
                int j = i - 1;
                while (j >= 0 && bidQuantity[j] == 0) {
                    j--;
                }
                bestBid = j;
            }
        } else {
            askQuantity[i] = quantity;
            askOrders[i] = orders;
            if (quantity > 0 && (bestAsk < 0 || i < bestAsk)) {
                bestAsk = i;
            } else if (quantity == 0 && i == bestAsk) {
                int j = i + 1;
                while (j < askQuantity.length && askQuantity[j] == 0) {
                    j++;
                }
                bestAsk = j < askQuantity.length ? j : -1;
            }
        }
        version++;
    }

    public void trade(long price, long quantity) {
        lastTradePrice = price;
        lastTradeQuantity = quantity;
        version++;
    }

    /**
     * A trade at {@code time} (epoch ms): the last trade, and its quantity added to the day's volume at its price.
     * The first trade of a later day starts the volume afresh; a late print of an earlier day counts for nothing.
     */
    public void trade(long time, long price, long quantity) {
        long day = java.time.Instant.ofEpochMilli(time).atZone(zone).toLocalDate().toEpochDay();
        if (day > tradingDay) {
            java.util.Arrays.fill(traded, 0);
            tradingDay = day;
            volumeToday = 0;
        }
        int i = indexOf(price);
        if (day == tradingDay) {
            volumeToday += quantity;
            if (i >= 0) {
                traded[i] += quantity;
            }
        }
        trade(price, quantity);
    }

    /** Quantity traded on the day of the latest trade, at every price. */
    public long volumeToday() {
        return volumeToday;
    }

    /** Quantity traded at {@code price} on the day of the latest trade (0 when none). */
    public long tradedAt(long price) {
        int i = indexOf(price);
        return i < 0 ? 0 : traded[i];
    }

    public long quantityAt(Side side, long price) {
        int i = indexOf(price);
        return i < 0 ? 0 : side == Side.BUY ? bidQuantity[i] : askQuantity[i];
    }

    public int ordersAt(Side side, long price) {
        int i = indexOf(price);
        return i < 0 ? 0 : side == Side.BUY ? bidOrders[i] : askOrders[i];
    }

    /** Best bid price, or 0 when no bids. */
    public long bestBid() {
        return bestBid < 0 ? 0 : priceAt(bestBid);
    }

    /** Best ask price, or 0 when no asks. */
    public long bestAsk() {
        return bestAsk < 0 ? 0 : priceAt(bestAsk);
    }

    public long lastTradePrice() {
        return lastTradePrice;
    }

    public long lastTradeQuantity() {
        return lastTradeQuantity;
    }

    /** Where the market is: mid of the touch, else last trade, else the reference price; on a tick. */
    public long centrePrice() {
        long bid = bestBid();
        long ask = bestAsk();
        long centre;
        if (bid > 0 && ask > 0) {
            centre = (bid + ask) / 2;
        } else if (lastTradePrice > 0) {
            centre = lastTradePrice;
        } else if (bid > 0 || ask > 0) {
            centre = Math.max(bid, ask);
        } else {
            centre = instrument.referencePrice();
        }
        return Math.floorDiv(centre, tick) * tick;
    }

    /** Increases on every change, so a view redraws only when something moved. */
    public long version() {
        return version;
    }

    public long lowestPrice() {
        return lowest;
    }

    public long highestPrice() {
        return priceAt(bidQuantity.length - 1);
    }

    private long priceAt(int index) {
        return lowest + index * tick;
    }

    private int indexOf(long price) {
        long offset = price - lowest;
        if (offset < 0 || offset % tick != 0) {
            return -1;
        }
        long i = offset / tick;
        return i < bidQuantity.length ? (int) i : -1;
    }
}
