package com.bourse.ui.port;

/**
 * One step of one of the trader's orders as the venue recorded it (see {@link TradingSession#orderHistory}).
 *
 * @param time         business time of the step, epoch ms
 * @param price        the order's limit price at that step (a fill's or a trigger's trade price), 0 when none
 * @param stopPrice    an accepted stop order's stop price, 0 otherwise
 * @param quantity     what the step moved: ordered (accepted, refused), filled, cancelled, expired, or the open
 *                     quantity after an amendment
 * @param leaves       what the order had open after the step
 * @param reason       why, in the trader's words (a refusal's, a hold's, a cancellation's), empty when none
 * @param otherOrderId the other order of its OCO group (an {@link Kind#OCO_LINKED} step), else 0
 */
public record OrderStep(long time, Kind kind, long price, long stopPrice, long quantity, long leaves, String reason,
                        long otherOrderId) {

    public OrderStep {
        reason = reason == null ? "" : reason;
    }

    /** What happened to the order. */
    public enum Kind {
        ACCEPTED,
        /** Refused at entry, or by a risk officer. */
        REJECTED,
        HELD,
        /** Approved by a risk officer. */
        RELEASED,
        /** A waiting stop elected by a trade. */
        TRIGGERED,
        FILLED,
        /** Price or quantity changed; {@code reason} says whether it kept its place. */
        AMENDED,
        /** A cancel or amend of the working order that the venue refused: the order is unchanged. */
        REQUEST_REFUSED,
        CANCELLED,
        EXPIRED,
        OCO_LINKED
    }
}
