package com.bourse.engine.venue;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.Durability;
import com.bourse.engine.host.JournaledEngine;
import com.bourse.engine.sim.MarketSimulator;
import com.bourse.engine.sim.SampleData;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedVenueTest {
    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "AES");
    private static final long OPEN = 1_795_683_600_000L;
    private final SampleData data = SampleData.load(SampleData.locate());

    @Test
    void listenersHearEveryEventInOrderAndQueriesSeeTheStateAfterIt() throws Exception {
        List<Event> heard = new CopyOnWriteArrayList<>();
        try (EmbeddedVenue venue = new EmbeddedVenue(new Engine(EngineConfig.defaults()))) {
            venue.subscribe(heard::add);
            data.bootstrapCommands(OPEN).forEach(venue::submit);
            long alice = data.userIdOf("alice");
            venue.submit(Command.PlaceOrder.limit(OPEN + 1, alice, 1, 1001, 1, Side.BUY, 68_000, 10));

            long bidQuantity = venue.query(engine -> engine.depth(1, Side.BUY, 1).getFirst().quantity())
                    .get(5, TimeUnit.SECONDS);

            assertThat(bidQuantity).isEqualTo(10);
            assertThat(heard).filteredOn(e -> e instanceof Event.OrderAccepted).hasSize(1);
            assertThat(heard).noneMatch(e -> e instanceof Event.CommandRejected);
        }
    }

    @Test
    void durableVenueRestartsWithEveryAppliedCommand(@TempDir Path directory) throws Exception {
        byte[] before;
        try (EmbeddedVenue venue = new EmbeddedVenue(
                JournaledEngine.open(directory, EngineConfig.defaults(), Durability.PROCESS_CRASH, KEY))) {
            data.bootstrapCommands(OPEN).forEach(venue::submit);
            MarketSimulator simulator = new MarketSimulator(data, 7);
            for (int bar = 0; bar < 5; bar++) {
                simulator.nextBar(OPEN + bar * 60_000L).forEach(venue::submit);
            }
            before = venue.query(Engine::snapshot).get(5, TimeUnit.SECONDS);
        }

        try (EmbeddedVenue reopened = new EmbeddedVenue(
                JournaledEngine.open(directory, EngineConfig.defaults(), Durability.PROCESS_CRASH, KEY))) {
            byte[] after = reopened.query(Engine::snapshot).get(5, TimeUnit.SECONDS);
            assertThat(after).isEqualTo(before);
        }
    }
}
