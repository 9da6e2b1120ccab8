package com.bourse.ui.model;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.port.OrderStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every step of each of the trader's orders this window heard, with its time: accepted, refused, held, released,
 * elected, filled in part or in full, amended, linked into an OCO group, cancelled or expired and why. Kept for the
 * newest {@link #MAX_ORDERS} orders. The steps the venue kept from before the window opened read the same words
 * ({@link #describe}), so an order's whole history is what the venue kept followed by what the window heard. FX thread
 * only (the desk state writes it as it applies events).
 */
public final class OrderHistory {
    static final int MAX_ORDERS = 5_000;

    /** One step of an order: when, what happened (a word), and the details in the trader's terms. */
    public record Step(Instant time, String event, String detail) {
    }

    private final Map<String, List<Step>> steps = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Step>> eldest) {
            return size() > MAX_ORDERS;
        }
    };

    void record(long accountId, long orderId, long epochMillis, String event, String detail) {
        steps.computeIfAbsent(key(accountId, orderId), k -> new ArrayList<>())
                .add(new Step(Instant.ofEpochMilli(epochMillis), event, detail));
    }

    /** The order's steps, oldest first; empty when this window heard nothing of it. */
    public List<Step> of(long accountId, long orderId) {
        return List.copyOf(steps.getOrDefault(key(accountId, orderId), List.of()));
    }

    /**
     * The steps the venue kept of {@code order} (an order of instrument {@code i}), oldest first, in the words this
     * window uses for what it hears.
     */
    public static List<Step> describe(List<OrderStep> kept, OrderRow order, Instrument i) {
        List<Step> result = new ArrayList<>(kept.size());
        for (OrderStep s : kept) {
            Instant time = Instant.ofEpochMilli(s.time());
            result.add(switch (s.kind()) {
                case ACCEPTED -> new Step(time, "Accepted", accepted(order.side(), s.quantity(), i, order.type(),
                        s.price(), s.stopPrice(), order.timeInForce()));
                case REJECTED, REQUEST_REFUSED -> new Step(time, "Rejected", s.reason());
                case HELD -> new Step(time, "Held", s.reason());
                case RELEASED -> new Step(time, "Released", RELEASED);
                case TRIGGERED -> new Step(time, "Triggered", triggered(i, s.price()));
                case FILLED -> new Step(time, fillEvent(s.leaves()), fill(i, s.quantity(), s.price(), s.leaves()));
                case AMENDED -> new Step(time, "Amended", amended(i, s.price(), s.stopPrice(), s.quantity(),
                        s.reason()));
                case CANCELLED -> new Step(time, "Cancelled", ended(s.quantity()) + ": " + s.reason());
                case EXPIRED -> new Step(time, "Expired", ended(s.quantity()));
                case OCO_LINKED -> new Step(time, "OCO", order.orderId() < s.otherOrderId()
                        ? ocoTarget(order.orderId(), s.otherOrderId()) : ocoStop(s.otherOrderId()));
            });
        }
        return result;
    }

    // ---- The words of each step, the same heard or kept ----------------------------------------------

    static final String RELEASED = "approved by a risk officer";

    static String accepted(Side side, long quantity, Instrument i, OrderType type, long price, long stopPrice,
                           TimeInForce tif) {
        return (side == Side.BUY ? "Buy " : "Sell ") + Decimals.format(quantity, 0) + " "
                + (i == null ? "" : i.symbol()) + " " + type.name()
                + (i != null && type.hasLimitPrice() ? " at " + Decimals.format(price, i.priceScale()) : "")
                + (i != null && type.isStop() ? " stop " + Decimals.format(stopPrice, i.priceScale()) : "")
                + " " + tif.name();
    }

    static String triggered(Instrument i, long price) {
        return "stop elected by a trade at " + price(i, price);
    }

    static String fillEvent(long leaves) {
        return leaves == 0 ? "Filled" : "Partially filled";
    }

    static String fill(Instrument i, long quantity, long price, long leaves) {
        return Decimals.format(quantity, 0) + " at " + price(i, price) + ", " + Decimals.format(leaves, 0) + " open";
    }

    /** {@code place}: "kept its place" or "lost its place". */
    static String amended(Instrument i, long price, long stopPrice, long quantity, String place) {
        return (i != null && price != 0 ? "price " + Decimals.format(price, i.priceScale()) + ", " : "")
                + (i != null && stopPrice != 0 ? "stop " + Decimals.format(stopPrice, i.priceScale()) + ", " : "")
                + "open quantity " + Decimals.format(quantity, 0) + " (" + place + ")";
    }

    static String ended(long openQuantity) {
        return Decimals.format(openQuantity, 0) + " open";
    }

    static String ocoTarget(long targetOrderId, long stopOrderId) {
        return "target of OCO group " + targetOrderId + " with stop order " + stopOrderId;
    }

    static String ocoStop(long targetOrderId) {
        return "stop of OCO group " + targetOrderId + " with target order " + targetOrderId;
    }

    private static String price(Instrument i, long units) {
        return i == null ? String.valueOf(units) : Decimals.format(units, i.priceScale());
    }

    /** Client order ids are unique per account only. */
    private static String key(long accountId, long orderId) {
        return accountId + "/" + orderId;
    }
}
