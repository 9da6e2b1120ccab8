package com.bourse.engine.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;

/**
 * Integers spread evenly over a range. jqwik's default integer generation favours small values, which would
 * make most generated streams short, and short streams rarely reach deep books or late-session states.
 * Shrinking still moves towards the minimum, so a failure is reported with the shortest stream found.
 */
final class Uniform {
    private Uniform() {
    }

    static Arbitrary<Integer> between(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }
}
