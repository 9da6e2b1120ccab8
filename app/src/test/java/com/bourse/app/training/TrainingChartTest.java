package com.bourse.app.training;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.EventInbox;
import com.bourse.ui.model.TradeTape;
import com.bourse.ui.port.MarketSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The trainee's chart is drawn from every trade of the session, however the session got there. */
class TrainingChartTest {
    @TempDir
    Path home;

    @Test
    void aLongJumpForwardLeavesEveryTradeOfTheJumpOnTheTraineesTapeAndChart() throws Exception {
        Path scenarios = SampleWorld.locate().resolve("scenarios");
        try (TrainingHost host = new TrainingHost(new TrainingConfig(scenarios.resolve("flash-crash.scn"), 7,
                scenarios, home.resolve("training")))) {
            Instrument air = host.scenario().instrument("AIR");
            AtomicLong airTrades = new AtomicLong();
            host.listen(event -> {
                if (event instanceof Event.Trade t && t.instrumentId() == air.id()) {
                    airTrades.incrementAndGet();
                }
            });
            // Given the trainee's window as the desktop builds it: its inbox on the session, its desk state.
            long account = host.scenario().trainee().accountId();
            EventInbox inbox = new EventInbox(Set.of(account));
            AutoCloseable[] subscription = new AutoCloseable[1];
            MarketSnapshot snapshot = host.connect(inbox, account, subscription).get(10, TimeUnit.SECONDS);
            DeskState desk = new DeskState(host.scenario().currencies(), host.scenario().instruments(), List.of());
            desk.load(snapshot);
            int before = desk.tape(air.id()).size();

            // When the trainer jumps from the open to 15:00 in one go.
            host.jumpTo(LocalTime.of(15, 0));
            host.record().get(120, TimeUnit.SECONDS);
            MarketSnapshot reload = inbox.takeReload();
            if (reload != null) {
                desk.load(reload);
            }
            inbox.books().drain(desk::applyBookDelta);
            inbox.drainEvents(desk::apply);
            desk.endFrame();

            // Then every AIR trade of the jump is on the tape, and the minute candles cover the trading hours jumped.
            TradeTape tape = desk.tape(air.id());
            assertThat(airTrades.get()).isGreaterThan(1_000);
            assertThat(tape.size() - before).isEqualTo(airTrades.get());
            List<TradeTape.Candle> minutes = tape.candles(60_000, 2_000);
            long open = host.scenario().millisAt(host.scenario().open());
            assertThat(minutes.getFirst().start()).isLessThanOrEqualTo(open + 60_000);
            assertThat(minutes.getLast().start()).isGreaterThanOrEqualTo(host.scenario().millisAt(LocalTime.of(14,
                    58)));
            subscription[0].close();
        }
    }

    @Test
    void afterAJumpBackTheChartGoesOnFromTheNewTimeWithNothingLeftFromTheAbandonedFuture() throws Exception {
        Path scenarios = SampleWorld.locate().resolve("scenarios");
        try (TrainingHost host = new TrainingHost(new TrainingConfig(scenarios.resolve("flash-crash.scn"), 7,
                scenarios, home.resolve("training")))) {
            Instrument air = host.scenario().instrument("AIR");
            long account = host.scenario().trainee().accountId();
            EventInbox inbox = new EventInbox(Set.of(account));
            AutoCloseable[] subscription = new AutoCloseable[1];
            DeskState desk = new DeskState(host.scenario().currencies(), host.scenario().instruments(), List.of());
            desk.load(host.connect(inbox, account, subscription).get(10, TimeUnit.SECONDS));
            // Given a session run to 15:00, then taken back to 11:00 (the market is rebuilt and the window reloaded).
            jumpAndDrawFrame(host, inbox, desk, LocalTime.of(15, 0));
            jumpAndDrawFrame(host, inbox, desk, LocalTime.of(11, 0));

            // When the trainer jumps forward again, to 12:00.
            jumpAndDrawFrame(host, inbox, desk, LocalTime.of(12, 0));

            // Then the tape runs in time order up to 12:00 and the last minute candle is the one before 12:00: the
            // trades after 11:00 have candles of their own instead of melting into a 15:00 candle.
            TradeTape tape = desk.tape(air.id());
            for (int k = 1; k < tape.size(); k++) {
                assertThat(tape.timeAt(k)).as("trade %d of %d", k, tape.size()).isGreaterThanOrEqualTo(tape.timeAt(k - 1));
            }
            long noon = host.scenario().millisAt(LocalTime.of(12, 0));
            List<TradeTape.Candle> minutes = tape.candles(60_000, 2_000);
            assertThat(minutes.getLast().start()).isBetween(noon - 2 * 60_000, noon);
            assertThat(minutes.stream().filter(c -> c.start() >= host.scenario().millisAt(LocalTime.of(11, 0)))
                    .count()).isGreaterThan(50);
            subscription[0].close();
        }
    }

    /** The jump, then one frame of the trainee's window: the reload if there was one, then the events after it. */
    private static void jumpAndDrawFrame(TrainingHost host, EventInbox inbox, DeskState desk, LocalTime time)
            throws Exception {
        host.jumpTo(time);
        host.record().get(120, TimeUnit.SECONDS);
        MarketSnapshot reload = inbox.takeReload();
        if (reload != null) {
            desk.load(reload);
        }
        inbox.books().drain(desk::applyBookDelta);
        inbox.drainEvents(desk::apply);
        desk.endFrame();
    }
}
