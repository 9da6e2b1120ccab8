package com.bourse.app.desktop;

import com.bourse.ui.port.Workspace;
import com.bourse.ui.port.WorkspaceStore;
import com.bourse.ui.theme.ThemeManager;
import com.bourse.ui.view.FrameStats;
import com.bourse.ui.view.Workstation;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The market-data stress run: the real trader window (ladder, chart, blotters, dashboard) fed book updates at
 * a fixed rate by {@link StressSession}, measured after a warm-up: frames per second and frame intervals, the
 * time each frame spends applying updates, the backlog left after each frame (and whether it grows), and the
 * share of wall time the FX application thread was on a CPU. With a third argument {@code n} the window also has a
 * ladder and a chart of each of the first {@code n} instruments open, beside the main ones, with the watchlist and
 * time &amp; sales. Run it on a display (Xvfb in CI):
 * {@code xvfb-run -a mvn -pl app test-compile exec:exec@ui-stress -Dui-stress.args="10000 10 4"}.
 */
public final class UiStressBenchmark {
    private UiStressBenchmark() {
    }

    /** What one run measured. */
    record Result(int rate, double seconds, long offered, long applied, long frames, double fps, double p50Interval,
                  double p99Interval, double maxInterval, double p50Work, double p99Work, int maxBacklog,
                  double backlogFirstQuarter, double backlogLastQuarter, double fxBusy, double renderBusy,
                  double processBusy, long gcCount, long gcMillis, double loadAverage) {

        String report() {
            return String.format(Locale.ROOT, """
                    book updates offered      %,d (%,.0f/s for %.1f s)
                    level updates applied     %,d (after coalescing per frame)
                    frames                    %,d  (%.1f per second)
                    frame interval ms         p50 %.2f  p99 %.2f  max %.2f
                    update work per frame ms  p50 %.3f  p99 %.3f
                    backlog after a frame     max %d; mean first quarter %.1f, last quarter %.1f
                    FX thread busy            %.1f %% of wall time
                    render thread busy        %.1f %% of wall time
                    whole process on CPU      %.1f %% of one core (all threads, producer included)
                    garbage collections       %d, %d ms in all
                    machine load average      %.2f (2 cores, shared)""", offered, offered / seconds, seconds,
                    applied, frames, fps, p50Interval, p99Interval, maxInterval, p50Work, p99Work, maxBacklog,
                    backlogFirstQuarter, backlogLastQuarter, fxBusy * 100, renderBusy * 100, processBusy * 100,
                    gcCount, gcMillis, loadAverage);
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int ladders = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(10, TimeUnit.SECONDS);
        Result result = run(rate, 3, seconds, ladders);
        System.out.println("UI stress run, real trader window, " + rate + " book updates/s"
                + (ladders > 0 ? ", " + ladders + " more ladders and charts open" : "") + ":");
        System.out.println(result.report());
        Platform.exit();
        System.exit(0);
    }

    /** Opens the window, floods it, measures for {@code seconds} after {@code warmUp} seconds. */
    static Result run(int rate, int warmUp, int seconds) throws Exception {
        return run(rate, warmUp, seconds, 0);
    }

    /** As {@link #run(int, int, int)} with a ladder and a chart of each of the first {@code ladders} instruments. */
    static Result run(int rate, int warmUp, int seconds, int ladders) throws Exception {
        StressSession session = new StressSession();
        CompletableFuture<Workstation> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            Workstation w = new Workstation(new Stage(), session, new NoWorkspace(), new ThemeManager(), null, null);
            w.show().thenRun(() -> opened.complete(w));
        });
        // Start-up is not measured: a loaded machine may take a while to load the classes and the theme.
        Workstation window = opened.get(120, TimeUnit.SECONDS);
        onFx(() -> {
            window.stage().setWidth(1920);
            window.stage().setHeight(1080);
            session.instruments().stream().limit(ladders).forEach(i -> {
                window.openLadder(i);
                window.openChart(i);
            });
            if (ladders > 0) {
                // Each new panel came to the front of its area: put side by side what a trader would watch.
                session.instruments().stream().limit(ladders).forEach(i -> window.dock().detach(
                        Workstation.LADDER_OF + i.symbol(), null));
                window.dock().open(Workstation.WATCHLIST);
                window.dock().detach(Workstation.TIME_SALES, null);
            }
            return null;
        });
        long fxThread = onFx(() -> Thread.currentThread().threadId());
        try {
            session.startFlood(rate, 7);
            Thread.sleep(warmUp * 1_000L);
            onFx(() -> {
                window.frames().stats().reset();
                return null;
            });
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long renderThread = renderThreadId();
            long fxCpu0 = threads.getThreadCpuTime(fxThread);
            long renderCpu0 = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long processCpu0 = os.getProcessCpuTime();
            long gcCount0 = gcCount();
            long gcMillis0 = gcMillis();
            long sent0 = session.sent();
            long applied0 = onFx(() -> window.frames().stats().levelsApplied());
            long wall0 = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            long wall = System.nanoTime() - wall0;
            long fxCpu = threads.getThreadCpuTime(fxThread) - fxCpu0;
            long renderCpu = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread) - renderCpu0;
            long offered = session.sent() - sent0;
            long processCpu = os.getProcessCpuTime() - processCpu0;
            long gcs = gcCount() - gcCount0;
            long gcTime = gcMillis() - gcMillis0;
            double load = os.getSystemLoadAverage();
            FrameStats stats = window.frames().stats();
            return onFx(() -> {
                double[] trend = stats.backlogTrend();
                double secs = wall / 1e9;
                return new Result(rate, secs, offered, stats.levelsApplied() - applied0, stats.frames(),
                        stats.frames() / secs, stats.intervalPercentileMillis(50), stats.intervalPercentileMillis(99),
                        stats.intervalPercentileMillis(100), stats.workPercentileMillis(50),
                        stats.workPercentileMillis(99), stats.maxBacklog(), trend[0], trend[1],
                        (double) fxCpu / wall, (double) renderCpu / wall, (double) processCpu / wall, gcs, gcTime,
                        load);
            });
        } finally {
            session.stopFlood();
            onFx(() -> {
                window.close();
                return null;
            });
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionCount()).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
    }

    private static long renderThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.threadId();
            }
        }
        return -1;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(work.call());
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(60, TimeUnit.SECONDS);
    }

    /** The stress window saves nothing. */
    static final class NoWorkspace implements WorkspaceStore {
        @Override
        public Optional<Workspace> load(String username) {
            return Optional.empty();
        }

        @Override
        public void save(String username, Workspace workspace) {
        }
    }
}
