package com.bourse.app.desktop;

/**
 * The process entry point. A main class that is not an {@code Application} lets JavaFX run from the plain
 * class path (the java launcher insists on the JavaFX modules only when the main class is an Application).
 * {@code seed-cluster} as the first argument seeds an empty live cluster instead ({@link ClusterSeed}).
 * {@code backup} and {@code restore} copy the data folder instead ({@link com.bourse.app.headless.BackupCommand}).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("seed-cluster")) {
            ClusterSeed.main(args);
            return;
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            com.bourse.app.headless.BackupCommand.main(args);
            return;
        }
        BourseDesktop.main(args);
    }
}
