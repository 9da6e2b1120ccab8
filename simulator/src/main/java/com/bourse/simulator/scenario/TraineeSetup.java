package com.bourse.simulator.scenario;

import com.bourse.protocol.RiskLimits;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainee's seat: their user and account, roles, opening cash by currency (whole units with decimals),
 * opening positions by symbol and risk limits. Cash and positions keep the scenario file's order: the session
 * deposits them in that order, and {@code Map.copyOf}'s order changes from one JVM to the next (the same seed gave
 * another event stream in each run).
 */
public record TraineeSetup(long userId, long accountId, int roleMask, String baseCurrency,
                           Map<String, BigDecimal> cash, Map<String, Long> positions, RiskLimits limits) {
    public TraineeSetup {
        cash = Collections.unmodifiableMap(new LinkedHashMap<>(cash));
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }
}
