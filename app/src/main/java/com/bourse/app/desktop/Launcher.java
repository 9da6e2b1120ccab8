package com.bourse.app.desktop;

import java.util.Locale;

/**
 * The process entry point. A main class that is not an {@code Application} lets JavaFX run from the plain
 * class path (the java launcher insists on the JavaFX modules only when the main class is an Application).
 * {@code seed-cluster} as the first argument seeds an empty live cluster instead ({@link ClusterSeed}).
 * {@code backup} and {@code restore} copy the data folder instead ({@link com.bourse.app.headless.BackupCommand}).
 *
 * <p>Before any window: quiet logging, the settings checked (every wrong value named, then exit 2) and, on Linux,
 * a display to open the window on (one line saying what is missing, then exit 1) instead of a stack trace.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        QuietLogging.install();
        if (args.length > 0 && args[0].equals("seed-cluster")) {
            ClusterSeed.main(args);
            return;
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            com.bourse.app.headless.BackupCommand.main(args);
            return;
        }
        try {
            DesktopConfig.fromSystemProperties();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bourse: cannot start: " + e.getMessage());
            System.exit(2);
        }
        String missing = missingDisplay();
        if (missing != null) {
            System.err.println("bourse: " + missing);
            System.exit(1);
        }
        BourseDesktop.main(args);
    }

    /** What is missing to open a window, or null; Monocle's headless platform (tests) needs no display. */
    static String missingDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        boolean headless = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        if (!linux || headless || present("DISPLAY") || present("WAYLAND_DISPLAY")) {
            return null;
        }
        return "no display to open the window on (DISPLAY is not set); start it from a desktop session, or "
                + "under a virtual display: xvfb-run -a bourse (from source: xvfb-run -a ./bourse run)";
    }

    private static boolean present(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }
}
