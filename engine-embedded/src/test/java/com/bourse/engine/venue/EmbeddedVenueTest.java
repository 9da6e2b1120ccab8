package com.bourse.engine.venue;

import com.bourse.engine.Engine;
import com.bourse.engine.EngineConfig;
import com.bourse.engine.host.Durability;
import com.bourse.engine.host.JournaledEngine;
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
    private static final long OPEN = SmallMarket.OPEN;

    @Test
    void listenersHearEveryEventInOrderAndQueriesSeeTheStateAfterIt() throws Exception {
        List<Event> heard = new CopyOnWriteArrayList<>();
        try (EmbeddedVenue venue = new EmbeddedVenue(new Engine(EngineConfig.defaults()))) {
            venue.subscribe(heard::add);
            SmallMarket.opening().forEach(venue::submit);
            venue.submit(Command.PlaceOrder.limit(OPEN + 1, SmallMarket.ALICE, 1, SmallMarket.ALICE_ACCOUNT,
                    SmallMarket.ASML.id(), Side.BUY, 68_000, 10));

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
            SmallMarket.opening().forEach(venue::submit);
            SmallMarket.crossingOrders(5).forEach(venue::submit);
            assertThat(venue.query(engine -> engine.balance(SmallMarket.ALICE_ACCOUNT, "ASML"))
                    .get(5, TimeUnit.SECONDS)).isEqualTo(15);
            before = venue.query(Engine::snapshot).get(5, TimeUnit.SECONDS);
        }

        try (EmbeddedVenue reopened = new EmbeddedVenue(
                JournaledEngine.open(directory, EngineConfig.defaults(), Durability.PROCESS_CRASH, KEY))) {
            byte[] after = reopened.query(Engine::snapshot).get(5, TimeUnit.SECONDS);
            assertThat(after).isEqualTo(before);
        }
    }
}
