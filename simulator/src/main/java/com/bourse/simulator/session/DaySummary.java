package com.bourse.simulator.session;

import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.simulator.agents.Agent;
import com.bourse.simulator.scenario.AgentKind;
import com.bourse.simulator.scenario.Goal;
import com.bourse.simulator.scenario.Scenario;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The day in a few lines, for a trainer preparing a session or a test: per instrument open, high, low, close,
 * volume, trades, mean spread and halts; the agents' results by kind (marked to each close); the goals; and how
 * fast it ran. Text only; {@link #of} reads a session, {@link #format} prints it.
 *
 * @param agentPnl results by kind and currency, in minor units
 */
public record DaySummary(Scenario scenario, long seed, LocalTime reached, List<InstrumentDay> instruments,
                         Map<AgentKind, Map<String, Long>> agentPnl, List<GoalResult> goals, long commands,
                         long events, long heldOrders, long riskAlerts, long wallNanos) {

    /** A goal and whether the session met it, with the figure that decided. */
    public record GoalResult(Goal goal, boolean met, String detail) {
    }

    public static DaySummary of(MarketSession session, long wallNanos) {
        Scenario scenario = session.scenario();
        Map<Long, Long> closes = new LinkedHashMap<>();
        for (InstrumentDay day : session.days()) {
            closes.put(day.instrument().id(), day.close() > 0 ? day.close() : day.instrument().referencePrice());
        }
        Map<AgentKind, Map<String, Long>> pnl = new LinkedHashMap<>();
        for (Agent agent : session.agents()) {
            pnl.computeIfAbsent(agent.kind(), k -> new LinkedHashMap<>()).merge(agent.instrument().currency(),
                    agent.pnl(closes.get(agent.instrument().id())), Long::sum);
        }
        LocalTime reached = Instant.ofEpochMilli(session.now()).atZone(scenario.zone()).toLocalTime();
        return new DaySummary(scenario, session.seed(), reached, session.days(), pnl,
                GoalCheck.check(session, closes), session.commands(), session.events(), session.heldOrders(),
                session.riskAlerts(), wallNanos);
    }

    public double eventsPerSecond() {
        return wallNanos == 0 ? 0 : events * 1e9 / wallNanos;
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s (seed %d), %s %s-%s, reached %s%n", scenario.name(), seed,
                scenario.date(), scenario.open(), scenario.close(), reached));
        out.append(String.format(Locale.ROOT, "%-6s %10s %10s %10s %10s %12s %8s %8s %5s%n", "symbol", "open", "high",
                "low", "close", "volume", "trades", "spread", "halts"));
        for (InstrumentDay day : instruments) {
            Instrument instrument = day.instrument();
            out.append(String.format(Locale.ROOT, "%-6s %10s %10s %10s %10s %12d %8d %8.2f %5d%n",
                    instrument.symbol(), price(instrument, day.open()), price(instrument, day.high()),
                    price(instrument, day.low()), price(instrument, day.close()), day.volume(), day.trades(),
                    day.meanSpreadTicks(), day.halts()));
        }
        out.append("spread: mean quoted spread in ticks, sampled each second while both sides showed\n");
        out.append("agents' P&L by kind, marked to the close:\n");
        agentPnl.forEach((kind, byCurrency) -> byCurrency.forEach((currency, minor) ->
                out.append(String.format(Locale.ROOT, "  %-13s %s %s%n", kind.word(), currency,
                        FixedPoint.toPlainString(minor, scenario.currency(currency).minorDigits())))));
        if (heldOrders > 0 || riskAlerts > 0) {
            out.append(String.format(Locale.ROOT, "risk: %d orders held, %d alerts%n", heldOrders, riskAlerts));
        }
        for (GoalResult goal : goals) {
            out.append(String.format(Locale.ROOT, "goal %s: %s (%s)%n", goal.met() ? "met" : "NOT met",
                    goal.goal().text(), goal.detail()));
        }
        double seconds = wallNanos / 1e9;
        out.append(String.format(Locale.ROOT, "%d commands, %d events in %.2f s wall: %.0f events/s, %.0f commands/s%n",
                commands, events, seconds, eventsPerSecond(), seconds == 0 ? 0 : commands / seconds));
        return out.toString();
    }

    private static String price(Instrument instrument, long units) {
        return units == 0 ? "-" : FixedPoint.toPlainString(units, instrument.priceScale());
    }

    /** Checks the scenario's goals against what the trainee did. */
    static final class GoalCheck {
        private GoalCheck() {
        }

        static List<GoalResult> check(MarketSession session, Map<Long, Long> closes) {
            Scenario scenario = session.scenario();
            TraineeActivity trainee = session.trainee();
            List<GoalResult> results = new ArrayList<>();
            for (Goal goal : scenario.goals()) {
                results.add(switch (goal.kind()) {
                    case FLATTEN -> {
                        Instrument instrument = scenario.instrument(goal.symbol());
                        long start = scenario.trainee().positions().getOrDefault(goal.symbol(), 0L);
                        long left = start + trainee.traded(instrument.id());
                        long by = goal.params().has("by")
                                ? scenario.millisAt(LocalTime.parse(goal.params().text("by", ""))) : session.closeMillis();
                        long slippageHalfTicks = 0;
                        long quantity = 0;
                        for (TraineeActivity.Fill fill : trainee.fills()) {
                            if (fill.instrumentId() == instrument.id() && fill.arrivalDoubleMid() > 0) {
                                long signed = fill.side() == com.bourse.protocol.Side.BUY
                                        ? 2 * fill.price() - fill.arrivalDoubleMid()
                                        : fill.arrivalDoubleMid() - 2 * fill.price();
                                slippageHalfTicks += signed / instrument.tickSize() * fill.quantity();
                                quantity += fill.quantity();
                            }
                        }
                        double slippage = quantity == 0 ? 0 : slippageHalfTicks / 2.0 / quantity;
                        double allowed = goal.params().real("max_slippage_ticks", Double.MAX_VALUE);
                        boolean onTime = trainee.lastFillTime() <= by;
                        boolean met = left == 0 && onTime && slippage <= allowed;
                        yield new GoalResult(goal, met, String.format(Locale.ROOT,
                                "position left %d, average slippage %.2f ticks", left, slippage));
                    }
                    case MAX_LOSS -> {
                        long pnl = 0;
                        String base = scenario.trainee().baseCurrency();
                        for (TraineeActivity.Fill fill : trainee.fills()) {
                            Instrument instrument = instrumentOf(scenario, fill.instrumentId());
                            if (!instrument.currency().equals(base)) {
                                continue;
                            }
                            long divisor = FixedPoint.pow10(instrument.priceScale()
                                    - scenario.currency(base).minorDigits());
                            long signed = fill.side() == com.bourse.protocol.Side.BUY ? fill.quantity()
                                    : -fill.quantity();
                            pnl += signed * (closes.get(instrument.id()) - fill.price()) / divisor;
                        }
                        long allowed = FixedPoint.toUnits(goal.params().decimal("amount", "0"),
                                scenario.currency(base).minorDigits(), java.math.RoundingMode.DOWN);
                        yield new GoalResult(goal, pnl >= -allowed, "P&L " + FixedPoint.toPlainString(pnl,
                                scenario.currency(base).minorDigits()) + " " + base);
                    }
                    case DECIDE_HOLDS -> {
                        long by = goal.params().has("by")
                                ? scenario.millisAt(LocalTime.parse(goal.params().text("by", ""))) : session.closeMillis();
                        long waiting = trainee.reviews().stream()
                                .filter(r -> r.decidedAt() == 0 || r.decidedAt() > by).count();
                        yield new GoalResult(goal, waiting == 0, trainee.reviews().size() + " held, " + waiting
                                + " not decided in time");
                    }
                });
            }
            return results;
        }

        private static Instrument instrumentOf(Scenario scenario, long id) {
            return scenario.instruments().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        }
    }
}
