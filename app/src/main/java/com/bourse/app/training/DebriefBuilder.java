package com.bourse.app.training;

import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.simulator.scenario.Scenario;
import com.bourse.simulator.session.DaySummary;
import com.bourse.simulator.session.MarketSession;
import com.bourse.simulator.session.TraineeActivity;
import com.bourse.ui.port.Debrief;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The debrief of a session as far as it went: the trainee's fills with their slippage against the mid at their
 * order's arrival and against the market's VWAP over the same interval, the P&L curve, the holds and alerts the
 * trainee caused, the scenario's goals as the simulator checks them, and the earlier attempts. Engine thread only.
 */
final class DebriefBuilder {
    private DebriefBuilder() {
    }

    static Debrief build(String name, MarketSession session, TraineeLedger ledger, List<Debrief.Attempt> earlier) {
        Scenario scenario = session.scenario();
        String base = scenario.trainee().baseCurrency();
        List<Debrief.FillLine> fills = new ArrayList<>();
        for (TraineeLedger.Fill fill : ledger.fills()) {
            Instrument instrument = instrumentOf(scenario, fill.instrumentId());
            fills.add(line(scenario, instrument, fill));
        }
        List<Debrief.PnlPoint> pnl = new ArrayList<>();
        for (TraineeLedger.Point point : ledger.points()) {
            pnl.add(new Debrief.PnlPoint(timeOf(scenario, point.time()), point.pnlMinor()));
        }
        List<Debrief.ReviewLine> reviews = new ArrayList<>();
        long account = scenario.trainee().accountId();
        for (TraineeActivity.Review review : session.trainee().reviews()) {
            if (review.accountId() == account) {
                reviews.add(new Debrief.ReviewLine(review.subject().name().toLowerCase(java.util.Locale.ROOT),
                        review.subjectId(), timeOf(scenario, review.heldAt()),
                        review.decidedAt() == 0 ? null : timeOf(scenario, review.decidedAt())));
            }
        }
        List<Debrief.GoalLine> goals = new ArrayList<>();
        for (DaySummary.GoalResult goal : DaySummary.of(session, 0).goals()) {
            goals.add(new Debrief.GoalLine(goal.goal().text(), goal.met(), goal.detail()));
        }
        return new Debrief(name, scenario.name(), session.seed(), timeOf(scenario, session.now()), session.finished(),
                base, scenario.currency(base).minorDigits(), ledger.pnlMinor(), pnl, fills, reviews, reviews.size(),
                ledger.rejected(), goals, earlier);
    }

    /** Slippage in ticks, positive when the fill was worse for the trainee than the benchmark. */
    private static Debrief.FillLine line(Scenario scenario, Instrument instrument, TraineeLedger.Fill fill) {
        double tick = instrument.tickSize();
        int sign = fill.side() == Side.BUY ? 1 : -1;
        double mid = fill.arrivalDoubleMid() / 2.0;
        double vwap = fill.intervalVolume() == 0 ? 0 : (double) fill.intervalValue() / fill.intervalVolume();
        double vsMid = fill.arrivalDoubleMid() == 0 ? 0 : sign * (fill.price() - mid) / tick;
        double vsVwap = vwap == 0 ? 0 : sign * (fill.price() - vwap) / tick;
        return new Debrief.FillLine(timeOf(scenario, fill.time()), fill.orderId(), instrument.symbol(),
                instrument.priceScale(), fill.side(), fill.quantity(), fill.price(), Math.round(mid),
                Math.round(vwap), vsMid, vsVwap);
    }

    private static Instrument instrumentOf(Scenario scenario, long id) {
        return scenario.instruments().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    private static LocalTime timeOf(Scenario scenario, long millis) {
        return Instant.ofEpochMilli(millis).atZone(scenario.zone()).toLocalTime();
    }
}
