package com.bourse.engine;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;

/**
 * An instrument as the engine trades it: its spec, its book, halt status, last price, its waiting stops and the
 * range its trades covered since stops were last elected.
 */
final class InstrumentState {
    final Instrument spec;
    /** Index of this instrument as a ledger asset (positions are balances of it). */
    final int assetIndex;
    /** Index of its settlement currency as a ledger asset. */
    final int currencyAssetIndex;
    final String currencyCode;
    /** 10^(priceScale - currency minor digits): price × quantity / divisor = cash in minor units. */
    final long notionalDivisor;
    /** Large-amount threshold in minor units of the instrument's currency. */
    final long largeAmount;
    final long lowestPrice;
    final long highestPrice;
    final BookSide bids;
    final BookSide asks;
    boolean halted;
    long lastTradePrice;
    /**
     * Waiting stop orders in time priority (singly linked through {@link Order#nextStop}): entry order, except that
     * an amendment that changes a stop's prices or raises its quantity sends it to the back.
     */
    Order firstStop;
    Order lastStop;
    int stopCount;
    /** Elected stops waiting for their turn to trade, in election order (through {@link Order#nextStop}). */
    Order firstElected;
    Order lastElected;
    /** Lowest and highest trade price since stops were last elected; {@code traded} is false when no trade was. */
    boolean traded;
    long tradedLow;
    long tradedHigh;

    InstrumentState(Instrument spec, int assetIndex, int currencyAssetIndex, String currencyCode,
                    long notionalDivisor, long largeAmount) {
        this.spec = spec;
        this.assetIndex = assetIndex;
        this.currencyAssetIndex = currencyAssetIndex;
        this.currencyCode = currencyCode;
        this.notionalDivisor = notionalDivisor;
        this.largeAmount = largeAmount;
        this.lowestPrice = spec.lowestPrice();
        this.highestPrice = spec.highestPrice();
        int slots = (int) ((highestPrice - lowestPrice) / spec.tickSize()) + 1;
        this.bids = new BookSide(true, lowestPrice, spec.tickSize(), slots);
        this.asks = new BookSide(false, lowestPrice, spec.tickSize(), slots);
        this.lastTradePrice = spec.referencePrice();
    }

    long id() {
        return spec.id();
    }

    String symbol() {
        return spec.symbol();
    }

    BookSide side(boolean buy) {
        return buy ? bids : asks;
    }

    boolean inBand(long price) {
        return price >= lowestPrice && price <= highestPrice;
    }

    boolean onTick(long price) {
        return price % spec.tickSize() == 0;
    }

    void addStop(Order order) {
        order.nextStop = null;
        if (lastStop == null) {
            firstStop = order;
        } else {
            lastStop.nextStop = order;
        }
        lastStop = order;
        stopCount++;
    }

    /** Records a trade's price for the next election of stops. */
    void recordTrade(long price) {
        if (!traded) {
            traded = true;
            tradedLow = price;
            tradedHigh = price;
        } else {
            tradedLow = Math.min(tradedLow, price);
            tradedHigh = Math.max(tradedHigh, price);
        }
    }

    /** Has the market traded at or through this stop price: at it or above for a buy, at it or below for a sell? */
    static boolean reached(boolean buy, long stopPrice, long low, long high) {
        return buy ? high >= stopPrice : low <= stopPrice;
    }

    /** Would a stop at this price already be elected by the last trade (the reference price before any)? */
    boolean stopAlreadyReached(boolean buy, long stopPrice) {
        return reached(buy, stopPrice, lastTradePrice, lastTradePrice);
    }

    /**
     * Moves every waiting stop that the trades since the last election reached to the back of the elected queue,
     * in their time priority, and forgets those trades.
     */
    void electStops() {
        if (!traded) {
            return;
        }
        traded = false;
        Order previous = null;
        Order o = firstStop;
        while (o != null) {
            Order next = o.nextStop;
            if (reached(o.side == Side.BUY, o.stopPrice, tradedLow, tradedHigh)) {
                if (previous == null) {
                    firstStop = next;
                } else {
                    previous.nextStop = next;
                }
                if (lastStop == o) {
                    lastStop = previous;
                }
                stopCount--;
                o.electedAt = o.side == Side.BUY ? tradedHigh : tradedLow;
                o.state = OrderState.INCOMING;
                o.elected = true;
                o.nextStop = null;
                if (lastElected == null) {
                    firstElected = o;
                } else {
                    lastElected.nextStop = o;
                }
                lastElected = o;
            } else {
                previous = o;
            }
            o = next;
        }
    }

    /** The next elected stop to trade, taken off the queue, or null. */
    Order nextElected() {
        Order o = firstElected;
        if (o != null) {
            firstElected = o.nextStop;
            if (firstElected == null) {
                lastElected = null;
            }
            o.nextStop = null;
        }
        return o;
    }

    /** Takes an elected stop off the queue before its turn (its OCO group ended); nothing when it is not queued. */
    void removeElected(Order order) {
        Order previous = null;
        for (Order o = firstElected; o != null; previous = o, o = o.nextStop) {
            if (o == order) {
                if (previous == null) {
                    firstElected = o.nextStop;
                } else {
                    previous.nextStop = o.nextStop;
                }
                if (lastElected == o) {
                    lastElected = previous;
                }
                o.nextStop = null;
                return;
            }
        }
    }

    void removeStop(Order order) {
        Order previous = null;
        for (Order o = firstStop; o != null; previous = o, o = o.nextStop) {
            if (o == order) {
                if (previous == null) {
                    firstStop = o.nextStop;
                } else {
                    previous.nextStop = o.nextStop;
                }
                if (lastStop == o) {
                    lastStop = previous;
                }
                o.nextStop = null;
                stopCount--;
                return;
            }
        }
    }
}
