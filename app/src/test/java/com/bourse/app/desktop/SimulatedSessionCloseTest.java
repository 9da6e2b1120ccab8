package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulation's replayed day ends at the session close as a real one does: the back office's End of day runs by
 * itself, so DAY orders expire there and good-till-cancelled ones carry over into the next replayed day.
 */
class SimulatedSessionCloseTest {
    private static final long ALICE = 2;
    private static final long ALICE_EQUITIES = 1001;
    private static final long SEED = 42;
    private static final int MINUTES_LEFT = 3;

    @TempDir
    Path home;
    SimulationHost host;
    final List<Event> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openTheSimulationAFewMinutesBeforeTheClose() {
        DesktopConfig config = new DesktopConfig(home, SampleWorld.locate(), 0, 1, SEED);
        new SimulationHost(config).close(); // the first run sets the data folder up
        // the simulator resumes where its bookmark says: a few minutes before the replayed day's close
        int minutes = SampleWorld.read(config.sampleData()).simulatedMarket().minutes();
        new SimulatorBookmark(config.dataDir()).write(new SimulatorBookmark.Position(SEED, minutes - MINUTES_LEFT));
        host = new SimulationHost(config);
        host.venue().subscribe(heard::add);
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void theReplayedDaysCloseExpiresDayOrdersAndKeepsGoodTillCancelledOnes() throws Exception {
        Instrument instrument = host.data().instruments().stream()
                .filter(i -> i.currency().equals("EUR")).findFirst().orElseThrow();
        // 5% under the reference: inside the price band, and below anywhere the sample day trades
        long farBelow = (instrument.referencePrice() * 95 / 100 / instrument.tickSize()) * instrument.tickSize();
        Command.PlaceOrder dayOrder = restingBuy(instrument, farBelow, TimeInForce.DAY, host.newOrderId(ALICE_EQUITIES));
        Command.PlaceOrder gtcOrder = restingBuy(instrument, farBelow, TimeInForce.GTC, host.newOrderId(ALICE_EQUITIES));
        assertThat(host.venue().submit(dayOrder)).isTrue();
        assertThat(host.venue().submit(gtcOrder)).isTrue();

        for (int bar = 0; bar <= 2 * MINUTES_LEFT && !expired(dayOrder.orderId()); bar++) {
            host.nextBar();
            host.venue().query(engine -> Boolean.TRUE).get(10, TimeUnit.SECONDS);
        }

        assertThat(expired(dayOrder.orderId())).as("the DAY order expired at the replayed day's close").isTrue();
        assertThat(host.venue().query(engine -> engine.workingOrders(ALICE_EQUITIES)).get(10, TimeUnit.SECONDS))
                .as("the good-till-cancelled order is still working")
                .anyMatch(o -> o.orderId() == gtcOrder.orderId())
                .noneMatch(o -> o.orderId() == dayOrder.orderId());
    }

    private boolean expired(long orderId) {
        return heard.stream().anyMatch(e -> e instanceof Event.OrderExpired x && x.orderId() == orderId);
    }

    private static Command.PlaceOrder restingBuy(Instrument instrument, long price, TimeInForce tif, long orderId) {
        return new Command.PlaceOrder(System.currentTimeMillis(), ALICE, orderId, ALICE_EQUITIES, instrument.id(),
                Side.BUY, OrderType.LIMIT, tif, price, 0, 1, 0, false);
    }
}
