package com.bourse.engine;

import com.bourse.protocol.Instrument;

/** An instrument as the engine trades it: its spec, its book, halt status, last price and waiting stops. */
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
    /** Waiting stop orders in entry order (singly linked through {@link Order#nextStop}). */
    Order firstStop;
    Order lastStop;
    int stopCount;

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
