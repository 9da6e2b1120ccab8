package com.bourse.app.training;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import com.bourse.simulator.session.EventStreamHash;
import com.bourse.simulator.session.Injection;
import com.bourse.simulator.session.SessionRecord;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.TrainingControl.TrainerAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A training session replayed from its saved record repeats it event for event, trainer's injections included. */
class TrainingReplayTest {
    private static final MarketFeed QUIET = new MarketFeed() {
        @Override
        public void onEvent(Event event) {
        }

        @Override
        public void reload(MarketSnapshot snapshot) {
        }

        @Override
        public void notice(String message) {
        }
    };

    @TempDir
    Path home;

    @Test
    void replayOfASavedSessionHasTheSameEventStreamAndTheTrainersHaltAndNewsAtTheirTimes() throws Exception {
        TrainingConfig config = config();
        SessionRecord record;
        String original;
        Path saved;
        try (TrainingHost host = new TrainingHost(config)) {
            EventStreamHash hash = new EventStreamHash();
            host.listen(hash);
            // given a trainee who sells SAP at 10:00 and a trainer who halts AIR at 10:30
            Instrument sap = host.scenario().instrument("SAP");
            long account = host.scenario().trainee().accountId();
            long user = host.scenario().trainee().userId();
            jump(host, "10:00");
            host.submit(Command.PlaceOrder.market(0, user, host.newOrderId(account), account, sap.id(), Side.SELL,
                    200), QUIET);
            jump(host, "10:30");
            host.inject(new TrainerAction.Halt("AIR"));
            // and who breaks news at 11:00: SAP's value falls 8 % for good
            jump(host, "11:00");
            host.inject(new TrainerAction.News("SAP", new java.math.BigDecimal("-8"), true, 15));
            jump(host, "17:30");
            record = host.record().get(10, TimeUnit.SECONDS);
            saved = host.save().get(10, TimeUnit.SECONDS);
            original = hash.hex();
            assertThat(hash.events()).isGreaterThan(10_000);
        }
        // then the record holds the three injections, the trainer's halt by the exchange's operator, then the news
        assertThat(record.injections()).extracting(i -> i.command() != null
                        ? i.command().getClass().getSimpleName() : "News")
                .containsExactly("PlaceOrder", "HaltInstrument", "News");
        assertThat(record.injections().get(2).news())
                .isEqualTo(new com.bourse.simulator.session.NewsJump("SAP", -0.08, true, 0));
        Injection halt = record.injections().get(1);
        assertThat(halt.command().userId()).isEqualTo(com.bourse.simulator.session.MarketSession.OPERATOR_USER);

        // when the saved session is reopened and played to the close
        try (TrainingHost replay = new TrainingHost(config)) {
            replay.open(saved).get(10, TimeUnit.SECONDS);
            EventStreamHash hash = new EventStreamHash();
            List<Event.InstrumentStatusChanged> halts = new CopyOnWriteArrayList<>();
            replay.listen(hash);
            replay.listen(event -> {
                if (event instanceof Event.InstrumentStatusChanged changed && changed.halted()) {
                    halts.add(changed);
                }
            });
            jump(replay, "17:30");
            // then the same events, byte for byte (the news moved the same agents the same way), and AIR halted when
            // the trainer halted it
            assertThat(hash.hex()).isEqualTo(original);
            long air = replay.scenario().instrument("AIR").id();
            assertThat(halts).anySatisfy(h -> assertThat(h.instrumentId()).isEqualTo(air));
            assertThat(replay.status().replaying()).isTrue();
        }
    }

    @Test
    void ordersAreRefusedWhileReplaying() throws Exception {
        try (TrainingHost host = new TrainingHost(config())) {
            Path saved = host.save().get(10, TimeUnit.SECONDS);
            host.open(saved).get(10, TimeUnit.SECONDS);
            List<String> notices = new CopyOnWriteArrayList<>();
            MarketFeed feed = new MarketFeed() {
                @Override
                public void onEvent(Event event) {
                }

                @Override
                public void reload(MarketSnapshot snapshot) {
                }

                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            };
            Instrument sap = host.scenario().instrument("SAP");
            long account = host.scenario().trainee().accountId();
            host.submit(Command.PlaceOrder.market(0, 10, host.newOrderId(account), account, sap.id(), Side.SELL, 10),
                    feed);
            host.record().get(10, TimeUnit.SECONDS); // the engine thread has handled the order by now
            assertThat(notices).singleElement().asString().contains("Replaying");
            assertThat(host.record().get(10, TimeUnit.SECONDS).injections()).isEmpty();
        }
    }

    private TrainingConfig config() {
        Path scenarios = SampleWorld.locate().resolve("scenarios");
        return new TrainingConfig(scenarios.resolve("flash-crash.scn"), 7, scenarios, home.resolve("training"));
    }

    private static void jump(TrainingHost host, String time) throws Exception {
        host.jumpTo(LocalTime.parse(time));
        host.record().get(60, TimeUnit.SECONDS); // queued behind the jump: returns once it is done
    }
}
