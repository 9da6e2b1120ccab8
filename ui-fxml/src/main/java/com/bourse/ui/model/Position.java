package com.bourse.ui.model;

import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One account's position in one instrument with its average cost and P&L, all in exact fixed point:
 * cost and P&L are kept as price units × quantity (so 1 unit bought at 684.50 adds 68450 at scale 2) and turn
 * into money only when displayed. Average cost is the weighted average of buys; a sell realises the
 * difference between its price and that average. A position that existed before the session (an opening
 * balance) is carried at the market price when first seen, so its P&L counts from then. FX thread only.
 */
public final class Position {
    private final long accountId;
    private final Instrument instrument;
    private long quantity;
    private long cost;
    private long realised;

    public Position(long accountId, Instrument instrument) {
        this.accountId = accountId;
        this.instrument = instrument;
    }

    public void fill(Side side, long price, long filled) {
        if (side == Side.BUY) {
            quantity += filled;
            cost += Math.multiplyExact(price, filled);
            return;
        }
        long sold = Math.min(filled, quantity);
        if (sold <= 0) {
            return;
        }
        long costOfSold = sold == quantity ? cost : Math.multiplyExact(cost / quantity, sold)
                + (cost % quantity) * sold / quantity;
        realised += Math.multiplyExact(price, sold) - costOfSold;
        cost -= costOfSold;
        quantity -= sold;
    }

    /**
     * The ledger's word on the quantity after every posting; anything fills did not explain (deposits,
     * withdrawals, an opening balance) enters or leaves at {@code markPrice}.
     */
    public void settle(long balance, long markPrice) {
        long unexplained = balance - quantity;
        if (unexplained > 0) {
            fill(Side.BUY, markPrice, unexplained);
        } else if (unexplained < 0) {
            long out = -unexplained;
            long costOut = out >= quantity ? cost : cost / quantity * out;
            cost -= costOut;
            quantity -= out;
        }
    }

    public long accountId() {
        return accountId;
    }

    public Instrument instrument() {
        return instrument;
    }

    public long quantity() {
        return quantity;
    }

    /** Cost of the open quantity in price units × quantity. */
    public long cost() {
        return cost;
    }

    public long realisedValue() {
        return realised;
    }

    public long unrealisedValue(long markPrice) {
        return quantity == 0 || markPrice <= 0 ? 0 : Math.multiplyExact(markPrice, quantity) - cost;
    }

    /** Average cost per unit with two more decimals than a price, or null when flat. */
    public BigDecimal averagePrice() {
        if (quantity == 0) {
            return null;
        }
        return FixedPoint.toDecimal(cost, instrument.priceScale())
                .divide(BigDecimal.valueOf(quantity), instrument.priceScale() + 2, RoundingMode.HALF_EVEN);
    }

    /** A price-units × quantity value as money of the instrument's currency. */
    public BigDecimal money(long value, int currencyDigits) {
        return FixedPoint.toDecimal(value, instrument.priceScale()).setScale(currencyDigits, RoundingMode.HALF_EVEN);
    }
}
