package com.bourse.app.desktop;

import com.bourse.backoffice.store.OrderEventLine;
import com.bourse.backoffice.store.OrderLine;
import com.bourse.backoffice.store.OrderRepository;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.port.KeptHistory;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.OrderStep;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's record of a trader's orders as the trading port gives it to a window: one order's steps up to the
 * journal sequence the window's snapshot was taken at ({@link #history}), and the orders refused at entry on a trade
 * date ({@link #refused}). Reads only; the caller has waited for the projections to hold that sequence. Thread-safe.
 */
final class StoredOrders {
    private final OrderRepository orders;

    StoredOrders(OrderRepository orders) {
        this.orders = orders;
    }

    /** Every step of the account's order {@code orderId} from journal commands up to {@code upToSeq}, oldest first. */
    KeptHistory history(long accountId, long orderId, long upToSeq) {
        Optional<OrderLine> order = orders.byOrderId(accountId, orderId);
        if (order.isEmpty()) {
            return new KeptHistory(true, List.of());
        }
        List<OrderStep> steps = new ArrayList<>();
        for (OrderEventLine e : orders.history(order.get().entrySeq())) {
            if (e.seq() <= upToSeq) {
                steps.add(step(order.get(), e));
            }
        }
        return new KeptHistory(true, steps);
    }

    /** The newest {@code newest} orders of the account refused at entry on {@code tradeDate}, oldest first. */
    List<MarketSnapshot.Refused> refused(long accountId, LocalDate tradeDate, int newest) {
        List<MarketSnapshot.Refused> result = new ArrayList<>();
        for (OrderLine o : orders.refusedAtEntry(accountId, tradeDate, newest)) {
            Optional<ErrorCode> reason = errorCode(o.reason());
            // an entry refused as malformed (no side, type or time in force) has nothing a blotter row could show
            if (reason.isPresent() && o.side() != null && o.orderType() != null && o.timeInForce() != null) {
                result.add(new MarketSnapshot.Refused(o.orderId(), o.accountId(), o.instrumentId(),
                        Side.valueOf(o.side()), OrderType.valueOf(o.orderType()),
                        TimeInForce.valueOf(o.timeInForce()), o.price(), o.stopPrice(), o.quantity(),
                        o.displayQuantity(), reason.get(), o.enteredAt().toEpochMilli()));
            }
        }
        return result;
    }

    private static OrderStep step(OrderLine order, OrderEventLine e) {
        long time = e.at().toEpochMilli();
        return switch (e.kind()) {
            case "ACCEPTED" -> new OrderStep(time, OrderStep.Kind.ACCEPTED, e.price(), order.stopPrice(),
                    e.quantity(), e.leaves(), "", 0);
            case "REJECTED" -> simple(time, OrderStep.Kind.REJECTED, e, refusal(e.reason()));
            case "HELD" -> simple(time, OrderStep.Kind.HELD, e, refusal(e.reason()));
            case "APPROVED" -> simple(time, OrderStep.Kind.RELEASED, e, "");
            case "TRIGGERED" -> simple(time, OrderStep.Kind.TRIGGERED, e, "");
            case "FILL" -> simple(time, OrderStep.Kind.FILLED, e, "");
            case "AMENDED" -> amended(time, e, "kept its place");
            case "REPLACED" -> amended(time, e, "lost its place");
            case "REQUEST_REFUSED" -> simple(time, OrderStep.Kind.REQUEST_REFUSED, e, refusal(e.reason()));
            case "CANCELLED" -> simple(time, OrderStep.Kind.CANCELLED, e, cancellation(e.reason()));
            case "EXPIRED" -> simple(time, OrderStep.Kind.EXPIRED, e, "");
            case "OCO_LINKED" -> new OrderStep(time, OrderStep.Kind.OCO_LINKED, e.price(), 0, e.quantity(),
                    e.leaves(), "", otherOrder(e.reason()));
            default -> throw new IllegalStateException("an order step the store does not define: " + e.kind());
        };
    }

    /** An amendment names a stop order's trigger after it, as the window that heard it did. */
    private static OrderStep amended(long time, OrderEventLine e, String place) {
        return new OrderStep(time, OrderStep.Kind.AMENDED, e.price(), e.stopPrice(), e.quantity(), e.leaves(), place, 0);
    }

    private static OrderStep simple(long time, OrderStep.Kind kind, OrderEventLine e, String reason) {
        return new OrderStep(time, kind, e.price(), 0, e.quantity(), e.leaves(), reason, 0);
    }

    /** The projection writes a refusal's or a hold's reason as the engine's error code name. */
    private static String refusal(String name) {
        return errorCode(name).map(ErrorCode::description).orElse(name == null ? "" : name);
    }

    private static String cancellation(String name) {
        try {
            return name == null ? "" : CancelReason.valueOf(name).description();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static Optional<ErrorCode> errorCode(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(ErrorCode.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The projection names the other leg of an OCO group as "OCO with 12". */
    private static long otherOrder(String note) {
        String digits = note == null ? "" : note.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
