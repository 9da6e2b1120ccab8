package com.bourse.engine.model;

import com.bourse.engine.Engine;
import com.bourse.engine.model.CommandStream.Scope;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.TransferState;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Whatever happens (stops firing, DAY orders expiring, halts, mass cancels, the kill switch, orders and
 * transfers held for review and decided, deposits and withdrawals settling or failing), the engine stays
 * consistent after every single command: see {@link EngineInvariants} for the rules.
 */
class EngineInvariantProperties {

    @Property(tries = 300)
    void everyCommandLeavesBooksOrdersAndLedgerConsistent(@ForAll long seed,
                                                          @ForAll("streamLength") int length) {
        // given a funded floor
        TradingFloor floor = TradingFloor.forWholeEngine();
        Engine engine = floor.openEngine();
        EngineInvariants invariants = new EngineInvariants("the stream of seed " + seed);
        CommandStream stream = new CommandStream(seed, floor, Scope.WHOLE_ENGINE);
        Activity activity = new Activity();

        for (int i = 0; i < length; i++) {
            // when any command is applied
            Command command = stream.next();
            List<Event> events = new ArrayList<>();
            engine.apply(command, events::add);

            // then every invariant still holds
            invariants.check(command, events, engine);
            activity.count(events);
        }
        activity.report();
    }

    /** Which of the rarer paths a stream went through, as jqwik statistics. */
    private static final class Activity {
        boolean traded;
        boolean triggered;
        boolean expired;
        boolean held;
        boolean approved;
        boolean transferSettled;
        boolean killSwitch;

        void count(List<Event> events) {
            for (Event event : events) {
                switch (event) {
                    case Event.Trade t -> traded = true;
                    case Event.OrderTriggered t -> triggered = true;
                    case Event.OrderExpired x -> expired = true;
                    case Event.OrderHeld h -> held = true;
                    case Event.OrderApproved a -> approved = true;
                    case Event.TransferStateChanged t when t.state() == TransferState.COMPLETED ->
                            transferSettled = true;
                    case Event.KillSwitchChanged k -> killSwitch = true;
                    default -> {
                    }
                }
            }
        }

        void report() {
            Statistics.label("traded").collect(traded);
            Statistics.label("stop triggered").collect(triggered);
            Statistics.label("DAY order expired").collect(expired);
            Statistics.label("order held for review").collect(held);
            Statistics.label("held order approved").collect(approved);
            Statistics.label("transfer completed").collect(transferSettled);
            Statistics.label("kill switch engaged or released").collect(killSwitch);
        }
    }

    @Provide
    Arbitrary<Integer> streamLength() {
        return Uniform.between(1, 600);
    }
}
