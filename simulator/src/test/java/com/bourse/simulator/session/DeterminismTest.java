package com.bourse.simulator.session;

import com.bourse.protocol.Command;
import com.bourse.protocol.ReviewSubject;
import com.bourse.protocol.Side;
import com.bourse.simulator.Sessions;
import com.bourse.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {
    private static final Scenario FAT_FINGER = Sessions.scenario("fat-finger.scn");
    private static final long ELEVEN = FAT_FINGER.millisAt(java.time.LocalTime.of(11, 0));

    private static String hashAllAtOnce(Scenario scenario, long seed, long until) {
        EventStreamHash hash = new EventStreamHash();
        Sessions.onNewEngine(scenario, seed, hash).advanceTo(until);
        return hash.hex();
    }

    @Test
    void sameScenarioAndSeedGiveTheSameEventStreamByteForByte() {
        String first = hashAllAtOnce(FAT_FINGER, 42, ELEVEN);
        String second = hashAllAtOnce(FAT_FINGER, 42, ELEVEN);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherDay() {
        assertThat(hashAllAtOnce(FAT_FINGER, 43, ELEVEN)).isNotEqualTo(hashAllAtOnce(FAT_FINGER, 42, ELEVEN));
    }

    @Test
    void pacingPausesAndResumesChangeNothing() {
        String asFastAsPossible = hashAllAtOnce(FAT_FINGER, 42, ELEVEN);

        EventStreamHash hash = new EventStreamHash();
        MarketSession session = Sessions.onNewEngine(FAT_FINGER, 42, hash);
        long[] wallNanos = {0};
        Pacer pacer = new Pacer(session, () -> wallNanos[0]);
        SplittableRandom jitter = new SplittableRandom(5);
        pacer.speed(600);
        pacer.resume();
        int ticks = 0;
        while (session.now() < ELEVEN) {
            // Uneven frames, a pause now and then, a change of speed: the wall clock must not leak into the market.
            wallNanos[0] += 1_000_000L + jitter.nextLong(40_000_000L);
            if (++ticks % 50 == 0) {
                pacer.pause();
                wallNanos[0] += 5_000_000_000L;
                pacer.speed(ticks % 100 == 0 ? 60 : 600);
                pacer.resume();
            }
            long reached = pacer.tick();
            if (reached >= ELEVEN - 60_000) {
                pacer.pause();
                session.advanceTo(ELEVEN);
            }
        }

        assertThat(session.now()).isEqualTo(ELEVEN);
        assertThat(hash.hex()).isEqualTo(asFastAsPossible);
    }

    /** The fat-finger morning to 11:00, seed 5, with {@code news} (or none) broken at 9:30. */
    private static MarketSession withNewsAtHalfPastNine(NewsJump news, EventStreamHash hash) {
        MarketSession session = Sessions.onNewEngine(FAT_FINGER, 5, hash);
        session.advanceTo(FAT_FINGER.millisAt(java.time.LocalTime.of(9, 30)));
        if (news != null) {
            session.injectNews(news);
        }
        session.advanceTo(ELEVEN);
        return session;
    }

    private static int air() {
        return FAT_FINGER.instruments().indexOf(FAT_FINGER.instrument("AIR"));
    }

    @Test
    void aTrainersNewsJumpMovesTheMarketAndIsInTheRecordSoTheReplayIsExact(@TempDir Path dir) throws IOException {
        EventStreamHash quiet = new EventStreamHash();
        MarketSession without = withNewsAtHalfPastNine(null, quiet);
        EventStreamHash original = new EventStreamHash();
        NewsJump profitWarning = new NewsJump("AIR", -0.08, true, 0);

        MarketSession with = withNewsAtHalfPastNine(profitWarning, original);
        Path saved = dir.resolve("news.session");
        with.record().write(saved);
        SessionRecord record = SessionRecord.read(saved);
        EventStreamHash replayed = new EventStreamHash();
        var engine = new com.bourse.engine.Engine(com.bourse.engine.EngineConfig.defaults()
                .withExpectedLiveOrders(1 << 18));
        MarketSession replay = MarketSession.replay(FAT_FINGER, record, engine::apply, replayed);
        replay.advanceTo(FAT_FINGER.millisAt(java.time.LocalTime.of(10, 0)));
        replay.advanceTo(ELEVEN);

        // The agents traded AIR down towards its new value: an 8 % warning ends the morning well below the quiet day.
        long quietClose = without.days().get(air()).close();
        long newsClose = with.days().get(air()).close();
        assertThat(newsClose).isLessThan(quietClose - quietClose * 4 / 100);
        assertThat(record.injections()).containsExactly(new Injection(
                FAT_FINGER.millisAt(java.time.LocalTime.of(9, 30)) + 1, profitWarning));
        assertThat(replayed.hex()).isEqualTo(original.hex()).isNotEqualTo(quiet.hex());
    }

    @Test
    void newsForAnInstrumentTheScenarioDoesNotTradeIsRefusedAndNothingIsRecorded() {
        MarketSession session = Sessions.onNewEngine(FAT_FINGER, 5, new EventStreamHash());
        session.advanceTo(FAT_FINGER.millisAt(java.time.LocalTime.of(9, 30)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.injectNews(new NewsJump("XYZ", 0.05, true, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no instrument XYZ");
        session.advanceTo(ELEVEN);
        assertThat(session.record().injections()).isEmpty();
    }

    @Test
    void aSavedSessionWithTraineeOrdersReplaysExactly(@TempDir Path dir) throws IOException {
        EventStreamHash original = new EventStreamHash();
        MarketSession session = Sessions.onNewEngine(FAT_FINGER, 9, original);
        long trainee = session.scenario().trainee().accountId();
        long user = session.scenario().trainee().userId();
        long air = FAT_FINGER.instrument("AIR").id();
        session.advanceTo(FAT_FINGER.millisAt(java.time.LocalTime.of(9, 30)));
        session.inject(Command.PlaceOrder.market(0, user, 1, trainee, air, Side.BUY, 100));
        session.advanceTo(FAT_FINGER.millisAt(java.time.LocalTime.of(10, 15)));
        session.inject(Command.PlaceOrder.limit(0, user, 2, trainee, air, Side.SELL, 16_500, 100)
                .withTimeInForce(com.bourse.protocol.TimeInForce.DAY));
        session.inject(new Command.Approve(0, user, ReviewSubject.ORDER, 77));
        session.advanceTo(ELEVEN);
        Path saved = dir.resolve("session.bsession");
        session.record().write(saved);

        SessionRecord record = SessionRecord.read(saved);
        EventStreamHash replayed = new EventStreamHash();
        var engine = new com.bourse.engine.Engine(com.bourse.engine.EngineConfig.defaults());
        MarketSession replay = MarketSession.replay(FAT_FINGER, record, engine::apply, replayed);
        replay.advanceTo(FAT_FINGER.millisAt(java.time.LocalTime.of(10, 0)));
        replay.advanceTo(ELEVEN);

        assertThat(record.injections()).hasSize(3);
        assertThat(session.trainee().fills()).isNotEmpty();
        assertThat(replay.trainee().fills()).isEqualTo(session.trainee().fills());
        assertThat(replayed.hex()).isEqualTo(original.hex());
    }
}
