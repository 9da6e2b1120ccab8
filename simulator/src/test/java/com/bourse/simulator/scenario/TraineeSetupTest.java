package com.bourse.simulator.scenario;

import com.bourse.protocol.RiskLimits;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TraineeSetupTest {

    /**
     * The session deposits the trainee's cash and positions in this order, so it is part of the event stream: it must
     * be the file's order in every JVM (an immutable {@code Map.copyOf} iterates in an order salted per JVM, which
     * gave the default scenario another event hash at each run).
     */
    @Test
    void openingCashAndPositionsKeepTheScenarioFilesOrder() {
        Map<String, BigDecimal> cash = new LinkedHashMap<>();
        Map<String, Long> positions = new LinkedHashMap<>();
        for (String code : new String[] {"USD", "EUR", "CHF", "GBP", "JPY", "SEK", "NOK", "DKK"}) {
            cash.put(code, BigDecimal.TEN);
        }
        for (String symbol : new String[] {"SAP", "ASML", "AIR", "MC", "AAPL", "MSFT", "ENGI", "BNP"}) {
            positions.put(symbol, 100L);
        }

        TraineeSetup seat = new TraineeSetup(10, 10, 1, "EUR", cash, positions,
                new RiskLimits(1_000, 1_000_000, 1_000_000, 10, 60_000));

        assertThat(seat.cash().keySet()).containsExactly("USD", "EUR", "CHF", "GBP", "JPY", "SEK", "NOK", "DKK");
        assertThat(seat.positions().keySet()).containsExactly("SAP", "ASML", "AIR", "MC", "AAPL", "MSFT", "ENGI", "BNP");
    }
}
