package com.bourse.simulator.scenario;

import com.bourse.simulator.Sessions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioReaderTest {
    private static final String GOOD = """
            # a small market
            [scenario]
            name = Small
            date = 2026-11-25
            open = 09:00
            close = 10:00

            [instruments]
            id,symbol,currency,price_scale,tick_size,lot_size,reference_price,band_bps
            1,ABC,EUR,2,0.05,1,10.00,1000

            [fundamentals]
            symbol,path
            *,random_walk

            [agents]
            kind,symbol,count,cash,position,params
            market_maker,ABC,1,100000,1000,levels=2
            noise,*,2,1000,10,

            [events]
            time,event,symbol,params
            09:30,halt,ABC,
            09:35,resume,ABC,
            """;

    private static Scenario parse(String text) {
        return ScenarioReader.parse("small.scn", text, name -> null);
    }

    private static void refused(String text, int line, String reason) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.file()).isEqualTo("small.scn");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).contains(reason);
                });
    }

    @Test
    void everySampleScenarioReads() throws IOException {
        try (Stream<Path> files = Files.list(Sessions.scenarios())) {
            List<Path> scenarios = files.filter(f -> f.toString().endsWith(".scn")).sorted().toList();
            assertThat(scenarios).hasSizeGreaterThanOrEqualTo(7);
            for (Path file : scenarios) {
                Scenario scenario = ScenarioReader.read(file);
                assertThat(scenario.agents()).as(file.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void aWellFormedScenarioGivesItsInstrumentsAgentsAndEventsInTimeOrder() {
        Scenario scenario = parse(GOOD);

        assertThat(scenario.instrument("ABC").tickSize()).isEqualTo(5);
        assertThat(scenario.instrument("ABC").referencePrice()).isEqualTo(1000);
        assertThat(scenario.agents()).extracting(AgentGroup::kind).containsExactly(AgentKind.MARKET_MAKER,
                AgentKind.NOISE);
        assertThat(scenario.events()).hasSize(2).first().isInstanceOf(ScheduledEvent.Halt.class);
        assertThat(scenario.trainee().accountId()).isEqualTo(ScenarioReader.DEFAULT_TRAINEE_ACCOUNT);
    }

    @Test
    void anUnknownSectionIsRefusedAtItsLine() {
        refused(GOOD + "[weather]\n", 25, "unknown section [weather]");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedAtItsLine() {
        refused(GOOD.replace("1,ABC,EUR,2,0.05,1,10.00,1000", "1,ABC,EUR,2,0.05,1,10.00"), 10,
                "[instruments] has 7 fields, the header has 8");
    }

    @Test
    void aPriceFinerThanTheInstrumentsScaleIsRefused() {
        refused(GOOD.replace("10.00,1000", "10.001,1000"), 10, "more than 2 decimals");
    }

    @Test
    void anAgentInAnUnknownInstrumentIsRefused() {
        refused(GOOD.replace("market_maker,ABC", "market_maker,XYZ"), 18, "unknown instrument 'XYZ'");
    }

    @Test
    void anUnknownAgentParameterIsRefusedNamingTheKnownOnes() {
        refused(GOOD.replace("levels=2", "levls=2"), 18, "market_maker has no parameter 'levls'");
    }

    @Test
    void anEventOutsideTheSessionIsRefused() {
        refused(GOOD.replace("09:35,resume", "10:35,resume"), 24, "outside the session");
    }

    @Test
    void aMissingSectionIsRefused() {
        refused(GOOD.substring(0, GOOD.indexOf("[agents]")), 0, "the [agents] section is missing");
    }

    @Test
    void aCloseBeforeTheOpenIsRefused() {
        refused(GOOD.replace("close = 10:00", "close = 08:00"), 6, "must be after open");
    }

    @Test
    void aHistoricalPathNeedsItsFileAndChecksItLineByLine() {
        String historical = GOOD.replace("*,random_walk", "ABC,history").replace("symbol,path\n", "symbol,path,file\n")
                .replace("ABC,history", "ABC,history,abc.csv");
        Map<String, String> files = Map.of("abc.csv", "minute,open,high,low,close,volume\n0,1000,1005,995,1000,10\n"
                + "1,1000,1005,995,1010,10\n");

        assertThatThrownBy(() -> ScenarioReader.parse("small.scn", historical, files::get))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.file()).isEqualTo("abc.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("close");
                });
        assertThatThrownBy(() -> ScenarioReader.parse("small.scn", historical, name -> null))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.line()).isEqualTo(14);
                    assertThat(e.reason()).contains("abc.csv does not exist");
                });
    }

    @Test
    void aLargeOrderOffTheTickIsRefused() {
        refused(GOOD + "09:40,large_order,ABC,side=buy quantity=100 price=10.02\n", 25, "off the tick");
    }

    @Test
    void traineeCashInAnUnknownCurrencyIsRefused() {
        refused(GOOD + "[trainee]\ncash = GBP 100.00\n", 26, "currency 'GBP'");
    }
}
