package com.bourse.app.desktop;

/**
 * The process entry point. A main class that is not an {@code Application} lets JavaFX run from the plain
 * class path (the java launcher insists on the JavaFX modules only when the main class is an Application).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        BourseDesktop.main(args);
    }
}
