package com.bourse.app.headless;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.EventSink;
import com.bourse.simulator.scenario.Scenario;
import com.bourse.simulator.scenario.ScenarioException;
import com.bourse.simulator.scenario.ScenarioReader;
import com.bourse.simulator.session.DaySummary;
import com.bourse.simulator.session.EventStreamHash;
import com.bourse.simulator.session.MarketSession;
import com.bourse.simulator.session.SessionRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * {@code bourse simulate SCENARIO [--seed N] [--until HH:MM] [--replay SESSION] [--hash]}: one simulated trading day
 * of a scenario on an in-memory engine, as fast as it goes, with no window, then the day's summary. A trainer uses
 * it to see what a scenario does before a session; {@code --hash} adds the SHA-256 of the event stream (equal for
 * equal scenario, seed and injections), {@code --replay} repeats a saved session with its injections.
 * Exit status 2 for bad arguments or a refused scenario (the message names file, line and reason).
 */
public final class SimulateCommand {
    private SimulateCommand() {
    }

    public static void main(String[] args) {
        try {
            System.out.print(run(args));
        } catch (ScenarioException e) {
            System.err.println("bourse simulate: scenario refused: " + e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("bourse simulate: " + e.getMessage());
            System.err.println("usage: bourse simulate SCENARIO [--seed N] [--until HH:MM] [--replay SESSION] [--hash]");
            System.exit(2);
        }
    }

    /** Runs the command and returns what it prints. */
    static String run(String[] args) throws IOException {
        String scenarioFile = null;
        long seed = 1;
        LocalTime until = null;
        Path replay = null;
        boolean hash = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = parseSeed(value(args, ++i, "--seed"));
                case "--until" -> until = parseTime(value(args, ++i, "--until"));
                case "--replay" -> replay = Path.of(value(args, ++i, "--replay"));
                case "--hash" -> hash = true;
                default -> {
                    if (args[i].startsWith("--") || scenarioFile != null) {
                        throw new IllegalArgumentException("unexpected argument " + args[i]);
                    }
                    scenarioFile = args[i];
                }
            }
        }
        if (scenarioFile == null) {
            throw new IllegalArgumentException("which scenario? e.g. sample-data/scenarios/quiet-market.scn");
        }
        Scenario scenario = ScenarioReader.read(Path.of(scenarioFile));
        Engine engine = new Engine(EngineConfig.defaults().withExpectedLiveOrders(1 << 18));
        EventStreamHash events = new EventStreamHash();
        EventSink tap = hash ? events : EventSink.NONE;
        MarketSession session = replay == null
                ? new MarketSession(scenario, seed, engine::apply, tap)
                : MarketSession.replay(scenario, SessionRecord.read(replay), engine::apply, tap);
        long started = System.nanoTime();
        session.advanceTo(until == null ? session.closeMillis() : scenario.millisAt(until));
        long wall = System.nanoTime() - started;
        String summary = DaySummary.of(session, wall).format();
        return hash ? summary + "event stream SHA-256 " + events.hex() + "\n" : summary;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got " + text);
        }
    }

    private static LocalTime parseTime(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--until is a time of day HH:MM, got " + text);
        }
    }
}
