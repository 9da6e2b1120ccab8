package com.bourse.app.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * The desktop's logging set-up, done before anything logs: the libraries say only what a user can act on (no
 * Flyway migration summaries, no connection-pool chatter), our own lines stay, one line each. The JDK's default
 * would print every library's INFO lines in two-line records. A {@code java.util.logging.config.file} given on the
 * command line wins.
 */
final class QuietLogging {
    private static final String CONFIGURATION = "logging.properties";

    private QuietLogging() {
    }

    static void install() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream in = QuietLogging.class.getResourceAsStream(CONFIGURATION)) {
            if (in == null) {
                throw new IllegalStateException(CONFIGURATION + " is missing from the desktop's jar");
            }
            LogManager.getLogManager().readConfiguration(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the desktop's " + CONFIGURATION, e);
        }
    }
}
