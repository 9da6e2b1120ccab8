package com.bourse.protocol;

import java.util.Objects;

/**
 * A tradable instrument. Prices are {@code long} counts of 10^-priceScale currency units; quantities are
 * whole units. The price band in basis points around the reference price bounds every price the book
 * may hold, which is what lets the engine index its levels by tick.
 *
 * @param id             engine-wide identifier, positive
 * @param symbol         ticker, unique
 * @param currency       settlement currency code, e.g. "EUR"
 * @param priceScale     decimal places of a price; at least the currency's minor digits
 * @param tickSize       smallest price step, in price units
 * @param lotSize        smallest quantity step
 * @param referencePrice the band's centre, in price units, a multiple of the tick
 * @param bandBps        half-width of the band in basis points of the reference price
 */
public record Instrument(long id, String symbol, String currency, int priceScale, long tickSize, long lotSize,
                         long referencePrice, int bandBps) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
    }

    /** The lowest price the band allows, rounded up to a tick. */
    public long lowestPrice() {
        long raw = referencePrice - Math.multiplyExact(referencePrice, (long) bandBps) / 10_000;
        long ticks = Math.ceilDiv(raw, tickSize);
        return Math.max(tickSize, ticks * tickSize);
    }

    /** The highest price the band allows, rounded down to a tick. */
    public long highestPrice() {
        long raw = referencePrice + Math.multiplyExact(referencePrice, (long) bandBps) / 10_000;
        return Math.floorDiv(raw, tickSize) * tickSize;
    }
}
