package com.bourse.simulator;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.EventSink;
import com.bourse.simulator.scenario.Scenario;
import com.bourse.simulator.scenario.ScenarioReader;
import com.bourse.simulator.session.MarketSession;

import java.nio.file.Files;
import java.nio.file.Path;

/** Sessions on a fresh in-memory engine, and the sample scenarios, for the specs and the bench. */
public final class Sessions {
    private Sessions() {
    }

    public static Path scenarios() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("sample-data/scenarios");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample-data/scenarios not found");
    }

    public static Scenario scenario(String file) {
        return ScenarioReader.read(scenarios().resolve(file));
    }

    public static MarketSession onNewEngine(Scenario scenario, long seed, EventSink tap) {
        Engine engine = new Engine(EngineConfig.defaults().withExpectedLiveOrders(1 << 18));
        return new MarketSession(scenario, seed, engine::apply, tap);
    }
}
