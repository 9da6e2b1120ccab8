package com.bourse.engine.model;

import com.bourse.engine.Engine;
import com.bourse.engine.model.CommandStream.Scope;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.EventSink;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Same commands in the same order give the same events and the same state, byte for byte. */
class DeterminismProperties {

    @Property(tries = 60)
    void sameCommandsGiveEqualEventsAndEqualSnapshots(@ForAll long seed,
                                                      @ForAll("streamLength") int length) {
        // given one command list
        TradingFloor floor = TradingFloor.forWholeEngine();
        List<Command> commands = CommandStream.session(seed, floor, Scope.WHOLE_ENGINE, length);

        // when two fresh engines apply it
        Engine first = new Engine(floor.config);
        Engine second = new Engine(floor.config);
        List<Event> firstEvents = applyAll(first, commands);
        List<Event> secondEvents = applyAll(second, commands);

        // then they said and hold exactly the same
        assertThat(secondEvents).as("events of seed %d", seed).isEqualTo(firstEvents);
        SnapshotBytes.assertSame(second.snapshot(), first.snapshot(), "snapshot of seed %d", seed);
        Statistics.label("trades in the stream").collect(first.tradeCount() == 0 ? "none"
                : first.tradeCount() < 50 ? "1-49" : "50+");
    }

    @Property(tries = 30)
    void stateDoesNotDependOnWhoListens(@ForAll long seed, @ForAll("streamLength") int length) {
        // given one command list
        TradingFloor floor = TradingFloor.forWholeEngine();
        List<Command> commands = CommandStream.session(seed, floor, Scope.WHOLE_ENGINE, length);

        // when one engine reports to a recorder and another to the allocation-free sink that drops everything
        Engine recorded = new Engine(floor.config);
        applyAll(recorded, commands);
        Engine silent = new Engine(floor.config);
        for (Command command : commands) {
            silent.apply(command, EventSink.NONE);
        }

        // then both end in the same state
        SnapshotBytes.assertSame(silent.snapshot(), recorded.snapshot(), "snapshot of seed %d", seed);
    }

    static List<Event> applyAll(Engine engine, List<Command> commands) {
        List<Event> events = new ArrayList<>();
        for (Command command : commands) {
            engine.apply(command, events::add);
        }
        return events;
    }

    @Provide
    Arbitrary<Integer> streamLength() {
        return Uniform.between(1, 800);
    }
}
