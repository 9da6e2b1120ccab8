package com.bourse.simulator.agents;

import com.bourse.protocol.Instrument;
import com.bourse.simulator.scenario.FundamentalSpec;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An instrument's fundamental value, stepped once a simulated second: the log price follows a mean-reverting walk
 * whose volatility itself wanders (so calm and busy spells cluster) with occasional jumps, or a historical path of
 * minute closes; news adds a shock that stays (permanent) or fades (a flash crash).
 *
 * <p>This is the model's hidden state, not money: it is a {@code double} and agents turn it into prices on the
 * tick. All arithmetic goes through {@link StrictMath} so the same seed gives the same path on every machine.
 * Simulation thread only.
 */
public final class FundamentalPath {
    /** The volatility's own memory: busy spells last this long. */
    private static final double VOL_MEMORY_SECONDS = 1_200;

    private final FundamentalSpec spec;
    private final SplittableRandom random;
    private final double secondsPerDay;
    private final double stepVol;
    private final double reversionPerSecond;
    private final double jumpChance;
    private final long reference;
    private double logValue;
    private double logMean;
    private double logVolDeviation;
    private double factor = 1;
    private double shock;
    /** Permanent news, kept apart so a historical path keeps it too. */
    private double offset;
    private double shockFadePerSecond;
    private long seconds;

    public FundamentalPath(Instrument instrument, FundamentalSpec spec, SplittableRandom random, long sessionSeconds) {
        this.spec = spec;
        this.random = random;
        this.secondsPerDay = sessionSeconds;
        this.reference = spec.historical() ? spec.history().getFirst() : instrument.referencePrice();
        this.logValue = StrictMath.log(reference);
        this.logMean = logValue;
        this.stepVol = spec.dailyVolatility() / StrictMath.sqrt(secondsPerDay);
        this.reversionPerSecond = spec.halfLifeMinutes() > 0 ? StrictMath.log(2) / (spec.halfLifeMinutes() * 60) : 0;
        this.jumpChance = spec.jumpsPerDay() / secondsPerDay;
    }

    /** Advances one simulated second. */
    public void step() {
        seconds++;
        if (spec.historical()) {
            logValue = historical(seconds);
        } else {
            double nu = spec.volClustering();
            if (nu > 0) {
                logVolDeviation += -logVolDeviation / VOL_MEMORY_SECONDS
                        + nu * StrictMath.sqrt(2 / VOL_MEMORY_SECONDS) * gaussian();
            }
            // exp(h - nu^2) keeps the mean variance what the scenario asked for, however strongly it clusters.
            double vol = stepVol * factor * StrictMath.exp(logVolDeviation - nu * nu);
            logValue += reversionPerSecond * (logMean - logValue) + vol * gaussian();
            if (random.nextDouble() < jumpChance * factor) {
                double size = -spec.jumpSize() * StrictMath.log(1 - random.nextDouble());
                logValue += random.nextBoolean() ? size : -size;
            }
        }
        if (shock != 0) {
            shock *= 1 - shockFadePerSecond;
        }
    }

    /** The fundamental value now, in price units (not on the tick). */
    public double value() {
        return StrictMath.exp(logValue + offset + shock);
    }

    /** News: a move of {@code change} (a fraction) that stays, or fades with a half-life of {@code recoveryMinutes}. */
    public void news(double change, boolean permanent, double recoveryMinutes) {
        double move = StrictMath.log1p(change);
        if (permanent) {
            offset += move;
        } else {
            shock += move;
            shockFadePerSecond = StrictMath.log(2) / (recoveryMinutes * 60);
        }
    }

    /** From now on the volatility is {@code factor} times the scenario's. */
    public void volatility(double factor) {
        this.factor = factor;
    }

    private double historical(long second) {
        List<Long> closes = spec.history();
        long minute = second / 60;
        if (minute >= closes.size() - 1) {
            return StrictMath.log(closes.getLast());
        }
        double from = StrictMath.log(closes.get((int) minute));
        double to = StrictMath.log(closes.get((int) minute + 1));
        return from + (to - from) * (second % 60) / 60.0;
    }

    /** A standard normal draw (Box-Muller, strict arithmetic). */
    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }
}
