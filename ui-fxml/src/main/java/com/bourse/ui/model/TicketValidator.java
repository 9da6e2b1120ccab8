package com.bourse.ui.model;

import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;

import java.util.EnumMap;
import java.util.Map;

/**
 * The ticket's checks before anything is sent: the same tick, lot, band, limit and funds rules the engine
 * applies, with the engine's own words ({@link ErrorCode#description()}) plus the figure that would have
 * been right. The engine stays the authority; this only spares the trader a round trip. Stateless.
 */
public final class TicketValidator {

    private TicketValidator() {
    }

    public static TicketCheck check(TicketDraft d) {
        Map<TicketField, String> errors = new EnumMap<>(TicketField.class);
        Instrument instrument = d.instrument();
        if (instrument == null) {
            errors.put(TicketField.INSTRUMENT, "Choose an instrument");
        }
        if (d.accountId() == null) {
            errors.put(TicketField.ACCOUNT, "Choose an account");
        }
        OrderType type = d.type() == null ? OrderType.LIMIT : d.type();
        TimeInForce tif = d.timeInForce() == null ? TimeInForce.GTC : d.timeInForce();
        checkSpec(type, tif, d.postOnly(), errors);
        if (instrument == null) {
            return new TicketCheck(d, errors, 0, 0, 0, 0, 0);
        }

        long quantity = readQuantity(d.quantity(), instrument, d.limits(), TicketField.QUANTITY, errors);
        long price = type.hasLimitPrice() ? readPrice(d.price(), instrument, TicketField.PRICE, errors) : 0;
        long stop = type.isStop() ? readPrice(d.stopPrice(), instrument, TicketField.STOP_PRICE, errors) : 0;
        long display = readDisplay(d, type, tif, quantity, instrument, errors);

        long divisor = FixedPoint.pow10(instrument.priceScale() - d.currencyDigits());
        long valuation = type.hasLimitPrice() ? price : type.isStop() ? stop : d.lastPrice();
        long notional = 0;
        // The value needs a sound quantity and sound prices: a bad price is the price's fault, said at the price,
        // never a "too large to represent" blamed on the quantity.
        boolean pricesSound = !errors.containsKey(TicketField.PRICE) && !errors.containsKey(TicketField.STOP_PRICE);
        if (quantity > 0 && !errors.containsKey(TicketField.QUANTITY) && pricesSound) {
            long holdPrice = type.hasLimitPrice() ? price : instrument.highestPrice();
            if (overflows(holdPrice, quantity) || overflows(valuation, quantity)) {
                errors.put(TicketField.QUANTITY, ErrorCode.PRICE_OVERFLOW.description());
            } else {
                notional = valuation * quantity / divisor;
                checkLimitsAndFunds(d, instrument, quantity, holdPrice, notional, divisor, errors);
            }
        }
        return new TicketCheck(d, errors, quantity, price, stop, display, notional);
    }

    private static void checkSpec(OrderType type, TimeInForce tif, boolean postOnly, Map<TicketField, String> errors) {
        boolean rests = tif == TimeInForce.GTC || tif == TimeInForce.DAY;
        if (type == OrderType.MARKET && rests) {
            errors.put(TicketField.TIME_IN_FORCE, "A market order is IOC or FOK: it never rests on the book");
        } else if (type.isStop() && !rests) {
            errors.put(TicketField.TIME_IN_FORCE, "A stop order waits for its trigger: use GTC or DAY");
        }
        if (postOnly && (type != OrderType.LIMIT || !rests)) {
            errors.put(TicketField.TYPE, "Post-only needs a resting limit order (GTC or DAY)");
        }
    }

    private static long readQuantity(String text, Instrument instrument, RiskLimits limits, TicketField field,
                                     Map<TicketField, String> errors) {
        switch (Decimals.parseWhole(text)) {
            case Decimals.Parsed.Invalid invalid -> {
                errors.put(field, invalid.message());
                return 0;
            }
            case Decimals.Parsed.Value value -> {
                long q = value.units();
                if (q <= 0) {
                    errors.put(field, ErrorCode.INVALID_QUANTITY.description());
                } else if (q % instrument.lotSize() != 0) {
                    errors.put(field, ErrorCode.OFF_LOT_QUANTITY.description() + " ("
                            + Decimals.format(instrument.lotSize(), 0) + ")");
                } else if (limits != null && q > limits.maxOrderQuantity()) {
                    errors.put(field, ErrorCode.QUANTITY_LIMIT.description() + " ("
                            + Decimals.format(limits.maxOrderQuantity(), 0) + ")");
                }
                return q;
            }
        }
    }

    static long readPrice(String text, Instrument instrument, TicketField field,
                                  Map<TicketField, String> errors) {
        int scale = instrument.priceScale();
        switch (Decimals.parse(text, scale)) {
            case Decimals.Parsed.Invalid invalid -> {
                errors.put(field, invalid.message());
                return 0;
            }
            case Decimals.Parsed.Value value -> {
                long p = value.units();
                if (p <= 0) {
                    errors.put(field, ErrorCode.INVALID_PRICE.description());
                } else if (p % instrument.tickSize() != 0) {
                    errors.put(field, ErrorCode.OFF_TICK_PRICE.description() + " ("
                            + Decimals.plain(instrument.tickSize(), scale) + ")");
                } else if (p < instrument.lowestPrice() || p > instrument.highestPrice()) {
                    errors.put(field, ErrorCode.PRICE_OUT_OF_BAND.description() + " ("
                            + Decimals.format(instrument.lowestPrice(), scale) + " to "
                            + Decimals.format(instrument.highestPrice(), scale) + ")");
                }
                return p;
            }
        }
    }

    private static long readDisplay(TicketDraft d, OrderType type, TimeInForce tif, long quantity,
                                    Instrument instrument, Map<TicketField, String> errors) {
        String text = d.displayQuantity();
        if (text == null || text.isBlank()) {
            return 0;
        }
        switch (Decimals.parseWhole(text)) {
            case Decimals.Parsed.Invalid invalid -> {
                errors.put(TicketField.DISPLAY_QUANTITY, invalid.message());
                return 0;
            }
            case Decimals.Parsed.Value value -> {
                long shown = value.units();
                boolean rests = tif == TimeInForce.GTC || tif == TimeInForce.DAY;
                if (shown == 0) {
                    return 0;
                }
                if (shown < 0 || (quantity > 0 && shown > quantity)) {
                    errors.put(TicketField.DISPLAY_QUANTITY, ErrorCode.INVALID_DISPLAY_QUANTITY.description());
                } else if (type != OrderType.LIMIT || !rests) {
                    errors.put(TicketField.DISPLAY_QUANTITY, "Only a resting limit order can be an iceberg");
                } else if (shown % instrument.lotSize() != 0) {
                    errors.put(TicketField.DISPLAY_QUANTITY, ErrorCode.OFF_LOT_QUANTITY.description() + " ("
                            + Decimals.format(instrument.lotSize(), 0) + ")");
                }
                return shown;
            }
        }
    }

    private static void checkLimitsAndFunds(TicketDraft d, Instrument instrument, long quantity, long holdPrice,
                                            long notional, long divisor, Map<TicketField, String> errors) {
        RiskLimits limits = d.limits();
        int digits = d.currencyDigits();
        if (limits != null && notional > limits.maxOrderNotional()) {
            errors.put(TicketField.QUANTITY, ErrorCode.NOTIONAL_LIMIT.description() + " ("
                    + Decimals.format(limits.maxOrderNotional(), digits) + " " + instrument.currency() + ")");
            return;
        }
        if (d.side() == Side.BUY) {
            long hold = Math.ceilDiv(holdPrice * quantity, divisor);
            if (hold > d.availableCash()) {
                errors.put(TicketField.QUANTITY, ErrorCode.INSUFFICIENT_BALANCE.description() + ": "
                        + Decimals.format(d.availableCash(), digits) + " " + instrument.currency() + " available");
            }
        } else if (d.side() == Side.SELL && quantity > d.availablePosition()) {
            errors.put(TicketField.QUANTITY, ErrorCode.INSUFFICIENT_POSITION.description() + ": "
                    + Decimals.format(d.availablePosition(), 0) + " available");
        }
    }

    private static boolean overflows(long price, long quantity) {
        return Math.multiplyHigh(price, quantity) != 0 || price * quantity < 0;
    }
}
