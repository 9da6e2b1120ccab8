package com.bourse.bench.engine;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamSpec;
import com.bourse.engine.Engine;
import com.bourse.protocol.Command;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One {@link Engine#apply} of the one-instrument stream per operation, for JMH's time per command and, with
 * {@code -prof gc}, bytes allocated per command ({@code gc.alloc.rate.norm}).
 *
 * <p>The commands are immutable records, so one pre-built stream serves many engines; order ids only grow, so
 * an engine can replay it once. All engines are set up in the trial set-up and the benchmark moves to the next
 * ready engine when the stream runs out: nothing is created inside the measured iterations, so the GC profiler
 * sees only what the engine allocates. With {@code primed=true} (the default) every price level of the band
 * already exists on each engine, which is the steady state of a long-running engine; with {@code primed=false}
 * each engine also creates its price levels as the stream first uses them (40 bytes each, about a thousand per
 * engine). If the prepared engines run out the benchmark fails rather than measure set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineApplyBenchmark {

    /** Commands each engine replays. */
    @Param("1000000")
    public int commandsPerEngine;

    /** Engines prepared up front; enough for 10 million commands per second over every iteration. */
    @Param("100")
    public int engines;

    /** Whether each engine has every price level already (steady state) or meets them fresh. */
    @Param("true")
    public boolean primed;

    private Command[] commands;
    private Engine[] ready;
    private int engineIndex;
    private Engine engine;
    private int cursor;
    private final CountingSink sink = new CountingSink();

    @Setup(Level.Trial)
    public void prepareEngines() {
        OrderStream stream = OrderStream.generate(StreamSpec.oneInstrument(commandsPerEngine));
        BenchMarket market = new BenchMarket(stream.spec());
        commands = BenchMarket.commands(stream);
        ready = new Engine[engines];
        for (int i = 0; i < engines; i++) {
            ready[i] = market.newEngine();
            if (primed) {
                market.primePriceLevels(ready[i]);
            }
        }
        engine = ready[0];
    }

    @Benchmark
    public void applyNextCommand() {
        if (cursor == commands.length) {
            nextEngine();
        }
        engine.apply(commands[cursor++], sink);
    }

    @TearDown(Level.Trial)
    public void checkNothingWasRejected() {
        if (sink.rejected != 0 || sink.otherEvents != 0) {
            throw new IllegalStateException("the engine refused commands: " + sink.rejected + " rejections, first "
                    + sink.firstRejection + "; " + sink.otherEvents + " other events, first " + sink.firstOtherEvent);
        }
    }

    private void nextEngine() {
        ready[engineIndex] = null;
        if (++engineIndex == ready.length) {
            throw new IllegalStateException("all " + ready.length + " prepared engines are used up: run with a"
                    + " larger -p engines (or -p commandsPerEngine)");
        }
        engine = ready[engineIndex];
        cursor = 0;
    }
}
