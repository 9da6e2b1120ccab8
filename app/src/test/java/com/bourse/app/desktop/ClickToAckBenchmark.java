package com.bourse.app.desktop;

import com.bourse.backoffice.importexport.SampleWorld;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.RiskLimits;
import com.bourse.protocol.Side;
import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.OrderRow;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.view.Workstation;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Click to acknowledged on screen, on the real simulation: the store-backed desktop (journal forced to disk on
 * every group commit, each order's audit entry sealed in its journal record, projections, the audit trail filled
 * from the journal) with the market simulator running,
 * one trader's main window, and orders sent as the ladder sends them — on the FX thread, through the session's
 * audited gateway. Each order is timed from the submit call on the FX thread to the pulse whose layout first
 * holds its working-orders row (the scene's post-layout pulse listener; the render thread paints that pulse
 * next), and each is cancelled once seen so the book stays as a trader's would. Two phases: a steady rate
 * (default 10 orders a second) and bursts (default 20 orders in one FX event, a basket). Also prints how long the
 * submit call itself held the FX thread. Run on a display (Xvfb in CI):
 * {@code xvfb-run -a mvn -pl app test-compile exec:exec@click-to-ack -Dclick-to-ack.args="10 20 20"}
 * (rate per second, seconds of steady sending, orders per burst).
 */
public final class ClickToAckBenchmark {
    private static final double FRAME_MILLIS = 1_000.0 / 60;
    private static final int WARM_UP_ORDERS = 30;
    private static final int BURSTS = 5;
    private static final long RISK_OFFICER = 4;

    private ClickToAckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int burst = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(10, TimeUnit.SECONDS);
        Path home = Files.createTempDirectory("bourse-click-to-ack");
        Desktop desktop = onFx(() -> new Desktop(new DesktopConfig(home, SampleWorld.locate(), 1_500, 80, 42)));
        try {
            Workstation window = signIn(desktop, "alice", "alice-training-1");
            Probe probe = onFx(() -> new Probe(window, desktop));
            probe.liftThrottle();

            System.out.printf(Locale.ROOT, "Click to acknowledged on screen: store-backed simulation (journal forced "
                    + "per group commit with each order's audit entry in its record), simulator running, one trader"
                    + " window.%n");
            Phase steady = steady(probe, rate, seconds);
            System.out.println(steady.report("steady " + rate + " orders/s for " + seconds + " s (first "
                    + WARM_UP_ORDERS + " orders left out as warm-up)"));
            Phase bursts = bursts(probe, burst);
            System.out.println(bursts.report(BURSTS + " bursts of " + burst + " orders, each burst in one FX event"));
            System.out.printf(Locale.ROOT, "one frame at 60 Hz       %.1f ms%nload average (uptime)     %s%n",
                    FRAME_MILLIS, loadAverage());
        } finally {
            onFx(() -> {
                desktop.close();
                return null;
            });
            deleteTree(home);
        }
        Platform.exit();
        System.exit(0);
    }

    private static Phase steady(Probe probe, int rate, int seconds) throws Exception {
        ScheduledExecutorService clicks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-trader-clicks");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> System.getLogger(ClickToAckBenchmark.class.getName())
                    .log(System.Logger.Level.ERROR, "click thread failed", e));
            return thread;
        });
        try {
            onFx(() -> {
                probe.reset();
                return null;
            });
            int orders = rate * seconds + WARM_UP_ORDERS;
            long period = 1_000_000_000L / rate;
            for (int i = 0; i < orders; i++) {
                clicks.schedule(() -> Platform.runLater(() -> probe.send(1)), i * period, TimeUnit.NANOSECONDS);
            }
            Thread.sleep(orders * period / 1_000_000 + 3_000);
            return onFx(() -> probe.phase(WARM_UP_ORDERS));
        } finally {
            clicks.shutdownNow();
        }
    }

    private static Phase bursts(Probe probe, int size) throws Exception {
        onFx(() -> {
            probe.reset();
            return null;
        });
        for (int b = 0; b < BURSTS; b++) {
            Platform.runLater(() -> probe.send(size));
            Thread.sleep(2_000);
        }
        Thread.sleep(2_000);
        return onFx(() -> probe.phase(0));
    }

    private static Workstation signIn(Desktop desktop, String user, String password) throws Exception {
        onFx(() -> {
            Stage stage = new Stage();
            desktop.showSignIn(stage);
            Scene scene = stage.getScene();
            ((TextField) scene.lookup("#username")).setText(user);
            ((TextField) scene.lookup("#password")).setText(password);
            ((Button) scene.lookup("#signInButton")).fire();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (onFx(() -> desktop.workstations().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sign-in did not open a main window within 60 s");
            }
            Thread.sleep(50);
        }
        Workstation window = onFx(() -> desktop.workstations().getFirst());
        window.ready().get(60, TimeUnit.SECONDS);
        return window;
    }

    /** What one phase measured, in nanoseconds. */
    record Phase(Histogram toScreen, Histogram submitCall, int sent, int rejected, int unseen) {
        String report(String title) {
            return String.format(Locale.ROOT, """
                    %s
                      orders sent %d, shown %d, rejected by the venue %d, not shown %d
                      click to row on screen ms   mean %.2f  p50 %.2f  p99 %.2f  max %.2f  (%.1f %% within one frame)
                      submit call on FX thread ms mean %.3f  p50 %.3f  p99 %.3f  max %.3f""",
                    title, sent, toScreen.getTotalCount(), rejected, unseen,
                    ms(toScreen.getMean()), ms(toScreen.getValueAtPercentile(50)),
                    ms(toScreen.getValueAtPercentile(99)), ms(toScreen.getMaxValue()),
                    100.0 * toScreen.getCountBetweenValues(0, (long) (FRAME_MILLIS * 1e6))
                            / Math.max(1, toScreen.getTotalCount()),
                    ms(submitCall.getMean()), ms(submitCall.getValueAtPercentile(50)),
                    ms(submitCall.getValueAtPercentile(99)), ms(submitCall.getMaxValue()));
        }

        private static double ms(double nanos) {
            return nanos / 1e6;
        }
    }

    /**
     * The trader's hand and eye, on the FX thread: sends resting buy orders a few ticks under the mark in turn
     * through the instruments of the account's currency, notes the time of each submit call, and stamps the
     * first pulse whose layout holds each order's working-orders row; then cancels it.
     */
    private static final class Probe {
        private final Workstation window;
        private final Desktop desktop;
        private final DeskState desk;
        private final AccountView account;
        private final List<Instrument> instruments;
        private final Map<Long, Long> clickedAt = new HashMap<>();
        private final List<Long> shownThisPulse = new ArrayList<>();
        private final List<Long> toCancel = new ArrayList<>();
        private final List<long[]> shown = new ArrayList<>(); // {sequence, nanos}
        private final List<long[]> submitCalls = new ArrayList<>();
        private final Map<Long, Integer> sequenceOf = new HashMap<>();
        private int sent;
        private int rejected;
        private long turn;

        Probe(Workstation window, Desktop desktop) {
            this.window = window;
            this.desktop = desktop;
            this.desk = window.context().desk();
            this.account = desk.accounts().getFirst();
            this.instruments = desk.instruments().stream()
                    .filter(i -> i.currency().equals(account.baseCurrency()) && desk.markPrice(i) > 0)
                    .sorted(Comparator.comparingLong(Instrument::id)).toList();
            if (instruments.isEmpty()) {
                throw new IllegalStateException("no priced instrument in " + account.baseCurrency());
            }
            desk.workingOrders().addListener((ListChangeListener<OrderRow>) change -> {
                while (change.next()) {
                    for (OrderRow row : change.getAddedSubList()) {
                        if (clickedAt.containsKey(row.orderId())) {
                            shownThisPulse.add(row.orderId());
                        }
                    }
                }
            });
            desk.onRejection(this::rejected);
            window.context().frames().addListener(now -> {
                for (Long orderId : toCancel) {
                    window.context().entry().cancel(orderId);
                }
                toCancel.clear();
            });
            window.stage().getScene().addPostLayoutPulseListener(this::pulseLaidOut);
        }

        /** The desk's default limits allow ten orders a minute: the officer lifts them for the run. */
        void liftThrottle() {
            desktop.host().venue().submit(new Command.SetRiskLimits(System.currentTimeMillis(), RISK_OFFICER,
                    account.accountId(), new RiskLimits(1_000_000, 10_000_000_000L, 10_000_000, 1_000_000, 60_000)));
        }

        void send(int orders) {
            for (int k = 0; k < orders; k++) {
                Instrument instrument = instruments.get((int) (turn % instruments.size()));
                long ticksUnder = 5 + turn % 10;
                turn++;
                long price = Math.max(instrument.tickSize(),
                        (desk.markPrice(instrument) / instrument.tickSize() - ticksUnder) * instrument.tickSize());
                long t0 = System.nanoTime();
                long orderId = window.context().entry().placeLimit(account.accountId(), instrument, Side.BUY, price,
                        instrument.lotSize());
                long t1 = System.nanoTime();
                submitCalls.add(new long[]{t1 - t0});
                if (orderId > 0) {
                    clickedAt.put(orderId, t0);
                    sequenceOf.put(orderId, sent);
                }
                sent++;
            }
        }

        private void pulseLaidOut() {
            if (shownThisPulse.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            for (Long orderId : shownThisPulse) {
                Long t0 = clickedAt.remove(orderId);
                if (t0 != null) {
                    shown.add(new long[]{sequenceOf.remove(orderId), now - t0});
                    toCancel.add(orderId);
                }
            }
            shownThisPulse.clear();
        }

        private void rejected(Event.OrderRejected rejection) {
            if (clickedAt.remove(rejection.orderId()) != null) {
                rejected++;
            }
        }

        void reset() {
            clickedAt.clear();
            sequenceOf.clear();
            shown.clear();
            submitCalls.clear();
            sent = 0;
            rejected = 0;
        }

        Phase phase(int warmUp) {
            Histogram toScreen = new Histogram(3);
            for (long[] s : shown) {
                if (s[0] >= warmUp) {
                    toScreen.recordValue(s[1]);
                }
            }
            Histogram submitCall = new Histogram(3);
            for (int i = warmUp; i < submitCalls.size(); i++) {
                submitCall.recordValue(submitCalls.get(i)[0]);
            }
            return new Phase(toScreen, submitCall, sent - warmUp, rejected, clickedAt.size());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(work.call());
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(120, TimeUnit.SECONDS);
    }
}
