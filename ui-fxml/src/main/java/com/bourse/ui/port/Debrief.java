package com.bourse.ui.port;

import com.bourse.protocol.Side;

import java.time.LocalTime;
import java.util.List;

/**
 * How a trainee did in one session, as the debrief shows it and the PDF prints it. Money is in minor units of
 * {@code currency} ({@code minorDigits}); prices in the instrument's price units with {@code priceScale}; slippage
 * in ticks (positive: worse than the benchmark).
 *
 * @param pnl      trading result marked to the market, once a simulated minute, in the base currency
 * @param attempts earlier finished attempts at the same scenario, oldest first, this one excluded
 */
public record Debrief(String scenario, String title, long seed, LocalTime reached, boolean finished,
                      String currency, int minorDigits, long pnlMinor, List<PnlPoint> pnl, List<FillLine> fills,
                      List<ReviewLine> reviews, long riskAlerts, long rejectedOrders, List<GoalLine> goals,
                      List<Attempt> attempts) {
    public Debrief {
        pnl = List.copyOf(pnl);
        fills = List.copyOf(fills);
        reviews = List.copyOf(reviews);
        goals = List.copyOf(goals);
        attempts = List.copyOf(attempts);
    }

    public record PnlPoint(LocalTime time, long pnlMinor) {
    }

    /**
     * One fill: the mid when its order arrived and the market's volume-weighted price from that arrival to this
     * fill (0 when unknown: no two-sided book, no trades).
     */
    public record FillLine(LocalTime time, long orderId, String symbol, int priceScale, Side side, long quantity,
                           long price, long arrivalMid, long intervalVwap, double slippageVsMidTicks,
                           double slippageVsVwapTicks) {
    }

    /** An order or transfer of the trainee held for a risk officer; {@code decided} null while it waits. */
    public record ReviewLine(String subject, long subjectId, LocalTime held, LocalTime decided) {
    }

    public record GoalLine(String text, boolean met, String detail) {
    }

    /** An earlier session at the same scenario. */
    public record Attempt(String when, long seed, long pnlMinor, int goalsMet, int goals, int fills) {
    }
}
