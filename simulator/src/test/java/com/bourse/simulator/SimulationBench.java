package com.bourse.simulator;

import com.bourse.protocol.EventSink;
import com.bourse.simulator.scenario.Scenario;
import com.bourse.simulator.session.DaySummary;
import com.bourse.simulator.session.MarketSession;

import java.util.Locale;

/**
 * A whole simulated trading day of the default scenario ({@code quiet-market.scn}: 20 instruments, 200 agents) on
 * the real engine, as fast as possible, after one warm-up day: prints wall time, events/s and commands/s (target: the
 * day in under 30 s). {@code smoke} runs one simulated hour once, to check the bench still works.
 * Run: {@code mvn -pl simulator test-compile exec:exec@bench [-Dbench.args=smoke]}.
 */
public final class SimulationBench {
    private SimulationBench() {
    }

    public static void main(String[] args) {
        boolean smoke = args.length > 0 && args[0].equals("smoke");
        Scenario scenario = Sessions.scenario("quiet-market.scn");
        if (!smoke) {
            day(scenario, 1, Long.MAX_VALUE);
        }
        long until = smoke ? scenario.openMillis() + 3_600_000 : Long.MAX_VALUE;
        DaySummary summary = day(scenario, 2, until);
        double seconds = summary.wallNanos() / 1e9;
        System.out.printf(Locale.ROOT, "simulation bench%s: %s, %d instruments, %d agents%n", smoke ? " (smoke)" : "",
                scenario.name(), scenario.instruments().size(), agents(scenario));
        System.out.printf(Locale.ROOT, "  simulated %s to %s in %.2f s wall%n", scenario.open(), summary.reached(),
                seconds);
        System.out.printf(Locale.ROOT, "  %d commands (%.0f/s), %d events (%.0f/s)%n", summary.commands(),
                summary.commands() / seconds, summary.events(), summary.eventsPerSecond());
    }

    private static DaySummary day(Scenario scenario, long seed, long until) {
        MarketSession session = Sessions.onNewEngine(scenario, seed, EventSink.NONE);
        long started = System.nanoTime();
        session.advanceTo(Math.min(until, session.closeMillis()));
        return DaySummary.of(session, System.nanoTime() - started);
    }

    private static int agents(Scenario scenario) {
        int agents = 0;
        for (var group : scenario.agents()) {
            agents += group.count() * (group.everyInstrument() ? scenario.instruments().size() : 1);
        }
        return agents;
    }
}
