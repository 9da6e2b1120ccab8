package com.bourse.bench.engine;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamProfile;
import com.bourse.bench.stream.StreamSpec;
import com.bourse.engine.Engine;
import com.bourse.protocol.Command;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedStreamOnEngineTest {

    @Test
    void everyOrderOfTheOneInstrumentStreamPassesRiskAndTradesAsTheGeneratorPredicted() {
        assertEngineReplays(OrderStream.generate(StreamSpec.oneInstrument(60_000)));
    }

    @Test
    void everyOrderOfTheHundredInstrumentStreamPassesRiskAndTradesAsTheGeneratorPredicted() {
        assertEngineReplays(OrderStream.generate(StreamSpec.hundredInstruments(60_000)));
    }

    @Test
    void primedEngineReplaysTheStreamExactlyAsAFreshOne() {
        // given an engine on which every price level has been used once
        OrderStream stream = OrderStream.generate(StreamSpec.oneInstrument(20_000));
        BenchMarket market = new BenchMarket(stream.spec());
        Engine engine = market.newEngine();
        market.primePriceLevels(engine);
        long tradesBefore = engine.tradeCount();
        CountingSink sink = new CountingSink();

        // when the stream runs on it
        for (Command command : BenchMarket.commands(stream)) {
            engine.apply(command, sink);
        }

        // then priming traded nothing and the stream did its usual work
        assertThat(tradesBefore).isZero();
        StreamCheck.verify(stream, sink, engine);
        assertThat(sink.trades).isEqualTo(stream.profile().trades());
    }

    @Test
    void checkRefusesARoundThatSkippedAnAggressiveOrder() {
        // given a stream and an engine that is fed all of it except one aggressive order
        OrderStream stream = OrderStream.generate(StreamSpec.oneInstrument(20_000));
        Command[] commands = BenchMarket.commands(stream);
        Engine engine = new BenchMarket(stream.spec()).newEngine();
        CountingSink sink = new CountingSink();
        int skipped = lastAggressive(stream);
        for (int i = 0; i < commands.length; i++) {
            if (i != skipped) {
                engine.apply(commands[i], sink);
            }
        }

        // then the round is not accepted as the stream's work
        assertThatThrownBy(() -> StreamCheck.verify(stream, sink, engine))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("engine disagrees with the stream");
    }

    private static void assertEngineReplays(OrderStream stream) {
        // given a funded engine with risk checks on and the stream as pre-built commands
        Engine engine = new BenchMarket(stream.spec()).newEngine();
        Command[] commands = BenchMarket.commands(stream);
        CountingSink sink = new CountingSink();

        // when every command is applied
        for (Command command : commands) {
            engine.apply(command, sink);
        }

        // then nothing was refused and the book did exactly what the generator's shadow books did
        StreamProfile p = stream.profile();
        assertThat(sink.rejected).as("rejections (first %s)", sink.firstRejection).isZero();
        assertThat(sink.otherEvents).as("held orders or rejected commands (first %s)", sink.firstOtherEvent).isZero();
        assertThat(sink.accepted).isEqualTo(p.adds() + p.aggressive());
        assertThat(sink.trades).isEqualTo(p.trades());
        assertThat(sink.tradedQuantity).isEqualTo(p.tradedQuantity());
        assertThat(sink.userCancels).isEqualTo(p.cancels());
        assertThat(sink.remainderCancels).isEqualTo(p.aggressiveWithRemainder());
        assertThat(engine.liveOrderCount()).isEqualTo((int) p.liveAtEnd());
    }

    private static int lastAggressive(OrderStream stream) {
        for (int i = stream.size() - 1; i >= 0; i--) {
            if (stream.kind(i) == OrderStream.AGGRESSIVE) {
                return i;
            }
        }
        throw new IllegalStateException("no aggressive order in the stream");
    }
}
