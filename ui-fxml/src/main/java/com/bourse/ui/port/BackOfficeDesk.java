package com.bourse.ui.port;

import com.bourse.protocol.Currency;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.Role;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The back office's line to the books: accounts with their cash, positions, orders, movements and trades; cash
 * movements and payments entered, settled and cancelled; statements and their exports; users and reference data
 * (for an administrator); the end of the trading day. Reads come from the venue's state and the back office's
 * projections; every command goes through the signed-in person's audited gateway and the venue judges it again
 * (roles, four eyes, balances).
 *
 * <p>Simulation reads the embedded engine and the local store; a live implementation reads the cluster's session
 * and the live back office's projections.
 *
 * <p>Thread-safe. Futures complete on any thread; {@link #onMovement} listeners are called on the venue's thread.
 */
public interface BackOfficeDesk extends AutoCloseable {

    /** Who is signed in at this desk. */
    TraderIdentity user();

    List<Currency> currencies();

    List<Instrument> instruments();

    /** The zone trade dates and statement times are told in. */
    ZoneId tradingZone();

    /** Today's trade date in {@link #tradingZone()}. */
    LocalDate today();

    // ---- Accounts -----------------------------------------------------------------------------------

    /** Every customer account with its owner, base currency and status. */
    CompletableFuture<List<AccountSummary>> accounts();

    /** One account's page: cash per currency, positions and working orders now, latest movements and trades. */
    CompletableFuture<AccountDetail> account(long accountId);

    // ---- Cash movements and payments ---------------------------------------------------------------

    /** A fresh movement id: the idempotency key the entry form shows and sends again on a retry. */
    long newMovementId();

    /**
     * Sends a movement as the signed-in person and completes with the venue's first answer about that id (recorded
     * with its state, refused with the venue's words, or not sent at all).
     */
    CompletableFuture<MovementOutcome> request(MovementRequest request);

    /** Movements now in {@code state}, newest first. */
    CompletableFuture<List<Movement>> movements(com.bourse.protocol.TransferState state);

    /** Every state a movement went through, oldest first. */
    CompletableFuture<List<MovementStep>> history(long movementId);

    /** Withdraws a movement still pending; completes with the venue's answer. */
    CompletableFuture<MovementOutcome> cancel(long movementId);

    /** Records the bank's answer for a deposit or withdrawal in processing; completes with the venue's answer. */
    CompletableFuture<MovementOutcome> settle(long movementId, boolean settled);

    /** Hears every movement's change of state (venue thread; return quickly). Removed by closing the handle. */
    AutoCloseable onMovement(Consumer<MovementUpdate> listener);

    // ---- Statements ------------------------------------------------------------------------------------

    /** An account's statement of one asset over whole trade dates {@code from}..{@code to}. */
    CompletableFuture<StatementView> statement(long accountId, String asset, LocalDate from, LocalDate to);

    /** Writes the statement to {@code file} (audited as the signed-in person). */
    CompletableFuture<Path> export(StatementView statement, ExportFormat format, Path file);

    enum ExportFormat { CSV, PDF }

    // ---- Users and reference data (ADMIN) ------------------------------------------------------------

    CompletableFuture<List<UserRow>> users();

    CompletableFuture<Answer> createUser(String username, String displayName, Set<Role> roles, char[] password);

    CompletableFuture<Answer> disable(long userId);

    CompletableFuture<Answer> unlock(long userId);

    CompletableFuture<Answer> resetPassword(long userId, char[] password);

    CompletableFuture<Answer> setRoles(long userId, Set<Role> roles);

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
