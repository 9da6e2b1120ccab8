package com.bourse.simulator.session;

import com.bourse.protocol.EventSink;
import com.bourse.simulator.Sessions;
import com.bourse.simulator.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated prices look like a market's: over a whole day of the default scenario (20 instruments), the 1-minute
 * mid returns have heavy tails, almost no autocorrelation, and clustered volatility (absolute returns autocorrelate);
 * and market makers quote wider in the fast-market scenario. Each instrument's returns are standardized before
 * they are pooled, so one volatile instrument does not make the tails.
 */
class StylizedFactsTest {
    private static final List<double[]> returns = new ArrayList<>();
    private static MarketSession quiet;

    @BeforeAll
    static void simulateADay() {
        quiet = Sessions.onNewEngine(Sessions.scenario("quiet-market.scn"), 11, EventSink.NONE);
        quiet.runToClose();
        for (InstrumentDay day : quiet.days()) {
            long[] mids = day.minuteDoubleMids();
            double[] r = new double[mids.length - 1];
            for (int i = 1; i < mids.length; i++) {
                r[i - 1] = Math.log((double) mids[i] / mids[i - 1]);
            }
            returns.add(standardized(r));
        }
    }

    @Test
    void oneMinuteReturnsHaveHeavyTails() {
        double sum4 = 0;
        int n = 0;
        for (double[] r : returns) {
            for (double x : r) {
                sum4 += x * x * x * x;
                n++;
            }
        }
        double excessKurtosis = sum4 / n - 3;

        assertThat(n).isGreaterThan(20 * 500);
        assertThat(excessKurtosis).isGreaterThan(1);
    }

    @Test
    void returnsAreNotSignificantlyAutocorrelated() {
        // Value traders take every offer left mispriced by a moving value, so the mid does not trail it for
        // minutes: lag-1 autocorrelation measured 0.049, 0.068, 0.060, 0.045 for seeds 11-14 (0.077 to 0.0995
        // when they took only the best price).
        double acf = pooledAutocorrelation(false);

        assertThat(Math.abs(acf)).isLessThan(0.1);
    }

    @Test
    void volatilityClusters() {
        double acfOfAbsolute = pooledAutocorrelation(true);

        assertThat(acfOfAbsolute).isGreaterThan(0.1);
    }

    @Test
    void marketMakersQuoteWiderInAFastMarket() {
        Scenario fastScenario = Sessions.scenario("fast-market.scn");
        MarketSession fast = Sessions.onNewEngine(fastScenario, 11, EventSink.NONE);
        fast.advanceTo(fastScenario.millisAt(java.time.LocalTime.of(13, 0)));

        for (int i = 0; i < fastScenario.instruments().size(); i++) {
            InstrumentDay calm = quiet.days().get(i);
            InstrumentDay busy = fast.days().get(i);
            assertThat(busy.instrument().symbol()).isEqualTo(calm.instrument().symbol());
            assertThat(busy.meanSpreadTicks()).as(busy.instrument().symbol())
                    .isGreaterThan(1.3 * calm.meanSpreadTicks());
        }
    }

    private static double pooledAutocorrelation(boolean absolute) {
        double products = 0;
        double squares = 0;
        for (double[] r : returns) {
            double[] x = r.clone();
            if (absolute) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.abs(x[i]);
                }
                x = standardized(x);
            }
            for (int i = 1; i < x.length; i++) {
                products += x[i] * x[i - 1];
            }
            for (double v : x) {
                squares += v * v;
            }
        }
        return products / squares;
    }

    private static double[] standardized(double[] r) {
        double mean = 0;
        for (double x : r) {
            mean += x;
        }
        mean /= r.length;
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / r.length);
        double[] z = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            z[i] = sd == 0 ? 0 : (r[i] - mean) / sd;
        }
        return z;
    }
}
