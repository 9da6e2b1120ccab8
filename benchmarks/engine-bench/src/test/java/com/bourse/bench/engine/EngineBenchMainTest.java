package com.bourse.bench.engine;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EngineBenchMainTest {

    @Test
    void smallRunPrintsAResultLinePerVariantWithThroughputAndLatency() {
        // given a run with tiny counts
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // when the benchmark's main runs
            EngineBench.main(new String[] {"--commands=20000", "--warmup=0", "--rounds=1", "--latency-rounds=1"});
        } finally {
            System.setOut(original);
        }

        // then each variant ends with a machine-readable result carrying positive figures
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("RESULT engine=bourse variant=1-instrument commands=20000 throughput=[1-9]\\d*"
                + " p50=[1-9]\\d* p99=[1-9]\\d*");
        assertThat(out).containsPattern("RESULT engine=bourse variant=100-instruments commands=20000"
                + " throughput=[1-9]\\d*");
    }

    @Test
    void optionsDefaultToTheFullRunAndAcceptOverrides() {
        assertThat(BenchOptions.parse()).isEqualTo(new BenchOptions(java.util.List.of("1", "100"), 5_000_000, 3, 5, 2));
        assertThat(BenchOptions.parse("--variants=1", "--commands=1_000"))
                .isEqualTo(new BenchOptions(java.util.List.of("1"), 1_000, 3, 5, 2));
    }
}
