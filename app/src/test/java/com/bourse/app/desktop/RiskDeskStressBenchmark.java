package com.bourse.app.desktop;

import com.bourse.protocol.Command;
import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.ui.port.AccountView;
import com.bourse.ui.port.ConnectionState;
import com.bourse.ui.port.MarketFeed;
import com.bourse.ui.port.MarketSnapshot;
import com.bourse.ui.port.ReviewItem;
import com.bourse.ui.port.TraderIdentity;
import com.bourse.ui.port.TradingSession;
import com.bourse.ui.port.VenueMode;
import com.bourse.ui.theme.ThemeManager;
import com.bourse.ui.view.FrameStats;
import com.bourse.ui.view.Workstation;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The risk officer's queue under load: the real officer window (approval queue with its detail, controls, limits
 * editor) opened on a {@link StressRiskDesk} holding {@code held} items, then fed {@code rate} new alerts a second
 * and as many decisions on random held items, measured after a warm-up: frames per second and frame intervals,
 * the time each frame spends in the desk's updates, alert to queue line (sent on the venue thread to in the table's
 * items on the FX thread), the queue's size, and the FX thread's share of wall time. Run on a display:
 * {@code xvfb-run -a mvn -pl app test-compile exec:exec@risk-stress -Drisk-stress.args="1000 50 10"}; add
 * {@code smoke} for a few-seconds run.
 */
public final class RiskDeskStressBenchmark {
    private RiskDeskStressBenchmark() {
    }

    record Result(int held, int rate, double seconds, long alerts, long decisions, long frames, double fps,
                  double p50Interval, double p99Interval, double maxInterval, double p50Work, double p99Work,
                  double p50Show, double p99Show, double maxShow, int shown, int queueAtEnd, double fxBusy,
                  double processBusy, long gcCount, long gcMillis, double loadAverage) {

        String report() {
            return String.format(Locale.ROOT, """
                    held at connect           %,d
                    alerts sent               %,d (%,.1f/s for %.1f s), decisions on held items %,d
                    frames                    %,d  (%.1f per second)
                    frame interval ms         p50 %.2f  p99 %.2f  max %.2f
                    update work per frame ms  p50 %.3f  p99 %.3f  (market and desk, all frame listeners)
                    alert to queue line ms    p50 %.2f  p99 %.2f  max %.2f  (%,d lines timed)
                    queue at the end          %,d held
                    FX thread busy            %.1f %% of wall time
                    whole process on CPU      %.1f %% of one core (all threads, producer included)
                    garbage collections       %d, %d ms in all
                    machine load average      %.2f (2 cores, shared)""", held, alerts, alerts / seconds, seconds,
                    decisions, frames, fps, p50Interval, p99Interval, maxInterval, p50Work, p99Work, p50Show, p99Show,
                    maxShow, shown, queueAtEnd, fxBusy * 100, processBusy * 100, gcCount, gcMillis, loadAverage);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Arrays.asList(args).contains("smoke");
        List<String> numbers = Arrays.stream(args).filter(a -> !a.equals("smoke")).toList();
        int held = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 1_000;
        int rate = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 50;
        int seconds = numbers.size() > 2 ? Integer.parseInt(numbers.get(2)) : smoke ? 3 : 10;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(10, TimeUnit.SECONDS);
        Result result = run(held, rate, smoke ? 1 : 3, seconds);
        System.out.println("Risk desk stress run, real officer window, " + held + " held, " + rate + " alerts/s:");
        System.out.println(result.report());
        Platform.exit();
        System.exit(0);
    }

    static Result run(int held, int rate, int warmUp, int seconds) throws Exception {
        StressRiskDesk risk = new StressRiskDesk(held);
        OfficerSession session = new OfficerSession(risk.officer());
        CompletableFuture<Workstation> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            Workstation w = new Workstation(new Stage(), session, risk, new UiStressBenchmark.NoWorkspace(),
                    new ThemeManager(), null, null);
            w.show().thenRun(() -> opened.complete(w));
        });
        Workstation window = opened.get(20, TimeUnit.SECONDS);
        long fxThread = onFx(() -> Thread.currentThread().threadId());
        long[] showNanos = new long[1 << 16];
        int[] shown = new int[1];
        boolean[] measuring = new boolean[1];
        onFx(() -> {
            window.reviewQueue().items().addListener((ListChangeListener<ReviewItem>) change -> {
                long now = System.nanoTime();
                while (change.next()) {
                    for (ReviewItem item : change.getAddedSubList()) {
                        Long sent = risk.sentAt(item.subjectId());
                        if (measuring[0] && sent != null && shown[0] < showNanos.length) {
                            showNanos[shown[0]++] = now - sent;
                        }
                    }
                }
            });
            return null;
        });
        try {
            risk.startAlerts(rate, true, 7);
            Thread.sleep(warmUp * 1_000L);
            onFx(() -> {
                window.frames().stats().reset();
                measuring[0] = true;
                return null;
            });
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long fxCpu0 = threads.getThreadCpuTime(fxThread);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long processCpu0 = os.getProcessCpuTime();
            long gcCount0 = gcCount();
            long gcMillis0 = gcMillis();
            long alerts0 = risk.alertsSent();
            long decisions0 = risk.decisionsSent();
            long wall0 = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            long wall = System.nanoTime() - wall0;
            long fxCpu = threads.getThreadCpuTime(fxThread) - fxCpu0;
            long processCpu = os.getProcessCpuTime() - processCpu0;
            long alerts = risk.alertsSent() - alerts0;
            long decisions = risk.decisionsSent() - decisions0;
            long gcs = gcCount() - gcCount0;
            long gcTime = gcMillis() - gcMillis0;
            double load = os.getSystemLoadAverage();
            FrameStats stats = window.frames().stats();
            return onFx(() -> {
                measuring[0] = false;
                long[] show = Arrays.copyOf(showNanos, shown[0]);
                Arrays.sort(show);
                double secs = wall / 1e9;
                return new Result(held, rate, secs, alerts, decisions, stats.frames(), stats.frames() / secs,
                        stats.intervalPercentileMillis(50), stats.intervalPercentileMillis(99),
                        stats.intervalPercentileMillis(100), stats.workPercentileMillis(50),
                        stats.workPercentileMillis(99), percentile(show, 50), percentile(show, 99),
                        percentile(show, 100), show.length, window.reviewQueue().items().size(),
                        (double) fxCpu / wall, (double) processCpu / wall, gcs, gcTime, load);
            });
        } finally {
            risk.stopAlerts();
            onFx(() -> {
                window.close();
                return null;
            });
        }
    }

    private static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int at = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
        return sorted[Math.max(0, at)] / 1e6;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionCount()).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
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
        return answer.get(10, TimeUnit.SECONDS);
    }

    /** An officer's market side: the sample world's reference data, a quiet market and no accounts of their own. */
    private static final class OfficerSession implements TradingSession {
        private final StressSession market = new StressSession();
        private final TraderIdentity officer;

        OfficerSession(TraderIdentity officer) {
            this.officer = officer;
        }

        @Override
        public TraderIdentity trader() {
            return officer;
        }

        @Override
        public VenueMode mode() {
            return VenueMode.SIMULATION;
        }

        @Override
        public ConnectionState connectionState() {
            return ConnectionState.CONNECTED;
        }

        @Override
        public List<Currency> currencies() {
            return market.currencies();
        }

        @Override
        public List<Instrument> instruments() {
            return market.instruments();
        }

        @Override
        public List<AccountView> accounts() {
            return List.of();
        }

        @Override
        public long newOrderId(long accountId) {
            return 0;
        }

        @Override
        public long now() {
            return System.currentTimeMillis();
        }

        @Override
        public boolean submit(Command command) {
            return false;
        }

        @Override
        public CompletableFuture<MarketSnapshot> connect(MarketFeed feed) {
            return market.connect(feed);
        }

        @Override
        public long lastLatencyNanos() {
            return 0;
        }

        @Override
        public void close() {
            market.close();
        }
    }
}
