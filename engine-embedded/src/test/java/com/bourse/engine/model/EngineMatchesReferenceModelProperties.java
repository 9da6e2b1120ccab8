package com.bourse.engine.model;

import com.bourse.engine.Engine;
import com.bourse.engine.model.CommandStream.Scope;
import com.bourse.engine.model.TradingFloor.Seat;
import com.bourse.protocol.CancelReason;
import com.bourse.protocol.Command;
import com.bourse.protocol.ErrorCode;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Side;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine and the {@link ReferenceExchange} receive the same random order flow (limit and market orders,
 * GTC/IOC/FOK, post-only, icebergs, cancels, amendments, self-trades, buying power running out) and must say
 * exactly the same things, event for event, with the same books and balances after every command.
 * A failure names the seed and stream length; jqwik shrinks it to the shortest failing stream.
 */
class EngineMatchesReferenceModelProperties {

    @Property(tries = 1000)
    void engineEmitsExactlyTheEventsOfTheReferenceModel(@ForAll long seed,
                                                        @ForAll("streamLength") int length,
                                                        @ForAll @IntRange(min = 1, max = 2) int instruments) {
        // given a funded floor in the engine and in the model
        TradingFloor floor = TradingFloor.forMatching(instruments);
        Engine engine = floor.openEngine();
        ReferenceExchange model = floor.openReferenceExchange();
        assertSameBooksAndBalances(floor, engine, model, "after the opening");
        CommandStream stream = new CommandStream(seed, floor, Scope.MATCHING);
        Coverage coverage = new Coverage();

        for (int i = 0; i < length; i++) {
            // when the same command reaches both
            Command command = stream.next();
            List<Event> actual = new ArrayList<>();
            engine.apply(command, actual::add);
            List<Event> expected = model.apply(command);

            // then they report the same events and hold the same state
            String where = "command #" + i + " of seed " + seed + ": " + command;
            assertThat(actual).as(where).isEqualTo(expected);
            assertSameBooksAndBalances(floor, engine, model, where);
            coverage.count(command, actual);
        }
        coverage.report();
    }

    private static void assertSameBooksAndBalances(TradingFloor floor, Engine engine, ReferenceExchange model,
                                                   String where) {
        for (Instrument instrument : floor.instruments) {
            for (Side side : Side.values()) {
                assertThat(engine.depth(instrument.id(), side, Integer.MAX_VALUE))
                        .as("%s book of %s, %s", side, instrument.symbol(), where)
                        .isEqualTo(model.depth(instrument.id(), side));
            }
        }
        for (Seat seat : TradingFloor.SEATS) {
            for (String asset : floor.assets()) {
                long account = seat.accountId();
                assertThat(engine.balance(account, asset)).as("%d %s balance, %s", account, asset, where)
                        .isEqualTo(model.balance(account, asset));
                assertThat(engine.held(account, asset)).as("%d %s held, %s", account, asset, where)
                        .isEqualTo(model.held(account, asset));
            }
        }
    }

    /** What a stream exercised, so a generator that stopped producing the hard cases would show. */
    private static final class Coverage {
        boolean traded;
        boolean selfTrade;
        boolean fokKilled;
        boolean keptPriority;
        boolean lostPriority;
        boolean refused;

        void count(Command command, List<Event> events) {
            for (Event event : events) {
                switch (event) {
                    case Event.Trade t -> traded = true;
                    case Event.OrderCancelled c when c.reason() == CancelReason.SELF_TRADE -> selfTrade = true;
                    case Event.OrderCancelled c when c.reason() == CancelReason.FOK_NOT_FILLED -> fokKilled = true;
                    case Event.OrderReplaced r -> {
                        keptPriority |= r.keptPriority();
                        lostPriority |= !r.keptPriority();
                    }
                    case Event.OrderRejected r when r.reason() == ErrorCode.INSUFFICIENT_BALANCE
                            || r.reason() == ErrorCode.INSUFFICIENT_POSITION -> refused = true;
                    default -> {
                    }
                }
            }
        }

        void report() {
            Statistics.label("traded").collect(traded);
            Statistics.label("self-trade prevented").collect(selfTrade);
            Statistics.label("fill-or-kill killed").collect(fokKilled);
            Statistics.label("replace kept priority").collect(keptPriority);
            Statistics.label("replace lost priority").collect(lostPriority);
            Statistics.label("refused for funds").collect(refused);
        }
    }

    @Provide
    Arbitrary<Integer> streamLength() {
        return Uniform.between(1, 500);
    }
}
