package com.bourse.simulator.scenario;

import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A training scenario as a trainer wrote it (see {@code sample-data/scenarios/README.md}): the trading day, the
 * instruments and how their fundamentals move, the simulated participants, the scheduled events, the trainee's seat
 * and goals. Read by {@link ScenarioReader}; immutable.
 *
 * @param source       the file it was read from, for messages and session records
 * @param fingerprint  SHA-256 (hex) of the file and every price history it names: a session record replays only
 *                     against the same inputs
 * @param fundamentals by symbol, one for every instrument
 * @param events       in time order (file order within a time)
 */
public record Scenario(String source, String fingerprint, String name, String description, ZoneId zone,
                       LocalDate date, LocalTime open, LocalTime close, List<Currency> currencies,
                       List<Instrument> instruments, Map<String, FundamentalSpec> fundamentals,
                       List<AgentGroup> agents, List<ScheduledEvent> events, TraineeSetup trainee, List<Goal> goals) {
    public Scenario {
        currencies = List.copyOf(currencies);
        instruments = List.copyOf(instruments);
        fundamentals = Map.copyOf(fundamentals);
        agents = List.copyOf(agents);
        events = List.copyOf(events);
        goals = List.copyOf(goals);
    }

    /** Epoch milliseconds of {@code time} on the scenario's date in its zone. */
    public long millisAt(LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant().toEpochMilli();
    }

    public long openMillis() {
        return millisAt(open);
    }

    public long closeMillis() {
        return millisAt(close);
    }

    public Instrument instrument(String symbol) {
        for (Instrument instrument : instruments) {
            if (instrument.symbol().equals(symbol)) {
                return instrument;
            }
        }
        throw new IllegalArgumentException("no instrument '" + symbol + "' in scenario " + name);
    }

    public Currency currency(String code) {
        for (Currency currency : currencies) {
            if (currency.code().equals(code)) {
                return currency;
            }
        }
        throw new IllegalArgumentException("no currency '" + code + "' in scenario " + name);
    }
}
