package com.bourse.ui.port;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/**
 * The whole back office's desk, as the simulation has it: the clerk's {@link ClerkDesk} (accounts, movements,
 * statements) plus what an administrator does (users and roles: {@link UserAdministration}; reference-data imports)
 * and the end of the trading day. Every command goes through the signed-in person's audited gateway and the venue judges it again.
 *
 * <p>Thread-safe. Futures complete on any thread.
 */
public interface BackOfficeDesk extends ClerkDesk, UserAdministration {

    // ---- Users ({@link UserAdministration}) and reference data (ADMIN) --------------------------------

    /** Imports a CSV file of {@code kind}: every line or none, the problems named by line. */
    CompletableFuture<ImportOutcome> importCsv(ImportKind kind, Path file);

    enum ImportKind { USERS, CURRENCIES, INSTRUMENTS, ACCOUNTS }

    // ---- End of day -------------------------------------------------------------------------------

    /** Closes the trading day (DAY orders expire) and completes with the day's report. */
    CompletableFuture<DayReport> endOfDay();

    /** The report of a trade date as the books stand now, without closing anything. */
    CompletableFuture<DayReport> dayReport(LocalDate date);

    @Override
    void close();

    /** What became of a change asked at the desk: done, or refused with the reason to show. */
    record Answer(boolean done, String message) {
        public static Answer done(String message) {
            return new Answer(true, message);
        }

        public static Answer refused(String message) {
            return new Answer(false, message);
        }
    }
}
