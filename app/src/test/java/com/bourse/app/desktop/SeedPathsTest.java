package com.bourse.app.desktop;

import com.bourse.backoffice.BackOffice;
import com.bourse.backoffice.importexport.Bootstrap;
import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.backoffice.security.Argon2Params;
import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.simulator.MarketSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One seed on every path: a first run, a first run cut short between the store taking the sample world and the
 * journal taking the seed, and the seeding of a fresh production cluster journal the same commands in the same
 * order, so the engines they build are the same.
 */
class SeedPathsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final SampleWorld WORLD = SampleWorld.read(SampleWorld.locate());

    @TempDir
    Path dir;

    @Test
    void aFirstRunAndTheRecoveryOfOneCutShortJournalTheSameSeedAsTheClusterGets() {
        List<Command> firstRun;
        byte[] firstEngine;
        try (BackOffice office = open("first")) {
            firstRun = SimulationHost.seed(office, WORLD, NOW.toEpochMilli());
            firstEngine = office.desk().engine().snapshot();
        }
        try (BackOffice office = open("cut-short")) {
            // The store takes the world; the process dies before the journal takes the seed.
            new Bootstrap(office.imports(), office.referenceData(), office.users(), office.audit())
                    .runIfFirst(WORLD, NOW.toEpochMilli());
        }
        List<Command> recovered;
        byte[] recoveredEngine;
        try (BackOffice office = open("cut-short")) {
            recovered = SimulationHost.seed(office, WORLD, NOW.toEpochMilli());
            recoveredEngine = office.desk().engine().snapshot();
        }

        assertThat(firstRun).isNotEmpty().isEqualTo(WORLD.seed(NOW.toEpochMilli()));
        assertThat(recovered).isEqualTo(firstRun);
        // the cluster gets the same seed but its users: its own directory registers them with the engine
        assertThat(ClusterSeed.commands(WORLD, NOW.toEpochMilli()))
                .isEqualTo(firstRun.stream().filter(c -> !(c instanceof Command.RegisterUser)).toList());
        assertThat(recoveredEngine).isEqualTo(firstEngine);
    }

    @Test
    void aLaterRunJournalsNoSeedAgain() {
        try (BackOffice office = open("later")) {
            SimulationHost.seed(office, WORLD, NOW.toEpochMilli());
        }
        try (BackOffice office = open("later")) {
            long journaled = office.desk().journal().committedSeq();

            assertThat(SimulationHost.seed(office, WORLD, NOW.toEpochMilli())).isEmpty();
            assertThat(office.desk().journal().committedSeq()).isEqualTo(journaled);
        }
    }

    @Test
    void onTheSeededWorldAnHourOfTheMarketSimulatorIsNeverRefused() {
        Engine engine = new Engine(EngineConfig.defaults());
        List<Event> events = new ArrayList<>();
        WORLD.seed(NOW.toEpochMilli()).forEach(c -> engine.apply(c, events::add));
        MarketSimulator simulator = new MarketSimulator(WORLD.simulatedMarket(), 42, 0);

        for (int minute = 0; minute < 60; minute++) {
            simulator.nextBar(NOW.toEpochMilli() + 60_000L * (minute + 1)).forEach(c -> engine.apply(c, events::add));
        }

        assertThat(events).filteredOn(e -> e instanceof Event.OrderRejected || e instanceof Event.CommandRejected)
                .isEmpty();
        assertThat(events).filteredOn(e -> e instanceof Event.OrderAccepted).isNotEmpty();
    }

    private BackOffice open(String name) {
        return BackOffice.open(BackOffice.Options.defaults(dir.resolve(name), "test-passphrase".toCharArray())
                .withCosts(Argon2Params.forTests()).withClock(InstantSource.fixed(NOW)));
    }
}
