package com.bourse.simulator.scenario;

import com.bourse.protocol.RiskLimits;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The trainee's seat: their user and account, roles, opening cash by currency (whole units with decimals),
 * opening positions by symbol and risk limits.
 */
public record TraineeSetup(long userId, long accountId, int roleMask, String baseCurrency,
                           Map<String, BigDecimal> cash, Map<String, Long> positions, RiskLimits limits) {
    public TraineeSetup {
        cash = Map.copyOf(cash);
        positions = Map.copyOf(positions);
    }
}
