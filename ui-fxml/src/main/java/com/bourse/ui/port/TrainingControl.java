package com.bourse.ui.port;

import com.bourse.protocol.Side;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The simulation toolbar's and the trainer's line to a training session: which scenario runs with which seed,
 * the pace (start, pause, resume, speed, reset, jump), the trainer's injections, the debrief, and saving or
 * reopening a session for replay. Everything the session does happens on its own engine thread; these calls hand
 * work to it and return. {@link #status} is a snapshot any thread may read.
 *
 * <p>Thread-safe.
 */
public interface TrainingControl {

    /** Speeds offered, in simulated seconds per wall second; {@link #AS_FAST_AS_POSSIBLE} runs the engine flat out. */
    List<Integer> SPEEDS = List.of(1, 2, 5, 10, 0);
    int AS_FAST_AS_POSSIBLE = 0;

    /** The scenarios a trainee may pick, by name (the file name without {@code .scn}). */
    List<String> scenarios();

    TrainingStatus status();

    /** A fresh session of {@code scenario} with {@code seed}, running at the current speed. */
    void start(String scenario, long seed);

    void pause();

    void resume();

    void speed(int speed);

    /** Back to the open of the same scenario and seed, paused; the trainee's orders of this run are dropped. */
    void reset();

    /** Runs to {@code time} at once, or rebuilds the day up to it when it is earlier (the record is replayed). */
    void jumpTo(LocalTime time);

    /** What a trainer makes happen now; recorded in the session like the trainee's orders. */
    void inject(TrainerAction action);

    /** The debrief of the session so far (the whole day once it closed). */
    CompletableFuture<Debrief> debrief();

    /** Saves the session record; returns the file. */
    CompletableFuture<Path> save();

    /** Reopens a saved session for replay, paused at the open: the recorded orders play again, new ones are refused. */
    CompletableFuture<Void> open(Path sessionFile);

    /** Writes the debrief as a PDF. */
    CompletableFuture<Path> exportPdf(Path file);

    /** Where saved sessions are kept (for the file chooser). */
    Path sessionsFolder();

    /** Something a trainer makes happen during a session. */
    sealed interface TrainerAction {
        /** The exchange halts the instrument. */
        record Halt(String symbol) implements TrainerAction {
        }

        /** The exchange reopens it. */
        record Resume(String symbol) implements TrainerAction {
        }

        /** Another participant sends a market order of {@code quantity}. */
        record LargeOrder(String symbol, Side side, long quantity) implements TrainerAction {
        }

        /** The risk desk sets the trainee's largest order quantity (other limits kept). */
        record LimitChange(long maxOrderQuantity) implements TrainerAction {
        }

        /**
         * News moves the instrument's value by {@code percent} (-8 = a profit warning): for good, or fading with a
         * half-life of {@code recoveryMinutes} when not {@code permanent}.
         */
        record News(String symbol, java.math.BigDecimal percent, boolean permanent, int recoveryMinutes)
                implements TrainerAction {
        }
    }
}
