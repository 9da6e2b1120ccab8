package com.bourse.app.desktop;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Start-up measurement and training for the installer (installer/package.sh, installer/check.sh), off unless
 * asked:
 * <ul>
 *   <li>{@code -Dbourse.startupReport=true} prints, once the sign-in window's first frame has been drawn, how long
 *   after the process started that was, the CPU time the process had used by then, and whether classes came from
 *   a shared archive (the AOT cache);</li>
 *   <li>{@code -Dbourse.exitAfterSignIn=true} then quits as a user closing the window would, after a few seconds
 *   in which the desktop goes on opening behind it (a real start's work);</li>
 *   <li>{@code -Dbourse.startupTraining=true} is the AOT cache's training run: the sign-in window only (the data
 *   folder is not opened, so the cache holds what the window needs and not the store's libraries), then quit.</li>
 * </ul>
 * The moment measured is the first frame on screen, not {@code Stage.show()} returning: a window is shown (mapped)
 * a whole pulse before it is painted, and on a loaded machine that pulse can take seconds.
 */
final class StartupProbe {
    private static final String LINE = "bourse: sign-in window shown";

    private StartupProbe() {
    }

    /** The training run: the sign-in window without the data folder behind it. */
    static boolean training() {
        return Boolean.getBoolean("bourse.startupTraining");
    }

    static void watch(Stage signIn) {
        boolean report = Boolean.getBoolean("bourse.startupReport");
        boolean training = training();
        boolean exit = training || Boolean.getBoolean("bourse.exitAfterSignIn");
        if (!report && !exit) {
            return;
        }
        Runnable drawn = () -> {
            if (report) {
                long cpu = ProcessHandle.current().info().totalCpuDuration()
                        .map(java.time.Duration::toMillis).orElse(-1L);
                // CPU time beside wall time: on a loaded machine the wall time is mostly the neighbours' share.
                System.out.println(LINE + " " + sinceProcessStart() + " ms after the process started (first frame"
                        + " drawn; " + cpu + " ms of CPU; " + sharing() + ")");
            }
            if (exit) {
                // Long enough for the first frames' classes to load too (caret, focus), as in a real start.
                PauseTransition settle = new PauseTransition(Duration.seconds(training ? 1 : 3));
                settle.setOnFinished(e -> Platform.exit());
                settle.play();
            }
        };
        if (signIn.isShowing()) {
            FirstFrame.then(drawn);
        } else {
            signIn.setOnShown(e -> FirstFrame.then(drawn));
        }
    }

    /**
     * Milliseconds since this process started (the launcher script's start: it execs the JVM in the same process).
     * Not ProcessHandle's start instant: on Linux that is the boot time in whole seconds plus the process's start
     * tick, so it is up to a second early (it was 0.39 s early on the machine the figures were taken on). The start
     * tick and /proc/uptime count on one clock, in hundredths of a second.
     */
    static long sinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which may hold spaces and ends at the last ')': state is field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(uptimeSeconds * 1000 - startTicks * 10.0); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException notLinux) {
            Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            return System.currentTimeMillis() - started.toEpochMilli();
        }
    }

    /** The JVM says "sharing" when classes were mapped from an archive; the packaged runtime has only the AOT cache. */
    private static String sharing() {
        boolean shared = System.getProperty("java.vm.info", "").contains("sharing");
        return shared ? "class data shared" : "no class data sharing";
    }
}
