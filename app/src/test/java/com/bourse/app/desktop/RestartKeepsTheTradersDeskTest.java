package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.ui.model.FillRow;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.view.Workstation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a trader saw is lost: alice trades in a real data folder while the simulated market runs, the desktop is
 * killed (SIGKILL: no close, no shutdown hook) and started again on the same folder. Her positions blotter after the
 * restart equals the one before, quantity, average price and realised P&L to the cent, her fills blotter holds the
 * same fills, and the simulated market goes on from the minute it had reached: no jump back to the day's open and
 * no trade stamped inside the downtime. Her working order's history after the restart lists every step her window
 * showed before it (read back from the store), and the OCO stop the engine refused is still listed as REJECTED with
 * the engine's reason, its history with it. Her bracket resting below the market names the target and stop it will get
 * in the Bracket / OCO column, and the ladder marks them, as her window did before.
 */
class RestartKeepsTheTradersDeskTest {
    /** ASML's tick is 10; a simulated minute moves its close by at most 14 ticks and trades happen within 5 ticks. */
    private static final long MOST_A_MINUTE_MOVES_ASML = 300;

    @TempDir
    Path home;
    private DesktopDriver driver;

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.stop();
        }
    }

    @Test
    void positionsFillsAndTheMarketAreWhereTheyWereAfterAKillAndARestart() throws Exception {
        Path data = home.resolve("simulation");
        Path err = home.resolve("child.err");
        List<String> positionsBefore = new CopyOnWriteArrayList<>();
        List<Long> fillsBefore = new CopyOnWriteArrayList<>();
        java.util.Map<Long, List<String>> historyBefore = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.Map<Long, String> refusedBefore = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.Map<Long, String> bracketsBefore = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<String> marksBefore = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dstdout.encoding=UTF-8", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingTrader.class.getName(), data.toString())
                .redirectError(err.toFile()).start();
        Thread reader = Thread.ofPlatform().name("restart-spec-reader").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("POSITION ")) {
                        positionsBefore.add(line.substring(9));
                    } else if (line.startsWith("FILL ")) {
                        fillsBefore.add(Long.parseLong(line.substring(5)));
                    } else if (line.startsWith("HISTORY ")) {
                        String[] parts = line.split(" ", 4); // HISTORY account order event<TAB>detail
                        historyBefore.computeIfAbsent(Long.parseLong(parts[2]), id -> new CopyOnWriteArrayList<>())
                                .add(parts[3]);
                    } else if (line.startsWith("REFUSED ")) {
                        String[] parts = line.split(" ", 3);
                        refusedBefore.put(Long.parseLong(parts[1]), parts[2]);
                    } else if (line.startsWith("BRACKET ")) {
                        String[] parts = line.split(" ", 3);
                        bracketsBefore.put(Long.parseLong(parts[1]), parts[2]);
                    } else if (line.startsWith("MARK ")) {
                        marksBefore.add(line.substring(5));
                    } else if (line.equals("READY")) {
                        ready.countDown();
                    }
                }
            } catch (Exception ignored) {
                // the pipe breaks when the child is killed
            }
        });
        assertThat(ready.await(900, TimeUnit.SECONDS)).as("the trader finished; stderr: %s", Files.readString(err))
                .isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.currentTimeMillis();
        reader.join(5_000);
        SimulatorBookmark.Position stoppedAt = new SimulatorBookmark(data).read().orElseThrow();
        assertThat(positionsBefore).as("alice's ASML position realised a profit or loss before the kill")
                .anyMatch(line -> line.startsWith("1001 ASML ") && !line.endsWith(" 0.00"));
        assertThat(fillsBefore).isNotEmpty();
        assertThat(refusedBefore).as("the OCO stop the engine refused").hasSize(1);
        assertThat(historyBefore).as("the amended bid and the refused stop").hasSize(2);
        assertThat(bracketsBefore.values()).as("the resting bracket's entry")
                .singleElement().asString().startsWith("Entry · target ");

        // A start after a kill first lets the store's projections catch up with the journal: more than TestFX's
        // default ten seconds of application set-up on a loaded machine.
        System.setProperty("testfx.setup.timeout", "180000");
        driver = new DesktopDriver(home);
        long restartedAt = System.currentTimeMillis();
        driver.start(new DesktopConfig(home, SampleWorld.locate(), 100, 60, 42));
        Workstation alice = driver.signIn("alice", "alice-training-1", 60);
        driver.settle();

        assertThat(driver.fx(() -> alice.context().desk().positions().stream().map(CrashingTrader::line).toList()))
                .as("the positions blotter after the restart, to the cent")
                .containsExactlyElementsOf(positionsBefore);
        assertThat(driver.fx(() -> alice.context().desk().fills().stream().map(FillRow::tradeId).toList()))
                .as("the fills blotter after the restart")
                .containsExactlyElementsOf(fillsBefore);

        // The refused OCO stop is listed as before, and each order's history reads as her window showed it before
        for (var refused : refusedBefore.entrySet()) {
            assertThat(driver.fx(() -> alice.context().desk().workingOrders().stream()
                    .filter(r -> r.orderId() == refused.getKey()).map(r -> r.status() + " " + r.reason()).toList()))
                    .as("the refused OCO stop after the restart").containsExactly("REJECTED " + refused.getValue());
        }
        // The resting bracket's entry names the target and stop it will get, and the ladder marks them, as before
        for (var bracket : bracketsBefore.entrySet()) {
            assertThat(driver.fx(() -> alice.context().desk().workingOrders().stream()
                    .filter(r -> r.orderId() == bracket.getKey()).map(r -> alice.context().desk().linkOf(r)).toList()))
                    .as("the bracket after the restart").containsExactly(bracket.getValue());
        }
        assertThat(driver.fx(() -> alice.context().desk().ladderMarks(CrashingTrader.ASML).stream()
                .map(String::valueOf).toList())).as("the ladder's marks after the restart")
                .containsExactlyInAnyOrderElementsOf(marksBefore);
        for (var order : historyBefore.entrySet()) {
            TradingScenes.HistoryView view = TradingScenes.orderHistory(driver, alice, order.getKey());
            assertThat(view.steps()).as("order %d's history after the restart", order.getKey())
                    .extracting(step -> step.event() + "\t" + step.detail())
                    .containsExactlyElementsOf(order.getValue());
            if (!refusedBefore.containsKey(order.getKey())) {
                driver.screenshot(driver.fx(() -> view.dialog().getScene()),
                        DesktopDriver.screenshotFolder().resolve("order-history-after-restart.png"));
            }
            TradingScenes.closeDialog(driver);
        }

        SimulationHost host = driver.desktop().host();
        driver.waitUntil(() -> host.trades().recent(CrashingTrader.ASML).getLast().time() >= restartedAt, 30);
        List<MarketSnapshot.Print> tape = host.trades().recent(CrashingTrader.ASML);
        assertThat(tape).as("no trade is dated inside the downtime")
                .noneMatch(p -> p.time() > killedAt && p.time() < restartedAt);
        MarketSnapshot.Print lastBefore = tape.stream().filter(p -> p.time() <= killedAt).reduce((a, b) -> b)
                .orElseThrow();
        MarketSnapshot.Print firstAfter = tape.stream().filter(p -> p.time() >= restartedAt).findFirst()
                .orElseThrow();
        assertThat(Math.abs(firstAfter.price() - lastBefore.price()))
                .as("the market goes on from %s at minute %d, not from the day's open", lastBefore.price(),
                        stoppedAt.barIndex())
                .isLessThanOrEqualTo(MOST_A_MINUTE_MOVES_ASML);
        SimulatorBookmark.Position resumed = new SimulatorBookmark(data).read().orElseThrow();
        // The same day at a later minute, or (when the day ran out meanwhile) the next day, whose seed follows.
        assertThat(resumed).as("minutes replayed after the restart continue from %s", stoppedAt)
                .matches(p -> p.daySeed() == stoppedAt.daySeed() ? p.barIndex() > stoppedAt.barIndex()
                        : p.daySeed() > stoppedAt.daySeed());
    }
}
