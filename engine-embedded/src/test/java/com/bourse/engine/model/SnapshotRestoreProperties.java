package com.bourse.engine.model;

import com.bourse.engine.Engine;
import com.bourse.engine.model.CommandStream.Scope;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot taken at any point, restored into a new engine, continues exactly as the engine it came from:
 * the rest of the stream gives the same events and the same final state as an uninterrupted run.
 */
class SnapshotRestoreProperties {

    @Property(tries = 60)
    void restoredEngineContinuesExactlyLikeTheUninterruptedOne(@ForAll long seed,
                                                               @ForAll("streamLength") int length,
                                                               @ForAll("cutPercent") int cutPercent) {
        // given a command list and a point to cut it at, possibly while the floor is still being set up
        TradingFloor floor = TradingFloor.forWholeEngine();
        List<Command> commands = CommandStream.session(seed, floor, Scope.WHOLE_ENGINE, length);
        int cut = commands.size() * cutPercent / 100;
        List<Command> before = commands.subList(0, cut);
        List<Command> after = commands.subList(cut, commands.size());

        Engine uninterrupted = new Engine(floor.config);
        DeterminismProperties.applyAll(uninterrupted, before);
        List<Event> expectedRest = DeterminismProperties.applyAll(uninterrupted, after);

        // when another engine runs to the cut, is snapshotted and restored, and the restored one runs the rest
        Engine interrupted = new Engine(floor.config);
        DeterminismProperties.applyAll(interrupted, before);
        byte[] snapshot = interrupted.snapshot();
        Engine restored = Engine.restore(floor.config, snapshot);
        byte[] restoredSnapshot = restored.snapshot();
        List<Event> rest = DeterminismProperties.applyAll(restored, after);

        // then the restore was exact and the continuation is indistinguishable
        SnapshotBytes.assertSame(restoredSnapshot, snapshot, "snapshot of the engine restored at command %d of seed %d",
                cut, seed);
        assertThat(rest).as("events after restoring at command %d of seed %d", cut, seed)
                .isEqualTo(expectedRest);
        SnapshotBytes.assertSame(restored.snapshot(), uninterrupted.snapshot(),
                "final state after restoring at command %d of seed %d", cut, seed);
    }

    @Provide
    Arbitrary<Integer> streamLength() {
        return Uniform.between(1, 600);
    }

    @Provide
    Arbitrary<Integer> cutPercent() {
        return Uniform.between(0, 100);
    }
}
